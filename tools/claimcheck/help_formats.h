// The help text in two more forms, made from the same strings `claimcheck
// help` prints (docs/conventions.md): a man page and a bash completion
// script. Covered by tests/cli/cli_test.sh (help_man, completion cases).
#ifndef CLAIMCHECK_TOOLS_CLAIMCHECK_HELP_FORMATS_H_
#define CLAIMCHECK_TOOLS_CLAIMCHECK_HELP_FORMATS_H_

#include <string>
#include <string_view>
#include <vector>

#include "cli.h"

namespace claimcheck::cli {

// claimcheck(1) in man(7) macros: NAME, SYNOPSIS, DESCRIPTION (the global
// help), one subsection per command with its help verbatim, EXIT STATUS,
// ENVIRONMENT, SEE ALSO. The same bytes for the same help and `version`.
std::string ManPage(const std::vector<Command>& commands,
                    std::string_view global_help, std::string_view version);

// A bash script defining _claimcheck and `complete`-ing claimcheck with it:
// commands, global options, each command's options and subcommands, the
// values of --format each command allows, directories after --kb, files
// after --db and -o and in place of FILE.
std::string BashCompletion(const std::vector<Command>& commands,
                           std::string_view global_help);

}  // namespace claimcheck::cli

#endif  // CLAIMCHECK_TOOLS_CLAIMCHECK_HELP_FORMATS_H_
