// claimcheck: a thin dispatcher over the command table. Global options may
// stand before or after the command; each command parses its own arguments.
// Covered by tests/cli/cli_test.cc.
#include <cstring>
#include <iostream>

#include "cli.h"
#include "help_formats.h"
#include "pubmed_help.h"

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
    "3 internal error.\n"
    "\n"
    "Snapshots of the knowledge base, which make later starts faster, are\n"
    "kept in $CLAIMCHECK_CACHE_DIR (set and empty: none), else\n"
    "$XDG_CACHE_HOME/claimcheck, else ~/.cache/claimcheck.\n";

constexpr const char* kConceptsHelp =
    "Usage: claimcheck concepts FILE [--format text|json]\n"
    "       claimcheck concepts --find TEXT [--format text|json]\n"
    "\n"
    "Finds the concepts (interventions, mechanisms, outcomes) a document\n"
    "mentions. FILE is an article (plain text, Markdown or a saved web\n"
    "page) or a PubMed/MEDLINE record; '-' reads standard input.\n"
    "Offsets are bytes into the document's normalised (NFC) text.\n"
    "\n"
    "With --find, shows what the vocabulary (MeSH, the curated concepts and\n"
    "the consumer aliases) knows of TEXT: the concept it is read as, how,\n"
    "every concept that has it as a name (id, kind, scope, MeSH UI,\n"
    "parents, names), and near misses (\"did you mean\"). Exit 1 when TEXT\n"
    "names no concept.\n"
    "\n"
    "Options:\n"
    "  --format FMT   text (default) or json\n";

constexpr const char* kExtractHelp =
    "Usage: claimcheck extract FILE [--format text|json]\n"
    "\n"
    "Reads a document and lists the claims it makes, normalised (subject,\n"
    "relation, object, qualifiers) with how each is said: hedging (hedged,\n"
    "plain, assertive), negation and attribution (none, unnamed, cited).\n"
    "No verdicts. FILE is an article (plain text, Markdown or a saved web\n"
    "page) or a PubMed/MEDLINE record, its format read from its content and\n"
    "name; '-' reads standard input. The document comes first: title,\n"
    "authors, date, URL and the studies it cites (PubMed, PMC and DOI links\n"
    "and identifiers, \"Abbasi et al., 2012\"). Claims next to a citation\n"
    "are attributed \"cited\". The rules are in docs/claims.md.\n"
    "\n"
    "Options:\n"
    "  --format FMT   text (default; one claim a line) or json\n";

constexpr const char* kKbHelp =
    "Usage: claimcheck kb check [--format text|json]\n"
    "       claimcheck kb stats [--format text|json]\n"
    "       claimcheck kb coverage [--format text|json]\n"
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
    "kb coverage  what the curated knowledge base can answer: each\n"
    "           intervention with its curated claims, the verdict and\n"
    "           certainty of each on the curated evidence alone and how many\n"
    "           studies speak to it; the reference values; and what the\n"
    "           vocabulary covers besides (claims on it are answered from an\n"
    "           imported store, or said to be outside the knowledge base).\n"
    "\n"
    "Options:\n"
    "  --format FMT   text (default) or json\n";

constexpr const char* kQueryHelp =
    "Usage: claimcheck query \"CLAIM\" [--format text|json] [--fail-on V]\n"
    "       claimcheck query --subject ID --relation R [--object ID]\n"
    "                        [--kind KIND] [--format text|json] [--fail-on V]\n"
    "\n"
    "Judges one claim against the curated knowledge base (--kb) and the\n"
    "store of imported evidence (--db, $CLAIMCHECK_DB, or the default store\n"
    "when it exists; none is needed). The claim is free text, questions\n"
    "included (\"does magnesium help restless legs?\"), or given by concept\n"
    "ids. Prints the verdict (supported, contested, refuted, unsourced), its\n"
    "GRADE certainty, every source with its design, stance and directness,\n"
    "mechanism chains, and the reasons. The rules: docs/verdicts.md.\n"
    "\n"
    "Options:\n"
    "  --format FMT     text (default) or json\n"
    "  --kind KIND      with ids: effect (default), mechanism, dose, ...\n"
    "  --fail-on LIST   exit 1 when the verdict is one of LIST (comma-\n"
    "                   separated: refuted, contested, unsourced)\n";

constexpr const char* kAuditHelp =
    "Usage: claimcheck audit FILE [--format text|md|json|html] [--fail-on V]\n"
    "\n"
    "Audits an article: every claim it makes, how it says it (hedging,\n"
    "attribution), the verdict and certainty with the best evidence, and\n"
    "flags for what is wrong with how it is said: overstated,\n"
    "unnamed_studies, wrong_form, above_upper_limit, compound_vs_elemental,\n"
    "mechanism_only, misattributed. Then the article as a whole: claims per\n"
    "verdict, a score (formula in docs/audit.md) and the rubric items a\n"
    "machine can check (author, date, sources, harms, benefits quantified,\n"
    "uncertainty, disclosure, alternatives, advice to see a professional,\n"
    "product promotion). FILE is plain text, Markdown or a saved web page;\n"
    "'-' reads standard input. Verdicts come from the curated knowledge base\n"
    "(--kb) and the store (--db), as for query.\n"
    "\n"
    "Options:\n"
    "  --format FMT     text (default; colour on a terminal), md, json, or\n"
    "                   html (one self-contained file: the article with each\n"
    "                   claim highlighted, evidence on hover or click)\n"
    "  --fail-on LIST   exit 1 when any claim's verdict is in LIST (comma-\n"
    "                   separated: refuted, contested, unsourced)\n";

constexpr const char* kSummaryHelp =
    "Usage: claimcheck summary CONCEPT [--format md|html|json|dot|svg]\n"
    "\n"
    "An Examine/Cochrane-style evidence summary of one concept (an id such\n"
    "as magnesium, or a label or synonym: \"magnesium citrate\"): every claim\n"
    "the claim graph makes about it or its narrower forms, judged as query\n"
    "judges it. Tables of outcomes and mechanisms with the verdict, the GRADE\n"
    "certainty, the number of weighed studies and their participants and the\n"
    "key citations; a plain-language sentence per claim in GRADE's wording\n"
    "(\"probably reduces\", \"may reduce\", \"the evidence is very\n"
    "uncertain\"); the mechanism chains; the other claims (dose, comparison,\n"
    "safety); the numbered references. Reads the curated knowledge base\n"
    "(--kb) and the store (--db), as query does. docs/reports.md.\n"
    "\n"
    "Options:\n"
    "  --format FMT   md (default; CommonMark with GFM tables), html (one\n"
    "                 self-contained file, no script; with a picture of the\n"
    "                 graph when Graphviz's dot is installed), json, dot (the\n"
    "                 summary's graph), svg (needs dot; exit 2 without it)\n";

constexpr const char* kGraphHelp =
    "Usage: claimcheck graph [CONCEPT] [--format dot|svg|graphml|json]\n"
    "\n"
    "The claim graph: concepts as nodes, one edge per claim (subject,\n"
    "relation, object) made by the curated knowledge base or by documents in\n"
    "the store, each judged as query judges it. Edges are coloured by\n"
    "verdict (green supported, amber contested, red refuted, purple dashed\n"
    "unsourced) and drawn thicker the more certain the evidence. With\n"
    "CONCEPT, only the concept, its is-a relatives (broader and narrower) and\n"
    "their neighbours. Claims without an object (doses) are not drawn.\n"
    "\n"
    "Options:\n"
    "  --format FMT   dot (default; Graphviz), svg (runs Graphviz's dot; exit\n"
    "                 2 when it is not installed), graphml (for Gephi,\n"
    "                 Cytoscape, yEd), json ({focus, concepts, edges})\n";

constexpr const char* kImportHelp =
    "Usage: claimcheck import FILE... [--format text|json] [-j N]\n"
    "\n"
    "Adds documents and the claims they make to the store (--db PATH, else\n"
    "$CLAIMCHECK_DB, else $XDG_DATA_HOME/claimcheck/store.db or\n"
    "~/.local/share/claimcheck/store.db, created when missing). FILE is\n"
    "PubMed XML (efetch, \"Save as XML\", baseline files), the same gzipped\n"
    "(.xml.gz, read without unpacking), MEDLINE text or .nbib, or an article\n"
    "(text, Markdown, HTML); '-' reads standard input. Large files stream:\n"
    "memory does not grow with the file. Each file is one transaction;\n"
    "importing a PMID again replaces it, unless the stored record is a newer\n"
    "revision. A damaged record is reported with its file, byte offset, line\n"
    "and PMID, and the rest is imported; the exit code is then 2.\n"
    "\n"
    "Options:\n"
    "  --format FMT   text (default; one line a file) or json\n"
    "                 ({documents: [{id, design, title, claims}], claims,\n"
    "                 errors: [{file, where, message}]})\n"
    "  -j N           extract claims on N threads (default: 1)\n";

constexpr const char* kHelpHelp =
    "Usage: claimcheck help [COMMAND]\n"
    "       claimcheck help --man\n"
    "       claimcheck help --bash-completion\n"
    "\n"
    "Lists the commands, or shows one command's usage. --man prints this\n"
    "help as a man page (claimcheck.1), --bash-completion a bash completion\n"
    "script; both are made from the same text and installed with the\n"
    "command.\n";

}  // namespace

const std::vector<Command>& Commands() {
  static const std::vector<Command> commands = {
      {"concepts", "list the concepts a document mentions", kConceptsHelp,
       RunConcepts, true},
      {"extract", "list the claims a document makes", kExtractHelp, RunExtract},
      {"kb", "check the curated knowledge base or count what it holds", kKbHelp,
       RunKb},
      {"query", "judge one claim: verdict, certainty, evidence, reasons",
       kQueryHelp, RunQuery, true},
      {"audit", "audit an article: every claim with its verdict and flags",
       kAuditHelp, RunAudit, true},
      {"summary", "evidence summary of a concept: outcomes, chains, references",
       kSummaryHelp, RunSummary, true},
      {"graph", "the claim graph with verdicts: DOT, SVG, GraphML, JSON",
       kGraphHelp, RunGraph, true},
      {"import", "add PubMed/MEDLINE records or articles to the store",
       kImportHelp, RunImport},
      {"pubmed", kPubmedSummary, kPubmedHelp, RunPubmed},
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
  if (context.args[0] == "--man") {
    std::cout << ManPage(Commands(), kGlobalHelp, CLAIMCHECK_VERSION);
    return kExitOk;
  }
  if (context.args[0] == "--bash-completion") {
    std::cout << BashCompletion(Commands(), kGlobalHelp);
    return kExitOk;
  }
  const Command* command = FindCommand(context.args[0]);
  if (command == nullptr) {
    return context.Usage("no such command '" + context.args[0] + "'");
  }
  std::cout << command->help;
  return kExitOk;
}

int Main(int argc, char** argv) {
  Context context;
  context.err = &std::cerr;
  context.end_process = true;
  CommandLine line;
  int exit_code = kExitOk;
  if (!ParseCommandLine(argc, argv, /*fixed_command=*/false, &context, &line,
                        &exit_code)) {
    return exit_code;
  }
  const bool version = line.version;
  const std::string& command_name = line.command;
  if (version) {
    std::cout << "claimcheck " << CLAIMCHECK_VERSION << "\n"
              << "vocabulary: MeSH " << CLAIMCHECK_MESH_YEAR
              << " (U.S. National Library of Medicine; not the most current "
                 "edition, modified: kb/mesh/NOTICE.md)\n";
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
  return claimcheck::cli::GuardedMain("claimcheck", claimcheck::cli::Main, argc,
                                      argv);
}
