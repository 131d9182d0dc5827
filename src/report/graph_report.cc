// The judged claim graph of `claimcheck graph` and of summaries: edges from
// the curated graph and the store's edge counts, each judged as its own
// claim. Covered by tests/report/graph_report_test.cc.
#include "claimcheck/graph_report.h"

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <tuple>

namespace claimcheck {

namespace {

using EdgeKey = std::tuple<std::string, std::string, std::string>;  // s, o, r

// The kind of a claim only the store makes: that of a stored claim on the
// edge, read from one document of `design` (the first the store lists).
Result<ClaimKind> StoredKind(Store* store, const Vocabulary& vocabulary,
                             const EdgeKey& key, Design design) {
  const auto& [subject, object, relation] = key;
  std::vector<std::string> ids;
  Status status =
      store->StrongestDocuments(subject, relation, object, design, 1, &ids);
  if (!status.ok()) return status;
  if (!ids.empty()) {
    std::vector<StoredClaim> claims;
    status = store->ClaimsOfDocument(ids.front(), &claims);
    if (!status.ok()) return status;
    for (const StoredClaim& c : claims) {
      if (!c.question && c.subject == subject && c.relation == relation &&
          c.object == object) {
        return c.kind;
      }
    }
  }
  const Concept* o = vocabulary.Find(object);
  return o != nullptr && o->kind == ConceptKind::kMechanism
             ? ClaimKind::kMechanism
             : ClaimKind::kEffect;
}

// The store's edges over `subjects` x `objects`: documents per edge, and
// the strongest design of each edge (for StoredKind).
Status CountStored(Store* store, const std::vector<std::string>& subjects,
                   const std::vector<std::string>& objects,
                   std::map<std::tuple<EdgeKey, Design>, long long>* out) {
  std::vector<EdgeCount> counts;
  Status status = store->EdgeCounts(subjects, objects, &counts);
  if (!status.ok()) return status;
  for (const EdgeCount& c : counts) {
    // emplace: a pair read twice (from both sides of a focus) counts once.
    out->emplace(
        std::make_tuple(EdgeKey{c.subject, c.object, c.relation}, c.design),
        c.documents);
  }
  return Status::OK();
}

Status AddStored(Store* store, const Vocabulary& vocabulary,
                 const std::set<std::string, std::less<>>& wanted,
                 std::map<EdgeKey, ReportEdge>* edges) {
  std::vector<std::string> all;
  for (const Concept& c : vocabulary.concepts()) all.push_back(c.id);
  std::sort(all.begin(), all.end());
  const std::vector<std::string> focus(wanted.begin(), wanted.end());
  std::map<std::tuple<EdgeKey, Design>, long long> counts;
  // One read snapshot for all the lookups; it ends before any judging,
  // which takes its own.
  Result<std::unique_ptr<Store::ReadSnapshot>> snapshot =
      store->BeginReadSnapshot();
  if (!snapshot.ok()) return snapshot.status();
  Status status = wanted.empty() ? CountStored(store, all, all, &counts)
                                 : CountStored(store, focus, all, &counts);
  if (status.ok() && !wanted.empty()) {
    status = CountStored(store, all, focus, &counts);
  }
  if (!status.ok()) return status;
  for (const auto& [key_design, documents] : counts) {
    const auto& [key, design] = key_design;
    auto it = edges->find(key);
    if (it == edges->end()) {
      Result<ClaimKind> kind = StoredKind(store, vocabulary, key, design);
      if (!kind.ok()) return kind.status();
      ReportEdge e;
      std::tie(e.subject, e.object, e.relation) = key;
      e.kind = kind.value();
      it = edges->emplace(key, std::move(e)).first;
    }
    it->second.documents += documents;
  }
  return Status::OK();
}

}  // namespace

Status CollectEdges(const ClaimGraph& curated, Store* store,
                    const std::vector<std::string>& concepts, bool objectless,
                    std::vector<ReportEdge>* out) {
  out->clear();
  const std::set<std::string, std::less<>> wanted(concepts.begin(),
                                                  concepts.end());
  auto touches = [&](const std::string& subject, const std::string& object) {
    return wanted.empty() || wanted.count(subject) > 0 ||
           wanted.count(object) > 0;
  };
  std::map<EdgeKey, ReportEdge> edges;
  for (const ClaimEdge* e : curated.Edges()) {
    if (!touches(e->subject, e->object)) continue;
    ReportEdge r;
    r.subject = e->subject;
    r.relation = e->relation;
    r.object = e->object;
    for (const EdgeSource& s : e->sources) {
      if (s.curated == nullptr) continue;
      if (r.curated_claims++ == 0) r.kind = s.curated->kind;
    }
    edges.emplace(EdgeKey{r.subject, r.object, r.relation}, std::move(r));
  }
  if (store != nullptr) {
    Status status = AddStored(store, curated.vocabulary(), wanted, &edges);
    if (!status.ok()) return status;
  }
  for (auto& [key, e] : edges) {
    if (e.object.empty() && !objectless) continue;
    out->push_back(std::move(e));
  }
  return Status::OK();
}

Status JudgeEdges(const VerdictEngine& engine, std::vector<ReportEdge>* edges) {
  VerdictOptions options;
  options.chains = false;
  for (ReportEdge& e : *edges) {
    ClaimQuery q;
    q.kind = e.kind;
    q.subject = e.subject;
    q.relation = e.relation;
    q.object = e.object;
    Result<Judgement> j = engine.Judge(q, options);
    if (!j.ok()) return j.status();
    e.judged = true;
    e.verdict = j.value().verdict;
    e.certainty = j.value().certainty;
  }
  return Status::OK();
}

Result<GraphReport> BuildGraphReport(const ClaimGraph& curated, Store* store,
                                     const VerdictEngine& engine,
                                     std::string_view focus) {
  const Vocabulary& vocabulary = curated.vocabulary();
  GraphReport report;
  std::vector<std::string> concepts;
  if (!focus.empty()) {
    if (vocabulary.Find(focus) == nullptr) {
      return Status::InvalidArgument("unknown concept '" + std::string(focus) +
                                     "'");
    }
    report.focus = std::string(focus);
    for (const Kin& k : Kindred(vocabulary, focus, false)) {
      concepts.push_back(k.id);
    }
  }
  Status status = CollectEdges(curated, store, concepts, false, &report.edges);
  if (status.ok()) status = JudgeEdges(engine, &report.edges);
  if (!status.ok()) return status;
  std::set<std::string> ends;
  if (!report.focus.empty()) ends.insert(report.focus);
  for (const ReportEdge& e : report.edges) {
    ends.insert(e.subject);
    ends.insert(e.object);
  }
  report.concepts.assign(ends.begin(), ends.end());
  return report;
}

}  // namespace claimcheck
