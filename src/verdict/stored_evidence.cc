// Every read of the store a judgement makes, and its caches
// (stored_evidence.h; docs/verdicts.md, "2. Gathering evidence through the
// graph").
#include "verdict/stored_evidence.h"

#include <algorithm>
#include <tuple>
#include <utility>

#include "verdict/directions.h"

namespace claimcheck::verdict_internal {

namespace {

// Imported documents listed per edge and design: the largest ones, the
// strongest of their design (all of an edge's documents share its stance);
// three so that a retracted or background-only one does not hide the
// rest. The others are counted (Judgement::unlisted), not read.
constexpr int kListedPerDesign = 3;
constexpr int kListedPerEdge = 6;
// And per side of the question over all the edges a query reads (its
// subject's and object's kin): a question about magnesium and sleep reaches
// ~100 (subject, object) pairs, and listing 6 documents on each read
// hundreds of documents to show a table no one can read (ReadOverlay).
constexpr int kListedPerSide = 8;

// One key for a pair of concept sets (ids are [a-z0-9_], so neither the
// space nor the '|' can occur in one).
std::string SetsKey(const std::set<std::string>& a,
                    const std::set<std::string>& b) {
  std::string key;
  for (const std::string& id : a) key += id + ' ';
  key += '|';
  for (const std::string& id : b) key += ' ' + id;
  return key;
}

// The order in which a design's documents are read for an edge: those that
// can start highest first (docs/verdicts.md section 4).
int DesignStrength(Design d) {
  switch (d) {
    case Design::kMetaAnalysis:
    case Design::kSystematicReview:
    case Design::kRct:
      return 0;
    case Design::kGuideline:
      return 1;
    case Design::kControlledTrial:
    case Design::kCohort:
    case Design::kCaseControl:
    case Design::kCrossSectional:
      return 2;
    case Design::kNarrativeReview:
    case Design::kAnimal:
    case Design::kInVitro:
      return 3;
    case Design::kCaseSeries:
    case Design::kCaseReport:
      return 4;
    default:
      return 5;
  }
}

}  // namespace

Result<std::unique_ptr<Store::ReadSnapshot>> StoredEvidence::BeginSnapshot()
    const {
  if (store_ == nullptr) return std::unique_ptr<Store::ReadSnapshot>();
  return store_->BeginReadSnapshot();
}

Result<const StoredEvidence::Overlaid*> StoredEvidence::Overlay(
    const std::vector<Kin>& subjects, const std::vector<Kin>& objects) const {
  // Without a store there is nothing to read or keep, and an engine without
  // a store may judge from several threads (verdict.h): touch no cache.
  static const Overlaid kNothing;
  if (store_ == nullptr) return &kNothing;
  // The kinships order what is listed, so they are part of the key.
  auto with_kinship = [](const std::vector<Kin>& kin) {
    std::set<std::string> ids;
    for (const Kin& k : kin) {
      ids.insert(k.id + ':' + std::to_string(static_cast<int>(k.kinship)));
    }
    return ids;
  };
  std::string key = SetsKey(with_kinship(subjects), with_kinship(objects));
  auto it = overlays_.find(key);
  if (it != overlays_.end()) return &it->second;
  Overlaid read;
  Status status = ReadOverlay(subjects, objects, &read);
  if (!status.ok()) return status;
  return &overlays_.emplace(std::move(key), std::move(read)).first->second;
}

Status StoredEvidence::EdgeCounts(const std::set<std::string>& from,
                                  const std::set<std::string>& to,
                                  Counts* out) const {
  out->clear();
  std::string key = SetsKey(from, to);
  if (auto it = edge_count_sets_.find(key); it != edge_count_sets_.end()) {
    *out = it->second;
    return Status::OK();
  }
  // The pairs not asked yet: ask the cross product of their ends once, and
  // keep only what the store says about those pairs (the cross product may
  // hold pairs already kept, which must not be counted twice).
  std::vector<std::string> new_from;
  std::vector<bool> to_needed(to.size(), false);
  for (const std::string& a : from) {
    auto row = edge_counts_.find(a);
    bool needed = false;
    std::size_t i = 0;
    for (const std::string& b : to) {
      if (row == edge_counts_.end() || row->second.count(b) == 0) {
        needed = true;
        to_needed[i] = true;
      }
      ++i;
    }
    if (needed) new_from.push_back(a);
  }
  if (!new_from.empty()) {
    std::vector<std::string> new_to;
    std::size_t i = 0;
    for (const std::string& b : to) {
      if (to_needed[i++]) new_to.push_back(b);
    }
    std::vector<EdgeCount> counts;
    Status status = store_->EdgeCounts(new_from, new_to, &counts);
    if (!status.ok()) return status;
    // Both lists are sorted, and so are the rows (subject, object, ...):
    // each asked pair gets its run of rows, or nothing, in one walk.
    std::size_t next = 0;
    for (const std::string& a : new_from) {
      auto& row = edge_counts_[a];
      for (const std::string& b : new_to) {
        auto [pair, added] = row.try_emplace(b);
        while (next < counts.size() &&
               std::tie(counts[next].subject, counts[next].object) <
                   std::tie(a, b)) {
          ++next;  // not asked (never returned) or past already
        }
        while (next < counts.size() && counts[next].subject == a &&
               counts[next].object == b) {
          // A pair kept before this read keeps what it had.
          if (added) pair->second.push_back(std::move(counts[next]));
          ++next;
        }
      }
    }
  }
  // Every pair of from x to is kept by now (an empty `to` has none).
  for (const std::string& a : from) {
    auto row = edge_counts_.find(a);
    if (row == edge_counts_.end()) continue;
    for (const std::string& b : to) {
      auto pair = row->second.find(b);
      if (pair == row->second.end()) continue;
      for (const EdgeCount& c : pair->second) out->push_back(&c);
    }
  }
  edge_count_sets_.emplace(std::move(key), *out);
  return Status::OK();
}

Status StoredEvidence::ReadOverlay(const std::vector<Kin>& subjects,
                                   const std::vector<Kin>& objects,
                                   Overlaid* out) const {
  std::set<std::string> s, o;
  std::map<std::string, int> s_rank, o_rank;  // Kinship: same first
  for (const Kin& k : subjects) {
    s.insert(k.id);
    s_rank[k.id] = static_cast<int>(k.kinship);
  }
  for (const Kin& k : objects) {
    o.insert(k.id);
    o_rank[k.id] = static_cast<int>(k.kinship);
  }
  Counts counts;
  Status status = EdgeCounts(s, o, &counts);
  if (!status.ok()) return status;
  // Edges are listed by group: one side of the question (which way the
  // edge says the object moves, on the object's better-is-higher scale:
  // "increases sleep" and "decreases sleep onset latency" are one side),
  // weighable evidence apart from evidence on a broader object (listed,
  // never weighed: docs/verdicts.md), so that neither crowds out the
  // other. In a group the strongest designs come first, then the nearest
  // kin (same, narrower, broader, sibling); an edge lists at most
  // kListedPerEdge documents and a group kListedPerSide. The rest is
  // only counted.
  using Group = std::pair<std::string, bool>;  // side, broader object
  struct Ranked {
    Group group;
    int design, subject, object;  // strength and kinship ranks
    const EdgeCount* count;
  };
  std::vector<Ranked> ranked;
  for (const EdgeCount* count : counts) {
    const EdgeCount& c = *count;
    const int sign = Sign(c.relation);
    const std::string side =
        sign == 0 ? c.relation
                  : (sign * Polarity(vocabulary_, c.object) > 0 ? "+" : "-");
    const int o_kin = o_rank.at(c.object);
    ranked.push_back({{side, o_kin == static_cast<int>(Kinship::kBroader)},
                      DesignStrength(c.design),
                      s_rank.at(c.subject),
                      o_kin,
                      &c});
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const Ranked& a, const Ranked& b) {
                     const EdgeCount& x = *a.count;
                     const EdgeCount& y = *b.count;
                     return std::tie(a.group, a.design, a.subject, a.object,
                                     x.subject, x.object, x.relation) <
                            std::tie(b.group, b.design, b.subject, b.object,
                                     y.subject, y.object, y.relation);
                   });
  std::vector<std::string> ids;
  std::vector<std::string> listed;  // every listed document, in order
  std::set<std::string> seen;
  std::map<std::tuple<std::string, std::string, std::string>, int>
      listed_on_edge;
  std::map<Group, int> listed_in_group;
  for (const Ranked& r : ranked) {
    const EdgeCount& count = *r.count;
    int& on_edge =
        listed_on_edge[{count.subject, count.relation, count.object}];
    int& in_group = listed_in_group[r.group];
    ids.clear();
    const int limit = std::min({kListedPerDesign, kListedPerEdge - on_edge,
                                kListedPerSide - in_group});
    if (limit > 0) {
      status =
          store_->StrongestDocuments(count.subject, count.relation,
                                     count.object, count.design, limit, &ids);
      if (!status.ok()) return status;
      on_edge += static_cast<int>(ids.size());
      in_group += static_cast<int>(ids.size());
    }
    for (const std::string& id : ids) {
      if (seen.insert(id).second) listed.push_back(id);
    }
    const long long rest = count.documents - static_cast<long long>(ids.size());
    if (rest > 0) {
      out->unlisted.push_back(EvidenceTally{count.subject, count.relation,
                                            count.object, count.design,
                                            Stance::kContext, rest});
    }
  }
  // The listed documents not read before, in one read; then the claims of
  // all on these edges, in one more; kept in the order they were listed.
  std::vector<std::string> unread;
  for (const std::string& id : listed) {
    if (read_documents_.count(id) == 0) unread.push_back(id);
  }
  if (!unread.empty()) {
    std::map<std::string, Document> got;
    status = store_->GetDocuments(unread, &got);
    if (!status.ok()) return status;
    for (const std::string& id : unread) {
      auto it = got.find(id);
      read_documents_.emplace(id, it == got.end() ? std::optional<Document>()
                                                  : std::move(it->second));
    }
  }
  std::vector<std::string> stored;
  for (const std::string& id : listed) {
    const std::optional<Document>& d = read_documents_.at(id);
    if (!d) continue;  // gone since it was counted
    out->documents.emplace(id, *d);
    stored.push_back(id);
  }
  std::map<std::string, std::vector<StoredClaim>> claims;
  status = store_->ClaimsOfDocumentsOn(stored, {s.begin(), s.end()},
                                       {o.begin(), o.end()}, &claims);
  if (!status.ok()) return status;
  for (const std::string& id : stored) {
    auto it = claims.find(id);
    if (it == claims.end()) continue;
    out->claims.insert(out->claims.end(),
                       std::make_move_iterator(it->second.begin()),
                       std::make_move_iterator(it->second.end()));
  }
  return Status::OK();
}

}  // namespace claimcheck::verdict_internal
