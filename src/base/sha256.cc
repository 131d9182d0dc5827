// Document ids of local files: SHA-256 through nettle (Debian's nettle-dev).
#include <nettle/sha2.h>

#include "claimcheck/document.h"

namespace claimcheck {

std::string LocalDocumentId(std::string_view bytes) {
  sha256_ctx ctx;
  sha256_init(&ctx);
  sha256_update(&ctx, bytes.size(),
                reinterpret_cast<const std::uint8_t*>(bytes.data()));
  std::uint8_t digest[SHA256_DIGEST_SIZE];
  sha256_digest(&ctx, SHA256_DIGEST_SIZE, digest);
  static const char kHex[] = "0123456789abcdef";
  std::string id = "sha256:";
  for (std::uint8_t b : digest) {
    id += kHex[b >> 4];
    id += kHex[b & 15];
  }
  return id;
}

}  // namespace claimcheck
