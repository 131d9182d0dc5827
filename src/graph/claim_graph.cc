// ClaimGraph on boost::adjacency_list. Vertices are created on first use;
// an edge per (subject, relation, object). Covered by
// tests/verdict/graph_test.cc.
#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <tuple>

#include "claimcheck/graph.h"

namespace claimcheck {

namespace {

struct VertexData {
  std::string id;  // concept id; "" is the sink of claims without an object
};

using Graph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                          VertexData, ClaimEdge>;
using Vertex = Graph::vertex_descriptor;

bool EdgeLess(const ClaimEdge* a, const ClaimEdge* b) {
  return std::tie(a->subject, a->object, a->relation) <
         std::tie(b->subject, b->object, b->relation);
}

}  // namespace

struct ClaimGraph::Impl {
  explicit Impl(const Vocabulary& v) : vocabulary(&v) {}

  const Vocabulary* vocabulary;
  Graph graph;
  std::map<std::string, Vertex, std::less<>> vertices;

  Vertex VertexOf(const std::string& id) {
    auto it = vertices.find(id);
    if (it != vertices.end()) return it->second;
    const Vertex v = boost::add_vertex(VertexData{id}, graph);
    vertices.emplace(id, v);
    return v;
  }

  void Add(const std::string& subject, const std::string& relation,
           const std::string& object, EdgeSource source) {
    const Vertex from = VertexOf(subject);
    const Vertex to = VertexOf(object);
    for (auto [e, end] = boost::out_edges(from, graph); e != end; ++e) {
      ClaimEdge& edge = graph[*e];
      if (boost::target(*e, graph) == to && edge.relation == relation) {
        edge.sources.push_back(source);
        return;
      }
    }
    ClaimEdge edge{subject, relation, object, {source}};
    boost::add_edge(from, to, std::move(edge), graph);
  }

  std::vector<const ClaimEdge*> Out(std::string_view subject,
                                    const std::string* object) const {
    std::vector<const ClaimEdge*> out;
    auto it = vertices.find(subject);
    if (it == vertices.end()) return out;
    for (auto [e, end] = boost::out_edges(it->second, graph); e != end; ++e) {
      const ClaimEdge& edge = graph[*e];
      if (object == nullptr || edge.object == *object) out.push_back(&edge);
    }
    std::sort(out.begin(), out.end(), EdgeLess);
    return out;
  }
};

ClaimGraph::ClaimGraph(const Vocabulary& vocabulary)
    : impl_(std::make_unique<Impl>(vocabulary)) {}
ClaimGraph::~ClaimGraph() = default;
ClaimGraph::ClaimGraph(ClaimGraph&&) noexcept = default;
ClaimGraph& ClaimGraph::operator=(ClaimGraph&&) noexcept = default;

void ClaimGraph::AddCurated(const Knowledge& knowledge) {
  for (const CuratedClaim& c : knowledge.claims()) {
    impl_->Add(c.subject, c.relation, c.object, EdgeSource{&c, nullptr});
    for (const ClaimTriple& t : c.also) {
      impl_->Add(c.subject, t.relation, t.object, EdgeSource{&c, nullptr});
    }
  }
}

void ClaimGraph::AddStored(const std::vector<StoredClaim>& claims) {
  for (const StoredClaim& c : claims) {
    if (c.question) continue;
    if (impl_->vocabulary->Find(c.subject) == nullptr) continue;
    if (!c.object.empty() && impl_->vocabulary->Find(c.object) == nullptr) {
      continue;
    }
    impl_->Add(c.subject, c.relation, c.object, EdgeSource{nullptr, &c});
  }
}

std::vector<const ClaimEdge*> ClaimGraph::EdgesBetween(
    std::string_view subject, std::string_view object) const {
  const std::string o(object);
  return impl_->Out(subject, &o);
}

std::vector<const ClaimEdge*> ClaimGraph::EdgesFrom(
    std::string_view subject) const {
  return impl_->Out(subject, nullptr);
}

std::vector<const ClaimEdge*> ClaimGraph::Edges() const {
  std::vector<const ClaimEdge*> out;
  for (auto [e, end] = boost::edges(impl_->graph); e != end; ++e) {
    out.push_back(&impl_->graph[*e]);
  }
  std::sort(out.begin(), out.end(), EdgeLess);
  return out;
}

std::vector<std::string> ClaimGraph::Vertices() const {
  std::vector<std::string> out;
  for (const auto& [id, v] : impl_->vertices) {
    if (!id.empty()) out.push_back(id);
  }
  return out;
}

const Vocabulary& ClaimGraph::vocabulary() const { return *impl_->vocabulary; }

const char* KinshipName(Kinship kinship) {
  switch (kinship) {
    case Kinship::kSame:
      return "same";
    case Kinship::kNarrower:
      return "narrower";
    case Kinship::kBroader:
      return "broader";
    case Kinship::kSibling:
      break;
  }
  return "sibling";
}

std::vector<Kin> Kindred(const Vocabulary& vocabulary, std::string_view id,
                         bool siblings) {
  std::vector<Kin> out;
  if (vocabulary.Find(id) == nullptr) {
    out.push_back(Kin{std::string(id), Kinship::kSame});
    return out;
  }
  // Each concept's ancestors, walked once: hierarchies are shallow, so this
  // is a few steps per concept instead of an IsA walk per pair.
  auto ancestors_of = [&](std::string_view start) {
    std::vector<std::string_view> found, stack = {start};
    while (!stack.empty()) {
      const std::string_view current = stack.back();
      stack.pop_back();
      const Concept* c = vocabulary.Find(current);
      if (c == nullptr) continue;
      for (const std::string& parent : c->is_a) {
        if (std::find(found.begin(), found.end(), parent) != found.end()) {
          continue;
        }
        found.push_back(parent);
        stack.push_back(parent);
      }
    }
    return found;
  };
  const std::vector<std::string_view> ancestors = ancestors_of(id);
  auto has = [](const std::vector<std::string_view>& v, std::string_view x) {
    return std::find(v.begin(), v.end(), x) != v.end();
  };
  std::vector<Kin> others;
  for (const Concept& c : vocabulary.concepts()) {
    if (c.id == id) continue;
    const std::vector<std::string_view> mine = ancestors_of(c.id);
    if (has(mine, id)) {
      others.push_back(Kin{c.id, Kinship::kNarrower});
    } else if (has(ancestors, c.id)) {
      others.push_back(Kin{c.id, Kinship::kBroader});
    } else if (siblings) {
      for (std::string_view a : ancestors) {
        if (has(mine, a)) {
          others.push_back(Kin{c.id, Kinship::kSibling});
          break;
        }
      }
    }
  }
  std::sort(others.begin(), others.end(),
            [](const Kin& a, const Kin& b) { return a.id < b.id; });
  out.push_back(Kin{std::string(id), Kinship::kSame});
  out.insert(out.end(), others.begin(), others.end());
  return out;
}

}  // namespace claimcheck
