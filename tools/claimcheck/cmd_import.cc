// `claimcheck import FILE...`: documents (PubMed XML, .xml.gz, MEDLINE,
// articles) and the claims they make into the store, one transaction per
// file (../shared/CLI.md). Covered by tests/importers/import_cmd_test.cc.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "claimcheck/claims.h"
#include "claimcheck/concepts.h"
#include "claimcheck/importer.h"
#include "claimcheck/store.h"
#include "cli.h"
#include "import_source.h"

namespace claimcheck::cli {

namespace {

struct ImportArgs {
  std::vector<std::string> files;
  int jobs = 1;
};

bool ParseImportArgs(const Context& context, ImportArgs* args, int* exit_code) {
  for (std::size_t i = 0; i < context.args.size(); ++i) {
    const std::string& a = context.args[i];
    std::string jobs;
    if (a == "-j" || a == "--jobs") {
      if (i + 1 >= context.args.size()) {
        *exit_code = context.Usage(a + " needs a number");
        return false;
      }
      jobs = context.args[++i];
    } else if (a.rfind("--jobs=", 0) == 0) {
      jobs = a.substr(7);
    } else if (a.rfind("-j", 0) == 0 && a.size() > 2) {
      jobs = a.substr(2);
    } else if (a.size() > 1 && a[0] == '-') {
      *exit_code = context.Usage("unknown option " + a);
      return false;
    } else {
      args->files.push_back(a);
      continue;
    }
    if (!ParseJobs(jobs, &args->jobs)) {
      *exit_code =
          context.Usage("-j takes a number from 1 to 256, not '" + jobs + "'");
      return false;
    }
  }
  if (args->files.empty()) {
    *exit_code = context.Usage("no FILE to import");
    return false;
  }
  return true;
}

std::string JsonSummary(const std::vector<FileSummary>& files,
                        const Diagnostics& errors, const std::string& db) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.SetIndent(' ', 2);
  w.StartObject();
  JsonImportFields(w, files, errors, db);
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

}  // namespace

int RunImport(Context& context) {
  std::string format;
  if (!context.Format({"text", "json"}, "text", &format)) return kExitUsage;
  ImportArgs args;
  int exit_code = kExitOk;
  if (!ParseImportArgs(context, &args, &exit_code)) return exit_code;
  Loaded loaded;
  if (!LoadKb(context, /*judging=*/false, &loaded, &exit_code)) {
    return exit_code;
  }
  const ClaimExtractor& extractor = loaded.kb->extractor();
  Result<ImportStore> store = OpenImportStore(context);
  if (!store.ok()) return context.Fail(store.status());

  std::vector<FileSummary> files;
  Diagnostics errors;
  for (const std::string& file : args.files) {
    FileSummary summary;
    Status status = ImportSource(
        context, store.value().store.get(), extractor, args.jobs, file,
        [&file](const ImportOptions& options, const DocumentSink& sink,
                Diagnostics* problems) {
          return ImportFile(file, options, sink, problems);
        },
        &summary, &errors);
    if (!status.ok()) {
      // The store refused a write: this file is rolled back, the files
      // before it stay; going on would only fail again.
      return context.Fail(status);
    }
    files.push_back(std::move(summary));
  }
  Result<std::string> shown =
      KeepOrRemoveStore(&store.value(), NothingImported(files));
  if (!shown.ok()) return context.Fail(shown.status());
  ReportErrors(context, errors);
  const std::string out = format == "json"
                              ? JsonSummary(files, errors, shown.value())
                              : TextSummary(files, shown.value());
  const int emitted = context.Emit(out);
  if (emitted != kExitOk) return emitted;
  return errors.empty() ? kExitOk : kExitUsage;
}

}  // namespace claimcheck::cli
