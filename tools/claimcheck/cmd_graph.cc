// `claimcheck graph [CONCEPT]`: the claim graph with a verdict per edge as
// Graphviz DOT, SVG, GraphML or JSON (include/claimcheck/graph_report.h).
// Covered by tests/report/summary_cli_test.cc and tests/cli/cli_test.sh.
#include "claimcheck/graph.h"
#include "claimcheck/graph_report.h"
#include "cli.h"
#include "graphviz.h"

namespace claimcheck::cli {

int RunGraph(Context& context) {
  std::string format;
  if (!context.Format({"dot", "svg", "graphml", "json"}, "dot", &format)) {
    return kExitUsage;
  }
  int exit_code = kExitOk;
  std::vector<std::string> names;
  if (!ConceptArguments(context, &names, &exit_code)) return exit_code;
  if (names.size() > 1) return context.Usage("expects at most one CONCEPT");
  PrepareToJudge(context);
  Loaded loaded;
  if (!LoadKb(context, /*judging=*/true, &loaded, &exit_code)) {
    return exit_code;
  }
  const Vocabulary& vocabulary = loaded.kb->vocabulary();
  const Knowledge& knowledge = loaded.kb->knowledge();
  std::string focus;
  if (!names.empty() &&
      !ResolveConcept(context, vocabulary, names[0], &focus, &exit_code)) {
    return exit_code;
  }

  ClaimGraph curated(vocabulary);
  curated.AddCurated(knowledge);
  VerdictEngine engine(vocabulary, knowledge, loaded.store.get());
  Result<GraphReport> built =
      BuildGraphReport(curated, loaded.store.get(), engine, focus);
  if (!built.ok()) return context.Fail(built.status());
  const GraphReport& report = built.value();

  if (format == "json") return context.Emit(GraphJson(report, vocabulary));
  if (format == "graphml") {
    return context.Emit(GraphGraphml(report, vocabulary));
  }
  const std::string dot = GraphDot(report, vocabulary);
  if (format == "dot") return context.Emit(dot);
  Result<std::string> svg = DotToSvg(dot);
  if (!svg.ok()) return context.Fail(svg.status());
  return context.Emit(svg.value());
}

}  // namespace claimcheck::cli
