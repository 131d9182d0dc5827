// The judged claim graph (include/claimcheck/graph_report.h): its edges from
// the curated graph and a store, the focus on a concept, and its DOT,
// GraphML and JSON writers (quoting, escaping, colours, determinism).
#include "claimcheck/graph_report.h"

#include <rapidjson/document.h>

#include <algorithm>
#include <set>

#include "claimcheck/summary.h"
#include "report/summary_test_util.h"

namespace claimcheck {
namespace {

using testing::RealKb;

GraphReport Build(std::string_view focus) {
  const auto& kb = RealKb();
  Result<GraphReport> r =
      BuildGraphReport(*kb.graph, nullptr, *kb.engine, focus);
  INFO(r.status().ToString());
  REQUIRE(r.ok());
  return std::move(r).value();
}

const ReportEdge* EdgeOf(const GraphReport& r, const std::string& subject,
                         const std::string& relation,
                         const std::string& object) {
  for (const ReportEdge& e : r.edges) {
    if (e.subject == subject && e.relation == relation && e.object == object) {
      return &e;
    }
  }
  return nullptr;
}

TEST_CASE("graph report: every curated edge with an object, judged",
          "[report][graph]") {
  const GraphReport r = Build("");
  CHECK(r.focus.empty());
  std::size_t with_object = 0;
  for (const ClaimEdge* e : RealKb().graph->Edges()) {
    with_object += !e->object.empty();
  }
  CHECK(r.edges.size() == with_object);
  for (std::size_t i = 0; i < r.edges.size(); ++i) {
    const ReportEdge& e = r.edges[i];
    CHECK(e.judged);
    CHECK_FALSE(e.object.empty());
    CHECK(e.curated_claims >= 1);
    CHECK(std::binary_search(r.concepts.begin(), r.concepts.end(), e.subject));
    CHECK(std::binary_search(r.concepts.begin(), r.concepts.end(), e.object));
    if (i > 0) {
      const ReportEdge& p = r.edges[i - 1];
      CHECK(std::tie(p.subject, p.object, p.relation) <
            std::tie(e.subject, e.object, e.relation));
    }
  }
  const ReportEdge* cramps =
      EdgeOf(r, "magnesium", "decreases", "muscle_cramps");
  REQUIRE(cramps != nullptr);
  CHECK(cramps->verdict == VerdictWord::kRefuted);
  CHECK(cramps->certainty == Certainty::kModerate);
  CHECK(cramps->kind == ClaimKind::kEffect);
  const ReportEdge* laxative =
      EdgeOf(r, "magnesium_citrate", "laxative", "bowel_movement");
  REQUIRE(laxative != nullptr);
  CHECK(laxative->kind == ClaimKind::kSafety);
}

TEST_CASE(
    "graph report: a focus keeps the concept, its is-a kin and their "
    "neighbours",
    "[report][graph]") {
  const GraphReport r = Build("magnesium_citrate");
  CHECK(r.focus == "magnesium_citrate");
  // Its own claims, and those of magnesium (broader).
  CHECK(EdgeOf(r, "magnesium_citrate", "increases", "sleep_quality"));
  CHECK(EdgeOf(r, "magnesium", "decreases", "muscle_cramps"));
  CHECK(EdgeOf(r, "vitamin_b6", "enhances_effect_of", "magnesium"));
  // Not those of other interventions on the same outcomes.
  CHECK_FALSE(EdgeOf(r, "valerian", "increases", "sleep"));
  CHECK_FALSE(EdgeOf(r, "melatonin", "decreases", "sleep_onset_latency"));
  for (const ReportEdge& e : r.edges) {
    const bool touches =
        e.subject == "magnesium" || e.subject == "magnesium_citrate" ||
        e.object == "magnesium" || e.object == "magnesium_citrate";
    CHECK(touches);
  }
}

TEST_CASE("graph report: an unknown focus is refused", "[report][graph]") {
  const auto& kb = RealKb();
  Result<GraphReport> r =
      BuildGraphReport(*kb.graph, nullptr, *kb.engine, "unobtainium");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message() == "unknown concept 'unobtainium'");
}

TEST_CASE("graph report: a store's edges join the curated ones",
          "[report][graph][store]") {
  const auto& kb = RealKb();
  const auto path = testing::TempDir("graph_store") / "store.db";
  testing::MakeImportedStore(path);
  auto opened = Store::Open(path.string(), OpenMode::kReadOnly);
  REQUIRE(opened.ok());
  Store* store = opened.value().get();
  VerdictEngine engine(kb.vocabulary, kb.knowledge, store);
  for (const std::string_view focus : {"", "magnesium"}) {
    INFO("focus '" << focus << "'");
    Result<GraphReport> built =
        BuildGraphReport(*kb.graph, store, engine, focus);
    REQUIRE(built.ok());
    const GraphReport& r = built.value();
    const ReportEdge* stress = EdgeOf(r, "magnesium", "decreases", "stress");
    REQUIRE(stress != nullptr);
    CHECK(stress->documents == 1);
    CHECK(stress->curated_claims == 0);
    CHECK(stress->verdict == VerdictWord::kSupported);
    const ReportEdge* nausea =
        EdgeOf(r, "magnesium_citrate", "increases", "nausea");
    REQUIRE(nausea != nullptr);
    CHECK(nausea->kind == ClaimKind::kSafety);
    CHECK(EdgeOf(r, "magnesium", "decreases", "muscle_cramps") != nullptr);
  }
  // Counted once even when both ends are in the focus.
  std::vector<ReportEdge> edges;
  REQUIRE(CollectEdges(*kb.graph, store, {"magnesium", "stress"}, false, &edges)
              .ok());
  const auto stress =
      std::find_if(edges.begin(), edges.end(), [](const ReportEdge& e) {
        return e.subject == "magnesium" && e.object == "stress";
      });
  REQUIRE(stress != edges.end());
  CHECK(stress->documents == 1);
}

// --- Writers ----------------------------------------------------------------

// Ids that are DOT keywords, labels with quotes, backslashes, a newline,
// markup and a control character.
struct Tricky {
  Vocabulary vocabulary;
  GraphReport report;
  Tricky() {
    Concept a;
    a.id = "node";
    a.kind = ConceptKind::kIntervention;
    a.label = "say \"hi\" \\N <b>&</b>\nsecond line\x01";
    REQUIRE(vocabulary.Add(a).ok());
    Concept b;
    b.id = "graph";
    b.kind = ConceptKind::kOutcome;
    b.label = "edge -> subgraph {}; strict";
    REQUIRE(vocabulary.Add(b).ok());
    Concept c;
    c.id = "2nd";
    c.kind = ConceptKind::kMechanism;
    c.label = "second";
    c.is_a = {"graph"};
    REQUIRE(vocabulary.Add(c).ok());
    report.focus = "node";
    report.concepts = {"2nd", "graph", "node"};
    ReportEdge e;
    e.subject = "node";
    e.relation = "decreases";
    e.object = "graph";
    e.judged = true;
    e.verdict = VerdictWord::kRefuted;
    e.certainty = Certainty::kModerate;
    e.curated_claims = 2;
    report.edges.push_back(e);
    e.object = "2nd";
    e.relation = "increases";
    e.verdict = VerdictWord::kUnsourced;
    e.certainty = Certainty::kVeryLow;
    report.edges.push_back(e);
  }
};

TEST_CASE("graph writers: DOT quotes and escapes every id and label",
          "[report][graph][dot]") {
  const Tricky t;
  const std::string dot = GraphDot(t.report, t.vocabulary);
  INFO(dot);
  CHECK(dot.rfind("digraph G {\n", 0) == 0);
  CHECK(dot.find("\n\"node\" [label=\"say \\\"hi\\\" \\\\N <b>&</b>\\nsecond "
                 "line\"") != std::string::npos);
  CHECK(dot.find("\"graph\" [label=\"edge -> subgraph {}; strict\"") !=
        std::string::npos);
  CHECK(dot.find("\n\"2nd\" [") != std::string::npos);
  CHECK(dot.find('\x01') == std::string::npos);
  // Refuted, moderate: red, pen width 3; unsourced: dashed, width 1.
  CHECK(dot.find("\"node\"->\"graph\" [label=\"decreases\", "
                 "color=\"#cf222e\", fontcolor=\"#cf222e\", penwidth=3") !=
        std::string::npos);
  CHECK(dot.find("\"node\"->\"2nd\" [label=\"increases\", color=\"#8250df\", "
                 "fontcolor=\"#8250df\", penwidth=1") != std::string::npos);
  CHECK(dot.find("style=dashed") != std::string::npos);
  // The is-a link, and the focus drawn twice round.
  CHECK(dot.find("\"2nd\"->\"graph\" [label=\"is a\"") != std::string::npos);
  CHECK(dot.find("peripheries=2") != std::string::npos);
  CHECK(dot.back() == '\n');

  if (!testing::HaveDot()) {
    WARN("Graphviz's dot is not installed: DOT not rendered");
    return;
  }
  const auto dir = testing::TempDir("graph_dot_tricky");
  testing::WriteFile(dir / "g.dot", dot);
  const testing::CliRun run = testing::RunDot(dir / "g.dot", dir);
  INFO(run.err);
  CHECK(run.exit_code == 0);
  CHECK(run.out.find("<svg") != std::string::npos);
  CHECK(run.out.find("say &quot;hi&quot;") != std::string::npos);
}

TEST_CASE("graph writers: GraphML through Boost, with every data key",
          "[report][graph][graphml]") {
  const Tricky t;
  const std::string xml = GraphGraphml(t.report, t.vocabulary);
  INFO(xml);
  CHECK(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml", 0) ==
        0);
  for (const char* key :
       {"attr.name=\"concept\"", "attr.name=\"label\"", "attr.name=\"verdict\"",
        "attr.name=\"certainty\"", "attr.name=\"relation\"",
        "attr.name=\"documents\" attr.type=\"long\""}) {
    CHECK(xml.find(key) != std::string::npos);
  }
  CHECK(std::count(xml.begin(), xml.end(), '\n') > 10);
  CHECK(xml.find("<node id=\"n2\">") != std::string::npos);
  CHECK(xml.find("<edge id=\"e2\"") != std::string::npos);  // with the is-a
  CHECK(xml.find("&lt;b&gt;&amp;&lt;/b&gt;") != std::string::npos);
  CHECK(xml.find("<b>") == std::string::npos);
  CHECK(xml.find('\x01') == std::string::npos);
  CHECK(xml.find(">refuted<") != std::string::npos);
  CHECK(xml.find(">moderate<") != std::string::npos);
  CHECK(xml.find(">is_a<") != std::string::npos);
}

TEST_CASE("graph writers: JSON", "[report][graph][json]") {
  const Tricky t;
  rapidjson::Document d;
  d.Parse(GraphJson(t.report, t.vocabulary).c_str());
  REQUIRE_FALSE(d.HasParseError());
  CHECK(std::string(d["focus"].GetString()) == "node");
  REQUIRE(d["concepts"].Size() == 3);
  CHECK(std::string(d["concepts"][2]["label"].GetString()) ==
        t.vocabulary.Find("node")->label);
  REQUIRE(d["edges"].Size() == 2);
  CHECK(std::string(d["edges"][0]["verdict"].GetString()) == "refuted");
  CHECK(d["edges"][0]["curated_claims"].GetUint() == 2);
  REQUIRE(d["is_a"].Size() == 1);
  CHECK(std::string(d["is_a"][0]["narrower"].GetString()) == "2nd");
}

TEST_CASE("graph writers: the real graph renders and is deterministic",
          "[report][graph][dot]") {
  const Vocabulary& v = RealKb().vocabulary;
  const GraphReport a = Build("");
  const GraphReport b = Build("");
  CHECK(GraphDot(a, v) == GraphDot(b, v));
  CHECK(GraphGraphml(a, v) == GraphGraphml(b, v));
  CHECK(GraphJson(a, v) == GraphJson(b, v));
  if (!testing::HaveDot()) {
    WARN("Graphviz's dot is not installed: DOT not rendered");
    return;
  }
  const auto dir = testing::TempDir("graph_dot_real");
  testing::WriteFile(dir / "g.dot", GraphDot(a, v));
  const testing::CliRun run = testing::RunDot(dir / "g.dot", dir);
  INFO(run.err);
  CHECK(run.exit_code == 0);
  CHECK(run.err.empty());
}

TEST_CASE("graph writers: a summary's graph is its rows and chain links",
          "[report][graph][summary]") {
  const auto& kb = RealKb();
  Result<EvidenceSummary> s =
      BuildSummary("magnesium", kb.vocabulary, *kb.graph, nullptr, *kb.engine);
  REQUIRE(s.ok());
  const GraphReport g = SummaryGraph(s.value());
  CHECK(g.focus == "magnesium");
  const ReportEdge* cramps =
      EdgeOf(g, "magnesium", "decreases", "muscle_cramps");
  REQUIRE(cramps != nullptr);
  CHECK(cramps->verdict == VerdictWord::kRefuted);
  // The chain's second link, which no row of magnesium holds.
  const ReportEdge* link =
      EdgeOf(g, "melatonin", "decreases", "sleep_onset_latency");
  REQUIRE(link != nullptr);
  CHECK(link->judged);
  CHECK_FALSE(EdgeOf(g, "magnesium", "recommended_intake", ""));
}

}  // namespace
}  // namespace claimcheck
