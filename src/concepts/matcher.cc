// ConceptMatcher: longest-match lookup of vocabulary phrases over folded word
// tokens, sentence by sentence, with abbreviations the text itself defines.
// Covered by tests/concepts/matcher_test.cc and tests/concepts/seeds_test.cc.
#include <algorithm>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>
#include <unordered_map>

#include "base/member_count.h"
#include "base/view_archive.h"
#include "claimcheck/concepts.h"

namespace claimcheck {

namespace {

struct PhraseToken {
  std::string fold;
  std::string cased;  // compared only when `case_sensitive`
  bool case_sensitive = false;
};

struct Phrase {
  std::vector<PhraseToken> tokens;
  std::size_t concept_index = 0;  // index into Vocabulary::concepts()
  int polarity = 1;
  std::string via_abbreviation;
};

// Phrases, and the same by first token as indexes into them: longest
// phrases first, then in the order added, so that the first full match found
// at a position is the one to keep, deterministically.
struct PhraseSet {
  std::vector<Phrase> phrases;
  std::unordered_map<std::string, std::vector<std::size_t>> by_first;

  void Add(Phrase phrase) {
    if (!phrase.tokens.empty()) phrases.push_back(std::move(phrase));
  }
  void Index() {
    by_first.clear();
    for (std::size_t i = 0; i < phrases.size(); ++i) {
      by_first[phrases[i].tokens[0].fold].push_back(i);
    }
    for (auto& [key, bucket] : by_first) {
      std::stable_sort(
          bucket.begin(), bucket.end(), [this](std::size_t a, std::size_t b) {
            return phrases[a].tokens.size() > phrases[b].tokens.size();
          });
    }
  }
};

// For ConceptMatcher::Save and Load (cereal).
template <class Archive>
void serialize(Archive& ar, PhraseToken& t) {
  ar(t.fold, t.cased, t.case_sensitive);
}
template <class Archive>
void serialize(Archive& ar, Phrase& p) {
  ar(p.tokens, p.concept_index, p.polarity, p.via_abbreviation);
}
static_assert(MemberCount<PhraseToken>() == 3, "serialize every member");
static_assert(MemberCount<Phrase>() == 4, "serialize every member");

std::vector<PhraseToken> PhraseTokens(std::string_view words,
                                      bool case_sensitive) {
  std::vector<PhraseToken> out;
  if (!case_sensitive) {  // the cased form is never compared: not made
    for (std::string& fold : FoldWords(words)) {
      out.push_back({std::move(fold), std::string(), false});
    }
    return out;
  }
  for (Token& t : Tokenize(words)) {
    out.push_back({std::move(t.fold), std::move(t.cased), true});
  }
  return out;
}

bool TokenMatches(const Token& token, const PhraseToken& pt) {
  if (token.fold != pt.fold) return false;
  return !pt.case_sensitive || token.cased == pt.cased;
}

// Where `a`'s long form occurs inside `phrase` as a run of tokens: returns the
// phrase with that run replaced by the short form (case-sensitive), or an
// empty phrase when it does not occur.
Phrase ReplaceLongForm(const Phrase& phrase,
                       const std::vector<PhraseToken>& long_form,
                       const std::vector<PhraseToken>& short_form,
                       const std::string& short_text) {
  const auto& t = phrase.tokens;
  if (long_form.empty() || t.size() < long_form.size()) return {};
  for (std::size_t i = 0; i + long_form.size() <= t.size(); ++i) {
    bool same = true;
    for (std::size_t k = 0; k < long_form.size() && same; ++k) {
      same = t[i + k].fold == long_form[k].fold;
    }
    if (!same) continue;
    Phrase out = phrase;
    out.tokens.clear();
    out.tokens.insert(out.tokens.end(), t.begin(), t.begin() + i);
    out.tokens.insert(out.tokens.end(), short_form.begin(), short_form.end());
    out.tokens.insert(out.tokens.end(), t.begin() + i + long_form.size(),
                      t.end());
    out.via_abbreviation = short_text;
    return out;
  }
  return {};
}

}  // namespace

struct ConceptMatcher::Impl {
  const Vocabulary* vocabulary = nullptr;
  PhraseSet set;  // phrases in vocabulary order
};

ConceptMatcher::ConceptMatcher() : impl_(std::make_unique<Impl>()) {}

ConceptMatcher::ConceptMatcher(const Vocabulary& vocabulary)
    : impl_(std::make_unique<Impl>()) {
  impl_->vocabulary = &vocabulary;
  const auto& concepts = vocabulary.concepts();
  auto add = [&](Phrase phrase) { impl_->set.Add(std::move(phrase)); };
  for (std::size_t c = 0; c < concepts.size(); ++c) {
    const Concept& entry = concepts[c];
    add({PhraseTokens(entry.label, false), c, 1, {}});
    for (const std::string& s : entry.synonyms) {
      add({PhraseTokens(s, false), c, 1, {}});
    }
    for (const std::string& s : entry.cased_synonyms) {
      add({PhraseTokens(s, true), c, 1, {}});
    }
    for (const std::string& s : entry.antonyms) {
      add({PhraseTokens(s, false), c, -1, {}});
    }
  }
  impl_->set.Index();
}

ConceptMatcher::~ConceptMatcher() = default;
ConceptMatcher::ConceptMatcher(ConceptMatcher&&) noexcept = default;
ConceptMatcher& ConceptMatcher::operator=(ConceptMatcher&&) noexcept = default;

std::string ConceptMatcher::Save() const {
  return SaveBinary(impl_->set.phrases);
}

std::optional<ConceptMatcher> ConceptMatcher::Load(const Vocabulary& vocabulary,
                                                   std::string_view saved) {
  ConceptMatcher m;
  m.impl_->vocabulary = &vocabulary;
  if (!LoadBinary(saved, m.impl_->set.phrases)) return std::nullopt;
  for (const Phrase& p : m.impl_->set.phrases) {
    if (p.tokens.empty() || p.concept_index >= vocabulary.concepts().size() ||
        (p.polarity != 1 && p.polarity != -1)) {
      return std::nullopt;
    }
  }
  m.impl_->set.Index();
  return m;
}

std::vector<Mention> ConceptMatcher::Match(
    const Text& text, std::vector<Abbreviation>* abbreviations_out) const {
  const std::string& str = text.str();
  const std::vector<Abbreviation> abbreviations = FindAbbreviations(text);

  // Phrases for this text only: every vocabulary phrase containing a defined
  // long form, with the short form in its place.
  PhraseSet local;
  for (const Abbreviation& a : abbreviations) {
    const auto long_form = PhraseTokens(a.long_form, false);
    const auto short_form = PhraseTokens(a.short_form, true);
    if (long_form.empty() || short_form.empty()) continue;
    for (const Phrase& p : impl_->set.phrases) {
      local.Add(ReplaceLongForm(p, long_form, short_form, a.short_form));
    }
  }
  local.Index();

  const std::vector<Token> tokens = Tokenize(str);
  // "(SHORT)" right after its long form may be stepped over inside a phrase.
  std::vector<bool> transparent(tokens.size(), false);
  for (const Abbreviation& a : abbreviations) {
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      if (tokens[i].start >= a.short_start && tokens[i].end <= a.short_end) {
        transparent[i] = true;
      }
    }
  }

  std::vector<Mention> mentions;
  const auto& concepts = impl_->vocabulary->concepts();
  std::size_t i = 0;
  while (i < tokens.size()) {
    const std::size_t sentence = text.SentenceAt(tokens[i].start);
    const std::size_t sentence_end =
        sentence < text.sentences().size() ? text.sentences()[sentence].end : 0;
    const Phrase* best = nullptr;
    std::size_t best_last = 0;  // index of the last token of the best match
    for (const PhraseSet* set : {&local, &impl_->set}) {
      auto it = set->by_first.find(tokens[i].fold);
      if (it == set->by_first.end()) continue;
      for (const std::size_t index : it->second) {
        const Phrase& phrase = set->phrases[index];
        std::size_t ti = i;
        bool ok = TokenMatches(tokens[i], phrase.tokens[0]);
        for (std::size_t p = 1; ok && p < phrase.tokens.size(); ++p) {
          std::size_t next = ti + 1;
          bool skipped = false;
          while (next < tokens.size() && transparent[next] &&
                 !TokenMatches(tokens[next], phrase.tokens[p])) {
            ++next;
            skipped = true;
          }
          ok = next < tokens.size() && tokens[next].end <= sentence_end &&
               (tokens[next].gap_ok || skipped) &&
               TokenMatches(tokens[next], phrase.tokens[p]);
          ti = next;
        }
        if (ok && (best == nullptr || ti > best_last)) {
          best = &phrase;
          best_last = ti;
        }
      }
    }
    if (best == nullptr || sentence >= text.sentences().size()) {
      ++i;
      continue;
    }
    Mention m;
    m.target = &concepts[best->concept_index];
    m.start = tokens[i].start;
    m.end = tokens[best_last].end;
    m.sentence = sentence;
    m.polarity = best->polarity;
    m.via_abbreviation = best->via_abbreviation;
    mentions.push_back(std::move(m));
    i = best_last + 1;
  }
  if (abbreviations_out != nullptr) *abbreviations_out = abbreviations;
  return mentions;
}

}  // namespace claimcheck
