// A user's question or statement read as one claim (docs/reports.md,
// "Query answers"): what `claimcheck query` judges. Covered by
// tests/claims/user_claim_test.cc and tests/cli/cli_test.sh.
#include <algorithm>
#include <bit>
#include <cctype>

#include "claimcheck/claims.h"
#include "claimcheck/concepts.h"
#include "claimcheck/text.h"

namespace claimcheck {

namespace {

// A word the user may have misspelt, and the name it is near.
struct Fix {
  std::size_t start = 0, end = 0;
  NearName near;
};

bool AllLetters(std::string_view word) {
  return std::all_of(word.begin(), word.end(), [](char c) {
    return std::isalpha(static_cast<unsigned char>(c)) != 0;
  });
}

std::optional<Text> MakeText(std::string text) {
  // A line without final punctuation would read as a heading.
  while (!text.empty() &&
         std::isspace(static_cast<unsigned char>(text.back()))) {
    text.pop_back();
  }
  if (!text.empty() && !std::ispunct(static_cast<unsigned char>(text.back())))
    text += '.';
  Result<Text> t = Text::FromBytes(text, "query", nullptr);
  if (!t.ok()) return std::nullopt;
  return std::move(t).value();
}

// The first claim with something to judge: not a composition claim.
std::optional<UserClaim> FirstClaim(const ClaimExtractor& extractor,
                                    Text text) {
  std::vector<Claim> claims = extractor.Extract(text);
  for (Claim& c : claims) {
    if (c.kind == ClaimKind::kComposition) continue;
    UserClaim out{std::move(text), std::move(c), claims.size(), {}, {}};
    return out;
  }
  return std::nullopt;
}

}  // namespace

std::optional<UserClaim> ReadUserClaim(const ClaimExtractor& extractor,
                                       const Vocabulary& vocabulary,
                                       const std::string& text) {
  std::optional<Text> t = MakeText(text);
  if (!t) return std::nullopt;
  // A question about taking a mechanism ("does melatonin help you sleep?")
  // is about the intervention it is taken as, when the text names none.
  const std::vector<Mention> names = extractor.matcher().Match(*t);
  const bool intervention =
      std::any_of(names.begin(), names.end(), [](const Mention& m) {
        return m.target->kind == ConceptKind::kIntervention;
      });
  const std::string& str = t->str();
  for (const Mention& m : names) {
    if (intervention || m.target->taken_as.empty()) continue;
    const Concept* taken = vocabulary.Find(m.target->taken_as);
    if (taken == nullptr) continue;
    std::optional<Text> as =
        MakeText(str.substr(0, m.start) + taken->label + str.substr(m.end));
    if (!as) continue;
    std::optional<UserClaim> read = FirstClaim(extractor, *as);
    if (read && read->claim.subject == taken) {
      read->taken_as.emplace_back(str.substr(m.start, m.end - m.start),
                                  taken->label);
      return read;
    }
  }
  if (auto read = FirstClaim(extractor, *t)) return read;
  // No claim: words no concept covers that are one or two edits from a
  // single concept's name ("magnessium", "chamomille") are read as that
  // name, when the text then makes a claim on every concept so read.
  std::vector<bool> covered(str.size() + 1, false);
  for (const Mention& m : names) {
    for (std::size_t i = m.start; i < m.end; ++i) covered[i] = true;
  }
  std::vector<Fix> fixes;
  for (const Token& token : Tokenize(str)) {
    const std::string_view word =
        std::string_view(str).substr(token.start, token.end - token.start);
    if (word.size() < 5 || !AllLetters(word) || covered[token.start]) continue;
    if (std::optional<NearName> near = NearestName(vocabulary, word)) {
      fixes.push_back({token.start, token.end, std::move(*near)});
    }
    if (fixes.size() == 4) break;  // at most 15 readings below
  }
  // Every non-empty set of fixes, the largest first.
  const std::size_t n = fixes.size();
  std::vector<unsigned> sets;
  for (unsigned s = 1; s < (1u << n); ++s) sets.push_back(s);
  std::stable_sort(sets.begin(), sets.end(), [](unsigned a, unsigned b) {
    return std::popcount(a) > std::popcount(b);
  });
  for (unsigned set : sets) {
    std::string fixed;
    std::size_t at = 0;
    std::vector<std::pair<std::size_t, std::size_t>> spans;  // in `fixed`
    for (std::size_t i = 0; i < n; ++i) {
      if (!(set & (1u << i))) continue;
      fixed += str.substr(at, fixes[i].start - at);
      spans.emplace_back(fixed.size(),
                         fixed.size() + fixes[i].near.name.size());
      fixed += fixes[i].near.name;
      at = fixes[i].end;
    }
    fixed += str.substr(at);
    std::optional<Text> ft = MakeText(fixed);
    if (!ft) continue;
    std::optional<UserClaim> read = FirstClaim(extractor, *ft);
    if (!read) continue;
    // Each name read in must be the claim's subject or object.
    const std::vector<Mention> mentions = extractor.matcher().Match(read->text);
    bool all_used = true;
    for (const auto& [b, e] : spans) {
      const Concept* named = nullptr;
      for (const Mention& m : mentions) {
        if (m.start <= b && e <= m.end) named = m.target;
      }
      all_used &= named != nullptr &&
                  (named == read->claim.subject || named == read->claim.object);
    }
    if (!all_used) continue;
    for (std::size_t i = 0; i < n; ++i) {
      if (set & (1u << i)) {
        read->corrected.emplace_back(
            str.substr(fixes[i].start, fixes[i].end - fixes[i].start),
            fixes[i].near.name);
      }
    }
    return read;
  }
  return std::nullopt;
}

}  // namespace claimcheck
