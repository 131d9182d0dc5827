// libFuzzer target: Text::FromBytes, the concept matcher and the claim
// extractor over the real kb/ vocabulary; each text is read once as an
// article and once as an abstract whose sentences get section labels,
// boilerplate flags and attributions taken from their first byte.
#include <array>

#include "fuzz_util.h"

namespace claimcheck::fuzz {
namespace {

std::vector<SentenceContext> AbstractContext(const Text& text) {
  static constexpr std::array<const char*, 6> kSections = {
      "", "BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS", "Findings"};
  std::vector<SentenceContext> context(text.sentences().size());
  for (std::size_t i = 0; i < context.size(); ++i) {
    const std::string_view sentence = text.SentenceText(i);
    const auto first =
        sentence.empty() ? 0u : static_cast<unsigned char>(sentence[0]);
    context[i].section = kSections[first % kSections.size()];
    context[i].boilerplate = first % 7 == 0;
    context[i].attribution = static_cast<Attribution>(first % 3);
  }
  return context;
}

void ExtractOne(std::string_view bytes) {
  static const ClaimExtractor* extractor = &RealKnowledgeBase().extractor();
  Diagnostics warnings;
  Result<Text> text = Text::FromBytes(bytes, "fuzz", &warnings);
  if (!text.ok()) return;
  const Text& t = text.value();
  CheckText(t);
  const std::vector<Mention> mentions = extractor->matcher().Match(t);
  CheckClaims(t, mentions, extractor->Extract(t, mentions, {}));
  extractor->MainSubject(mentions);
  if (!t.sentences().empty()) {
    CheckClaims(t, mentions,
                extractor->Extract(t, mentions, AbstractContext(t)));
  }
}

}  // namespace
}  // namespace claimcheck::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  claimcheck::fuzz::ExtractOne(claimcheck::fuzz::Bytes(data, size));
  return 0;
}
