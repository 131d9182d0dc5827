// BuildSummary: the rows of an evidence summary from the claim graph, each
// judged, with its counts, citations and GRADE sentence; and PlainLanguage,
// GRADE's wording of a verdict. Covered by tests/report/summary_test.cc.
#include "claimcheck/summary.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <tuple>

#include "report/verdict_words.h"

namespace claimcheck {

namespace {

// The relations that say which way a concept moves another; their order is
// the tie-break when one subject has several with one object.
constexpr const char* kDirectional[] = {"increases", "decreases", "modulates",
                                        "no_effect"};

int DirectionalRank(std::string_view relation) {
  for (int i = 0; i < 4; ++i) {
    if (relation == kDirectional[i]) return i;
  }
  return -1;
}

enum class Section { kOutcome, kMechanism, kOther };

Section SectionOf(const Vocabulary& vocabulary, const ReportEdge& e) {
  const Concept* object = vocabulary.Find(e.object);
  if (object == nullptr || DirectionalRank(e.relation) < 0) {
    return Section::kOther;
  }
  switch (object->kind) {
    case ConceptKind::kOutcome:
      return Section::kOutcome;
    case ConceptKind::kMechanism:
      return Section::kMechanism;
    case ConceptKind::kIntervention:
      break;
  }
  return Section::kOther;
}

// Of the directional edges between one subject and one object, the one
// most sources make: curated claims first, then imported documents, then
// the relation order above.
bool MoreMade(const ReportEdge& a, const ReportEdge& b) {
  return std::make_tuple(a.curated_claims, a.documents,
                         -DirectionalRank(a.relation)) >
         std::make_tuple(b.curated_claims, b.documents,
                         -DirectionalRank(b.relation));
}

// The edges the summary makes rows of: every non-directional edge, and one
// directional edge per (subject, object).
std::vector<const ReportEdge*> RowEdges(const Vocabulary& vocabulary,
                                        const std::vector<ReportEdge>& edges) {
  std::vector<const ReportEdge*> rows;
  std::map<std::pair<std::string, std::string>, const ReportEdge*> chosen;
  for (const ReportEdge& e : edges) {
    if (SectionOf(vocabulary, e) == Section::kOther) {
      rows.push_back(&e);
      continue;
    }
    const ReportEdge*& best = chosen[{e.subject, e.object}];
    if (best == nullptr || MoreMade(e, *best)) best = &e;
  }
  for (const auto& [pair, e] : chosen) rows.push_back(e);
  return rows;
}

// The curated claims making the edge, in file order.
std::vector<const CuratedClaim*> CuratedOn(const ClaimGraph& curated,
                                           const ReportEdge& e) {
  std::vector<const CuratedClaim*> out;
  for (const ClaimEdge* edge : curated.EdgesBetween(e.subject, e.object)) {
    if (edge->relation != e.relation) continue;
    for (const EdgeSource& s : edge->sources) {
      if (s.curated != nullptr &&
          std::find(out.begin(), out.end(), s.curated) == out.end()) {
        out.push_back(s.curated);
      }
    }
  }
  std::sort(out.begin(), out.end(),
            [](const CuratedClaim* a, const CuratedClaim* b) {
              return a->line < b->line;
            });
  return out;
}

// The counts of the weighed evidence of `j` into `row`.
void CountEvidence(const Judgement& j, SummaryRow* row) {
  std::set<std::string> seen;
  for (const Evidence& e : j.evidence) {
    if (!e.weighed || !seen.insert(e.source.id).second) continue;
    ++row->studies;
    switch (e.stance) {
      case Stance::kSupports:
        ++row->supporting;
        break;
      case Stance::kRefutes:
      case Stance::kNullResult:
        ++row->against;
        break;
      case Stance::kMixed:
        ++row->mixed;
        break;
      case Stance::kContext:
        break;
    }
    if (e.source.n) {
      row->participants += *e.source.n;
    } else {
      ++row->studies_without_n;
    }
  }
  for (const EvidenceTally& t : j.unlisted) row->unlisted += t.documents;
}

// Numbers the weighed sources of `j` in `references` (new ones at the end)
// and records them in `row`.
void Cite(const Judgement& j, std::vector<EvidenceSource>* references,
          std::map<std::string, std::size_t>* numbers, SummaryRow* row) {
  for (const Evidence& e : j.evidence) {
    if (!e.weighed) continue;
    auto [it, added] = numbers->emplace(e.source.id, references->size() + 1);
    if (added) references->push_back(e.source);
    if (std::find(row->citations.begin(), row->citations.end(), it->second) !=
        row->citations.end()) {
      continue;
    }
    row->citations.push_back(it->second);
    if (row->key_citations.size() < kKeyCitations) {
      row->key_citations.push_back(it->second);
    }
  }
}

void AddChains(const Judgement& j, std::set<std::string>* seen,
               std::vector<Chain>* chains) {
  for (const Chain& c : j.chains) {
    std::string key;
    for (const ChainLink& l : c.links) {
      key += l.subject + " " + l.relation + " " + l.object + ";";
    }
    if (seen->insert(key).second) chains->push_back(c);
  }
}

// The label of a row's object (its subject's when it has none), in lower
// case, then the object id, then the concept before its forms before other
// subjects, then relation.
void SortRows(const Vocabulary& vocabulary,
              const std::vector<std::string>& forms,
              std::vector<SummaryRow>* rows) {
  auto key = [&](const SummaryRow& row) {
    const std::string& topic =
        row.claim.object.empty() ? row.claim.subject : row.claim.object;
    std::string label = vocabulary.LabelOf(topic);
    std::transform(label.begin(), label.end(), label.begin(), [](char c) {
      return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    });
    const int rank = row.claim.subject == forms.front() ? 0
                     : std::find(forms.begin(), forms.end(),
                                 row.claim.subject) != forms.end()
                         ? 1
                         : 2;
    return std::make_tuple(label, row.claim.object, rank, row.claim.subject,
                           row.claim.relation);
  };
  std::stable_sort(rows->begin(), rows->end(),
                   [&key](const SummaryRow& a, const SummaryRow& b) {
                     return key(a) < key(b);
                   });
}

// The verb of a directional relation: third person and base form.
struct Verb {
  const char* third;
  const char* base;
};

std::optional<Verb> VerbOf(std::string_view relation) {
  if (relation == "increases") return Verb{"increases", "increase"};
  if (relation == "decreases") return Verb{"reduces", "reduce"};
  if (relation == "modulates") return Verb{"affects", "affect"};
  return std::nullopt;
}

// The claim in words for the sentences about relations without a verb.
std::string ClaimInWords(const Vocabulary& vocabulary, const ClaimQuery& claim,
                         std::string_view text) {
  std::string words(text);
  while (!words.empty() && (words.back() == '.' || words.back() == ' ')) {
    words.pop_back();
  }
  if (!words.empty()) return words;
  std::string relation = claim.relation;
  std::replace(relation.begin(), relation.end(), '_', ' ');
  words = vocabulary.LabelOf(claim.subject) + " " + relation;
  if (!claim.object.empty()) words += " " + vocabulary.LabelOf(claim.object);
  return words;
}

std::string AboutClaim(VerdictWord verdict, Certainty certainty,
                       const std::string& quoted) {
  static const char* const kSupport[] = {"", "may support", "probably supports",
                                         "supports"};
  static const char* const kAgainst[] = {"", "may contradict",
                                         "probably contradicts", "contradicts"};
  const int rank = report::CertaintyRank(certainty);
  switch (verdict) {
    case VerdictWord::kSupported:
    case VerdictWord::kRefuted: {
      if (rank == 0) return "The evidence is very uncertain about " + quoted;
      const char* verb =
          verdict == VerdictWord::kSupported ? kSupport[rank] : kAgainst[rank];
      return std::string("The evidence ") + verb + " " + quoted;
    }
    case VerdictWord::kContested:
      if (rank == 0) {
        return "The evidence is very uncertain about " + quoted +
               ": the studies conflict";
      }
      return "Studies conflict on " + quoted + " (" + CertaintyName(certainty) +
             "-certainty evidence)";
    case VerdictWord::kUnsourced:
      break;
  }
  return "No study in the knowledge base tests " + quoted;
}

std::string AboutEffect(VerdictWord verdict, Certainty certainty,
                        const std::string& s, const std::string& o,
                        const Verb& verb) {
  const std::string uncertain =
      "The evidence is very uncertain about the effect of " + s + " on " + o;
  const int rank = report::CertaintyRank(certainty);
  switch (verdict) {
    case VerdictWord::kSupported:
      if (rank == 0) return uncertain;
      if (rank == 1) return s + " may " + verb.base + " " + o;
      return s + (rank == 2 ? " probably " : " ") + verb.third + " " + o;
    case VerdictWord::kRefuted:
      if (rank == 0) return uncertain;
      if (rank == 1) return s + " may make little or no difference to " + o;
      return s + (rank == 2 ? " probably " : " ") +
             "makes little or no difference to " + o;
    case VerdictWord::kContested:
      if (rank == 0) return uncertain + ": the studies conflict";
      return "Studies conflict on whether " + s + " " + verb.third + " " + o +
             " (" + CertaintyName(certainty) + "-certainty evidence)";
    case VerdictWord::kUnsourced:
      break;
  }
  return "No study in the knowledge base tests whether " + s + " " +
         verb.third + " " + o;
}

}  // namespace

std::string PlainLanguage(const Vocabulary& vocabulary, const ClaimQuery& claim,
                          VerdictWord verdict, Certainty certainty,
                          bool plausible_mechanism, std::string_view text) {
  const std::optional<Verb> verb = VerbOf(claim.relation);
  std::string sentence =
      verb && !claim.object.empty()
          ? AboutEffect(verdict, certainty, vocabulary.LabelOf(claim.subject),
                        vocabulary.LabelOf(claim.object), *verb)
          : AboutClaim(verdict, certainty,
                       "the claim \u201C" +
                           ClaimInWords(vocabulary, claim, text) + "\u201D");
  sentence = report::Capitalised(sentence) + ".";
  if (verdict == VerdictWord::kUnsourced && plausible_mechanism) {
    sentence +=
        " A mechanism makes it plausible, which is not evidence that it "
        "works in people.";
  }
  return sentence;
}

Result<EvidenceSummary> BuildSummary(std::string_view concept_id,
                                     const Vocabulary& vocabulary,
                                     const ClaimGraph& curated, Store* store,
                                     const VerdictEngine& engine) {
  if (vocabulary.Find(concept_id) == nullptr) {
    return Status::InvalidArgument("unknown concept '" +
                                   std::string(concept_id) + "'");
  }
  EvidenceSummary summary;
  summary.concept_id = std::string(concept_id);
  summary.with_store = store != nullptr;
  for (const Kin& k : Kindred(vocabulary, concept_id, false)) {
    if (k.kinship == Kinship::kSame || k.kinship == Kinship::kNarrower) {
      summary.forms.push_back(k.id);
    }
  }
  std::vector<ReportEdge> edges;
  Status status = CollectEdges(curated, store, summary.forms, true, &edges);
  if (!status.ok()) return status;

  for (const ReportEdge* e : RowEdges(vocabulary, edges)) {
    SummaryRow row;
    row.claim.kind = e->kind;
    row.claim.subject = e->subject;
    // A curated "no effect" claim is judged as written; imported ones
    // alone ask whether there is any effect, so that a null finding
    // refutes the question instead of supporting a negative claim.
    row.claim.relation = e->relation == "no_effect" && e->curated_claims == 0
                             ? std::string("modulates")
                             : e->relation;
    row.claim.object = e->object;
    for (const CuratedClaim* c : CuratedOn(curated, *e)) {
      if (row.text.empty()) row.text = c->text;
      row.curated_claims.push_back(c->id);
    }
    row.documents = e->documents;
    const Section section = SectionOf(vocabulary, *e);
    (section == Section::kOutcome     ? summary.outcomes
     : section == Section::kMechanism ? summary.mechanisms
                                      : summary.other)
        .push_back(std::move(row));
  }

  std::map<std::string, std::size_t> numbers;
  std::set<std::string> chain_keys;
  for (std::vector<SummaryRow>* rows :
       {&summary.outcomes, &summary.mechanisms, &summary.other}) {
    SortRows(vocabulary, summary.forms, rows);
    for (SummaryRow& row : *rows) {
      Result<Judgement> judged = engine.Judge(row.claim);
      if (!judged.ok()) return judged.status();
      const Judgement& j = judged.value();
      row.verdict = j.verdict;
      row.certainty = j.certainty;
      row.plausible_mechanism = j.plausible_mechanism;
      row.flags = j.flags;
      CountEvidence(j, &row);
      Cite(j, &summary.references, &numbers, &row);
      AddChains(j, &chain_keys, &summary.chains);
      row.sentence =
          PlainLanguage(vocabulary, row.claim, row.verdict, row.certainty,
                        row.plausible_mechanism, row.text);
    }
  }
  return summary;
}

GraphReport SummaryGraph(const EvidenceSummary& summary) {
  GraphReport report;
  report.focus = summary.concept_id;
  std::map<std::tuple<std::string, std::string, std::string>, ReportEdge> edges;
  auto add = [&edges](ReportEdge e) {
    edges.emplace(std::make_tuple(e.subject, e.object, e.relation),
                  std::move(e));
  };
  for (const std::vector<SummaryRow>* rows :
       {&summary.outcomes, &summary.mechanisms, &summary.other}) {
    for (const SummaryRow& row : *rows) {
      if (row.claim.object.empty()) continue;
      ReportEdge e;
      e.subject = row.claim.subject;
      e.relation = row.claim.relation;
      e.object = row.claim.object;
      e.kind = row.claim.kind;
      e.curated_claims = row.curated_claims.size();
      e.documents = row.documents;
      e.judged = true;
      e.verdict = row.verdict;
      e.certainty = row.certainty;
      add(std::move(e));
    }
  }
  // Chain links after the rows: a row on the same claim keeps its counts.
  for (const Chain& c : summary.chains) {
    for (const ChainLink& l : c.links) {
      ReportEdge e;
      e.subject = l.subject;
      e.relation = l.relation;
      e.object = l.object;
      e.kind = ClaimKind::kMechanism;
      e.judged = true;
      e.verdict = l.verdict;
      e.certainty = l.certainty;
      add(std::move(e));
    }
  }
  std::set<std::string> ends = {summary.concept_id};
  for (auto& [key, e] : edges) {
    ends.insert(e.subject);
    ends.insert(e.object);
    report.edges.push_back(std::move(e));
  }
  report.concepts.assign(ends.begin(), ends.end());
  return report;
}

}  // namespace claimcheck
