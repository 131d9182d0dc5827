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
    case Kinship::kMember:
      return "member";
    case Kinship::kSibling:
      break;
  }
  return "sibling";
}

std::vector<Kin> Kindred(const Vocabulary& vocabulary, std::string_view id,
                         bool siblings) {
  std::vector<Kin> out;
  const Concept* self = vocabulary.Find(id);
  if (self == nullptr) {
    out.push_back(Kin{std::string(id), Kinship::kSame});
    return out;
  }
  const auto& concepts = vocabulary.concepts();
  // Up the is_a links: the broader concepts.
  std::set<std::string_view> ancestors;
  std::vector<const Concept*> stack = {self};
  while (!stack.empty()) {
    const Concept* c = stack.back();
    stack.pop_back();
    for (const std::string& parent_id : c->is_a) {
      const Concept* parent = vocabulary.Find(parent_id);
      if (parent != nullptr && parent != self &&
          ancestors.insert(parent->id).second) {
        stack.push_back(parent);
      }
    }
  }
  // Down them from `from`: its narrower concepts, into `found`.
  auto descendants = [&](const Concept* from,
                         std::set<std::string_view>* found) {
    std::vector<const Concept*> down = {from};
    while (!down.empty()) {
      const Concept* c = down.back();
      down.pop_back();
      for (std::size_t child : vocabulary.ChildrenOf(c->id)) {
        if (found->insert(concepts[child].id).second) {
          down.push_back(&concepts[child]);
        }
      }
    }
  };
  std::set<std::string_view> narrower;
  descendants(self, &narrower);
  narrower.erase(self->id);
  // Siblings share an ancestor. docs/vocabulary.md, "Layers": only curated
  // and alias ancestors make siblings (magnesium citrate and oxide under
  // magnesium); a MeSH ancestor such as "Metals, Alkaline Earth" would make
  // thousands.
  std::set<std::string_view> sibling;
  if (siblings) {
    for (std::string_view a : ancestors) {
      const Concept* c = vocabulary.Find(a);
      if (c->source != ConceptSource::kMesh) descendants(c, &sibling);
    }
  }
  std::vector<Kin> others;
  std::set<std::string_view> all;
  all.insert(ancestors.begin(), ancestors.end());
  all.insert(narrower.begin(), narrower.end());
  all.insert(sibling.begin(), sibling.end());
  for (std::string_view k : all) {
    if (k == self->id) continue;
    if (narrower.count(k)) {
      others.push_back(Kin{std::string(k), Kinship::kNarrower});
    } else if (ancestors.count(k)) {
      others.push_back(Kin{std::string(k), Kinship::kBroader});
    } else {
      others.push_back(Kin{std::string(k), Kinship::kSibling});
    }
  }
  out.push_back(Kin{self->id, Kinship::kSame});
  out.insert(out.end(), others.begin(), others.end());
  return out;
}

}  // namespace claimcheck
