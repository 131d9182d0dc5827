// `claimcheck summary CONCEPT`: the evidence summary of one concept as
// Markdown, HTML, JSON, DOT or SVG (include/claimcheck/summary.h,
// docs/reports.md). Covered by tests/report/summary_cli_test.cc and
// tests/cli/cli_test.sh.
#include "claimcheck/graph.h"
#include "claimcheck/summary.h"
#include "cli.h"
#include "graphviz.h"

namespace claimcheck::cli {

namespace {

// The HTML summary's picture: the SVG of its graph when dot is installed,
// else none (with a warning).
std::string Picture(const Context& context, const EvidenceSummary& summary,
                    const Vocabulary& vocabulary) {
  Result<std::string> svg =
      DotToSvg(GraphDot(SummaryGraph(summary), vocabulary));
  if (svg.ok()) return std::move(svg).value();
  context.Warn("no picture of the graph in the HTML: " +
               svg.status().message());
  return "";
}

}  // namespace

int RunSummary(Context& context) {
  std::string format;
  if (!context.Format({"md", "html", "json", "dot", "svg"}, "md", &format)) {
    return kExitUsage;
  }
  int exit_code = kExitOk;
  std::vector<std::string> names;
  if (!ConceptArguments(context, &names, &exit_code)) return exit_code;
  if (names.size() != 1) return context.Usage("expects one CONCEPT");
  PrepareToJudge(context);
  Loaded loaded;
  if (!LoadKb(context, /*judging=*/true, &loaded, &exit_code)) {
    return exit_code;
  }
  const Vocabulary& vocabulary = loaded.kb->vocabulary();
  const Knowledge& knowledge = loaded.kb->knowledge();
  std::string id;
  if (!ResolveConcept(context, vocabulary, names[0], &id, &exit_code)) {
    return exit_code;
  }

  ClaimGraph curated(vocabulary);
  curated.AddCurated(knowledge);
  VerdictEngine engine(vocabulary, knowledge, loaded.store.get());
  Result<EvidenceSummary> built =
      BuildSummary(id, vocabulary, curated, loaded.store.get(), engine);
  if (!built.ok()) return context.Fail(built.status());
  const EvidenceSummary& summary = built.value();

  if (format == "md") return context.Emit(SummaryMarkdown(summary, vocabulary));
  if (format == "json") return context.Emit(SummaryJson(summary, vocabulary));
  if (format == "html") {
    return context.Emit(SummaryHtml(summary, vocabulary,
                                    Picture(context, summary, vocabulary)));
  }
  const std::string dot = GraphDot(SummaryGraph(summary), vocabulary);
  if (format == "dot") return context.Emit(dot);
  Result<std::string> svg = DotToSvg(dot);
  if (!svg.ok()) return context.Fail(svg.status());
  return context.Emit(svg.value());
}

}  // namespace claimcheck::cli
