// `claimcheck pubmed QUERY`, as claimcheck-pubmed runs it: FetchPubmed
// (include/claimcheck/eutils.h) with a sink that imports each efetch batch
// through the import command's own path (import_source.h), one transaction
// a batch; progress on stderr; import's summary (docs/pubmed.md). Covered
// by tests/eutils/pubmed_cli_test.cc.
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "claimcheck/eutils.h"
#include "claimcheck/importer.h"
#include "claimcheck/store.h"
#include "cli.h"
#include "import_source.h"

namespace claimcheck::cli {

namespace {

struct PubmedArgs {
  std::string query;
  std::uint64_t max = kEsearchMaxIds;
  std::size_t batch = 200;
  bool restart = false;
  int jobs = 1;
};

// A whole number from `low` to `high`.
bool ParseBounded(const std::string& value, unsigned long long low,
                  unsigned long long high, unsigned long long* out) {
  if (value.empty() || value.size() > 12 ||
      value.find_first_not_of("0123456789") != std::string::npos) {
    return false;
  }
  const unsigned long long v = std::strtoull(value.c_str(), nullptr, 10);
  if (v < low || v > high) return false;
  *out = v;
  return true;
}

// `--name VALUE` or `--name=VALUE` at args[*i]: true when it is one (the
// value in *value, *i past it); *missing when the value is not there.
bool TakeOption(const std::vector<std::string>& args, std::size_t* i,
                const std::string& name, std::string* value, bool* missing) {
  const std::string& a = args[*i];
  if (a.rfind(name + "=", 0) == 0) {
    *value = a.substr(name.size() + 1);
    return true;
  }
  if (a != name) return false;
  if (*i + 1 >= args.size()) {
    *missing = true;
    return true;
  }
  *value = args[++*i];
  return true;
}

// "-j4": true with "4" in *value.
bool GluedJobs(const std::string& arg, std::string* value) {
  if (arg.size() <= 2 || arg.rfind("-j", 0) != 0 || arg[2] == '=') {
    return false;
  }
  *value = arg.substr(2);
  return true;
}

bool ParsePubmedArgs(const Context& context, PubmedArgs* args, int* exit_code) {
  const std::vector<std::string>& a = context.args;
  for (std::size_t i = 0; i < a.size(); ++i) {
    std::string value;
    bool missing = false;
    unsigned long long n = 0;
    const auto bad = [&](const std::string& message) {
      *exit_code = context.Usage(message);
      return false;
    };
    if (TakeOption(a, &i, "--max", &value, &missing)) {
      if (missing || !ParseBounded(value, 1, kEsearchMaxIds, &n)) {
        return bad("--max takes a number from 1 to 10000, not '" + value + "'");
      }
      args->max = n;
    } else if (TakeOption(a, &i, "--batch", &value, &missing)) {
      if (missing || !ParseBounded(value, 1, 10000, &n)) {
        return bad("--batch takes a number from 1 to 10000, not '" + value +
                   "'");
      }
      args->batch = static_cast<std::size_t>(n);
    } else if (TakeOption(a, &i, "--jobs", &value, &missing) ||
               TakeOption(a, &i, "-j", &value, &missing) ||
               GluedJobs(a[i], &value)) {
      if (missing || !ParseJobs(value, &args->jobs)) {
        return bad("-j takes a number from 1 to 256, not '" + value + "'");
      }
    } else if (a[i] == "--restart") {
      args->restart = true;
    } else if (a[i].size() > 1 && a[i][0] == '-') {
      return bad("unknown option " + a[i]);
    } else {
      args->query += (args->query.empty() ? "" : " ") + a[i];
    }
  }
  if (args->query.find_first_not_of(" \t\r\n") == std::string::npos) {
    *exit_code = context.Usage("no QUERY to search PubMed for");
    return false;
  }
  return true;
}

// The E-utilities' address and identity from the environment; an address
// that is not http(s) is a usage error.
bool ClientOptions(const Context& context, EutilsOptions* options,
                   int* exit_code) {
  *options = EutilsOptionsFromEnvironment();
  const std::string& url = options->base_url;
  if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0) {
    *exit_code = context.Usage("CLAIMCHECK_EUTILS_URL: '" + url +
                               "' is not an http:// or https:// URL");
    return false;
  }
  options->on_retry = [&context](const std::string& note) {
    context.Warn(note);
  };
  return true;
}

// Progress on stderr, one line an event (docs/pubmed.md, "Progress").
void Say(const Context& context, const std::string& line) {
  if (context.options.verbosity > 0) {
    *context.err << "claimcheck pubmed: " << line << "\n";
  }
}

void SayPlan(const Context& context, const PubmedArgs& args,
             const std::string& state_path, const PubmedFetchSummary& s) {
  if (s.resumed) {
    Say(context, "resuming \"" + args.query +
                     "\": " + std::to_string(s.skipped) + " of " +
                     std::to_string(s.pmids) +
                     " records are in the store already (" + state_path + ")");
    return;
  }
  std::string line = "esearch: " + std::to_string(s.count) + " records for \"" +
                     args.query + "\"";
  if (s.pmids < s.count) line += ", fetching " + std::to_string(s.pmids);
  Say(context, line);
}

// Adds what one batch imported to the run's summary.
void Merge(FileSummary&& batch, FileSummary* all) {
  for (DocumentLine& d : batch.documents) {
    all->documents.push_back(std::move(d));
  }
  all->claims += batch.claims;
  all->errors += batch.errors;
  all->not_stored += batch.not_stored;
}

std::string JsonOut(const PubmedArgs& args, const PubmedFetchSummary& s,
                    const FileSummary& imported, const Diagnostics& errors,
                    const std::string& db) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.SetIndent(' ', 2);
  w.StartObject();
  w.Key("query");
  JsonString(w, args.query);
  w.Key("count");
  w.Uint64(s.count);
  w.Key("pmids");
  w.Uint64(s.pmids);
  w.Key("batches");
  w.Uint64(s.batches);
  w.Key("resumed");
  w.Bool(s.resumed);
  w.Key("skipped");
  w.Uint64(s.skipped);
  w.Key("requests");
  w.Uint64(s.requests);
  JsonImportFields(w, {imported}, errors, db);
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

std::string TextOut(const PubmedFetchSummary& s, const FileSummary& imported,
                    const std::string& db) {
  std::string out = TextSummary({imported}, db);
  if (s.resumed && s.skipped > 0) {
    out += "resumed: " + Count(s.skipped, "record") +
           " imported by the interrupted run\n";
  }
  return out;
}

// The fetch itself, each batch imported as it comes.
Status Fetch(Context& context, const PubmedArgs& args, EutilsClient& client,
             const ClaimExtractor& extractor, Store* store,
             const std::string& state_path, PubmedFetchSummary* summary,
             FileSummary* imported, Diagnostics* errors) {
  PubmedFetchOptions options;
  options.query = args.query;
  options.max = args.max;
  options.batch = args.batch;
  options.restart = args.restart;
  options.state_path = state_path;
  PubmedFetchEvents events;
  events.planned = [&](const PubmedFetchSummary& s) {
    SayPlan(context, args, state_path, s);
  };
  events.note = [&context](const std::string& note) { context.Warn(note); };
  const PubmedBatchSink sink = [&](PubmedBatch&& b) -> Status {
    const std::string name = "efetch batch " + std::to_string(b.number) +
                             " of " + std::to_string(b.batches);
    FileSummary batch;
    Status status = ImportSource(
        context, store, extractor, args.jobs, name,
        [&b, &name](const ImportOptions& o, const DocumentSink& documents,
                    Diagnostics* problems) {
          return ImportBytes(b.xml, name, o, documents, problems);
        },
        &batch, errors);
    if (!status.ok()) return status;
    Merge(std::move(batch), imported);
    Say(context, "fetched " + std::to_string(b.first + b.pmids.size()) + "/" +
                     std::to_string(summary->pmids) + " (" +
                     std::to_string(b.number) + " batches of " +
                     std::to_string(b.batches) + "), imported " +
                     Count(imported->documents.size(), "document") + ", " +
                     Count(imported->claims, "claim"));
    return Status::OK();
  };
  return FetchPubmed(client, options, sink, events, summary);
}

}  // namespace

int RunPubmedFetch(Context& context) {
  std::string format;
  if (!context.Format({"text", "json"}, "text", &format)) return kExitUsage;
  PubmedArgs args;
  int exit_code = kExitOk;
  if (!ParsePubmedArgs(context, &args, &exit_code)) return exit_code;
  EutilsOptions client_options;
  if (!ClientOptions(context, &client_options, &exit_code)) return exit_code;
  Loaded loaded;
  if (!LoadKb(context, /*judging=*/false, &loaded, &exit_code)) {
    return exit_code;
  }
  Result<ImportStore> store = OpenImportStore(context);
  if (!store.ok()) return context.Fail(store.status());

  EutilsClient client(std::move(client_options));
  const std::string state_path =
      PubmedStatePath(store.value().path, args.query);
  PubmedFetchSummary summary;
  FileSummary imported;
  imported.file = "pubmed \"" + args.query + "\"";
  Diagnostics errors;
  Status fetched = Fetch(context, args, client, loaded.kb->extractor(),
                         store.value().store.get(), state_path, &summary,
                         &imported, &errors);
  ReportErrors(context, errors);
  Result<std::string> shown =
      KeepOrRemoveStore(&store.value(), imported.documents.empty());
  if (!shown.ok()) return context.Fail(shown.status());
  if (!fetched.ok()) {
    context.Error(fetched.message());
    std::error_code ec;
    if (std::filesystem::exists(state_path, ec)) {
      context.Error(
          "the batches imported so far stay in the store; run the "
          "same command again to resume (" +
          state_path + ")");
    }
    return fetched.ExitCode();
  }
  const std::string out =
      format == "json" ? JsonOut(args, summary, imported, errors, shown.value())
                       : TextOut(summary, imported, shown.value());
  const int emitted = context.Emit(out);
  if (emitted != kExitOk) return emitted;
  return errors.empty() ? kExitOk : kExitUsage;
}

}  // namespace claimcheck::cli
