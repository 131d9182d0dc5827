// The verdict engine. docs/verdicts.md states the rules in words; each rule
// below names its section there. Covered by tests/verdict/*.cc.
#include "claimcheck/verdict.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <mutex>
#include <set>
#include <tuple>
#include <utility>

#include "claimcheck/graph.h"
#include "verdict/directions.h"
#include "verdict/dose.h"
#include "verdict/grade.h"
#include "verdict/rules.h"
#include "verdict/stored_evidence.h"

namespace claimcheck {

using verdict_internal::DirectnessRank;
using verdict_internal::FromLevel;
using verdict_internal::Level;
using verdict_internal::Polarity;
using verdict_internal::Sign;
using verdict_internal::Weaker;

namespace {

constexpr const char* kVerdictNames[] = {"supported", "contested", "refuted",
                                         "unsourced"};
constexpr const char* kCertaintyNames[] = {"very low", "low", "moderate",
                                           "high"};

bool Directional(std::string_view relation) {
  return relation == "increases" || relation == "decreases" ||
         relation == "modulates" || relation == "no_effect";
}

// docs/verdicts.md, "Both orders": relations whose evidence is read in
// either order of the two concepts.
bool Comparison(std::string_view relation) {
  return relation == "more_bioavailable_than" ||
         relation == "better_tolerated_than";
}
bool Symmetric(std::string_view relation) {
  return relation == "interacts_with";
}

// What a source that took `stance` on (relation_e, object_e) says about
// (relation_q, object_q); nullopt when it does not speak to it. `why`
// receives a note when the reading changes the stance.
std::optional<Stance> Translate(const Vocabulary& vocabulary, Stance stance,
                                const std::string& relation_e,
                                const std::string& object_e,
                                const std::string& relation_q,
                                const std::string& object_q, std::string* why) {
  if (!Directional(relation_q) || !Directional(relation_e)) {
    if (relation_e != relation_q) return std::nullopt;
    return stance;
  }
  if (stance == Stance::kContext) return stance;
  // Which way each moves its object on the better-is-higher scale.
  const int e = Sign(relation_e) * Polarity(vocabulary, object_e);
  const int q = Sign(relation_q) * Polarity(vocabulary, object_q);
  if (stance == Stance::kMixed) {
    // Benefit on some outcomes and none on others is no sign of the
    // opposite effect: read for "it worsens", it is a null result
    // (docs/verdicts.md section 1: contested needs real support).
    if (relation_e != "no_effect" && relation_q != "no_effect" && e != 0 &&
        q != 0 && e != q) {
      *why = "its mixed findings go the other way or show no difference";
      return Stance::kNullResult;
    }
    return stance;
  }
  // A source whose own claim is "no effect": supporting it is a null
  // finding; refuting it says there is some effect, which way unknown.
  if (relation_e == "no_effect") {
    if (stance != Stance::kSupports) {
      *why = "it found some effect but not which way";
      return Stance::kContext;
    }
    stance = Stance::kNullResult;
  }
  if (stance == Stance::kNullResult) {
    return relation_q == "no_effect" ? Stance::kSupports : Stance::kNullResult;
  }
  // stance is supports or refutes of a directional claim.
  if (relation_q == "no_effect") {
    if (stance == Stance::kSupports) {
      *why = "it found an effect";
      return Stance::kRefutes;
    }
    *why = "it refutes the effect's direction, not that there is one";
    return Stance::kContext;
  }
  if (e == 0 && q == 0) return stance;
  if (e == 0) {
    if (stance == Stance::kRefutes) return Stance::kRefutes;
    *why = "it says the effect exists but not which way";
    return Stance::kContext;
  }
  if (q == 0) {
    if (stance == Stance::kSupports) return Stance::kSupports;
    *why = "it refutes one direction, which leaves the other open";
    return Stance::kContext;
  }
  if (e == q) return stance;
  *why = "it speaks to the opposite direction";
  return stance == Stance::kSupports ? Stance::kRefutes : Stance::kSupports;
}

// --- Directness -----------------------------------------------------------

const Kin* FindKin(const std::vector<Kin>& kin, std::string_view id) {
  for (const Kin& k : kin) {
    if (k.id == id) return &k;
  }
  return nullptr;
}

// Abstract sections whose sentences state the question or the belief the
// study started from, not what it found.
bool BackgroundSection(std::string section) {
  for (char& c : section) {
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  for (const char* s :
       {"BACKGROUND", "INTRODUCTION", "OBJECTIVE", "AIM", "PURPOSE", "CONTEXT",
        "RATIONALE", "METHOD", "DESIGN", "SETTING", "PARTICIPANTS"}) {
    if (section.find(s) != std::string::npos) return true;
  }
  return false;
}

// mg for mass units; nullopt when not comparable (MgIn, dose.h).
std::optional<std::pair<double, double>> MgRange(double min, double max,
                                                 const std::string& unit) {
  const double f = verdict_internal::MgIn(unit);
  if (f <= 0) return std::nullopt;
  return std::make_pair(min * f, max * f);
}

// A curated dose claim speaks to a queried dose when the amounts overlap (or
// either has none, or they cannot be compared: masses in mg, other units
// only with the same unit); "around" an amount is read
// as within 10 % of it.
bool DosesOverlap(const ClaimQuery& q, const CuratedClaim& c) {
  if (!q.quantity || !c.qualifiers.dose) return true;
  const Amount& a = *c.qualifiers.dose;
  std::optional<std::pair<double, double>> qr, cr;
  if (!a.unit.empty() && a.unit == q.quantity->unit) {  // IU against IU
    qr = std::make_pair(q.quantity->min, q.quantity->max);
    cr = std::make_pair(a.min.value_or(0), a.max.value_or(a.min.value_or(0)));
  } else {
    qr = MgRange(q.quantity->min, q.quantity->max, q.quantity->unit);
    cr = MgRange(a.min.value_or(0), a.max.value_or(a.min.value_or(0)), a.unit);
  }
  if (!qr || !cr) return true;
  if (q.quantity->bound == "around") {  // "around 300 mg": within 10 %
    qr->first *= 0.9;
    qr->second *= 1.1;
  }
  return qr->first <= cr->second && cr->first <= qr->second;
}

// A curated dose claim speaks to a queried dose for the same group
// (DoseGroup: "adults need 310-420 mg" says nothing of what children
// need); a claim that names none is for adults.
bool SameDoseGroup(const ClaimQuery& q, const CuratedClaim& c) {
  return DoseGroup(q.population) == DoseGroup(c.qualifiers.population);
}

// A candidate reading of one source, before one per source is kept.
struct Candidate {
  Evidence evidence;
  int object_rank = 0;   // a Kinship: 0 same, 1 narrower, 2 broader, 4 member
  int subject_rank = 0;  // 0 same, 1 narrower, 2 broader, 3 sibling
  std::vector<std::string> includes;  // curated study ids a review pools
  std::string secondary_of;
  std::optional<Certainty> cap;  // authors' GRADE
  bool high_risk_of_bias = false;
};

bool MoreDirect(const Candidate& a, const Candidate& b) {
  auto key = [](const Candidate& c) {
    return std::make_tuple(
        c.evidence.stance == Stance::kContext, c.object_rank, c.subject_rank,
        DirectnessRank(c.evidence.directness), !c.evidence.curated);
  };
  return key(a) < key(b);
}

}  // namespace

const char* VerdictName(VerdictWord verdict) {
  return kVerdictNames[static_cast<int>(verdict)];
}

std::optional<VerdictWord> ParseVerdict(std::string_view name) {
  for (int i = 0; i < 4; ++i) {
    if (name == kVerdictNames[i]) return static_cast<VerdictWord>(i);
  }
  return std::nullopt;
}

const char* CertaintyName(Certainty certainty) {
  return kCertaintyNames[Level(certainty)];
}

std::optional<Certainty> ParseCertainty(std::string_view name) {
  for (int i = 0; i < 4; ++i) {
    if (name == kCertaintyNames[i]) return FromLevel(i);
  }
  return std::nullopt;
}

struct VerdictEngine::Impl {
  Impl(const Vocabulary& v, const Knowledge& k, Store* s)
      : vocabulary(v), knowledge(k), curated(v), stored_evidence(v, s) {
    curated.AddCurated(k);
    const ConceptTable& all = v.concepts();
    for (std::size_t i = 0; i < all.size(); ++i) {
      if (all.KindAt(i) == ConceptKind::kMechanism &&
          all.SourceAt(i) != ConceptSource::kMesh) {
        mechanisms.push_back(Kin{std::string(all.IdAt(i)), Kinship::kSame});
      }
    }
  }

  const Vocabulary& vocabulary;
  const Knowledge& knowledge;
  ClaimGraph curated;  // the curated edges, built once
  // What chains may run through (docs/verdicts.md, "Chains"): the curated
  // and alias mechanisms, in vocabulary order.
  std::vector<Kin> mechanisms;
  // Every store read and its caches.
  verdict_internal::StoredEvidence stored_evidence;

  // Kindred(), remembered per concept: an audit asks for the same few
  // concepts' relatives hundreds of times. Guarded so that judging from
  // several threads (without a store) stays safe.
  std::vector<Kin> KinOf(std::string_view id, bool siblings) const {
    std::lock_guard<std::mutex> lock(kin_mutex);
    auto key = std::make_pair(std::string(id), siblings);
    auto it = kin_cache.find(key);
    if (it == kin_cache.end()) {
      it = kin_cache.emplace(key, Kindred(vocabulary, id, siblings)).first;
    }
    return it->second;
  }
  mutable std::mutex kin_mutex;
  mutable std::map<std::pair<std::string, bool>, std::vector<Kin>> kin_cache;

  Result<Judgement> Judge(const ClaimQuery& q, const VerdictOptions& options,
                          int depth) const;

  void Collect(const ClaimQuery& q, const std::vector<Kin>& subjects,
               const std::vector<Kin>& objects, const ClaimGraph& graph,
               const std::map<std::string, Document>& documents,
               std::vector<Candidate>* out) const;
  // `objects` and, for an interaction, the classes each is a member of.
  std::vector<Kin> WithClasses(const ClaimQuery& q,
                               const std::vector<Kin>& objects) const;
  // The curated evidence on the claim's other order (docs/verdicts.md,
  // "Both orders"): an interaction as it is, a comparison turned.
  void CollectReversed(const ClaimQuery& q, std::vector<Candidate>* out) const;
  void FromCurated(const ClaimQuery& q, const CuratedClaim& claim,
                   const std::string& relation, const std::string& object,
                   const Kin& object_kin, const std::vector<Kin>& subjects,
                   std::vector<Candidate>* out) const;
  void FromStored(const ClaimQuery& q, const StoredClaim& claim,
                  const Kin& subject_kin, const Kin& object_kin,
                  const Document& document, std::vector<Candidate>* out) const;
  void Weigh(const ClaimQuery& q, Candidate* c) const;
  void FindChains(const ClaimQuery& q, const VerdictOptions& options, int depth,
                  Judgement* j) const;
};

VerdictEngine::VerdictEngine(const Vocabulary& vocabulary,
                             const Knowledge& knowledge, Store* store)
    : impl_(std::make_unique<Impl>(vocabulary, knowledge, store)) {}
VerdictEngine::~VerdictEngine() = default;

Result<Judgement> VerdictEngine::Judge(const ClaimQuery& claim,
                                       const VerdictOptions& options) const {
  // docs/verdicts.md, 1: words the vocabulary does not know name nothing
  // the knowledge base could hold evidence on.
  for (const std::string* id : {&claim.subject, &claim.object}) {
    if (!IsLiteralId(*id)) continue;
    Judgement j;
    j.claim = claim;
    j.verdict = VerdictWord::kUnsourced;
    j.reasons.push_back(
        "'" + id->substr(kLiteralPrefix.size()) +
        "' is not a concept of the vocabulary (MeSH, the curated concepts, "
        "the consumer names): the claim is outside the knowledge base -> "
        "unsourced (not in the knowledge base; this is not evidence of no "
        "effect)");
    return j;
  }
  // Every lookup of one judgement (links of chains included) reads one
  // snapshot of the store, in one read transaction.
  Result<std::unique_ptr<Store::ReadSnapshot>> snapshot =
      impl_->stored_evidence.BeginSnapshot();
  if (!snapshot.ok()) return snapshot.status();
  return impl_->Judge(claim, options, 0);
}

void VerdictEngine::Impl::FromCurated(
    const ClaimQuery& q, const CuratedClaim& claim, const std::string& relation,
    const std::string& object, const Kin& object_kin,
    const std::vector<Kin>& subjects, std::vector<Candidate>* out) const {
  if (claim.kind == ClaimKind::kDose &&
      (!DosesOverlap(q, claim) || !SameDoseGroup(q, claim))) {
    return;
  }
  for (const ClaimEvidence& ce : knowledge.StudiesForClaim(claim.id)) {
    const Study& study = *ce.study;
    const CuratedEvidence& entry = *ce.evidence;
    std::string why;
    std::optional<Stance> stance = Translate(
        vocabulary, entry.stance, relation, object, q.relation, q.object, &why);
    if (!stance) continue;
    // The form the source studied: its intervention when that is a form of
    // the claim's subject, else the claim's subject.
    std::string studied = claim.subject;
    const std::string& sc = study.intervention.concept_id;
    if (!sc.empty() && (vocabulary.IsA(sc, claim.subject) ||
                        vocabulary.IsA(claim.subject, sc))) {
      studied = sc;
    }
    // When the query names the claim's own subject the curator's
    // directness stands (a review comparing forms studies "magnesium").
    const Kin* subject_kin = q.subject == claim.subject
                                 ? &subjects.front()
                                 : FindKin(subjects, studied);
    if (subject_kin == nullptr) subject_kin = FindKin(subjects, claim.subject);
    if (subject_kin == nullptr) continue;

    Candidate c;
    Evidence& e = c.evidence;
    e.curated = true;
    e.source.study = study.id;
    e.source.pmid = study.pmid;
    e.source.doi = study.doi;
    e.source.id = !study.pmid.empty()  ? "pmid:" + study.pmid
                  : !study.doi.empty() ? "doi:" + study.doi
                                       : "kb:" + study.id;
    e.source.design = study.design;
    e.source.n = study.n;
    e.source.year = study.year;
    e.source.title = study.title;
    e.source.first_author = study.first_author;
    e.source.retracted = study.retracted;
    e.stance = *stance;
    e.finding = study.finding;
    e.note = entry.note;
    if (!why.empty()) e.note += (e.note.empty() ? "" : " ") + ("(" + why + ")");
    e.on_claim = claim.id;
    e.subject = studied;
    e.object = object;
    c.includes = study.includes;
    c.secondary_of = study.secondary_analysis_of;
    c.cap = ParseCertainty(study.authors_grade);
    c.high_risk_of_bias = study.risk_of_bias == "high";

    // The curator's directness is relative to the curated claim. Its form
    // part is re-read against the query's subject when the two differ.
    Directness d = entry.directness;
    if (d == Directness::kOtherForm && q.subject != claim.subject &&
        (subject_kin->kinship == Kinship::kSame ||
         subject_kin->kinship == Kinship::kNarrower)) {
      d = Directness::kDirect;
    }
    e.directness = d;
    c.subject_rank = static_cast<int>(subject_kin->kinship);
    c.object_rank = static_cast<int>(object_kin.kinship);
    out->push_back(std::move(c));
  }
}

void VerdictEngine::Impl::FromStored(const ClaimQuery& q,
                                     const StoredClaim& claim,
                                     const Kin& subject_kin,
                                     const Kin& object_kin,
                                     const Document& document,
                                     std::vector<Candidate>* out) const {
  std::string why;
  std::optional<Stance> stance =
      Translate(vocabulary, Stance::kSupports, claim.relation, claim.object,
                q.relation, q.object, &why);
  if (!stance) return;
  Candidate c;
  Evidence& e = c.evidence;
  e.source.id = document.id;
  e.source.pmid = document.pmid;
  e.source.doi = document.doi;
  e.source.design = document.design;
  e.source.n = document.n;
  if (document.date.size() >= 4) {
    e.source.year = std::atoi(document.date.substr(0, 4).c_str());
  }
  e.source.title = document.title;
  if (!document.authors.empty()) e.source.first_author = document.authors[0];
  e.source.retracted = document.retracted;
  e.stance = *stance;
  e.finding = claim.sentence_text;
  if (!why.empty()) e.note = "(" + why + ")";
  e.on_claim = claim.subject + " " + claim.relation + " " + claim.object;
  e.subject = claim.subject;
  e.object = claim.object;
  e.section = claim.section;
  e.start = claim.trigger_start;
  e.end = claim.trigger_end;
  e.directness = document.design == Design::kAnimal    ? Directness::kAnimal
                 : document.design == Design::kInVitro ? Directness::kInVitro
                                                       : Directness::kDirect;
  if (BackgroundSection(claim.section)) {
    e.stance = Stance::kContext;
    e.note = "said in the abstract's " + claim.section +
             " section: the belief the study started from, not a finding";
  } else if (claim.hedging == Hedging::kHedged &&
             claim.attribution != Attribution::kNone) {
    e.stance = Stance::kContext;
    e.note = "the abstract reports what others found, not its own result";
  }
  c.subject_rank = static_cast<int>(subject_kin.kinship);
  c.object_rank = static_cast<int>(object_kin.kinship);
  out->push_back(std::move(c));
}

void VerdictEngine::Impl::Collect(
    const ClaimQuery& q, const std::vector<Kin>& subjects,
    const std::vector<Kin>& objects, const ClaimGraph& graph,
    const std::map<std::string, Document>& documents,
    std::vector<Candidate>* out) const {
  for (const Kin& s : subjects) {
    for (const Kin& o : objects) {
      for (const ClaimEdge* edge : graph.EdgesBetween(s.id, o.id)) {
        // An edge whose relation cannot be read as the query's is dropped
        // by Translate, source by source.
        for (const EdgeSource& src : edge->sources) {
          if (src.curated != nullptr) {
            FromCurated(q, *src.curated, edge->relation, edge->object, o,
                        subjects, out);
          } else if (src.stored != nullptr) {
            auto doc = documents.find(src.stored->document_id);
            if (doc == documents.end()) continue;
            FromStored(q, *src.stored, s, o, doc->second, out);
          }
        }
      }
    }
  }
}

std::vector<Kin> VerdictEngine::Impl::WithClasses(
    const ClaimQuery& q, const std::vector<Kin>& objects) const {
  if (!Symmetric(q.relation)) return objects;
  std::vector<Kin> out = objects;
  std::set<std::string> seen;
  for (const Kin& k : objects) seen.insert(k.id);
  // The classes of the object and of its broader concepts, then the
  // classes' own broader classes ("Antidepressive Agents" above
  // "Antidepressive Agents, Second-Generation").
  std::vector<std::string> found;
  for (const Kin& k : objects) {
    if (k.kinship != Kinship::kSame && k.kinship != Kinship::kBroader) continue;
    const Concept* c = vocabulary.Find(k.id);
    if (c == nullptr) continue;
    for (std::string_view ui : SplitTerms(vocabulary.MeshActions(*c))) {
      const Concept* cls = vocabulary.Find(ui);
      if (cls == nullptr) continue;
      for (const Kin& up : KinOf(cls->id, false)) {
        if (up.kinship != Kinship::kSame && up.kinship != Kinship::kBroader) {
          continue;
        }
        if (seen.insert(up.id).second) found.push_back(up.id);
      }
    }
  }
  std::sort(found.begin(), found.end());
  for (std::string& id : found)
    out.push_back(Kin{std::move(id), Kinship::kMember});
  return out;
}

void VerdictEngine::Impl::CollectReversed(const ClaimQuery& q,
                                          std::vector<Candidate>* out) const {
  const bool comparison = Comparison(q.relation);
  if (q.object.empty() || (!comparison && !Symmetric(q.relation))) return;
  ClaimQuery r = q;
  std::swap(r.subject, r.object);
  std::vector<Candidate> reversed;
  Collect(r, KinOf(r.subject, true), WithClasses(r, KinOf(r.object, false)),
          curated, {}, &reversed);
  for (Candidate& c : reversed) {
    Evidence& e = c.evidence;
    if (comparison) {
      // Evidence that A beats B refutes "B beats A"; a finding of no
      // difference stays one.
      if (e.stance == Stance::kSupports) {
        e.stance = Stance::kRefutes;
      } else if (e.stance == Stance::kRefutes) {
        e.stance = Stance::kSupports;
      }
      e.note += std::string(e.note.empty() ? "" : " ") +
                "(read in the other order: the source compares " +
                vocabulary.LabelOf(e.subject) + " with " +
                vocabulary.LabelOf(e.object) + ")";
    }
    // The ranks were taken from the reversed query: its subject is the
    // claim's object.
    std::swap(c.subject_rank, c.object_rank);
    out->push_back(std::move(c));
  }
}

void VerdictEngine::Impl::Weigh(const ClaimQuery& q, Candidate* c) const {
  Evidence& e = c->evidence;
  // Indirectness in words, from the is-a kinship and the directness.
  if (c->subject_rank == static_cast<int>(Kinship::kSibling)) {
    e.directness = Weaker(e.directness, Directness::kOtherForm);
    e.wrong_form = true;
    e.indirect.push_back("another form: " + vocabulary.LabelOf(e.subject) +
                         ", not " + vocabulary.LabelOf(q.subject));
  } else if (c->subject_rank == static_cast<int>(Kinship::kBroader)) {
    e.directness = Weaker(e.directness, Directness::kOtherForm);
    e.indirect.push_back("on " + vocabulary.LabelOf(e.subject) +
                         " in general, not " + vocabulary.LabelOf(q.subject) +
                         " in particular");
  } else if (e.directness == Directness::kOtherForm) {
    e.indirect.push_back("another form or route than the claim names");
  }
  if (c->object_rank == static_cast<int>(Kinship::kBroader)) {
    e.directness = Weaker(e.directness, Directness::kSurrogateOutcome);
    e.indirect.push_back("measured " + vocabulary.LabelOf(e.object) +
                         " in general, not " + vocabulary.LabelOf(q.object));
  } else if (c->object_rank == static_cast<int>(Kinship::kNarrower)) {
    e.steps.push_back("measured " + vocabulary.LabelOf(e.object) +
                      ", one part of " + vocabulary.LabelOf(q.object));
  }
  if (e.directness == Directness::kOtherPopulation) {
    e.indirect.push_back("another population");
  } else if (e.directness == Directness::kSurrogateOutcome &&
             c->object_rank != static_cast<int>(Kinship::kBroader)) {
    e.indirect.push_back("a marker or another outcome, not the one claimed");
  }

  const int member = static_cast<int>(Kinship::kMember);
  if (c->subject_rank == member || c->object_rank == member) {
    e.steps.push_back(
        vocabulary.LabelOf(c->object_rank == member ? q.object : q.subject) +
        " is one of the " + vocabulary.LabelOf(e.object) +
        " the source is on (its MeSH pharmacological action)");
  }
  // A comparison speaks only of the two it compares: citrate against oxide
  // says nothing of glycinate, nor of magnesium in general.
  if (Comparison(q.relation) &&
      ((c->subject_rank != static_cast<int>(Kinship::kSame) &&
        c->subject_rank != static_cast<int>(Kinship::kNarrower)) ||
       c->object_rank != static_cast<int>(Kinship::kSame))) {
    e.not_weighed = "it compares " + vocabulary.LabelOf(e.subject) + " with " +
                    vocabulary.LabelOf(e.object) + ", not " +
                    vocabulary.LabelOf(q.subject) + " with " +
                    vocabulary.LabelOf(q.object);
    return;
  }
  // docs/verdicts.md, 4: where the source starts and how it moves down.
  verdict_internal::GradeSource(q.kind, c->high_risk_of_bias, c->cap, &e);
}

void VerdictEngine::Impl::FindChains(const ClaimQuery& q,
                                     const VerdictOptions& options, int depth,
                                     Judgement* j) const {
  const Concept* object = vocabulary.Find(q.object);
  if (object == nullptr || object->kind != ConceptKind::kOutcome) return;
  if (!Directional(q.relation) || q.relation == "no_effect") return;
  const std::vector<Kin> subjects = KinOf(q.subject, false);
  const std::vector<Kin> objects = KinOf(q.object, false);
  // docs/verdicts.md, "Chains": chains run through the curated and alias
  // mechanisms (not yet through every MeSH descriptor of that kind: the
  // search asks each of them for edges), listed once per engine.
  // Which edges exist is all the search needs: the curated graph's, and
  // the store's edge counts (no document is read here).
  std::set<std::tuple<std::string, std::string, std::string>> edges;
  auto add_edges = [&](const std::vector<Kin>& from,
                       const std::vector<Kin>& to) {
    for (const Kin& a : from) {
      for (const Kin& b : to) {
        for (const ClaimEdge* e : curated.EdgesBetween(a.id, b.id)) {
          edges.emplace(e->subject, e->relation, e->object);
        }
      }
    }
    if (!stored_evidence.has_store()) return true;
    std::set<std::string> f, t;
    for (const Kin& k : from) f.insert(k.id);
    for (const Kin& k : to) t.insert(k.id);
    verdict_internal::StoredEvidence::Counts counts;
    if (!stored_evidence.EdgeCounts(f, t, &counts).ok()) return false;
    for (const EdgeCount* c : counts) {
      edges.emplace(c->subject, c->relation, c->object);
    }
    return true;
  };
  auto between = [&](const std::string& a, const std::string& b) {
    std::vector<std::string> relations;
    for (auto it = edges.lower_bound({a, "", ""});
         it != edges.end() && std::get<0>(*it) == a; ++it) {
      if (std::get<2>(*it) == b) relations.push_back(std::get<1>(*it));
    }
    return relations;
  };
  if (!add_edges(subjects, mechanisms)) return;
  // Only a mechanism the subject acts on can carry a chain: the links out
  // of the others are not asked (with a large store, most mechanisms).
  std::vector<Kin> reached;
  for (const Kin& m : mechanisms) {
    bool in = false;
    for (const Kin& s : subjects) {
      for (const std::string& r : between(s.id, m.id)) in |= Sign(r) != 0;
    }
    if (in) reached.push_back(m);
  }
  if (!add_edges(reached, objects)) return;

  // mechanism -> (relation to it, relation from it)
  std::map<std::string, std::pair<std::string, std::string>> found;
  for (const Kin& m : mechanisms) {
    std::string in, out;
    for (const Kin& s : subjects) {
      for (const std::string& r : between(s.id, m.id)) {
        if (Sign(r) != 0 && in.empty()) in = r;
      }
    }
    if (in.empty()) continue;
    for (const Kin& o : objects) {
      for (const std::string& r : between(m.id, o.id)) {
        if (Sign(r) == 0 || !out.empty()) continue;
        // The link read on the queried outcome's scale.
        const int sign = Sign(r) * Polarity(vocabulary, o.id) *
                         Polarity(vocabulary, q.object);
        out = sign > 0 ? "increases" : "decreases";
      }
    }
    if (out.empty()) continue;
    // The chain must say what the claim says.
    if (Sign(in) * Sign(out) != Sign(q.relation)) continue;
    found.emplace(m.id, std::make_pair(in, out));
  }
  for (const auto& [m, relations] : found) {
    Chain chain;
    chain.path = {q.subject, m, q.object};
    ClaimQuery a{
        ClaimKind::kMechanism, q.subject, relations.first, m, {}, false, {}};
    ClaimQuery b{
        ClaimKind::kMechanism, m, relations.second, q.object, {}, false, {}};
    VerdictOptions no_chains = options;
    no_chains.chains = false;
    int worst = 3;
    bool all_supported = true, any_refuted = false, any_unsourced = false;
    for (const ClaimQuery& link : {a, b}) {
      Result<Judgement> r = Judge(link, no_chains, depth + 1);
      if (!r.ok()) return;
      const Judgement& lj = r.value();
      chain.links.push_back(ChainLink{link.subject, link.relation, link.object,
                                      lj.verdict, lj.certainty});
      worst = std::min(worst, Level(lj.certainty));
      all_supported &= lj.verdict == VerdictWord::kSupported;
      any_refuted |= lj.verdict == VerdictWord::kRefuted;
      any_unsourced |= lj.verdict == VerdictWord::kUnsourced;
    }
    chain.verdict = all_supported   ? VerdictWord::kSupported
                    : any_refuted   ? VerdictWord::kRefuted
                    : any_unsourced ? VerdictWord::kUnsourced
                                    : VerdictWord::kContested;
    chain.certainty = FromLevel(worst);
    j->chains.push_back(std::move(chain));
  }
}

Result<Judgement> VerdictEngine::Impl::Judge(const ClaimQuery& q,
                                             const VerdictOptions& options,
                                             int depth) const {
  if (vocabulary.Find(q.subject) == nullptr) {
    return Status::InvalidArgument("unknown subject concept '" + q.subject +
                                   "'");
  }
  if (!q.object.empty() && vocabulary.Find(q.object) == nullptr) {
    return Status::InvalidArgument("unknown object concept '" + q.object + "'");
  }
  Judgement j;
  j.claim = q;
  const std::vector<Kin> subjects = KinOf(q.subject, true);
  const std::vector<Kin> objects =
      q.object.empty() ? std::vector<Kin>{Kin{"", Kinship::kSame}}
                       : KinOf(q.object, false);

  // The stored claims on these concepts, and their documents.
  Result<const verdict_internal::StoredEvidence::Overlaid*> overlaid =
      stored_evidence.Overlay(subjects, objects);
  if (!overlaid.ok()) return overlaid.status();
  const verdict_internal::StoredEvidence::Overlaid& stored = *overlaid.value();
  // The stored claims get a graph of their own beside the curated one,
  // which is built once per engine.
  ClaimGraph stored_graph(vocabulary);
  stored_graph.AddStored(stored.claims);
  // The documents not listed count on their edge's side, as the listed
  // ones of the same design would (they are no larger).
  for (EvidenceTally t : stored.unlisted) {
    const Kin* o = FindKin(objects, t.object);
    if (o == nullptr || o->kinship == Kinship::kBroader) continue;
    std::string why;
    std::optional<Stance> stance =
        Translate(vocabulary, Stance::kSupports, t.relation, t.object,
                  q.relation, q.object, &why);
    if (!stance || *stance == Stance::kContext) continue;
    t.stance = *stance;
    j.unlisted.push_back(std::move(t));
  }

  std::vector<Candidate> candidates;
  // Curated sources are preferred over imported ones for the same paper
  // whatever the order (below), so the two graphs are read one after the
  // other.
  const ClaimGraph* const graphs[] = {&curated, &stored_graph};
  const std::vector<Kin> objects_and_classes = WithClasses(q, objects);
  for (const ClaimGraph* graph : graphs) {
    Collect(q, subjects, objects_and_classes, *graph, stored.documents,
            &candidates);
  }
  CollectReversed(q, &candidates);

  // One reading per source: its most direct one. Several sentences of one
  // abstract with different stances make it "mixed".
  std::map<std::string, Candidate> by_source;
  std::map<std::string, std::set<Stance>> stances;
  for (Candidate& c : candidates) {
    const std::string key = c.evidence.source.id;
    if (!c.evidence.curated && c.evidence.stance != Stance::kContext) {
      stances[key].insert(c.evidence.stance);
    }
    auto it = by_source.find(key);
    if (it == by_source.end()) {
      by_source.emplace(key, std::move(c));
    } else if (it->second.evidence.curated == c.evidence.curated
                   ? MoreDirect(c, it->second)
                   : c.evidence.curated) {
      it->second = std::move(c);
    }
  }
  for (auto& [key, c] : by_source) {
    auto s = stances.find(key);
    if (!c.evidence.curated && s != stances.end() && s->second.size() > 1) {
      c.evidence.stance = Stance::kMixed;
      c.evidence.note = "its sentences point different ways";
    }
    Weigh(q, &c);
  }
  // docs/verdicts.md section 2: evidence on a broader outcome answers only
  // when nothing on the outcome itself (or a part of it) is weighed.
  const int broader = static_cast<int>(Kinship::kBroader);
  bool own = false;
  for (const auto& [key, c] : by_source) {
    own |= c.evidence.weighed && c.object_rank != broader;
  }
  for (auto& [key, c] : by_source) {
    if (own && c.evidence.weighed && c.object_rank == broader) {
      c.evidence.weighed = false;
      c.evidence.not_weighed = "on " + vocabulary.LabelOf(c.evidence.object) +
                               " in general: the evidence on " +
                               vocabulary.LabelOf(q.object) + " itself decides";
    }
  }
  // A review counts once, with the studies it pools; a secondary analysis
  // is one source with its parent study.
  std::map<std::string, std::string> weighed_studies;  // study -> key
  for (const auto& [key, c] : by_source) {
    if (c.evidence.weighed && !c.evidence.source.study.empty()) {
      weighed_studies.emplace(c.evidence.source.study, key);
    }
  }
  for (auto& [key, c] : by_source) {
    if (!c.evidence.weighed || c.evidence.source.study.empty()) continue;
    for (auto& [other_key, other] : by_source) {
      if (!other.evidence.weighed || other_key == key) continue;
      // Only a review at least as direct as the trial speaks for it.
      if (std::find(other.includes.begin(), other.includes.end(),
                    c.evidence.source.study) != other.includes.end() &&
          DirectnessRank(other.evidence.directness) <=
              DirectnessRank(c.evidence.directness)) {
        c.evidence.weighed = false;
        c.evidence.not_weighed =
            "included in " + other.evidence.source.study +
            " (a review counts once, with the trials it pools)";
        break;
      }
    }
    if (c.evidence.weighed && !c.secondary_of.empty() &&
        weighed_studies.count(c.secondary_of)) {
      c.evidence.weighed = false;
      c.evidence.not_weighed = "included in " + c.secondary_of +
                               " (a secondary analysis of its participants)";
    }
  }
  for (auto& [key, c] : by_source) j.evidence.push_back(std::move(c.evidence));
  std::stable_sort(
      j.evidence.begin(), j.evidence.end(),
      [](const Evidence& a, const Evidence& b) {
        return std::make_tuple(!a.weighed, -Level(a.level),
                               DirectnessRank(a.directness),
                               -a.source.n.value_or(0),
                               -a.source.year.value_or(0), a.source.id) <
               std::make_tuple(!b.weighed, -Level(b.level),
                               DirectnessRank(b.directness),
                               -b.source.n.value_or(0),
                               -b.source.year.value_or(0), b.source.id);
      });
  verdict_internal::WeighBody(q.kind, &j);  // docs/verdicts.md, 5

  // Wrong form: every weighed source is on another form.
  bool any_weighed = false, all_wrong_form = true;
  for (const Evidence& e : j.evidence) {
    if (!e.weighed) continue;
    any_weighed = true;
    all_wrong_form &= e.wrong_form;
  }
  if (any_weighed && all_wrong_form) {
    j.flags.push_back("wrong_form");
    j.reasons.push_back(
        "all weighed evidence is on another form than the "
        "claim names");
  }
  verdict_internal::WeighDose(vocabulary, knowledge, &j);
  // docs/verdicts.md, "5. Weighing the body of evidence": a claim refuted
  // by evidence on the same outcome is no surer than that body of evidence
  // is judged the other way (GRADE rates certainty per outcome).
  if (depth == 0 && j.verdict == VerdictWord::kRefuted && !q.negated &&
      (q.relation == "increases" || q.relation == "decreases")) {
    ClaimQuery other = q;
    other.relation = q.relation == "increases" ? "decreases" : "increases";
    Result<Judgement> r = Judge(other, VerdictOptions{false}, depth + 1);
    if (!r.ok()) return r.status();
    const Judgement& o = r.value();
    if (o.verdict != VerdictWord::kUnsourced && o.certainty < j.certainty) {
      j.reasons.push_back(
          std::string("certainty ") + CertaintyName(o.certainty) + ", not " +
          CertaintyName(j.certainty) +
          ": the same evidence judged the other way (" + other.relation +
          ") is " + VerdictName(o.verdict) + ", certainty " +
          CertaintyName(o.certainty) +
          "; a conclusion on this outcome is no surer than its body of "
          "evidence");
      j.certainty = o.certainty;
    }
  }
  if (q.negated) verdict_internal::Deny(&j);  // docs/verdicts.md, 1
  if (options.chains && depth == 0) FindChains(q, options, depth, &j);
  if (j.verdict == VerdictWord::kUnsourced) {
    for (const Chain& c : j.chains) {
      if (c.verdict == VerdictWord::kSupported) j.plausible_mechanism = true;
    }
    if (j.plausible_mechanism) {
      j.flags.push_back("mechanism_only");
      if (!j.chains.empty()) {
        j.reasons.push_back(
            "a mechanism chain is shown as a plausible mechanism; it never "
            "makes the claim supported");
      }
    }
  }
  return j;
}

ClaimQuery QueryOf(const Claim& c) {
  ClaimQuery q;
  q.kind = c.kind;
  q.subject = c.subject->id;
  q.relation = c.relation;
  q.object = c.object != nullptr ? c.object->id : "";
  q.quantity = c.quantity;
  q.negated = c.negated && c.kind == ClaimKind::kComparison;
  q.population = c.population;
  return q;
}

bool OutsideKnowledgeBase(const Judgement& j) {
  // A dose or safety claim without an object is weighed against reference
  // values as well as studies: "nothing links them" does not apply.
  if (IsLiteralId(j.claim.subject) || IsLiteralId(j.claim.object)) {
    return true;
  }
  return !j.claim.object.empty() && j.verdict == VerdictWord::kUnsourced &&
         j.evidence.empty() && j.unlisted.empty() && j.chains.empty();
}

}  // namespace claimcheck
