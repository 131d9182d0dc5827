// libFuzzer target: the same bytes through the plain-text and the Markdown
// importers (importers/text_article.cc, markdown.cc), then
// BuildDocumentText.
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const std::string_view bytes = claimcheck::fuzz::Bytes(data, size);
  claimcheck::fuzz::ImportArticle(claimcheck::InputFormat::kText, bytes);
  claimcheck::fuzz::ImportArticle(claimcheck::InputFormat::kMarkdown, bytes);
  return 0;
}
