// AuditDocument: judge every claim, match the cited studies to the knowledge
// base, raise the flags, count and score. The rules are in docs/audit.md.
#include "claimcheck/audit.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>
#include <string_view>
#include <tuple>
#include <utility>

#include "audit/audit_internal.h"
#include "claimcheck/citations.h"

namespace claimcheck {

const char* const kScoreFormula =
    "score = round(100 x sum of claim points / asserted claims); a claim's "
    "points: supported 1, contested 0.5, unsourced 0.25, refuted 0, less "
    "0.25 for each flag, never below 0; questions, claims the article "
    "reports from others and claims outside the knowledge base are not "
    "scored";

const std::vector<const char*>& AllAuditFlags() {
  static const std::vector<const char*> kFlags = {
      kFlagOverstated,      kFlagUnnamedStudies,      kFlagWrongForm,
      kFlagAboveUpperLimit, kFlagCompoundVsElemental, kFlagMechanismOnly,
      kFlagMisattributed};
  return kFlags;
}

bool AuditedClaim::HasFlag(std::string_view name) const {
  for (const AuditFlag& f : flags) {
    if (f.name == name) return true;
  }
  return false;
}

namespace {

using audit_internal::Lower;

// "Abbasi 2012" for a study, "kb study abbasi2012" without author or year.
std::string StudyName(const Study& s) {
  std::string name;
  if (!s.first_author.empty()) {
    name = s.first_author.substr(0, s.first_author.find(' '));
  }
  if (s.year) name += (name.empty() ? "" : " ") + std::to_string(*s.year);
  if (name.empty()) name = s.id;
  if (!s.pmid.empty()) name += " (PMID " + s.pmid + ")";
  return name;
}

// --- Citations -------------------------------------------------------------

// "doi.org/10.1/x", "www.site/x/" -> "site/x": a URL compared without scheme,
// "www." and a trailing slash, lower-cased.
std::string UrlKey(std::string_view url) {
  std::string u = Lower(url);
  for (std::string_view scheme : {"https://", "http://"}) {
    if (u.rfind(scheme, 0) == 0) u.erase(0, scheme.size());
  }
  if (u.rfind("www.", 0) == 0) u.erase(0, 4);
  while (!u.empty() && u.back() == '/') u.pop_back();
  return u;
}

// The surname and year of an author–year reference ("Abbasi et al., 2012",
// "(Abbasi and Rahimi, 2012)"): the first word that starts with a letter,
// and the first four-digit number from 1800 on.
bool AuthorYear(std::string_view text, std::string* surname, int* year) {
  std::size_t i = 0;
  while (i < text.size() &&
         !(std::isalpha(static_cast<unsigned char>(text[i])) ||
           static_cast<unsigned char>(text[i]) >= 0x80)) {
    ++i;
  }
  std::size_t j = i;
  while (j < text.size() &&
         (std::isalpha(static_cast<unsigned char>(text[j])) ||
          static_cast<unsigned char>(text[j]) >= 0x80 || text[j] == '-' ||
          text[j] == '\'')) {
    ++j;
  }
  if (j == i) return false;
  *surname = Lower(text.substr(i, j - i));
  for (std::size_t k = j; k + 4 <= text.size(); ++k) {
    if (!std::isdigit(static_cast<unsigned char>(text[k]))) continue;
    std::size_t e = k;
    while (e < text.size() && std::isdigit(static_cast<unsigned char>(text[e])))
      ++e;
    if (e - k == 4) {
      *year = std::stoi(std::string(text.substr(k, 4)));
      if (*year >= 1800) return true;
    }
    k = e;
  }
  return false;
}

// Matches a citation to a study of the knowledge base.
class StudyIndex {
 public:
  explicit StudyIndex(const Knowledge& knowledge) {
    for (const Study& s : knowledge.studies()) {
      if (!s.pmid.empty()) by_pmid_.emplace(s.pmid, &s);
      if (!s.doi.empty()) by_doi_.emplace(Lower(s.doi), &s);
      if (!s.pmcid.empty()) by_pmcid_.emplace(Lower(s.pmcid), &s);
      for (const std::string& u : s.urls) by_url_.emplace(UrlKey(u), &s);
      std::string surname, unused;
      int year = 0;
      if (!s.first_author.empty() && s.year &&
          AuthorYear(s.first_author + " " + std::to_string(*s.year), &surname,
                     &year)) {
        by_author_year_.emplace(std::make_pair(surname, year), &s);
      }
    }
  }

  // The study and how it matched; {nullptr, ""} when none does. An
  // author-year reference matches only when one study alone has that surname
  // and year.
  std::pair<const Study*, std::string> Match(const Citation& c) const {
    if (!c.pmid.empty()) {
      if (auto it = by_pmid_.find(c.pmid); it != by_pmid_.end()) {
        return {it->second, "pmid"};
      }
    }
    if (!c.doi.empty()) {
      if (auto it = by_doi_.find(Lower(c.doi)); it != by_doi_.end()) {
        return {it->second, "doi"};
      }
    }
    if (!c.pmcid.empty()) {
      if (auto it = by_pmcid_.find(Lower(c.pmcid)); it != by_pmcid_.end()) {
        return {it->second, "pmcid"};
      }
    }
    if (!c.url.empty()) {
      if (auto it = by_url_.find(UrlKey(c.url)); it != by_url_.end()) {
        return {it->second, "url"};
      }
    }
    if (!c.text.empty()) {
      std::string surname;
      int year = 0;
      if (AuthorYear(c.text, &surname, &year)) {
        auto [lo, hi] = by_author_year_.equal_range({surname, year});
        if (lo != hi && std::next(lo) == hi) return {lo->second, "author_year"};
      }
    }
    return {nullptr, ""};
  }

 private:
  std::map<std::string, const Study*> by_pmid_, by_doi_, by_pmcid_, by_url_;
  std::multimap<std::pair<std::string, int>, const Study*> by_author_year_;
};

// --- Composition claims ----------------------------------------------------

// Category words and the narrower ones they take in.
bool CategoryIncludes(std::string_view broad, std::string_view narrow) {
  if (broad == narrow) return true;
  static const std::multimap<std::string_view, std::string_view> kBroader = {
      {"compound", "salt"},
      {"compound", "amino acid"},
      {"compound", "hormone"},
      {"compound", "vitamin"},
      {"compound", "medicine"},
      {"nutrient", "mineral"},
      {"nutrient", "vitamin"},
      {"nutrient", "amino acid"},
      {"plant", "herb"},
      {"supplement", "mineral"},
      {"supplement", "salt"},
      {"supplement", "herb"},
      {"supplement", "amino acid"},
      {"supplement", "vitamin"},
      {"element", "mineral"}};
  auto [lo, hi] = kBroader.equal_range(broad);
  for (auto it = lo; it != hi; ++it) {
    if (it->second == narrow) return true;
  }
  return false;
}

// The category words the vocabulary uses, and a few it could be confused
// with: a claim naming one of them about a concept of another is refuted.
bool KnownCategory(std::string_view word) {
  static const std::set<std::string_view> kKnown = {
      "mineral", "salt",     "herb",     "hormone",   "amino acid",
      "vitamin", "medicine", "food",     "compound",  "mushroom",
      "fungus",  "plant",    "nutrient", "element",   "supplement",
      "protein", "enzyme",   "drug",     "fatty acid"};
  return kKnown.count(word) > 0;
}

Judgement JudgeComposition(const Vocabulary& vocabulary, const Claim& claim) {
  Judgement j;
  j.claim.kind = ClaimKind::kComposition;
  j.claim.subject = claim.subject->id;
  j.claim.relation = claim.relation;
  j.claim.object = "category:" + claim.category;
  // The concept's own category, else its nearest ancestor's.
  const Concept* with_category = claim.subject;
  std::set<std::string> seen;
  while (with_category != nullptr && with_category->category.empty() &&
         !with_category->is_a.empty() &&
         seen.insert(with_category->id).second) {
    with_category = vocabulary.Find(with_category->is_a.front());
  }
  const std::string category =
      with_category != nullptr ? with_category->category : "";
  const std::string word = Lower(claim.category);
  std::string where;
  if (with_category != nullptr) {
    // kb-relative, so that the report does not depend on where kb/ lives.
    const std::string& file = with_category->file;
    const std::size_t slash = file.rfind('/');
    where = "kb concepts/" +
            (slash == std::string::npos ? file : file.substr(slash + 1)) +
            " line " + std::to_string(with_category->line);
  }
  if (category.empty()) {
    j.reasons.push_back("the vocabulary gives " + claim.subject->label +
                        " no category: nothing to check '" + word +
                        "' against -> unsourced");
    return j;
  }
  if (CategoryIncludes(word, category)) {
    j.verdict = VerdictWord::kSupported;
    j.certainty = Certainty::kHigh;
    j.reasons.push_back("the curated vocabulary records " +
                        with_category->label + " as a " + category + " (" +
                        where + "), which is a kind of " + word +
                        " -> supported; certainty high (a definition, not a "
                        "finding)");
  } else if (KnownCategory(word)) {
    j.verdict = VerdictWord::kRefuted;
    j.certainty = Certainty::kHigh;
    j.reasons.push_back("the curated vocabulary records " +
                        with_category->label + " as a " + category + " (" +
                        where + "), not a " + word +
                        " -> refuted; certainty high (a definition, not a "
                        "finding)");
  } else {
    j.reasons.push_back("'" + word +
                        "' is not a category the vocabulary uses -> "
                        "unsourced");
  }
  return j;
}

// --- Judging ---------------------------------------------------------------

std::string QueryKey(const ClaimQuery& q) {
  std::string key = std::string(ClaimKindName(q.kind)) + "|" + q.subject + "|" +
                    q.relation + "|" + q.object;
  if (q.quantity) {
    key += "|" + FormatNumber(q.quantity->min) + "|" +
           FormatNumber(q.quantity->max) + "|" + q.quantity->unit + "|" +
           q.quantity->per + "|" + q.quantity->basis;
  }
  return key;
}

// --- Flags -----------------------------------------------------------------

std::string SaidAs(const Claim& c) {
  std::string cues;
  for (const std::string& cue : c.cues) {
    cues += (cues.empty() ? "" : ", ") + ("'" + cue + "'");
  }
  return cues.empty() ? "" : " (" + cues + ")";
}

std::string EvidenceWords(const Judgement& j) {
  if (j.verdict == VerdictWord::kUnsourced) {
    return "no study in the knowledge base supports it (unsourced)";
  }
  return std::string("the evidence is ") + VerdictName(j.verdict) +
         ", certainty " + CertaintyName(j.certainty);
}

// docs/audit.md, "Flags": a claim of effect said more surely than its
// evidence allows. Not a usage statement ("is often recommended for
// sleep"), a conditional ("If you take magnesium for sleep, ..."), nor,
// unless said as established, a claim of another kind (a mechanism, a
// dose, an onset, a comparison, a safety caution) or a role without a
// direction ("is involved in sleep").
void FlagOverstated(const AuditCues& cues, std::string_view sentence,
                    AuditedClaim* a) {
  const Claim& c = a->claim;
  if (c.question || !c.reported_by.empty() ||
      OutsideKnowledgeBase(a->judgement))
    return;
  const Judgement& j = a->judgement;
  const std::string lower = audit_internal::Lower(sentence);
  for (const std::string& cue : cues.CuesOf("usage")) {
    if (audit_internal::HasCue(lower, cue)) return;
  }
  std::size_t opening = 0;  // past a leading quote, bullet or "But"
  while (opening < lower.size() &&
         !std::isalnum(static_cast<unsigned char>(lower[opening]))) {
    ++opening;
  }
  for (const std::string& cue : cues.CuesOf("conditional")) {
    if (lower.compare(opening, cue.size(), cue) == 0) return;
  }
  if (c.hedging == Hedging::kAssertive &&
      (j.verdict != VerdictWord::kSupported ||
       j.certainty <= Certainty::kLow)) {
    a->flags.push_back({kFlagOverstated, "said as established" + SaidAs(c) +
                                             ", but " + EvidenceWords(j)});
    return;
  }
  // "is involved in the regulation of sleep" (modulates) claims a role,
  // not a benefit: physiology, not an effect said too surely.
  if (c.hedging != Hedging::kPlain || c.kind != ClaimKind::kEffect ||
      c.relation == "modulates") {
    return;
  }
  const bool weak = j.verdict == VerdictWord::kContested ||
                    j.verdict == VerdictWord::kRefuted ||
                    j.verdict == VerdictWord::kUnsourced;
  if (weak) {
    a->flags.push_back(
        {kFlagOverstated,
         "stated as fact, without 'may' or 'might', but " + EvidenceWords(j)});
  }
}

void FlagUnnamedStudies(const std::vector<CitedSource>& cited,
                        AuditedClaim* a) {
  if (a->claim.attribution != Attribution::kUnnamed) return;
  if (!a->claim.reported_by.empty()) return;
  std::string unmatched;
  for (std::size_t i : a->citations) {
    const CitedSource& s = cited[i];
    if (s.study != nullptr || IsIdentified(s.citation)) return;
    if (!s.citation.text.empty()) {
      unmatched +=
          (unmatched.empty() ? "" : ", ") + ("'" + s.citation.text + "'");
    }
  }
  std::string why = "refers to research" + SaidAs(a->claim) +
                    " without naming a study a reader can find";
  if (!unmatched.empty()) {
    why += "; " + unmatched +
           " is not in the knowledge base and the article gives no link or "
           "identifier";
  }
  a->flags.push_back({kFlagUnnamedStudies, why});
}

void FlagWrongForm(const Vocabulary& vocabulary, AuditedClaim* a) {
  const Judgement& j = a->judgement;
  bool engine_flag = std::find(j.flags.begin(), j.flags.end(),
                               std::string("wrong_form")) != j.flags.end();
  // The evidence for the claim is all on another form.
  bool any_for = false, all_for_wrong = true;
  std::set<std::string> forms;
  for (const Evidence& e : j.evidence) {
    if (!e.weighed) continue;
    if (e.wrong_form) forms.insert(e.subject);
    if (e.stance != Stance::kSupports) continue;
    any_for = true;
    all_for_wrong &= e.wrong_form;
  }
  if (!engine_flag && !(any_for && all_for_wrong)) return;
  std::string names;
  for (const std::string& f : forms) {
    names += (names.empty() ? "" : ", ") + vocabulary.LabelOf(f);
  }
  a->flags.push_back({kFlagWrongForm, (engine_flag ? "all weighed evidence"
                                                   : "the evidence "
                                                     "for it") +
                                          std::string(" is on ") + names +
                                          ", not " + a->claim.subject->label});
}

// docs/audit.md, "Flags": the amount against the upper limit the verdict
// engine read (Judgement::dose; docs/verdicts.md, section 8).
void FlagDose(const Vocabulary& vocabulary, AuditedClaim* a) {
  const Claim& c = a->claim;
  if (c.kind != ClaimKind::kDose || !c.quantity) return;
  if (c.relation != "dose" && c.relation != "safe_dose") return;
  const std::optional<DoseReading>& dose = a->judgement.dose;
  const Quantity& q = *c.quantity;
  if (!dose || dose->upper_limit == nullptr || dose->daily_mg < 0 ||
      q.max <= 0) {
    return;
  }
  const ReferenceValue& ul = *dose->upper_limit;
  const Concept* owner = vocabulary.Find(dose->limit_of);
  if (owner == nullptr) return;
  const double scale = dose->daily_mg / q.max;
  const double limit = dose->limit_mg;
  const double top = dose->daily_mg;
  const bool is_form = owner != c.subject;
  const std::string amount =
      (q.min != q.max ? FormatNumber(q.min * scale) + "-" : std::string()) +
      FormatNumber(top) + " mg" + (q.per.empty() ? "" : "/" + q.per);
  std::string sources = ul.source;
  for (const std::string& s : ul.also_sources) sources += ", " + s;
  if (dose->above) {
    std::string why =
        amount + " of " + c.subject->label + " goes above the " +
        FormatNumber(limit) + " mg/day tolerable upper intake level " + "for " +
        (ul.intake_source.empty() ? "" : ul.intake_source + " ") +
        owner->label + " (" + ul.population + "; " + sources + ")";
    if (q.per.empty() || q.per == "dose") {
      why += "; read as a daily amount, since the article gives no other";
    }
    a->flags.push_back({kFlagAboveUpperLimit, why});
  }
  if (is_form && (q.basis.empty() || q.basis == "unspecified")) {
    a->flags.push_back(
        {kFlagCompoundVsElemental,
         "the article does not say whether " + amount + " is " +
             c.subject->label + " or elemental " + owner->label +
             ": as elemental " + owner->label +
             (top > limit ? " it is above the upper level" : "") +
             "; as the compound, it holds only part of that as " +
             owner->label + ", possibly below the doses trials used"});
  }
}

void FlagMechanismOnly(const Vocabulary& vocabulary, AuditedClaim* a) {
  const Judgement& j = a->judgement;
  if (!j.plausible_mechanism) return;
  std::string why = "no human study in the knowledge base tests it";
  for (const Chain& ch : j.chains) {
    if (ch.verdict != VerdictWord::kSupported) continue;
    std::string path;
    for (const std::string& id : ch.path) {
      path += (path.empty() ? "" : " -> ") + vocabulary.LabelOf(id);
    }
    why += "; only a mechanism chain (" + path + ") makes it plausible";
    break;
  }
  if (why.find("chain") == std::string::npos) {
    why += "; only animal, in vitro or mechanistic work speaks to it";
  }
  a->flags.push_back({kFlagMechanismOnly, why});
}

void FlagMisattributed(const std::vector<CitedSource>& cited, AuditedClaim* a) {
  std::set<std::string> done;
  for (std::size_t i : a->citations) {
    const Study* s = cited[i].study;
    if (s == nullptr || !done.insert(s->id).second) continue;
    const Evidence* found = nullptr;
    for (const Evidence& e : a->judgement.evidence) {
      if (e.source.study != s->id) continue;
      if (found == nullptr || e.stance == Stance::kSupports) found = &e;
    }
    if (found != nullptr && found->stance == Stance::kSupports) continue;
    std::string what = a->claim.subject->label + " " + a->claim.relation;
    if (a->claim.object != nullptr) what += " " + a->claim.object->label;
    std::string why;
    if (found == nullptr) {
      why = "cites " + StudyName(*s) + ", which the knowledge base holds, " +
            "but that study does not speak to '" + what + "'";
      if (!s->outcome.empty()) why += " (it measured: " + s->outcome + ")";
    } else if (found->stance == Stance::kContext) {
      why = "cites " + StudyName(*s) + " for '" + what +
            "', but the study only gives background on it";
    } else {
      why = "cites " + StudyName(*s) + " for '" + what + "', but it found " +
            (found->stance == Stance::kMixed     ? "mixed results"
             : found->stance == Stance::kRefutes ? "the opposite"
                                                 : "no effect") +
            (found->finding.empty() ? "" : ": " + found->finding);
    }
    a->flags.push_back({kFlagMisattributed, why});
  }
}

// "The page is in German (declared by the page)".
std::string LanguageWordsFor(const LanguageGuess& language) {
  const std::string name = language.name.empty()
                               ? "the language '" + language.code + "'"
                               : language.name;
  return "The page is in " + name + " (" + language.how() + ")";
}

// Why an audit found no claim, from what the text names.
std::string NoClaimReason(const std::vector<Mention>* mentions) {
  std::vector<std::string> labels;
  if (mentions != nullptr) {
    for (const Mention& m : *mentions) {
      if (m.target == nullptr) continue;
      if (std::find(labels.begin(), labels.end(), m.target->label) ==
          labels.end()) {
        labels.push_back(m.target->label);
      }
    }
  }
  if (labels.empty()) {
    return "No claim found: the text names no intervention, mechanism or "
           "outcome the vocabulary knows (MeSH 2024, the curated concepts "
           "and their aliases), so there is nothing to judge.";
  }
  std::string named;
  for (std::size_t i = 0; i < labels.size() && i < 4; ++i) {
    named += (i ? ", " : "") + labels[i];
  }
  if (labels.size() > 4) named += ", ...";
  return "No claim found: the text names " + std::to_string(labels.size()) +
         (labels.size() == 1 ? " concept (" : " concepts (") + named +
         ") but no sentence says what one does to another in words the "
         "claim extractor reads (docs/claims.md).";
}

}  // namespace

Result<Audit> AuditDocument(const AuditInput& input,
                            const Vocabulary& vocabulary,
                            const Knowledge& knowledge, const AuditCues& cues,
                            const VerdictEngine& engine) {
  Audit audit;
  const Text& text = *input.text;

  // The cited sources, matched to the kb.
  const StudyIndex studies(knowledge);
  std::multimap<std::size_t, std::size_t> by_sentence;
  if (input.citations != nullptr) {
    for (std::size_t i = 0; i < input.citations->size(); ++i) {
      CitedSource s;
      s.citation = (*input.citations)[i];
      if (input.citation_sentences != nullptr &&
          i < input.citation_sentences->size()) {
        s.sentence = (*input.citation_sentences)[i];
      }
      std::tie(s.study, s.matched_by) = studies.Match(s.citation);
      if (s.sentence != CitedSource::kNoSentence) {
        by_sentence.emplace(s.sentence, audit.citations.size());
      }
      audit.citations.push_back(std::move(s));
    }
  }

  // Verdicts, one judgement per distinct claim.
  std::map<std::string, Judgement> judged;
  for (const Claim& c : *input.claims) {
    AuditedClaim a;
    a.claim = c;
    if (c.kind == ClaimKind::kComposition) {
      a.judgement = JudgeComposition(vocabulary, c);
    } else {
      const ClaimQuery q = QueryOf(c);
      const std::string key = QueryKey(q);
      auto it = judged.find(key);
      if (it == judged.end()) {
        Result<Judgement> j = engine.Judge(q);
        if (!j.ok()) return j.status();
        it = judged.emplace(key, std::move(j).value()).first;
      }
      a.judgement = it->second;
    }
    auto [lo, hi] = by_sentence.equal_range(c.sentence);
    for (auto it = lo; it != hi; ++it) a.citations.push_back(it->second);

    FlagOverstated(cues, text.SentenceText(c.sentence), &a);
    FlagUnnamedStudies(audit.citations, &a);
    FlagWrongForm(vocabulary, &a);
    FlagDose(vocabulary, &a);
    FlagMechanismOnly(vocabulary, &a);
    FlagMisattributed(audit.citations, &a);
    audit.claims.push_back(std::move(a));
  }

  // Counts and score.
  AuditSummary& sum = audit.summary;
  sum.claims = audit.claims.size();
  sum.sentences = text.sentences().size();
  sum.flags.assign(AllAuditFlags().size(), 0);
  double points = 0;
  std::size_t asserted = 0;
  for (const AuditedClaim& a : audit.claims) {
    ++sum.verdicts[static_cast<std::size_t>(a.judgement.verdict)];
    for (std::size_t f = 0; f < AllAuditFlags().size(); ++f) {
      sum.flags[f] += a.HasFlag(AllAuditFlags()[f]);
    }
    if (a.claim.question) {
      ++sum.questions;
      continue;
    }
    if (!a.claim.reported_by.empty()) {
      ++sum.reported;
      continue;
    }
    if (OutsideKnowledgeBase(a.judgement)) {
      ++sum.outside;  // nothing to score it against (docs/audit.md, "Score")
      continue;
    }
    ++asserted;
    double p = 0;
    switch (a.judgement.verdict) {
      case VerdictWord::kSupported:
        p = 1;
        break;
      case VerdictWord::kContested:
        p = 0.5;
        break;
      case VerdictWord::kUnsourced:
        p = 0.25;
        break;
      case VerdictWord::kRefuted:
        p = 0;
        break;
    }
    p -= 0.25 * static_cast<double>(a.flags.size());
    points += std::max(p, 0.0);
  }
  if (asserted > 0) {
    sum.score = static_cast<int>(
        std::lround(100.0 * points / static_cast<double>(asserted)));
  }

  // docs/audit.md, "Score": a score resting on fewer than half of the
  // claim sentences would judge the article by a part of it.
  std::set<std::size_t> claim_sentences, judged_sentences;
  for (const AuditedClaim& a : audit.claims) {
    if (a.claim.question || !a.claim.reported_by.empty()) continue;
    claim_sentences.insert(a.claim.sentence);
    if (!OutsideKnowledgeBase(a.judgement)) {
      judged_sentences.insert(a.claim.sentence);
    }
  }
  if (!claim_sentences.empty() &&
      judged_sentences.size() * 2 < claim_sentences.size()) {
    sum.score = -1;
    sum.score_withheld =
        "only " + std::to_string(judged_sentences.size()) + " of " +
        std::to_string(claim_sentences.size()) +
        " claim sentences could be judged on evidence (the others are "
        "outside the knowledge base), too few to score the article by";
    audit.notes.push_back("No score: " + sum.score_withheld + ".");
  }

  // docs/audit.md, "Language" and "When there is nothing to judge".
  audit.language = GuessLanguage(cues, input.document->language, text);
  if (!audit.language.english()) {
    const std::string said = LanguageWordsFor(audit.language);
    audit.notes.push_back(said +
                          ": claimcheck reads English only, so the claims "
                          "below may be missing or misread, and no score is "
                          "given.");
    if (asserted > 0) {
      sum.score = -1;
      sum.score_withheld = said + "; claimcheck reads English only";
    }
  }
  if (audit.claims.empty()) {
    audit.notes.push_back(NoClaimReason(input.mentions));
  }

  audit.rubric = audit_internal::CheckRubric(input, vocabulary, cues, audit);
  return audit;
}

}  // namespace claimcheck
