// GraphDot, GraphGraphml and GraphJson: a GraphReport laid on a Boost.Graph
// adjacency list and written by Boost's own writers (DOT, GraphML) or by
// RapidJSON. Covered by tests/report/graph_report_test.cc.
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>
#include <boost/graph/graphviz.hpp>
#include <map>
#include <sstream>

#include "claimcheck/graph_report.h"
#include "claimcheck/text.h"
#include "report/verdict_words.h"

namespace claimcheck {

namespace {

// A node name of the DOT output. boost::write_graphviz passes node names
// through an unqualified escape_dot_string(), which leaves a name that looks
// like a DOT identifier unquoted — keywords too ("node", "graph"): this
// overload, found by argument-dependent lookup, quotes every name.
struct DotId {
  std::string id;
};

// A DOT quoted string: `"` and `\` escaped, a newline as \n (a centred line
// break in labels), other control characters dropped, invalid UTF-8
// replaced.
std::string DotQuote(std::string_view s) {
  std::string out = "\"";
  for (const char c : report::CleanText(s)) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c != '\t') {
      out += c;
    } else {
      out += ' ';
    }
  }
  return out + "\"";
}

std::string escape_dot_string(const DotId& name) { return DotQuote(name.id); }

struct DrawnVertex {
  DotId name;
  std::string concept_id;
  std::string label;
  std::string kind;
  bool focus = false;
};

struct DrawnEdge {
  std::string relation;
  std::string kind;
  std::string verdict;
  std::string certainty;
  long long curated_claims = 0;
  long long documents = 0;
  bool judged = false;
  VerdictWord verdict_word = VerdictWord::kUnsourced;
  Certainty level = Certainty::kVeryLow;
  bool is_a = false;  // a narrower concept to its parent, not a claim
  std::string tooltip;
};

using Drawing = boost::adjacency_list<boost::vecS, boost::vecS,
                                      boost::directedS, DrawnVertex, DrawnEdge>;

std::string KindOf(const Vocabulary& vocabulary, const std::string& id) {
  const Concept* c = vocabulary.Find(id);
  return c != nullptr ? ConceptKindName(c->kind) : "concept";
}

// The is_a links between the report's concepts: (narrower, broader), by
// narrower then broader.
std::vector<std::pair<std::string, std::string>> IsAPairs(
    const GraphReport& report, const Vocabulary& vocabulary) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const std::string& id : report.concepts) {
    const Concept* c = vocabulary.Find(id);
    if (c == nullptr) continue;
    std::vector<std::string> parents = c->is_a;
    std::sort(parents.begin(), parents.end());
    for (const std::string& p : parents) {
      if (std::binary_search(report.concepts.begin(), report.concepts.end(),
                             p)) {
        out.emplace_back(id, p);
      }
    }
  }
  return out;
}

// Vertices in the report's (sorted) order, edges in its order: the writers'
// output is deterministic.
Drawing Draw(const GraphReport& report, const Vocabulary& vocabulary) {
  Drawing g;
  std::map<std::string, Drawing::vertex_descriptor> index;
  for (const std::string& id : report.concepts) {
    // Clean text: XML 1.0 has no place for control characters or invalid
    // UTF-8, and DOT none for a stray byte in a quoted string.
    DrawnVertex v{DotId{id}, report::CleanText(id),
                  report::CleanText(vocabulary.LabelOf(id)),
                  KindOf(vocabulary, id), id == report.focus};
    index.emplace(id, boost::add_vertex(std::move(v), g));
  }
  for (const ReportEdge& e : report.edges) {
    auto from = index.find(e.subject);
    auto to = index.find(e.object);
    if (from == index.end() || to == index.end()) continue;
    DrawnEdge d;
    d.relation = report::CleanText(e.relation);
    d.kind = ClaimKindName(e.kind);
    d.judged = e.judged;
    d.verdict_word = e.verdict;
    d.level = e.certainty;
    d.verdict = e.judged ? VerdictName(e.verdict) : "";
    d.certainty = e.judged ? CertaintyName(e.certainty) : "";
    d.curated_claims = static_cast<long long>(e.curated_claims);
    d.documents = e.documents;
    d.tooltip = vocabulary.LabelOf(e.subject) + " " + e.relation + " " +
                vocabulary.LabelOf(e.object);
    if (e.judged) {
      d.tooltip += ": " + d.verdict + ", " + d.certainty + " certainty";
    }
    if (e.curated_claims > 0 || e.documents > 0) {
      d.tooltip += " (" + report::Count(e.curated_claims, "curated claim") +
                   ", " + report::Count(e.documents, "imported document") + ")";
    }
    boost::add_edge(from->second, to->second, std::move(d), g);
  }
  for (const auto& [narrower, broader] : IsAPairs(report, vocabulary)) {
    DrawnEdge d;
    d.relation = "is_a";
    d.kind = "is_a";
    d.is_a = true;
    d.tooltip = vocabulary.LabelOf(narrower) + " is a form of " +
                vocabulary.LabelOf(broader);
    boost::add_edge(index.at(narrower), index.at(broader), std::move(d), g);
  }
  return g;
}

constexpr const char* kFont = "\"Helvetica,Arial,sans-serif\"";

struct GraphWriter {
  std::string title;
  void operator()(std::ostream& out) const {
    out << "graph [rankdir=LR, nodesep=0.3, ranksep=0.9, fontname=" << kFont
        << ", fontsize=12, labelloc=t, label=" << DotQuote(title) << "];\n"
        << "node [fontname=" << kFont
        << ", fontsize=11, style=filled, color=\"#59636e\"];\n"
        << "edge [fontname=" << kFont << ", fontsize=9, arrowsize=0.7];\n";
  }
};

struct VertexWriter {
  const Drawing* g;
  void operator()(std::ostream& out, Drawing::vertex_descriptor v) const {
    const DrawnVertex& d = (*g)[v];
    const char* shape = "box";
    const char* style = "filled";
    const char* fill = "#eaeef2";
    if (d.kind == "intervention") {
      style = "\"rounded,filled\"";
      fill = "#ddf4ff";
    } else if (d.kind == "mechanism") {
      shape = "ellipse";
      fill = "#fff8c5";
    }
    out << " [label=" << DotQuote(d.label) << ", id=" << DotQuote(d.concept_id)
        << ", tooltip=" << DotQuote(d.concept_id + " (" + d.kind + ")")
        << ", shape=" << shape << ", style=" << style << ", fillcolor=\""
        << fill << "\"";
    if (d.focus) out << ", peripheries=2, penwidth=1.6";
    out << "]";
  }
};

struct EdgeWriter {
  const Drawing* g;
  void operator()(std::ostream& out, Drawing::edge_descriptor e) const {
    const DrawnEdge& d = (*g)[e];
    if (d.is_a) {
      out << "[label=\"is a\", color=\"#8c959f\", fontcolor=\"#59636e\", "
             "style=dotted, arrowhead=onormal, constraint=false, tooltip="
          << DotQuote(d.tooltip) << "]";
      return;
    }
    std::string label = d.relation;
    std::replace(label.begin(), label.end(), '_', ' ');
    const char* colour = "#59636e";
    int width = 1;
    bool dashed = false;
    if (d.judged) {
      colour = report::VerdictColour(d.verdict_word);
      dashed = d.verdict_word == VerdictWord::kUnsourced;
      width = 1 + report::CertaintyRank(d.level);
    }
    out << "[label=" << DotQuote(label) << ", color=\"" << colour
        << "\", fontcolor=\"" << colour << "\", penwidth=" << width
        << ", tooltip=" << DotQuote(d.tooltip);
    if (dashed) out << ", style=dashed";
    out << "]";
  }
};

std::string Title(const GraphReport& report, const Vocabulary& vocabulary) {
  std::string title = report.focus.empty()
                          ? "Claim graph"
                          : "Claims about " + vocabulary.LabelOf(report.focus);
  return title +
         "\nedges: green supported, amber contested, red refuted, purple "
         "dashed unsourced; thicker: more certain (GRADE)";
}

}  // namespace

std::string GraphDot(const GraphReport& report, const Vocabulary& vocabulary) {
  const Drawing g = Draw(report, vocabulary);
  std::ostringstream out;
  boost::write_graphviz(out, g, VertexWriter{&g}, EdgeWriter{&g},
                        GraphWriter{Title(report, vocabulary)},
                        boost::get(&DrawnVertex::name, g));
  return out.str();
}

std::string GraphGraphml(const GraphReport& report,
                         const Vocabulary& vocabulary) {
  Drawing g = Draw(report, vocabulary);
  boost::dynamic_properties dp;
  dp.property("concept", boost::get(&DrawnVertex::concept_id, g));
  dp.property("label", boost::get(&DrawnVertex::label, g));
  dp.property("kind", boost::get(&DrawnVertex::kind, g));
  dp.property("relation", boost::get(&DrawnEdge::relation, g));
  dp.property("kind", boost::get(&DrawnEdge::kind, g));
  dp.property("verdict", boost::get(&DrawnEdge::verdict, g));
  dp.property("certainty", boost::get(&DrawnEdge::certainty, g));
  dp.property("curated_claims", boost::get(&DrawnEdge::curated_claims, g));
  dp.property("documents", boost::get(&DrawnEdge::documents, g));
  std::ostringstream out;
  boost::write_graphml(out, g, dp, true);
  return out.str();
}

std::string GraphJson(const GraphReport& report, const Vocabulary& vocabulary) {
  rapidjson::StringBuffer buffer;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buffer);
  w.SetIndent(' ', 2);
  auto string = [&w](std::string_view s) {
    w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
  };
  w.StartObject();
  w.Key("focus");
  if (report.focus.empty()) {
    w.Null();
  } else {
    string(report.focus);
  }
  w.Key("concepts");
  w.StartArray();
  for (const std::string& id : report.concepts) {
    w.StartObject();
    w.Key("id");
    string(id);
    w.Key("label");
    string(vocabulary.LabelOf(id));
    w.Key("kind");
    string(KindOf(vocabulary, id));
    w.EndObject();
  }
  w.EndArray();
  w.Key("edges");
  w.StartArray();
  for (const ReportEdge& e : report.edges) {
    w.StartObject();
    w.Key("subject");
    string(e.subject);
    w.Key("relation");
    string(e.relation);
    w.Key("object");
    string(e.object);
    w.Key("kind");
    w.String(ClaimKindName(e.kind));
    if (e.judged) {
      w.Key("verdict");
      w.String(VerdictName(e.verdict));
      w.Key("certainty");
      w.String(CertaintyName(e.certainty));
    }
    w.Key("curated_claims");
    w.Uint64(e.curated_claims);
    w.Key("documents");
    w.Int64(e.documents);
    w.EndObject();
  }
  w.EndArray();
  w.Key("is_a");
  w.StartArray();
  for (const auto& [narrower, broader] : IsAPairs(report, vocabulary)) {
    w.StartObject();
    w.Key("narrower");
    string(narrower);
    w.Key("broader");
    string(broader);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

}  // namespace claimcheck
