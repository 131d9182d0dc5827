// Shared plumbing of the claimcheck command: global options, the command
// table, output to stdout or -o FILE, JSON writing, diagnostics on stderr.
#ifndef CLAIMCHECK_TOOLS_CLAIMCHECK_CLI_H_
#define CLAIMCHECK_TOOLS_CLAIMCHECK_CLI_H_

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "claimcheck/concepts.h"
#include "claimcheck/diagnostic.h"
#include "claimcheck/importer.h"
#include "claimcheck/kb_snapshot.h"
#include "claimcheck/knowledge.h"
#include "claimcheck/knowledge_base.h"
#include "claimcheck/pipeline.h"
#include "claimcheck/report.h"
#include "claimcheck/status.h"
#include "claimcheck/store.h"
#include "claimcheck/text.h"
#include "claimcheck/verdict.h"

namespace claimcheck {
struct Claim;
}  // namespace claimcheck

namespace claimcheck::cli {

// Exit codes from CLI.md.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailOn = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitInternal = 3;

struct GlobalOptions {
  std::string kb;      // --kb DIR; empty: see ResolveKbDir
  std::string db;      // --db PATH
  std::string format;  // --format FMT; empty: the command's default
  std::string output;  // -o FILE; empty: stdout
  int verbosity = 1;   // 0 with -q, 2 with -v
  bool help = false;   // --help after the command
};

// Everything a command needs: options, its own arguments, where to write.
struct Context {
  std::string command;  // "concepts", "kb check", …
  GlobalOptions options;
  std::vector<std::string> args;  // arguments after the command name
  std::ostream* err = nullptr;

  // The knowledge base directory: --kb, else $CLAIMCHECK_KB, else the
  // repository's kb/ when this binary runs from a build tree, else the
  // installed data directory.
  std::string KbDir() const;
  // The store: --db, else $CLAIMCHECK_DB, else the default file
  // $XDG_DATA_HOME/claimcheck/store.db or ~/.local/share/claimcheck/store.db
  // (*is_default set). Empty when none is given and HOME is not set.
  std::string StorePath(bool* is_default) const;

  // "claimcheck <command>: <message>" on stderr (unless -q for warnings).
  void Error(std::string_view message) const;
  void Warn(std::string_view message) const;
  void Warn(const Diagnostic& d) const { Warn(d.ToString()); }
  // Reports a failed status and returns its exit code.
  int Fail(const Status& status) const;
  // Bad usage: message plus a pointer to `claimcheck help <command>`.
  int Usage(std::string_view message) const;

  // The output format: --format or `fallback`; Usage() error when it is not
  // among `allowed` (returns false).
  bool Format(const std::vector<std::string>& allowed,
              const std::string& fallback, std::string* format) const;

  // Writes `data` to -o FILE (atomically, through a temporary file and a
  // rename) or to stdout. Returns the exit code.
  int Emit(const std::string& data) const;

  // Set by the claimcheck binary's main: the process ends with the command.
  bool end_process = false;

  // A judging command's last word, once its output is written: with
  // end_process, flushes the standard streams and ends the process with
  // `exit_code` here, without taking apart what the command built (the
  // kernel takes back a one-shot process's memory at once; the store was
  // opened read-only and has nothing to write). Sanitizer builds return
  // instead, so that the leak checker still runs. Otherwise returns
  // `exit_code`.
  int Finish(int exit_code) const;
};

using JsonWriter = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

// Writes a std::string_view as a JSON string.
inline void JsonString(JsonWriter& w, std::string_view s) {
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

// Shared by every command that lists diagnostics in JSON:
// [{"file", "where", "message"}].
void JsonDiagnostics(JsonWriter& w, const Diagnostics& diagnostics);

struct Command {
  const char* name;
  const char* summary;
  const char* help;  // full usage text, options with their defaults
  int (*run)(Context& context);
  // Calls PrepareToJudge: the program's code is mapped before the static
  // initialisers when an argument names such a command (cli.cc).
  bool judges = false;
};

// The body of a claimcheck program's main(): runs `run`, and turns anything
// a third party throws into "PROGRAM: internal error[: what]" on stderr and
// kExitInternal (STYLE.md: main catches what others throw).
int GuardedMain(const char* program, int (*run)(int, char**), int argc,
                char** argv);

// Called first by a command that judges (query, audit, summary, graph) or
// loads the whole vocabulary to look at it (concepts): has
// the kernel map the program's code and a heap for what loading and judging
// will allocate (in huge pages where the system has them) in a few calls
// instead of hundreds of page faults (cli.cc says why). Changes no output.
void PrepareToJudge(const Context& context);

// What a command loads (docs/pipeline.md, "One loaded knowledge base"):
// the knowledge base of KbDir() and the store to read (StoreToRead; null
// when there is none), whose harvested substances have joined the kb's
// vocabulary (docs/vocabulary.md, "Harvested concepts").
struct Loaded {
  std::unique_ptr<KnowledgeBase> kb;
  std::unique_ptr<Store> store;  // null: the curated knowledge alone
};
// Loads what `context` names into `out`. A command that judges passes
// `judging`: the curated evidence must have loaded and the store must
// open, each reported otherwise; without it a store that cannot be read is
// passed over. On failure reports and returns false with the exit code in
// *exit_code.
bool LoadKb(const Context& context, bool judging, Loaded* out, int* exit_code);

// --fail-on LIST: "refuted,contested,unsourced" in any combination.
bool ParseFailOn(const Context& context, const std::string& list,
                 std::vector<VerdictWord>* out, int* exit_code);

// Colour for `format` text written to a terminal, unless NO_COLOR is set.
bool UseColour(const Context& context, const std::string& format);

// The one FILE argument of a command; Usage() error otherwise.
bool OneFileArgument(const Context& context, std::string* file, int* exit_code);

// The CONCEPT arguments of summary and graph: every argument; Usage()
// error for one that looks like an option.
bool ConceptArguments(const Context& context, std::vector<std::string>* names,
                      int* exit_code);
// The concept `name` means: an id, else (ignoring case, with spaces and
// hyphens read as underscores) an id, a label or a synonym of exactly one
// concept. Otherwise an error naming it, with the ids that contain it as
// suggestions, and exit code 2.
bool ResolveConcept(const Context& context, const Vocabulary& vocabulary,
                    const std::string& name, std::string* id, int* exit_code);

// What a command on one document needs: its FILE argument, the vocabulary,
// the bytes, the document as its importer read it and its text.
struct DocumentInput {
  std::string file;
  std::string bytes;
  Loaded loaded;  // LoadKb's
  const Vocabulary& vocabulary() const { return loaded.kb->vocabulary(); }
  Text text;
  Diagnostics warnings;
  InputFormat format = InputFormat::kUnknown;
  ImportedDocument imported;  // metadata, parts, links (text moved out)
  // From BuildDocumentText: per-sentence context for the extractor, and the
  // citations placed in `text`.
  std::vector<SentenceContext> context;
  std::vector<Citation> citations;
  std::vector<std::size_t> citation_sentences;
};
// Reads FILE ('-': stdin) through the importers (ImportBytes: text,
// Markdown, HTML, PubMed XML, MEDLINE; the format from content and
// extension) and BuildDocumentText. Warnings go to stderr and `warnings`.
// An unknown or binary file, an unreadable one and an empty document are
// errors (exit 2) naming the file; a file holding several documents (a
// PubMed set) gives its first, with a warning.
bool LoadDocument(const Context& context, const std::string& file,
                  DocumentInput* input, int* exit_code);
// Moves a document the pipeline read (ReadDocumentBytes; pipeline.h) and
// its bytes into `input`, as LoadDocument leaves it.
void TakeDocument(std::string bytes, ReadDocument&& document,
                  DocumentInput* input);
// OneFileArgument, LoadKb (not judging) and LoadDocument in turn.
bool ReadDocumentInput(const Context& context, DocumentInput* input,
                       int* exit_code);

// What ParseCommandLine found besides the options.
struct CommandLine {
  std::string command;   // the command's name; empty when none was given
  bool version = false;  // --version
};
// Reads argv as claimcheck does: the global options (GlobalOptions,
// --version; "--opt=value" too) wherever they stand before a "--"; the
// first other word is the command's name, unless `fixed_command` (a program
// of one command, such as claimcheck-pubmed); every other word, and every
// option after the command's name that is not global, goes to
// context->args in order. An unknown option before the command's name (when
// there can be one) or a global option without its value is reported on
// stderr: false, with the exit code in *exit_code.
bool ParseCommandLine(int argc, char** argv, bool fixed_command,
                      Context* context, CommandLine* line, int* exit_code);

// The command table (defined in main.cc).
const std::vector<Command>& Commands();
const Command* FindCommand(std::string_view name);

int RunSummary(Context& context);  // cmd_summary.cc
int RunGraph(Context& context);    // cmd_graph.cc

int RunConcepts(Context& context);
int RunExtract(Context& context);

// One claim's `extract` fields inside an open JSON object, and its one-line
// text form; shared by extract, audit and query.
void JsonClaimFields(JsonWriter& w, const Text& text, const Claim& claim);
std::string ClaimLine(const Text& text, const Claim& claim);
int RunKb(Context& context);
// `kb coverage` (cmd_kb_coverage.cc), `format` already checked.
int RunKbCoverage(Context& context, const std::string& format);
int RunImport(Context& context);
// `claimcheck pubmed`: runs claimcheck-pubmed (cmd_pubmed.cc), which runs
// RunPubmedFetch (cmd_pubmed_fetch.cc).
int RunPubmed(Context& context);
int RunPubmedFetch(Context& context);
int RunQuery(Context& context);
int RunAudit(Context& context);

// JSON shared by query and audit: one piece of evidence, and a judgement's
// verdict, certainty, plausible_mechanism, (the engine's flags when
// `with_flags`), evidence, chains and reasons inside an open object.
void JsonEvidence(JsonWriter& w, const Evidence& e);
void JsonJudgementFields(JsonWriter& w, const Judgement& j, bool with_flags);
// A citation's pmid, doi, pmcid, url, text (those given), start/end and
// sentence (unless DocumentText::kNoSentence) inside an open object.
void JsonCitationFields(JsonWriter& w, const Citation& c, std::size_t sentence);
// The `document` object of extract and audit.
void JsonDocument(JsonWriter& w, const DocumentInput& in,
                  const Concept* main_subject);

}  // namespace claimcheck::cli

#endif  // CLAIMCHECK_TOOLS_CLAIMCHECK_CLI_H_
