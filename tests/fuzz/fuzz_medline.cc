// libFuzzer target: MEDLINE / .nbib through ImportBytes with a .nbib name
// (so gzip, format detection and the streamed record reader all run), then
// BuildDocumentText.
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  claimcheck::fuzz::Import(claimcheck::fuzz::Bytes(data, size), "fuzz.nbib");
  return 0;
}
