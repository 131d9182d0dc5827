// Local document ids: SHA-256 of the bytes, stable across runs.
#include "claimcheck/document.h"

#include <catch2/catch.hpp>

namespace claimcheck {
namespace {

TEST_CASE("local document ids are sha256 of the bytes", "[document]") {
  // FIPS 180-2 test vectors.
  CHECK(LocalDocumentId("abc") ==
        "sha256:"
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(LocalDocumentId("") ==
        "sha256:"
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(LocalDocumentId("abd") != LocalDocumentId("abc"));
}

}  // namespace
}  // namespace claimcheck
