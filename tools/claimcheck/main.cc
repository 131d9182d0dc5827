// claimcheck: a thin dispatcher over the command table. Global options may
// stand before or after the command; each command parses its own arguments.
// Covered by tests/cli/cli_test.cc.
#include <cstring>
#include <exception>
#include <iostream>

#include "cli.h"

namespace claimcheck::cli {

namespace {

int RunHelp(Context& context);

constexpr const char* kGlobalHelp =
    "Usage: claimcheck [global options] <command> [options] [args]\n"
    "\n"
    "Checks health and wellness claims against curated and imported "
    "evidence.\n"
    "\n"
    "Global options:\n"
    "  --kb DIR       curated knowledge base (default: $CLAIMCHECK_KB, else "
    "the\n"
    "                 repository's kb/ from a build tree, else the installed "
    "one)\n"
    "  --db PATH      store of imported evidence (default: $CLAIMCHECK_DB)\n"
    "  --format FMT   output format, as the command allows (default: text)\n"
    "  -o FILE        write the result to FILE instead of stdout\n"
    "  -q, --quiet    no warnings on stderr;  -v  more on stderr\n"
    "  --help         this text, or a command's own with a command\n"
    "  --version      the version\n"
    "\n"
    "Exit codes: 0 success, 1 --fail-on matched, 2 bad usage or bad input,\n"
    "3 internal error.\n";

constexpr const char* kConceptsHelp =
    "Usage: claimcheck concepts FILE [--format text|json]\n"
    "\n"
    "Finds the concepts (interventions, mechanisms, outcomes) a document\n"
    "mentions. FILE is a text document; '-' reads standard input.\n"
    "Offsets are bytes into the document's normalised (NFC) text.\n"
    "\n"
    "Options:\n"
    "  --format FMT   text (default) or json\n";

constexpr const char* kExtractHelp =
    "Usage: claimcheck extract FILE [--format text|json]\n"
    "\n"
    "Reads a document and lists the claims it makes, normalised (subject,\n"
    "relation, object, qualifiers) with how each is said: hedging (hedged,\n"
    "plain, assertive), negation and attribution (none, unnamed, cited).\n"
    "No verdicts. FILE is a text document; '-' reads standard input.\n"
    "The rules are in docs/claims.md.\n"
    "\n"
    "Options:\n"
    "  --format FMT   text (default; one claim a line) or json\n";

constexpr const char* kKbHelp =
    "Usage: claimcheck kb check [--format text|json]\n"
    "       claimcheck kb stats [--format text|json]\n"
    "\n"
    "kb check   validates the curated knowledge base (--kb DIR): JSON syntax\n"
    "           with line and column; the vocabulary (fields, ids, is_a\n"
    "           parents and cycles, synonyms claimed by two concepts); and\n"
    "           claims.json, studies.json, reference_values.json (concept,\n"
    "           claim and study ids, designs, stances, PMIDs, DOIs, duplicate\n"
    "           studies, contradictory stances). Lists every problem and\n"
    "           exits 2 when there is any (kb/FORMAT.md).\n"
    "kb stats   loads the knowledge base and counts what it holds: concepts\n"
    "           per kind, claims per kind, studies per design and retracted,\n"
    "           evidence entries per stance and per directness, studies per\n"
    "           claim (min, max, claims without any), reference values per\n"
    "           kind. Text leaves out zero counts; json lists every word.\n"
    "           A knowledge base that does not load is reported, exit 2.\n"
    "\n"
    "Options:\n"
    "  --format FMT   text (default) or json\n";

constexpr const char* kHelpHelp =
    "Usage: claimcheck help [COMMAND]\n"
    "\n"
    "Lists the commands, or shows one command's usage.\n";

}  // namespace

const std::vector<Command>& Commands() {
  static const std::vector<Command> commands = {
      {"concepts", "list the concepts a document mentions", kConceptsHelp,
       RunConcepts},
      {"extract", "list the claims a document makes", kExtractHelp, RunExtract},
      {"kb", "check the curated knowledge base or count what it holds", kKbHelp,
       RunKb},
      {"help", "show help for claimcheck or a command", kHelpHelp, RunHelp},
  };
  return commands;
}

namespace {

void PrintOverview(std::ostream& out) {
  out << kGlobalHelp << "\nCommands:\n";
  for (const Command& c : Commands()) {
    out << "  " << c.name << std::string(12 - std::strlen(c.name), ' ')
        << c.summary << "\n";
  }
  out << "\nRun 'claimcheck help <command>' for a command's options.\n";
}

int RunHelp(Context& context) {
  if (context.args.empty()) {
    PrintOverview(std::cout);
    return kExitOk;
  }
  const Command* command = FindCommand(context.args[0]);
  if (command == nullptr) {
    return context.Usage("no such command '" + context.args[0] + "'");
  }
  std::cout << command->help;
  return kExitOk;
}

// Takes the value of an option that needs one; false at the end of argv.
bool TakeValue(int argc, char** argv, int* i, std::string* value) {
  if (*i + 1 >= argc) return false;
  *value = argv[++*i];
  return true;
}

int Main(int argc, char** argv) {
  Context context;
  context.err = &std::cerr;
  bool version = false;
  bool options_done = false;
  std::string command_name;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (!options_done && arg.size() > 1 && arg[0] == '-') {
      std::string* value = nullptr;
      if (arg == "--") {
        options_done = true;
        continue;
      } else if (arg == "--kb") {
        value = &context.options.kb;
      } else if (arg == "--db") {
        value = &context.options.db;
      } else if (arg == "--format") {
        value = &context.options.format;
      } else if (arg == "-o" || arg == "--output") {
        value = &context.options.output;
      } else if (arg == "-q" || arg == "--quiet") {
        context.options.verbosity = 0;
        continue;
      } else if (arg == "-v" || arg == "--verbose") {
        context.options.verbosity = 2;
        continue;
      } else if (arg == "--help" || arg == "-h") {
        context.options.help = true;
        continue;
      } else if (arg == "--version") {
        version = true;
        continue;
      } else if (arg.rfind("--", 0) == 0 &&
                 arg.find('=') != std::string::npos) {
        // --format=json is --format json.
        const std::string name = arg.substr(0, arg.find('='));
        if (name == "--kb" || name == "--db" || name == "--format" ||
            name == "--output") {
          std::string& target = name == "--kb"       ? context.options.kb
                                : name == "--db"     ? context.options.db
                                : name == "--format" ? context.options.format
                                                     : context.options.output;
          target = arg.substr(arg.find('=') + 1);
          continue;
        }
      }
      if (value != nullptr) {
        if (!TakeValue(argc, argv, &i, value)) {
          context.command = command_name.empty() ? "" : command_name;
          std::cerr << "claimcheck: " << arg << " needs a value\n";
          return kExitUsage;
        }
        continue;
      }
      if (command_name.empty()) {
        std::cerr << "claimcheck: unknown option " << arg
                  << "\nRun 'claimcheck help' for usage.\n";
        return kExitUsage;
      }
      context.args.push_back(arg);  // the command's own option
      continue;
    }
    if (command_name.empty()) {
      command_name = arg;
    } else {
      context.args.push_back(arg);
    }
  }
  if (version) {
    std::cout << "claimcheck " << CLAIMCHECK_VERSION << "\n";
    return kExitOk;
  }
  if (command_name.empty()) {
    PrintOverview(context.options.help ? std::cout : std::cerr);
    return context.options.help ? kExitOk : kExitUsage;
  }
  const Command* command = FindCommand(command_name);
  if (command == nullptr) {
    std::cerr << "claimcheck: no such command '" << command_name
              << "'\nRun 'claimcheck help' for the list of commands.\n";
    return kExitUsage;
  }
  context.command = command->name;
  if (context.options.help) {
    std::cout << command->help;
    return kExitOk;
  }
  return command->run(context);
}

}  // namespace

}  // namespace claimcheck::cli

int main(int argc, char** argv) {
  try {
    return claimcheck::cli::Main(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "claimcheck: internal error: " << e.what() << "\n";
  } catch (...) {
    std::cerr << "claimcheck: internal error\n";
  }
  return claimcheck::cli::kExitInternal;
}
