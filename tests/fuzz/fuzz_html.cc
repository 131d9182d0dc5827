// libFuzzer target: the web-page importer (importers/html*.cc) on any
// bytes, then BuildDocumentText.
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  claimcheck::fuzz::ImportArticle(claimcheck::InputFormat::kHtml,
                                  claimcheck::fuzz::Bytes(data, size));
  return 0;
}
