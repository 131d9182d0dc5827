// `claimcheck kb check`: lint the curated knowledge base.
// Covered by tests/cli/cli_test.cc and tests/kb/kb_check_test.cc.
#include <sstream>

#include "claimcheck/kb.h"
#include "cli.h"

namespace claimcheck::cli {

namespace {

int RunKbCheck(Context& context, const std::string& format) {
  const std::string kb = context.KbDir();
  Diagnostics problems;
  CheckKnowledgeBase(kb, &problems);
  Vocabulary vocabulary;
  Diagnostics ignored;
  Vocabulary::Load(kb, &vocabulary, &ignored);
  std::string report;
  if (format == "json") {
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.SetIndent(' ', 2);
    w.StartObject();
    w.Key("kb");
    JsonString(w, kb);
    w.Key("concepts");
    w.Uint64(vocabulary.concepts().size());
    w.Key("ok");
    w.Bool(problems.empty());
    w.Key("problems");
    JsonDiagnostics(w, problems);
    w.EndObject();
    report = std::string(buffer.GetString(), buffer.GetSize()) + "\n";
  } else {
    std::ostringstream out;
    for (const Diagnostic& d : problems) out << d.ToString() << "\n";
    out << kb << ": " << vocabulary.concepts().size() << " concepts, "
        << problems.size() << (problems.size() == 1 ? " problem" : " problems")
        << "\n";
    report = out.str();
  }
  const int emitted = context.Emit(report);
  if (emitted != kExitOk) return emitted;
  return problems.empty() ? kExitOk : kExitUsage;
}

}  // namespace

int RunKb(Context& context) {
  if (context.args.empty()) return context.Usage("expects a subcommand: check");
  const std::string sub = context.args[0];
  context.command = "kb " + sub;
  if (context.args.size() > 1) {
    return context.Usage("unexpected argument " + context.args[1]);
  }
  std::string format;
  if (!context.Format({"text", "json"}, "text", &format)) return kExitUsage;
  if (sub == "check") return RunKbCheck(context, format);
  return context.Usage("no such subcommand '" + sub + "' (try: check)");
}

}  // namespace claimcheck::cli
