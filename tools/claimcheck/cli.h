// Shared plumbing of the claimcheck command: global options, the command
// table, output to stdout or -o FILE, JSON writing, diagnostics on stderr.
#ifndef CLAIMCHECK_TOOLS_CLAIMCHECK_CLI_H_
#define CLAIMCHECK_TOOLS_CLAIMCHECK_CLI_H_

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "claimcheck/diagnostic.h"
#include "claimcheck/status.h"

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
};

// The command table (defined in main.cc).
const std::vector<Command>& Commands();
const Command* FindCommand(std::string_view name);

int RunConcepts(Context& context);
int RunKb(Context& context);

}  // namespace claimcheck::cli

#endif  // CLAIMCHECK_TOOLS_CLAIMCHECK_CLI_H_
