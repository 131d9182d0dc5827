// `claimcheck pubmed ARGS`: runs claimcheck-pubmed, the program beside this
// one that does the work (git style). claimcheck is linked statically for
// a fast start, and Debian's libcurl cannot be (docs/pubmed.md, "Build"),
// so the fetcher is a dynamically linked program of its own. The one exec
// of the source tree: an absolute path and an argument vector, never a
// shell (tests/security/source_scan.sh). Covered by
// tests/eutils/pubmed_cli_test.cc and tests/cli/cli_test.sh.
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "cli.h"

namespace claimcheck::cli {

namespace {

// claimcheck-pubmed in the directory of the running program.
std::string FetcherPath() {
  std::error_code ec;
  const std::filesystem::path self =
      std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return "";
  return (self.parent_path() / "claimcheck-pubmed").string();
}

// The global options as given, then the command's own arguments.
std::vector<std::string> FetcherArguments(const Context& context,
                                          const std::string& path) {
  std::vector<std::string> argv = {path};
  const GlobalOptions& o = context.options;
  for (const auto& [flag, value] :
       {std::pair{"--kb", &o.kb}, std::pair{"--db", &o.db},
        std::pair{"--format", &o.format}, std::pair{"-o", &o.output}}) {
    if (!value->empty()) {
      argv.push_back(flag);
      argv.push_back(*value);
    }
  }
  if (o.verbosity == 0) argv.push_back("-q");
  if (o.verbosity > 1) argv.push_back("-v");
  if (o.help) argv.push_back("--help");
  argv.insert(argv.end(), context.args.begin(), context.args.end());
  return argv;
}

}  // namespace

int RunPubmed(Context& context) {
  const std::string path = FetcherPath();
  if (path.empty() || ::access(path.c_str(), X_OK) != 0) {
    context.Error(
        (path.empty() ? std::string("claimcheck-pubmed") : path) +
        ": not found; 'claimcheck pubmed' runs that program, which is "
        "built and installed beside claimcheck (docs/pubmed.md)");
    return kExitInternal;
  }
  const std::vector<std::string> args = FetcherArguments(context, path);
  std::vector<char*> argv;
  for (const std::string& a : args)
    argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  std::cout.flush();
  std::fflush(nullptr);
  ::execv(path.c_str(), argv.data());
  context.Error(path + ": cannot run: " + std::strerror(errno));
  return kExitInternal;
}

}  // namespace claimcheck::cli
