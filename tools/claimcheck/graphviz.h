// Graphviz's `dot` as a filter: DOT in, SVG out, for `--format svg` and the
// picture of an HTML summary. Covered by tests/report/summary_cli_test.cc
// and tests/cli/cli_test.sh.
#ifndef CLAIMCHECK_TOOLS_CLAIMCHECK_GRAPHVIZ_H_
#define CLAIMCHECK_TOOLS_CLAIMCHECK_GRAPHVIZ_H_

#include <string>

#include "claimcheck/status.h"

namespace claimcheck::cli {

// Runs `dot -Tsvg`, found on PATH by posix_spawnp (never through a shell),
// with `dot_source` piped to its standard input, and returns what it writes
// to its standard output. NotSupported, saying how to install it, when there
// is no `dot` on PATH; Internal with dot's own message when it fails or is
// killed; IOError when a pipe cannot be made or read. SIGPIPE is ignored
// while it runs (a dot that dies early gives an error, not a signal).
Result<std::string> DotToSvg(const std::string& dot_source);

}  // namespace claimcheck::cli

#endif  // CLAIMCHECK_TOOLS_CLAIMCHECK_GRAPHVIZ_H_
