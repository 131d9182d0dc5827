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
    UserClaim out{
        std::move(text), std::move(c), claims.size(), {}, {}, {}, {}, {}};
    return out;
  }
  return std::nullopt;
}

// True when `c` is `root` or one of its kinds through first parents.
bool InFamily(const Vocabulary& vocabulary, const Concept* c,
              const Concept* root) {
  for (int depth = 0; c != nullptr && depth < 16; ++depth) {
    if (c == root) return true;
    c = c->is_a.empty() ? nullptr : vocabulary.Find(c->is_a.front());
  }
  return false;
}

// "magnesium oxide is absorbed better than citrate": a salt's bare name in
// a text that names a mineral or one of its forms names that mineral's
// salt (docs/reports.md, "Query answers"). `t` with each such word so
// read, and (word, name) in `done`; `t` as typed when none.
std::string ExpandBareForms(
    const ClaimExtractor& extractor, const Vocabulary& vocabulary,
    const Text& t, std::vector<std::pair<std::string, std::string>>* done) {
  const std::vector<Mention> mentions = extractor.matcher().Match(t);
  std::vector<const Concept*> roots;  // the minerals named, and ancestors
  for (const Mention& m : mentions) {
    if (m.target->kind != ConceptKind::kIntervention) continue;
    for (const Concept* c = m.target; c != nullptr;
         c = c->is_a.empty() ? nullptr : vocabulary.Find(c->is_a.front())) {
      if (std::find(roots.begin(), roots.end(), c) != roots.end()) break;
      roots.push_back(c);
    }
  }
  const std::string& str = t.str();
  std::string out;
  std::size_t at = 0;
  for (const Token& token : Tokenize(str)) {
    const std::string word = str.substr(token.start, token.end - token.start);
    if (word.size() < 5 || !AllLetters(word)) continue;
    // A word already within a name of the family stays as it is.
    const auto covering =
        std::find_if(mentions.begin(), mentions.end(), [&](const Mention& m) {
          return m.start <= token.start && token.end <= m.end;
        });
    const Concept* covered =
        covering == mentions.end() ? nullptr : covering->target;
    for (const Concept* root : roots) {
      if (covered != nullptr && InFamily(vocabulary, covered, root)) break;
      const std::string name = root->label + " " + word;
      std::optional<Text> nt = MakeText(name);
      if (!nt) continue;
      const std::vector<Mention> named = extractor.matcher().Match(*nt);
      if (named.size() != 1 || named[0].start != 0 ||
          named[0].end != name.size() || named[0].target == root ||
          !InFamily(vocabulary, named[0].target, root)) {
        continue;
      }
      out += str.substr(at, token.start - at) + name;
      at = token.end;
      done->emplace_back(word, name);
      break;
    }
  }
  return out + str.substr(at);
}

// The claim `t` makes as typed; a mechanism is read as what it is taken as
// when the text names no intervention ("does melatonin help you sleep?").
std::optional<UserClaim> ReadAsTyped(const ClaimExtractor& extractor,
                                     const Vocabulary& vocabulary,
                                     const Text& t) {
  const std::vector<Mention> names = extractor.matcher().Match(t);
  const bool intervention =
      std::any_of(names.begin(), names.end(), [](const Mention& m) {
        return m.target->kind == ConceptKind::kIntervention;
      });
  const std::string& str = t.str();
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
  return FirstClaim(extractor, t);
}

// The claim `t` makes when words no concept covers that are one or two
// edits from a single concept's name ("magnessium", "chamomille") are read
// as that name, when the text then makes a claim on every concept so read;
// or, near no name, from a single predicate or cue word ("bioavailible").
std::optional<UserClaim> ReadCorrected(const ClaimExtractor& extractor,
                                       const Vocabulary& vocabulary,
                                       const Text& t) {
  const std::string& str = t.str();
  std::vector<bool> covered(str.size() + 1, false);
  for (const Mention& m : extractor.matcher().Match(t)) {
    for (std::size_t i = m.start; i < m.end; ++i) covered[i] = true;
  }
  std::vector<Fix> fixes;
  for (const Token& token : Tokenize(str)) {
    const std::string_view word =
        std::string_view(str).substr(token.start, token.end - token.start);
    if (word.size() < 5 || !AllLetters(word) || covered[token.start]) continue;
    if (std::optional<NearName> near = NearestName(vocabulary, word)) {
      fixes.push_back({token.start, token.end, std::move(*near)});
    } else if (std::optional<std::string> cue =
                   extractor.NearestCueWord(word)) {
      // A misspelt predicate or cue ("bioavailible", "reduses").
      fixes.push_back({token.start, token.end, NearName{*cue, nullptr, 0}});
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
      if (fixes[i].near.target != nullptr) {  // a name, not a cue word
        spans.emplace_back(fixed.size(),
                           fixed.size() + fixes[i].near.name.size());
      }
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
        (fixes[i].near.target != nullptr ? read->corrected : read->respelt)
            .emplace_back(
                str.substr(fixes[i].start, fixes[i].end - fixes[i].start),
                fixes[i].near.name);
      }
    }
    return read;
  }
  return std::nullopt;
}

// The claim of `t`: as typed, then with everyday phrases in the words the
// rules read ("knocks you out" -> "improves sleep"), then with misspelt
// names read as the names they are near, as typed and so read. A reading
// with a literal argument (words the vocabulary lacks, docs/claims.md) is
// the last resort: "magnessium" is read as magnesium before it is read as
// words nobody knows.
std::optional<UserClaim> ReadTyped(const ClaimExtractor& extractor,
                                   const Vocabulary& vocabulary,
                                   const Text& t) {
  std::optional<UserClaim> literal;
  auto grounded = [&literal](std::optional<UserClaim>& read) {
    if (!read) return false;
    if (!IsLiteral(read->claim.subject) && !IsLiteral(read->claim.object)) {
      return true;
    }
    if (!literal) literal = std::move(read);
    return false;
  };
  if (auto read = ReadAsTyped(extractor, vocabulary, t); grounded(read)) {
    return read;
  }
  std::vector<std::pair<std::string, std::string>> paraphrased;
  std::optional<Text> plain;
  if (std::string p = extractor.Paraphrase(t, &paraphrased);
      !paraphrased.empty()) {
    plain = MakeText(std::move(p));
  }
  if (plain) {
    if (auto read = ReadAsTyped(extractor, vocabulary, *plain);
        grounded(read)) {
      read->paraphrased = paraphrased;
      return read;
    }
  }
  if (auto read = ReadCorrected(extractor, vocabulary, t); grounded(read)) {
    return read;
  }
  if (plain) {
    if (auto read = ReadCorrected(extractor, vocabulary, *plain);
        grounded(read)) {
      read->paraphrased = std::move(paraphrased);
      return read;
    }
  }
  return literal;
}

}  // namespace

std::optional<UserClaim> ReadUserClaim(const ClaimExtractor& extractor,
                                       const Vocabulary& vocabulary,
                                       const std::string& text) {
  std::optional<Text> t = MakeText(text);
  if (!t) return std::nullopt;
  std::vector<std::pair<std::string, std::string>> forms;
  if (std::string e = ExpandBareForms(extractor, vocabulary, *t, &forms);
      !forms.empty()) {
    t = MakeText(std::move(e));
    if (!t) return std::nullopt;
  }
  std::optional<UserClaim> read = ReadTyped(extractor, vocabulary, *t);
  if (read) read->forms = std::move(forms);
  return read;
}

}  // namespace claimcheck
