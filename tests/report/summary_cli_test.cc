// `claimcheck summary` and `claimcheck graph`, run as the real binary: the
// DOT through Graphviz, every format twice (same bytes), HTML with no script
// and no fetch, SVG without Graphviz, bad concepts, and a --db store.
#include <rapidjson/document.h>

#include <regex>

#include "report/html_checks.h"
#include "report/summary_test_util.h"

namespace claimcheck {
namespace {

namespace fs = std::filesystem;
using testing::CliRun;
using testing::RunClaimcheck;

TEST_CASE("summary cli: summary magnesium --format dot is valid DOT",
          "[report][cli][dot]") {
  const fs::path dir = testing::TempDir("summary_cli_dot");
  const CliRun run =
      RunClaimcheck({"summary", "magnesium", "--format", "dot"}, dir / "a");
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(run.out.rfind("digraph G {", 0) == 0);
  if (!testing::HaveDot()) {
    WARN("Graphviz's dot is not installed: `dot -Tsvg` not run");
    return;
  }
  testing::WriteFile(dir / "summary.dot", run.out);
  const CliRun svg = testing::RunDot(dir / "summary.dot", dir / "dot");
  INFO(svg.err);
  CHECK(svg.exit_code == 0);
  CHECK(svg.err.empty());
  CHECK(svg.out.find("<svg") != std::string::npos);
  CHECK(svg.out.find(">muscle cramps<") != std::string::npos);
}

TEST_CASE("summary cli: every format, twice, gives the same bytes",
          "[report][cli]") {
  const fs::path dir = testing::TempDir("summary_cli_twice");
  struct Case {
    std::vector<std::string> args;
    const char* starts;
  };
  const Case cases[] = {
      {{"summary", "magnesium"}, "# Evidence summary: magnesium\n"},
      {{"summary", "magnesium", "--format", "md"}, "# Evidence summary"},
      {{"summary", "magnesium", "--format", "html"}, "<!DOCTYPE html>"},
      {{"summary", "magnesium", "--format", "json"}, "{"},
      {{"summary", "Magnesium citrate", "--format", "json"}, "{"},
      {{"graph"}, "digraph G {"},
      {{"graph", "sleep", "--format", "json"}, "{"},
      {{"graph", "--format", "graphml"}, "<?xml"},
  };
  int k = 0;
  for (const Case& c : cases) {
    std::string line;
    for (const std::string& a : c.args) line += a + " ";
    INFO(line);
    const CliRun a = RunClaimcheck(c.args, dir / std::to_string(k++));
    const CliRun b = RunClaimcheck(c.args, dir / std::to_string(k++));
    INFO(a.err);
    CHECK(a.exit_code == 0);
    CHECK(a.err.empty());
    CHECK(a.out.rfind(c.starts, 0) == 0);
    CHECK(a.out == b.out);
  }
  if (testing::HaveDot()) {
    for (const char* command : {"summary", "graph"}) {
      std::vector<std::string> args = {command, "--format", "svg"};
      if (std::string(command) == "summary")
        args.insert(args.begin() + 1, "magnesium");
      const CliRun a = RunClaimcheck(args, dir / std::to_string(k++));
      const CliRun b = RunClaimcheck(args, dir / std::to_string(k++));
      INFO(command << ": " << a.err);
      CHECK(a.exit_code == 0);
      CHECK(a.out.find("<svg") != std::string::npos);
      CHECK(a.out == b.out);
    }
  }
}

TEST_CASE("summary cli: the HTML has no script and fetches nothing",
          "[report][cli][html]") {
  const fs::path dir = testing::TempDir("summary_cli_html");
  const CliRun run =
      RunClaimcheck({"summary", "magnesium", "--format", "html"}, dir);
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  const std::string& html = run.out;
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<SCRIPT") == std::string::npos);
  testing::CheckOnlyStudyLinks(html);
  CHECK(html.find("@import") == std::string::npos);
  CHECK(html.find("default-src 'none'") != std::string::npos);
  CHECK(html.find("<section id=\"outcomes\">") != std::string::npos);
  CHECK(html.find("<section id=\"references\">") != std::string::npos);
  if (testing::HaveDot()) {
    CHECK(html.find("<section id=\"graph\">") != std::string::npos);
    CHECK(html.find("<svg") != std::string::npos);
  }
}

TEST_CASE("summary cli: SVG without Graphviz is a clear error, exit 2",
          "[report][cli]") {
  const fs::path dir = testing::TempDir("summary_cli_nodot");
  const fs::path empty = dir / "empty_path";
  fs::create_directories(empty);
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"graph", "--format", "svg"},
        std::vector<std::string>{"summary", "magnesium", "--format", "svg"}}) {
    const CliRun run =
        RunClaimcheck(args, dir / args[0], {"PATH=" + empty.string()});
    CHECK(run.exit_code == 2);
    CHECK(run.out.empty());
    CHECK(run.err.find("claimcheck " + args[0] +
                       ": Graphviz's 'dot' is not installed") !=
          std::string::npos);
  }
  // The HTML goes without its picture, and says why on stderr.
  const CliRun html =
      RunClaimcheck({"summary", "magnesium", "--format", "html"}, dir / "html",
                    {"PATH=" + empty.string()});
  CHECK(html.exit_code == 0);
  CHECK(html.out.find("<svg") == std::string::npos);
  CHECK(html.err.find("warning: no picture of the graph") != std::string::npos);
}

TEST_CASE("summary cli: unknown concepts and bad usage exit 2",
          "[report][cli]") {
  const fs::path dir = testing::TempDir("summary_cli_bad");
  struct Case {
    std::vector<std::string> args;
    const char* message;
  };
  const Case cases[] = {
      {{"summary", "unobtainium"},
       "claimcheck summary: unknown concept 'unobtainium'"},
      {{"summary", "magnes"}, "did you mean magnesium"},
      {{"graph", "unobtainium"}, "claimcheck graph: unknown concept"},
      {{"summary"}, "expects one CONCEPT"},
      {{"summary", "magnesium", "sleep"}, "expects one CONCEPT"},
      {{"graph", "magnesium", "sleep"}, "expects at most one CONCEPT"},
      {{"summary", "magnesium", "--format", "graphml"},
       "--format graphml is not available"},
      {{"graph", "--format", "md"}, "--format md is not available"},
      {{"summary", "magnesium", "--frob"}, "unknown option --frob"},
  };
  int k = 0;
  for (const Case& c : cases) {
    const CliRun run = RunClaimcheck(c.args, dir / std::to_string(k++));
    INFO(c.args[0] << " " << (c.args.size() > 1 ? c.args[1] : ""));
    CHECK(run.exit_code == 2);
    CHECK(run.out.empty());
    CHECK(run.err.find(c.message) != std::string::npos);
  }
}

TEST_CASE("summary cli: with a --db store", "[report][cli][store]") {
  const fs::path dir = testing::TempDir("summary_cli_db");
  testing::MakeImportedStore(dir / "store.db");
  const std::string db = (dir / "store.db").string();
  const CliRun run = RunClaimcheck(
      {"--db", db, "summary", "magnesium", "--format", "json"}, dir / "s");
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  rapidjson::Document d;
  d.Parse(run.out.c_str());
  REQUIRE_FALSE(d.HasParseError());
  CHECK(d["with_store"].GetBool());
  bool stress = false;
  for (const auto& row : d["outcomes"].GetArray()) {
    stress |= std::string(row["claim"]["object"].GetString()) == "stress";
  }
  CHECK(stress);

  const CliRun graph =
      RunClaimcheck({"--db", db, "graph", "--format", "json"}, dir / "g");
  INFO(graph.err);
  REQUIRE(graph.exit_code == 0);
  CHECK(graph.out.find("\"object\": \"stress\"") != std::string::npos);

  const CliRun missing = RunClaimcheck(
      {"--db", (dir / "none.db").string(), "summary", "magnesium"}, dir / "m");
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("none.db") != std::string::npos);
}

}  // namespace
}  // namespace claimcheck
