// The claim extractor's word lists: phrase tables, read from the lexicon
// file (kb/lexicon.tsv, kb/FORMAT.md part 4) and saved in kb snapshots.
// docs/claims.md says what each list does.
#include "claims/lexicon.h"

#include <algorithm>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <type_traits>

#include "base/member_count.h"
#include "base/tsv.h"
#include "base/view_archive.h"
#include "claimcheck/claims.h"
#include "claimcheck/text.h"

namespace claimcheck::claims_internal {

namespace {

// The inflections of an English verb: "reduce" -> reduces, reduced, reducing;
// an irregular verb's forms come from the lexicon file's inflections rows.
std::vector<std::string> Inflections(
    const std::string& w,
    const std::map<std::string, std::vector<std::string>>& irregular) {
  std::vector<std::string> out = {w};
  if (auto it = irregular.find(w); it != irregular.end()) {
    out.insert(out.end(), it->second.begin(), it->second.end());
    return out;
  }
  auto ends = [&](std::string_view s) {
    return w.size() >= s.size() &&
           w.compare(w.size() - s.size(), s.size(), s.data(), s.size()) == 0;
  };
  const std::string stem = w.substr(0, w.size() - 1);
  if (ends("e")) {
    out.insert(out.end(), {w + "s", w + "d", stem + "ing"});
  } else if (ends("y") && w.size() > 2 &&
             std::string_view("aeiou").find(w[w.size() - 2]) ==
                 std::string_view::npos) {
    out.insert(out.end(), {stem + "ies", stem + "ied", w + "ing"});
  } else if (ends("s") || ends("sh") || ends("ch") || ends("x") || ends("z")) {
    out.insert(out.end(), {w + "es", w + "ed", w + "ing"});
  } else {
    out.insert(out.end(), {w + "s", w + "ed", w + "ing"});
  }
  return out;
}

}  // namespace

template <typename T>
void PhraseTable<T>::Add(std::string_view phrase, T value) {
  for (const std::vector<std::string>& words : {FoldWords(phrase)}) {
    // Words are joined by single spaces, so none may be empty or hold one.
    const bool joinable =
        !words.empty() &&
        std::none_of(words.begin(), words.end(), [](const std::string& w) {
          return w.empty() || w.find(' ') != std::string::npos;
        });
    if (!joinable) continue;
    std::string joined = words[0];
    for (std::size_t k = 1; k < words.size(); ++k) {
      joined += ' ';
      joined += words[k];
    }
    const std::string_view first = words[0];
    auto end = FirstAt(first);
    bool seen = false;
    for (; end != entries_.end() && First(*end) == first; ++end) {
      seen = seen ||
             std::string_view(text_).substr(end->start, end->size) == joined;
    }
    if (seen) continue;
    Entry e;
    e.start = static_cast<std::uint32_t>(text_.size());
    e.size = static_cast<std::uint32_t>(joined.size());
    e.first = static_cast<std::uint32_t>(first.size());
    e.words = static_cast<std::uint32_t>(words.size());
    e.value = value;
    text_ += joined;
    entries_.insert(end, std::move(e));
  }
}

template <typename T>
typename std::vector<typename PhraseTable<T>::Entry>::const_iterator
PhraseTable<T>::FirstAt(std::string_view word) const {
  return std::lower_bound(
      entries_.begin(), entries_.end(), word,
      [&](const Entry& e, std::string_view w) { return First(e) < w; });
}

template <typename T>
std::size_t PhraseTable<T>::Match(const std::vector<Tok>& toks, std::size_t i,
                                  T* value, bool skip_mentions) const {
  if (i >= toks.size() || (skip_mentions && toks[i].mention >= 0)) return 0;
  const std::string_view fold = toks[i].fold;
  auto it = FirstAt(fold);
  std::size_t best = 0;
  for (; it != entries_.end() && First(*it) == fold; ++it) {
    const Entry& e = *it;
    const std::size_t n = e.words;
    if (n <= best || i + n > toks.size()) continue;
    // The words after the first, one at a time out of the joined text.
    std::string_view rest =
        std::string_view(text_).substr(e.start + e.first, e.size - e.first);
    bool same = true;
    for (std::size_t k = 1; k < n && same; ++k) {
      if (rest.empty()) {  // fewer words than counted: never from Add or load
        same = false;
        break;
      }
      rest.remove_prefix(1);  // the ' ' before the word
      const std::size_t space = rest.find(' ');
      const std::string_view word = rest.substr(0, space);
      rest.remove_prefix(word.size());
      const Tok& t = toks[i + k];
      same = t.fold == word && t.gap != Gap::kStrong &&
             !(skip_mentions && t.mention >= 0);
    }
    if (same) {
      best = n;
      if (value) *value = e.value;
    }
  }
  return best;
}

template <typename T>
std::vector<std::string_view> PhraseTable<T>::Words() const {
  std::vector<std::string_view> out;
  for (const Entry& e : entries_) {
    if (e.words == 1) out.push_back(First(e));
  }
  return out;
}

template class PhraseTable<Trigger>;
template class PhraseTable<Effect>;
template class PhraseTable<int>;
template class PhraseTable<Anaphor>;
template class PhraseTable<Boundary>;
template class PhraseTable<std::string>;
template class PhraseTable<DoseRelation>;

template <typename T>
template <class Archive>
void PhraseTable<T>::save(Archive& ar) const {
  static_assert(MemberCount<Entry>() == 5, "save every member");
  ar(text_,
     cereal::make_size_tag(static_cast<cereal::size_type>(entries_.size())));
  for (const Entry& e : entries_)
    ar(e.start, e.size, e.first, e.words, e.value);
}

template <typename T>
template <class Archive>
void PhraseTable<T>::load(Archive& ar) {
  cereal::size_type count = 0;
  ar(text_, cereal::make_size_tag(count));
  // Each entry takes at least 16 bytes: a count beyond what is left is
  // damage, refused before anything is allocated for it.
  if (count > ar.remaining() / 16) {
    throw cereal::Exception("phrase table: entry count out of range");
  }
  entries_.assign(static_cast<std::size_t>(count), Entry{});
  const Entry* previous = nullptr;
  for (Entry& e : entries_) {
    ar(e.start, e.size, e.first, e.words, e.value);
    // Match reads text_ by these numbers: they must fit it, and the
    // entries must be in Add's order.
    const bool fits = e.start <= text_.size() &&
                      e.size <= text_.size() - e.start && e.first > 0 &&
                      e.first <= e.size &&
                      (previous == nullptr || First(*previous) <= First(e));
    const std::string_view phrase =
        fits ? std::string_view(text_).substr(e.start, e.size)
             : std::string_view();
    const std::size_t space = phrase.find(' ');
    const bool words_fit =
        fits &&
        (space == std::string_view::npos ? e.first == e.size
                                         : space == e.first) &&
        phrase.find("  ") == std::string_view::npos && phrase.back() != ' ' &&
        e.words == 1 + std::count(phrase.begin(), phrase.end(), ' ');
    if (!words_fit) {
      throw cereal::Exception("phrase table: entry out of range");
    }
    previous = &e;
  }
}

template <class Archive>
void serialize(Archive& ar, Trigger& t) {
  ar(t.effect, t.weak);
}

// Every table, for SaveBinary and LoadBinary (cereal).
template <class Archive>
void serialize(Archive& ar, Lexicon& l) {
  ar(l.triggers, l.postfix, l.hedges, l.assertives, l.negations,
     l.pseudo_negations, l.null_findings, l.evidence_nouns, l.reporting_verbs,
     l.attribution_phrases, l.hearsay_sources, l.hearsay_verbs, l.anaphors,
     l.deficits, l.boundaries, l.embedded, l.fillers, l.flips, l.linkers,
     l.populations, l.population_with, l.timings, l.cautions, l.interactions,
     l.co_use, l.combinations, l.synergy, l.bioavailability, l.tolerance,
     l.more, l.less, l.than, l.categories, l.copulas, l.dose_cues, l.onset_cues,
     l.bedtime, l.paraphrases, l.month_may_before, l.adjective_before_low,
     l.verb_phrase_before, l.object_stops, l.participle_before,
     l.subject_openers, l.expletive_adjectives, l.auxiliaries, l.need_nouns,
     l.anaphor_determiners, l.form_words, l.agent_markers, l.be_forms,
     l.literal_openers, l.verb_adjuncts, l.literal_stops, l.between_nouns,
     l.coordinators);
}

// A table added to Lexicon must be added to serialize() too.
static_assert(MemberCount<Lexicon>() == 56, "serialize() lists every table");
static_assert(MemberCount<Trigger>() == 2, "serialize every member");

namespace {

// Calls f(name, table) for every table of `l`, by the name the lexicon
// file gives it (kb/FORMAT.md, part 4).
template <class L, class F>
void ForEachTable(L& l, F f) {
  f("triggers", l.triggers);
  f("postfix", l.postfix);
  f("hedges", l.hedges);
  f("assertives", l.assertives);
  f("negations", l.negations);
  f("pseudo_negations", l.pseudo_negations);
  f("null_findings", l.null_findings);
  f("evidence_nouns", l.evidence_nouns);
  f("reporting_verbs", l.reporting_verbs);
  f("attribution_phrases", l.attribution_phrases);
  f("hearsay_sources", l.hearsay_sources);
  f("hearsay_verbs", l.hearsay_verbs);
  f("anaphors", l.anaphors);
  f("deficits", l.deficits);
  f("boundaries", l.boundaries);
  f("embedded", l.embedded);
  f("fillers", l.fillers);
  f("flips", l.flips);
  f("linkers", l.linkers);
  f("populations", l.populations);
  f("population_with", l.population_with);
  f("timings", l.timings);
  f("cautions", l.cautions);
  f("interactions", l.interactions);
  f("co_use", l.co_use);
  f("combinations", l.combinations);
  f("synergy", l.synergy);
  f("bioavailability", l.bioavailability);
  f("tolerance", l.tolerance);
  f("more", l.more);
  f("less", l.less);
  f("than", l.than);
  f("categories", l.categories);
  f("copulas", l.copulas);
  f("dose_cues", l.dose_cues);
  f("onset_cues", l.onset_cues);
  f("bedtime", l.bedtime);
  f("paraphrases", l.paraphrases);
  f("month_may_before", l.month_may_before);
  f("adjective_before_low", l.adjective_before_low);
  f("verb_phrase_before", l.verb_phrase_before);
  f("object_stops", l.object_stops);
  f("participle_before", l.participle_before);
  f("subject_openers", l.subject_openers);
  f("expletive_adjectives", l.expletive_adjectives);
  f("auxiliaries", l.auxiliaries);
  f("need_nouns", l.need_nouns);
  f("anaphor_determiners", l.anaphor_determiners);
  f("form_words", l.form_words);
  f("agent_markers", l.agent_markers);
  f("be_forms", l.be_forms);
  f("literal_openers", l.literal_openers);
  f("verb_adjuncts", l.verb_adjuncts);
  f("literal_stops", l.literal_stops);
  f("between_nouns", l.between_nouns);
  f("coordinators", l.coordinators);
}

// A row's value for each kind of table (kb/FORMAT.md, part 4); false when
// the text is not such a value.
bool ParseValue(std::string_view v, int* out) {
  if (v.empty()) {
    *out = 1;
    return true;
  }
  if (v.size() > 3 || v.find_first_not_of("0123456789") != v.npos || v == "0") {
    return false;
  }
  *out = std::stoi(std::string(v));
  return true;
}

template <typename E, std::size_t N>
bool ParseName(std::string_view v, const std::pair<const char*, E> (&names)[N],
               E* out) {
  for (const auto& [name, value] : names) {
    if (v == name) {
      *out = value;
      return true;
    }
  }
  return false;
}

constexpr std::pair<const char*, Effect> kEffects[] = {
    {"up", Effect::kUp},
    {"down", Effect::kDown},
    {"better", Effect::kBetter},
    {"relieve", Effect::kRelieve},
    {"worse", Effect::kWorse},
    {"modulate", Effect::kModulate},
    {"no_effect", Effect::kNoEffect},
    {"convert", Effect::kConvert}};

bool ParseValue(std::string_view v, Effect* out) {
  return ParseName(v, kEffects, out);
}

bool ParseValue(std::string_view v, Trigger* out) {
  constexpr std::string_view kWeak = " weak";
  out->weak =
      v.size() > kWeak.size() && v.substr(v.size() - kWeak.size()) == kWeak;
  if (out->weak) v.remove_suffix(kWeak.size());
  return ParseName(v, kEffects, &out->effect);
}

bool ParseValue(std::string_view v, Anaphor* out) {
  constexpr std::pair<const char*, Anaphor> kNames[] = {
      {"any", Anaphor::kAny},
      {"form", Anaphor::kForm},
      {"dose", Anaphor::kDose}};
  return ParseName(v, kNames, out);
}

bool ParseValue(std::string_view v, Boundary* out) {
  constexpr std::pair<const char*, Boundary> kNames[] = {
      {"relative", Boundary::kRelative},
      {"contrast", Boundary::kContrast},
      {"subordinate", Boundary::kSubordinate},
      {"unlike", Boundary::kUnlike}};
  return ParseName(v, kNames, out);
}

bool ParseValue(std::string_view v, DoseRelation* out) {
  constexpr std::pair<const char*, DoseRelation> kNames[] = {
      {"dose", DoseRelation::kDose},
      {"recommended_intake", DoseRelation::kRecommendedIntake},
      {"upper_limit", DoseRelation::kUpperLimit},
      {"safe", DoseRelation::kSafe}};
  return ParseName(v, kNames, out);
}

// A label table's value: the label, or (empty) the phrase itself.
bool ParseLabel(std::string_view v, std::string_view phrase, std::string* out) {
  *out = std::string(v.empty() ? phrase : v);
  return true;
}

// One row waiting for the inflections (read first, wherever they stand).
struct Row {
  std::size_t line = 0;
  std::string table, phrase, value;
};

// What a table's value is, in words, for a problem's message: by the type
// of the table, so that a table added to Lexicon needs nothing here.
const char* ValueHelp(const PhraseTable<Trigger>&) {
  return "an effect (up, down, better, relieve, worse, modulate, "
         "no_effect, convert), optionally followed by \" weak\"";
}
const char* ValueHelp(const PhraseTable<Effect>&) {
  return "an effect (up, down, better, relieve, worse, modulate, "
         "no_effect, convert)";
}
const char* ValueHelp(const PhraseTable<Anaphor>&) {
  return "any, form or dose";
}
const char* ValueHelp(const PhraseTable<Boundary>&) {
  return "relative, contrast, subordinate or unlike";
}
const char* ValueHelp(const PhraseTable<DoseRelation>&) {
  return "dose, recommended_intake, upper_limit or safe";
}
const char* ValueHelp(const PhraseTable<std::string>&) {
  return "a label, or empty for the phrase itself";
}
const char* ValueHelp(const PhraseTable<int>&) {
  return "empty (1) or a positive whole number";
}
const char* ValueHelp(const WordSet&) {
  return "empty, with one word (no \"~\") as the phrase: a word set";
}

}  // namespace

Status Lexicon::Read(const std::string& path, Lexicon* out,
                     Diagnostics* problems) {
  const std::size_t before = problems->size();
  auto problem = [&](std::size_t line, const std::string& what) {
    problems->push_back({path, "line " + std::to_string(line), what});
  };
  std::map<std::string, std::vector<std::string>> irregular;
  std::vector<Row> rows;
  std::set<std::pair<std::string, std::string>> seen;
  Status read = ReadTsvRows(
      path, "table\tphrase\tvalue", problems,
      [&](std::size_t n, std::vector<std::string> f) {
        if (f.size() == 2) f.emplace_back();
        if (f.size() != 3) {
          problem(n,
                  "expected 3 tab-separated fields (table, phrase, value), "
                  "found " +
                      std::to_string(f.size()));
          return;
        }
        Row row{n, f[0], f[1], f[2]};
        if (row.phrase.empty() ||
            row.phrase.find_first_not_of(" ~") == std::string::npos) {
          problem(n, "empty phrase");
          return;
        }
        if (!seen.emplace(row.table, row.phrase).second) {
          problem(n, "\"" + row.phrase + "\" is already in table " + row.table);
          return;
        }
        if (row.table == "inflections") {
          std::vector<std::string> forms;
          std::stringstream words(row.value);
          for (std::string w; words >> w;) forms.push_back(w);
          if (row.phrase.find_first_of(" ~") != std::string::npos ||
              forms.empty()) {
            problem(n,
                    "an inflections row is a verb and its other forms, "
                    "separated by spaces");
            return;
          }
          irregular[row.phrase] = std::move(forms);
          return;
        }
        rows.push_back(std::move(row));
      });
  if (!read.ok()) return read;
  Lexicon l;
  std::map<std::string, std::size_t> counts;
  // Adds `row` to `table` (every inflection of a "~verb" phrase); false when
  // its value does not parse.
  auto add = [&](auto* table, const Row& row, auto parse) {
    using T = std::remove_reference_t<decltype(*table)>;
    typename T::Value value{};
    if (!parse(row.value, row.phrase, &value)) return false;
    std::string_view phrase = row.phrase;
    if (phrase[0] != '~') {
      table->Add(phrase, value);
      return true;
    }
    phrase.remove_prefix(1);
    const std::size_t space = phrase.find(' ');
    const std::string first(phrase.substr(0, space));
    const std::string rest(space == std::string_view::npos
                               ? std::string_view()
                               : phrase.substr(space));
    for (const std::string& form : Inflections(first, irregular)) {
      table->Add(form + rest, value);
    }
    return true;
  };
  auto value = [](std::string_view v, std::string_view, auto* parsed) {
    return ParseValue(v, parsed);
  };
  auto label = [](std::string_view v, std::string_view phrase,
                  std::string* parsed) {
    return ParseLabel(v, phrase, parsed);
  };
  for (const Row& row : rows) {
    bool known = false, ok = true;
    const char* help = "";
    ForEachTable(l, [&](std::string_view name, auto& table) {
      if (name != row.table) return;
      using T = std::remove_reference_t<decltype(table)>;
      if constexpr (std::is_same_v<T, WordSet>) {
        ok = row.value.empty() && table.Add(row.phrase);
      } else if constexpr (std::is_same_v<typename T::Value, std::string>) {
        ok = add(&table, row, label);
      } else {
        ok = add(&table, row, value);
      }
      known = true;
      help = ValueHelp(table);
      ++counts[row.table];
    });
    if (!known) {
      problem(row.line, "unknown table \"" + row.table + "\"");
    } else if (!ok) {
      problem(row.line, "bad value \"" + row.value + "\" for table " +
                            row.table + ": expected " + help);
    }
  }
  ForEachTable(l, [&](std::string_view name, auto&) {
    if (counts.count(std::string(name)) == 0) {
      problems->push_back(
          {path, "", "table " + std::string(name) + " has no rows"});
    }
  });
  if (problems->size() > before) {
    return Status::Corruption(path + ": " +
                              std::to_string(problems->size() - before) +
                              " problem(s) in the lexicon");
  }
  *out = std::move(l);
  return Status::OK();
}

bool WordSet::Add(std::string_view word) {
  const std::vector<std::string> folded = FoldWords(word);
  if (folded.size() != 1 || word.find('~') != std::string_view::npos) {
    return false;
  }
  auto at = std::lower_bound(words_.begin(), words_.end(), folded[0]);
  if (at == words_.end() || *at != folded[0]) words_.insert(at, folded[0]);
  return true;
}

bool WordSet::Has(std::string_view fold) const {
  return std::binary_search(words_.begin(), words_.end(), fold);
}

std::string Lexicon::Save() const { return SaveBinary(*this); }

}  // namespace claimcheck::claims_internal

namespace claimcheck {

ClaimLexicon::ClaimLexicon()
    : lexicon_(std::make_shared<const claims_internal::Lexicon>()) {}

Status ClaimLexicon::Load(const std::string& kb_dir, ClaimLexicon* out,
                          Diagnostics* problems) {
  auto read = std::make_shared<claims_internal::Lexicon>();
  Status status = claims_internal::Lexicon::Read(kb_dir + "/lexicon.tsv",
                                                 read.get(), problems);
  if (status.ok()) out->lexicon_ = std::move(read);
  return status;
}

std::string ClaimLexicon::Save() const { return lexicon_->Save(); }

std::optional<ClaimLexicon> ClaimLexicon::FromSaved(std::string_view saved) {
  auto loaded = std::make_shared<claims_internal::Lexicon>();
  if (!claims_internal::Lexicon::Load(saved, loaded.get())) return std::nullopt;
  ClaimLexicon out;
  out.lexicon_ = std::move(loaded);
  return out;
}

bool ClaimLexicon::operator==(const ClaimLexicon& other) const {
  return *lexicon_ == *other.lexicon_;
}

}  // namespace claimcheck

namespace claimcheck::claims_internal {

bool Lexicon::Load(std::string_view saved, Lexicon* out) {
  Lexicon l;
  if (!LoadBinary(saved, l)) return false;
  *out = std::move(l);
  return true;
}

}  // namespace claimcheck::claims_internal
