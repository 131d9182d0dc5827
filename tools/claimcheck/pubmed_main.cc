// claimcheck-pubmed: the program behind `claimcheck pubmed` (cmd_pubmed.cc
// runs it with the global options it was given). A claimcheck of one
// command, linked dynamically because it needs libcurl (docs/pubmed.md,
// "Build"). Covered by tests/eutils/pubmed_cli_test.cc.
#include <iostream>
#include <vector>

#include "cli.h"
#include "pubmed_help.h"

namespace claimcheck::cli {

const std::vector<Command>& Commands() {
  static const std::vector<Command> commands = {
      {"pubmed", kPubmedSummary, kPubmedHelp, RunPubmedFetch},
  };
  return commands;
}

namespace {

int Main(int argc, char** argv) {
  Context context;
  context.err = &std::cerr;
  context.command = "pubmed";
  CommandLine line;
  int exit_code = kExitOk;
  if (!ParseCommandLine(argc, argv, /*fixed_command=*/true, &context, &line,
                        &exit_code)) {
    return exit_code;
  }
  if (line.version) {
    std::cout << "claimcheck-pubmed " << CLAIMCHECK_VERSION << "\n";
    return kExitOk;
  }
  if (context.options.help) {
    std::cout << kPubmedHelp;
    return kExitOk;
  }
  return RunPubmedFetch(context);
}

}  // namespace

}  // namespace claimcheck::cli

int main(int argc, char** argv) {
  return claimcheck::cli::GuardedMain("claimcheck pubmed",
                                      claimcheck::cli::Main, argc, argv);
}
