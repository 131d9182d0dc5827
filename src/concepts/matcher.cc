// ConceptMatcher: longest-match lookup of vocabulary phrases over folded word
// tokens, sentence by sentence, with abbreviations the text itself defines
// (docs/vocabulary.md, "Matching").
//
// The phrases of a whole MeSH vocabulary (some 200,000) live in flat tables
// (a sorted word dictionary and arrays of word ids) so that a kb snapshot
// loads them with a few copies instead of hundreds of thousands of
// allocations.
// Covered by tests/concepts/matcher_test.cc, tests/concepts/seeds_test.cc
// and tests/concepts/phrasings_test.cc.
#include <algorithm>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>
#include <cstdint>
#include <limits>
#include <map>
#include <mutex>
#include <unordered_map>

#include "base/view_archive.h"
#include "claimcheck/concepts.h"

namespace claimcheck {

namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
// The concept of a phrase that names several concepts of equal standing:
// the words are consumed and nothing is mentioned (never a guess).
constexpr std::uint32_t kAmbiguous = kNone - 1;

// A phrase before it goes into the flat tables, or one made for a single
// text from an abbreviation it defines.
struct Phrase {
  std::vector<std::string> fold;
  std::vector<std::string> cased;  // empty unless case-sensitive
  std::uint32_t concept_index = 0;
  int polarity = 1;
  MatchHow how = MatchHow::kExact;
  std::string via_abbreviation;
};

Phrase MakePhrase(std::string_view words, bool case_sensitive,
                  std::uint32_t concept_index, int polarity, MatchHow how) {
  Phrase p;
  p.concept_index = concept_index;
  p.polarity = polarity;
  p.how = how;
  if (!case_sensitive) {
    p.fold = FoldWords(words);
    return p;
  }
  for (Token& t : Tokenize(words)) {
    p.fold.push_back(std::move(t.fold));
    p.cased.push_back(std::move(t.cased));
  }
  return p;
}

// docs/vocabulary.md, "Matching": a MeSH entry term of three characters or
// fewer ("ME", "CAT"), or one written in capitals ("AIDS", "CBD"), is
// matched only as written.
bool MeshTermNeedsCase(std::string_view term) {
  if (term.size() <= 3) return true;
  bool upper = false;
  for (char c : term) {
    if (c >= 'a' && c <= 'z') return false;
    upper |= c >= 'A' && c <= 'Z';
  }
  return upper && term.size() <= 6;
}

// docs/vocabulary.md, "Matching": an ordinary English word that MeSH lists
// as a name ("Lead", "Hope") is not matched on its own
// (kb/mesh/common_words.tsv; `common` sorted, folded).
bool IsCommonWord(const Phrase& p, const std::vector<std::string>& common) {
  return p.fold.size() == 1 && p.cased.empty() &&
         std::binary_search(common.begin(), common.end(), p.fold[0]);
}

// An alias a curator wrote in capitals ("CBD", "NAC"), or a short one in
// mixed case ("SAMe", "CoQ10": a capital after the first letter), is
// matched only as written: "SAMe" is not "the same". One in lower case
// ("soy") is a word like any other.
bool AliasNeedsCase(std::string_view alias) {
  if (alias.size() > 6) return false;
  bool upper = false, lower = false, upper_inside = false;
  for (std::size_t i = 0; i < alias.size(); ++i) {
    const char c = alias[i];
    lower |= c >= 'a' && c <= 'z';
    upper |= c >= 'A' && c <= 'Z';
    upper_inside |= i > 0 && c >= 'A' && c <= 'Z';
  }
  return upper && (!lower || upper_inside);
}

bool HasBreakingPunctuation(std::string_view s) {
  return s.find_first_of(",;()[]{}") != std::string_view::npos;
}

}  // namespace

struct ConceptMatcher::Impl {
  const Vocabulary* vocabulary = nullptr;
  // Every word of every phrase, folded or cased, once, in byte order:
  // word i is dict[offsets[i], offsets[i+1]).
  std::string dict;
  std::vector<std::uint32_t> offsets;
  // Phrases, sorted by first folded word, then longest first, then in
  // vocabulary order (which is the order of precedence).
  std::vector<std::uint32_t> phrase_begin;  // into fold_ids / cased_ids
  std::vector<std::uint32_t> phrase_meta;   // Meta() below
  std::vector<std::uint32_t> phrase_concept;
  std::vector<std::uint32_t> fold_ids;
  std::vector<std::uint32_t> cased_ids;  // kNone where case does not count
  // For word id w, its phrases are [first_begin[w], first_begin[w+1]).
  std::vector<std::uint32_t> first_begin;
  // For a text's abbreviations: the phrases that hold word w are
  // containing[containing_begin[w], containing_begin[w+1]). Built at the
  // first text that defines one (an article or abstract may; a query
  // rarely does), once, for every thread.
  mutable std::once_flag containing_once;
  mutable std::vector<std::uint32_t> containing_begin;
  mutable std::vector<std::uint32_t> containing;
  void BuildContaining() const {
    std::call_once(containing_once, [this] {
      // A counting pass, then a filling one, phrases in order: each word's
      // list comes out sorted, with no sort (an audit pays this once).
      const std::size_t words = offsets.empty() ? 0 : offsets.size() - 1;
      containing_begin.assign(words + 2, 0);
      auto for_each_word = [this](std::size_t p, auto&& f) {
        const std::uint32_t* w = &fold_ids[phrase_begin[p]];
        const std::size_t n = Words(phrase_meta[p]);
        for (std::size_t k = 0; k < n; ++k) {
          if (std::find(w, w + k, w[k]) == w + k) f(w[k]);  // once a phrase
        }
      };
      for (std::size_t p = 0; p < phrase_begin.size(); ++p) {
        for_each_word(p, [&](std::uint32_t w) { ++containing_begin[w + 2]; });
      }
      for (std::size_t w = 2; w < containing_begin.size(); ++w) {
        containing_begin[w] += containing_begin[w - 1];
      }
      containing.resize(containing_begin.back());
      for (std::size_t p = 0; p < phrase_begin.size(); ++p) {
        for_each_word(p, [&](std::uint32_t w) {
          containing[containing_begin[w + 1]++] = static_cast<std::uint32_t>(p);
        });
      }
      containing_begin.pop_back();  // now word w's list starts at [w]
    });
  }
  // Phrases of concepts added after the tables were made (AddConcepts), by
  // first folded word; not saved.
  std::vector<Phrase> extra;
  std::unordered_map<std::string, std::vector<std::size_t>> extra_by_first;

  static std::uint32_t Meta(std::size_t words, MatchHow how, bool cased,
                            int polarity) {
    return static_cast<std::uint32_t>(words) |
           (static_cast<std::uint32_t>(how) << 8) | (cased ? 1u << 16 : 0u) |
           (polarity < 0 ? 1u << 17 : 0u);
  }
  static std::size_t Words(std::uint32_t meta) { return meta & 0xff; }
  static MatchHow How(std::uint32_t meta) {
    return static_cast<MatchHow>((meta >> 8) & 0xff);
  }
  static bool Cased(std::uint32_t meta) { return (meta >> 16) & 1; }
  static int Polarity(std::uint32_t meta) { return (meta >> 17) & 1 ? -1 : 1; }

  std::string_view Word(std::uint32_t id) const {
    return std::string_view(dict).substr(offsets[id],
                                         offsets[id + 1] - offsets[id]);
  }
  // The id of `word`, or kNone.
  std::uint32_t Find(std::string_view word) const {
    std::size_t lo = 0, hi = offsets.empty() ? 0 : offsets.size() - 1;
    while (lo < hi) {
      const std::size_t mid = (lo + hi) / 2;
      if (Word(static_cast<std::uint32_t>(mid)) < word) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo + 1 < offsets.size() &&
                   Word(static_cast<std::uint32_t>(lo)) == word
               ? static_cast<std::uint32_t>(lo)
               : kNone;
  }

  void Build(std::vector<Phrase> phrases);
  bool Valid() const;

  template <class Archive>
  void serialize(Archive& ar) {
    ar(dict, offsets, phrase_begin, phrase_meta, phrase_concept, fold_ids,
       cased_ids, first_begin);
  }
};

namespace {

// A phrase's identity for finding the phrases several concepts share.
std::string PhraseKey(const Phrase& p) {
  std::string key;
  for (const std::string& w : p.fold) key += w + '\x1f';
  key += '\x1e';
  for (const std::string& w : p.cased) key += w + '\x1f';
  return key;
}

}  // namespace

// docs/vocabulary.md, "Matching": phrases in vocabulary order, which is the
// order of precedence (curated, alias, MeSH). A phrase several concepts
// share goes to the first when it is curated or an alias concept's; among
// descriptors alone, to the one that can be a claim argument when exactly
// one can; otherwise it names none of them (kAmbiguous).
void ConceptMatcher::Impl::Build(std::vector<Phrase> phrases) {
  const auto& concepts = vocabulary->concepts();
  std::unordered_map<std::string, std::size_t> first_of;
  std::vector<std::vector<std::uint32_t>> sharing(phrases.size());
  std::vector<bool> keep(phrases.size(), false);
  for (std::size_t i = 0; i < phrases.size(); ++i) {
    if (phrases[i].fold.empty() || phrases[i].fold.size() > 0xff) continue;
    auto [it, added] = first_of.emplace(PhraseKey(phrases[i]), i);
    if (added) {
      keep[i] = true;
      sharing[i].push_back(phrases[i].concept_index);
    } else {
      auto& list = sharing[it->second];
      if (std::find(list.begin(), list.end(), phrases[i].concept_index) ==
          list.end()) {
        list.push_back(phrases[i].concept_index);
      }
    }
  }
  for (std::size_t i = 0; i < phrases.size(); ++i) {
    if (!keep[i] || sharing[i].size() < 2) continue;
    const Concept& first = concepts[sharing[i].front()];
    if (first.source != ConceptSource::kMesh) continue;
    std::uint32_t argument = kNone;
    int arguments = 0;
    for (std::uint32_t c : sharing[i]) {
      if (concepts[c].scope == ConceptScope::kArgument) {
        argument = c;
        ++arguments;
      }
    }
    phrases[i].concept_index = arguments == 1 ? argument : kAmbiguous;
  }
  // The dictionary.
  std::vector<std::string> words;
  for (std::size_t i = 0; i < phrases.size(); ++i) {
    if (!keep[i]) continue;
    for (const std::string& w : phrases[i].fold) words.push_back(w);
    for (const std::string& w : phrases[i].cased) words.push_back(w);
  }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  dict.clear();
  offsets.clear();
  for (const std::string& w : words) {
    offsets.push_back(static_cast<std::uint32_t>(dict.size()));
    dict += w;
  }
  offsets.push_back(static_cast<std::uint32_t>(dict.size()));
  // Phrases as word ids, in the order of matching.
  struct Row {
    std::uint32_t first, words, order;
  };
  std::vector<Row> rows;
  std::vector<std::vector<std::uint32_t>> ids(phrases.size());
  for (std::size_t i = 0; i < phrases.size(); ++i) {
    if (!keep[i]) continue;
    for (const std::string& w : phrases[i].fold) ids[i].push_back(Find(w));
    rows.push_back({ids[i][0], static_cast<std::uint32_t>(ids[i].size()),
                    static_cast<std::uint32_t>(i)});
  }
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    if (a.first != b.first) return a.first < b.first;
    return a.words > b.words;
  });
  phrase_begin.clear();
  phrase_meta.clear();
  phrase_concept.clear();
  fold_ids.clear();
  cased_ids.clear();
  first_begin.assign(words.size() + 1, 0);
  for (const Row& r : rows) {
    const Phrase& p = phrases[r.order];
    phrase_begin.push_back(static_cast<std::uint32_t>(fold_ids.size()));
    phrase_meta.push_back(
        Meta(p.fold.size(), p.how, !p.cased.empty(), p.polarity));
    phrase_concept.push_back(p.concept_index);
    for (std::size_t k = 0; k < p.fold.size(); ++k) {
      fold_ids.push_back(ids[r.order][k]);
      cased_ids.push_back(p.cased.empty() ? kNone : Find(p.cased[k]));
    }
    ++first_begin[r.first + 1];
  }
  for (std::size_t w = 1; w < first_begin.size(); ++w) {
    first_begin[w] += first_begin[w - 1];
  }
}

bool ConceptMatcher::Impl::Valid() const {
  const std::size_t n = phrase_begin.size();
  if (offsets.empty() || offsets.back() != dict.size() ||
      phrase_meta.size() != n || phrase_concept.size() != n ||
      cased_ids.size() != fold_ids.size() ||
      first_begin.size() != offsets.size() || first_begin.back() != n) {
    return false;
  }
  for (std::size_t i = 1; i < offsets.size(); ++i) {
    if (offsets[i] < offsets[i - 1]) return false;
  }
  for (std::size_t i = 1; i < first_begin.size(); ++i) {
    if (first_begin[i] < first_begin[i - 1]) return false;
  }
  const std::size_t words = offsets.size() - 1;
  const std::size_t concepts = vocabulary->concepts().size();
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t count = Words(phrase_meta[i]);
    if (count == 0 || phrase_begin[i] > fold_ids.size() ||
        count > fold_ids.size() - phrase_begin[i] ||
        static_cast<std::uint32_t>(How(phrase_meta[i])) >
            static_cast<std::uint32_t>(MatchHow::kHarvested) ||
        (phrase_concept[i] >= concepts && phrase_concept[i] != kAmbiguous)) {
      return false;
    }
  }
  for (std::size_t i = 0; i < fold_ids.size(); ++i) {
    if (fold_ids[i] >= words ||
        (cased_ids[i] != kNone && cased_ids[i] >= words)) {
      return false;
    }
  }
  return true;
}

ConceptMatcher::ConceptMatcher() : impl_(std::make_unique<Impl>()) {}

namespace {

// The vocabulary's common words (kb/mesh/common_words.tsv), folded, sorted.
std::vector<std::string> CommonWords(const Vocabulary& vocabulary) {
  std::vector<std::string> unmatched;
  for (const std::string& w : vocabulary.common_words()) {
    std::vector<std::string> f = FoldWords(w);
    if (f.size() == 1) unmatched.push_back(std::move(f[0]));
  }
  std::sort(unmatched.begin(), unmatched.end());
  return unmatched;
}

// docs/vocabulary.md, "Matching": the other ways people write a MeSH
// term, as phrases before the term's own. "Autoimmune Diseases" is also
// written "autoimmune disorders" and "autoimmune conditions"; a bacterial
// genus ("Bifidobacterium", "Lactobacillus", "Streptococcus") also in its
// Latin plural. (Not the eponym alone, "Alzheimer's": folding drops the
// possessive, and "Down" or "Wilson" alone is no disease.)
void AddVariants(const Phrase& p, std::vector<Phrase>* out) {
  if (p.cased.empty() && p.fold.size() > 1 && p.fold.back() == "disease") {
    for (const char* noun : {"disorder", "condition"}) {
      Phrase variant = p;
      variant.fold.back() = noun;
      out->push_back(std::move(variant));
    }
  }
  if (p.cased.empty() && p.fold.size() == 1) {
    const std::string& w = p.fold[0];
    static const std::pair<std::string_view, std::string_view> kLatin[] = {
        {"bacterium", "bacteria"},
        {"bacillus", "bacilli"},
        {"coccus", "cocci"}};
    for (const auto& [singular, plural] : kLatin) {
      if (w.size() > singular.size() &&
          std::string_view(w).substr(w.size() - singular.size()) == singular) {
        Phrase variant = p;
        variant.fold[0] =
            w.substr(0, w.size() - singular.size()) + std::string(plural);
        out->push_back(std::move(variant));
      }
    }
  }
}

// The phrases of concepts [first, end) of `vocabulary`, in order.
std::vector<Phrase> PhrasesOf(const Vocabulary& vocabulary, std::size_t first) {
  const auto& concepts = vocabulary.concepts();
  const std::vector<std::string> unmatched = CommonWords(vocabulary);
  std::vector<Phrase> phrases;
  for (std::size_t c = first; c < concepts.size(); ++c) {
    const Concept& entry = concepts[c];
    const auto index = static_cast<std::uint32_t>(c);
    const bool mesh = entry.source == ConceptSource::kMesh ||
                      entry.source == ConceptSource::kHarvested;
    const MatchHow label_how = entry.source == ConceptSource::kHarvested
                                   ? MatchHow::kHarvested
                                   : MatchHow::kExact;
    if (!mesh || !HasBreakingPunctuation(entry.label)) {
      Phrase p = MakePhrase(entry.label, mesh && MeshTermNeedsCase(entry.label),
                            index, 1, label_how);
      if (!mesh || !IsCommonWord(p, unmatched)) {
        if (entry.source == ConceptSource::kMesh) {
          AddVariants(p, &phrases);
        }
        phrases.push_back(std::move(p));
      }
    }
    for (const std::string& s : entry.synonyms) {
      phrases.push_back(MakePhrase(s, false, index, 1, MatchHow::kSynonym));
    }
    for (const std::string& s : entry.cased_synonyms) {
      phrases.push_back(MakePhrase(s, true, index, 1, MatchHow::kAbbreviation));
    }
    for (const std::string& s : entry.antonyms) {
      phrases.push_back(MakePhrase(s, false, index, -1, MatchHow::kSynonym));
    }
    for (const std::string& s : entry.aliases) {
      phrases.push_back(MakePhrase(s, AliasNeedsCase(s), index, 1,
                                   entry.source == ConceptSource::kHarvested
                                       ? MatchHow::kHarvested
                                       : MatchHow::kAlias));
    }
    for (std::string_view s : SplitTerms(vocabulary.MeshTerms(entry))) {
      if (HasBreakingPunctuation(s)) continue;
      Phrase p =
          MakePhrase(s, MeshTermNeedsCase(s), index, 1, MatchHow::kSynonym);
      if (IsCommonWord(p, unmatched)) continue;
      AddVariants(p, &phrases);
      phrases.push_back(std::move(p));
    }
    for (std::string_view s : SplitTerms(vocabulary.MeshAbbreviations(entry))) {
      if (HasBreakingPunctuation(s)) continue;
      phrases.push_back(MakePhrase(s, true, index, 1, MatchHow::kAbbreviation));
    }
  }
  return phrases;
}

}  // namespace

ConceptMatcher::ConceptMatcher(const Vocabulary& vocabulary)
    : impl_(std::make_unique<Impl>()) {
  impl_->vocabulary = &vocabulary;
  impl_->Build(PhrasesOf(vocabulary, 0));
}

void ConceptMatcher::AddConcepts(std::size_t first) {
  for (Phrase& p : PhrasesOf(*impl_->vocabulary, first)) {
    if (p.fold.empty()) continue;
    impl_->extra_by_first[p.fold[0]].push_back(impl_->extra.size());
    // Every word is compared with its case when the phrase has one.
    if (!p.cased.empty()) {
      for (std::size_t k = 0; k < p.cased.size(); ++k) {
        if (p.cased[k].empty()) p.cased[k] = p.fold[k];
      }
    } else {
      p.cased.assign(p.fold.size(), std::string());
    }
    impl_->extra.push_back(std::move(p));
  }
}

ConceptMatcher::~ConceptMatcher() = default;
ConceptMatcher::ConceptMatcher(ConceptMatcher&&) noexcept = default;
ConceptMatcher& ConceptMatcher::operator=(ConceptMatcher&&) noexcept = default;

std::string ConceptMatcher::Save() const { return SaveBinary(*impl_); }

std::optional<ConceptMatcher> ConceptMatcher::Load(const Vocabulary& vocabulary,
                                                   std::string_view saved) {
  ConceptMatcher m;
  m.impl_->vocabulary = &vocabulary;
  if (!LoadBinary(saved, *m.impl_) || !m.impl_->Valid()) return std::nullopt;
  return m;
}

std::vector<Mention> ConceptMatcher::Match(
    const Text& text, std::vector<Abbreviation>* abbreviations_out) const {
  const Impl& m = *impl_;
  const std::string& str = text.str();
  const std::vector<Abbreviation> abbreviations = FindAbbreviations(text);

  // Phrases for this text only: every vocabulary phrase containing a defined
  // long form, with the short form (case-sensitive) in its place.
  std::vector<Phrase> local;
  for (const Abbreviation& a : abbreviations) {
    const std::vector<std::string> long_form = FoldWords(a.long_form);
    const Phrase short_form =
        MakePhrase(a.short_form, true, 0, 1, MatchHow::kAbbreviation);
    if (long_form.empty() || short_form.fold.empty()) continue;
    std::vector<std::uint32_t> long_ids;
    for (const std::string& w : long_form) long_ids.push_back(m.Find(w));
    if (std::find(long_ids.begin(), long_ids.end(), kNone) != long_ids.end()) {
      continue;  // no phrase holds a word the dictionary lacks
    }
    // Only the phrases that hold the long form's first word, in order.
    m.BuildContaining();
    for (std::uint32_t at = m.containing_begin[long_ids[0]];
         at < m.containing_begin[long_ids[0] + 1]; ++at) {
      const std::size_t p = m.containing[at];
      const std::size_t n = Impl::Words(m.phrase_meta[p]);
      if (n < long_ids.size() || m.phrase_concept[p] == kAmbiguous) continue;
      const std::uint32_t* w = &m.fold_ids[m.phrase_begin[p]];
      for (std::size_t i = 0; i + long_ids.size() <= n; ++i) {
        if (!std::equal(long_ids.begin(), long_ids.end(), w + i)) continue;
        Phrase out;
        out.concept_index = m.phrase_concept[p];
        out.polarity = Impl::Polarity(m.phrase_meta[p]);
        out.how = MatchHow::kAbbreviation;
        out.via_abbreviation = a.short_form;
        // Every word is compared with its case here: the short form's
        // as written, the rest as folded (fold == cased for them).
        auto add = [&](std::size_t k) {
          const std::string word(m.Word(w[k]));
          out.fold.push_back(word);
          const std::uint32_t cased = m.cased_ids[m.phrase_begin[p] + k];
          out.cased.push_back(cased != kNone ? std::string(m.Word(cased))
                                             : std::string());
        };
        for (std::size_t k = 0; k < i; ++k) add(k);
        out.fold.insert(out.fold.end(), short_form.fold.begin(),
                        short_form.fold.end());
        out.cased.insert(out.cased.end(), short_form.cased.begin(),
                         short_form.cased.end());
        for (std::size_t k = i + long_ids.size(); k < n; ++k) add(k);
        local.push_back(std::move(out));
        break;
      }
    }
  }

  const std::vector<Token> tokens = Tokenize(str);
  std::vector<std::uint32_t> token_ids(tokens.size());
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    token_ids[i] = m.Find(tokens[i].fold);
  }
  // "(SHORT)" right after its long form may be stepped over inside a phrase.
  std::vector<bool> transparent(tokens.size(), false);
  for (const Abbreviation& a : abbreviations) {
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      if (tokens[i].start >= a.short_start && tokens[i].end <= a.short_end) {
        transparent[i] = true;
      }
    }
  }

  // Whether the phrase's k-th word matches tokens[t].
  auto table_word = [&](std::size_t p, std::size_t k, std::size_t t) {
    const std::size_t at = m.phrase_begin[p] + k;
    if (token_ids[t] != m.fold_ids[at]) return false;
    const std::uint32_t cased = m.cased_ids[at];
    return cased == kNone || m.Word(cased) == tokens[t].cased;
  };
  auto local_word = [&](const Phrase& p, std::size_t k, std::size_t t) {
    if (tokens[t].fold != p.fold[k]) return false;
    return p.cased[k].empty() || tokens[t].cased == p.cased[k];
  };
  // The index of the last token when the phrase of `count` words matches
  // from token i (words compared by `word(k, t)`), else kNone.
  auto match_from = [&](std::size_t i, std::size_t count,
                        std::size_t sentence_end, auto&& word) -> std::size_t {
    if (!word(std::size_t{0}, i)) return kNone;
    std::size_t ti = i;
    for (std::size_t k = 1; k < count; ++k) {
      std::size_t next = ti + 1;
      bool skipped = false;
      while (next < tokens.size() && transparent[next] && !word(k, next)) {
        ++next;
        skipped = true;
      }
      if (next >= tokens.size() || tokens[next].end > sentence_end ||
          !(tokens[next].gap_ok || skipped) || !word(k, next)) {
        return kNone;
      }
      ti = next;
    }
    return ti;
  };

  std::vector<Mention> mentions;
  const auto& concepts = m.vocabulary->concepts();
  std::size_t i = 0;
  while (i < tokens.size()) {
    const std::size_t sentence = text.SentenceAt(tokens[i].start);
    const std::size_t sentence_end =
        sentence < text.sentences().size() ? text.sentences()[sentence].end : 0;
    std::size_t best_last = kNone;
    std::uint32_t best_concept = kNone;
    int best_polarity = 1;
    MatchHow best_how = MatchHow::kExact;
    const std::string* best_via = nullptr;
    auto consider = [&](std::size_t last, std::uint32_t concept_index,
                        int polarity, MatchHow how, const std::string* via) {
      if (last == kNone || (best_last != kNone && last <= best_last)) return;
      best_last = last;
      best_concept = concept_index;
      best_polarity = polarity;
      best_how = how;
      best_via = via;
    };
    for (const Phrase& p : local) {
      consider(match_from(i, p.fold.size(), sentence_end,
                          [&](std::size_t k, std::size_t t) {
                            return local_word(p, k, t);
                          }),
               p.concept_index, p.polarity, p.how, &p.via_abbreviation);
    }
    if (token_ids[i] != kNone) {
      for (std::uint32_t p = m.first_begin[token_ids[i]];
           p < m.first_begin[token_ids[i] + 1]; ++p) {
        const std::size_t count = Impl::Words(m.phrase_meta[p]);
        consider(match_from(i, count, sentence_end,
                            [&](std::size_t k, std::size_t t) {
                              return table_word(p, k, t);
                            }),
                 m.phrase_concept[p], Impl::Polarity(m.phrase_meta[p]),
                 Impl::How(m.phrase_meta[p]), nullptr);
      }
    }
    // Harvested names last: a tie goes to the vocabulary's own phrase.
    if (!m.extra.empty()) {
      auto it = m.extra_by_first.find(tokens[i].fold);
      if (it != m.extra_by_first.end()) {
        for (std::size_t e : it->second) {
          const Phrase& p = m.extra[e];
          consider(match_from(i, p.fold.size(), sentence_end,
                              [&](std::size_t k, std::size_t t) {
                                return local_word(p, k, t);
                              }),
                   p.concept_index, p.polarity, p.how, nullptr);
        }
      }
    }
    if (best_last == kNone || sentence >= text.sentences().size()) {
      ++i;
      continue;
    }
    if (best_concept != kAmbiguous) {
      Mention mention;
      mention.target = &concepts[best_concept];
      mention.start = tokens[i].start;
      mention.end = tokens[best_last].end;
      mention.sentence = sentence;
      mention.polarity = best_polarity;
      mention.how = best_how;
      if (best_via != nullptr) mention.via_abbreviation = *best_via;
      mentions.push_back(std::move(mention));
    }
    i = best_last + 1;
  }
  if (abbreviations_out != nullptr) *abbreviations_out = abbreviations;
  return mentions;
}

}  // namespace claimcheck
