// Text: one normalised copy of a document's text and its sentences.
// Covered by tests/text/text_test.cc.
#include "claimcheck/text.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>

namespace claimcheck {

namespace {

constexpr std::size_t kMaxListedBadBytes = 20;

std::string NormaliseLineEnds(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '\r') {
      out.push_back('\n');
      if (i + 1 < in.size() && in[i + 1] == '\n') ++i;
    } else {
      out.push_back(in[i]);
    }
  }
  return out;
}

bool IsAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x80;
  });
}

std::string ToNfc(std::string text) {
  if (IsAscii(text)) return text;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return text;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (nfc->isNormalized(u, status) && U_SUCCESS(status)) return text;
  status = U_ZERO_ERROR;
  icu::UnicodeString normal = nfc->normalize(u, status);
  if (U_FAILURE(status)) return text;
  std::string out;
  normal.toUTF8String(out);
  return out;
}

}  // namespace

Result<Text> Text::FromBytes(std::string_view bytes, const std::string& origin,
                             Diagnostics* warnings) {
  const std::size_t nul = bytes.find('\0');
  if (nul != std::string_view::npos) {
    return Status::InvalidArgument(
        origin + ": byte " + std::to_string(nul) +
        ": binary data (a NUL byte); not a text document");
  }
  std::vector<std::size_t> bad;
  std::string repaired = RepairUtf8(bytes, &bad);
  if (warnings != nullptr) {
    for (std::size_t k = 0; k < bad.size() && k < kMaxListedBadBytes; ++k) {
      warnings->push_back({origin, "byte " + std::to_string(bad[k]),
                           "invalid UTF-8 replaced with U+FFFD"});
    }
    if (bad.size() > kMaxListedBadBytes) {
      warnings->push_back(
          {origin, "",
           std::to_string(bad.size() - kMaxListedBadBytes) +
               " more invalid UTF-8 sequences replaced with U+FFFD"});
    }
  }
  std::string_view view = repaired;
  if (view.substr(0, 3) == "\xEF\xBB\xBF") view.remove_prefix(3);
  Text text;
  text.text_ = ToNfc(NormaliseLineEnds(view));
  text.sentences_ = SplitSentences(text.text_);
  return text;
}

std::string_view Text::SentenceText(std::size_t i) const {
  if (i >= sentences_.size()) return {};
  const Sentence& s = sentences_[i];
  return std::string_view(text_).substr(s.start, s.end - s.start);
}

std::size_t Text::SentenceAt(std::size_t offset) const {
  auto it = std::upper_bound(
      sentences_.begin(), sentences_.end(), offset,
      [](std::size_t off, const Sentence& s) { return off < s.start; });
  if (it == sentences_.begin()) return sentences_.size();
  --it;
  if (offset >= it->end) return sentences_.size();
  return static_cast<std::size_t>(it - sentences_.begin());
}

}  // namespace claimcheck
