// The import path shared by `claimcheck import` and `claimcheck pubmed`
// (see import_source.h).
#include "import_source.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "claimcheck/claims.h"
#include "claimcheck/concepts.h"
#include "import_pipeline.h"

namespace claimcheck::cli {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// At most this many text-repair warnings a source, and errors in all, on
// stderr; the JSON output lists every error.
constexpr std::size_t kMaxWarnings = 20;
constexpr std::size_t kMaxErrorsShown = 50;

// One rewritten stderr line while a file imports: records/s, MB/s, ETA.
class Progress {
 public:
  Progress(const Context& context, std::string file)
      : enabled_(context.options.verbosity > 0 && ::isatty(2) == 1),
        file_(std::move(file)),
        start_(Clock::now()),
        last_(start_) {}
  ~Progress() {
    if (shown_) std::fputs("\r\033[K", stderr);
  }
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  void Update(const ImportProgress& p) {
    if (!enabled_) return;
    const auto now = Clock::now();
    if (now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    const double mb = static_cast<double>(p.bytes_read) / 1e6;
    std::string eta = "?";
    if (p.total_bytes > 0 && p.bytes_read > 0) {
      const double left =
          seconds *
          static_cast<double>(p.total_bytes -
                              std::min(p.total_bytes, p.bytes_read)) /
          static_cast<double>(p.bytes_read);
      eta = std::to_string(static_cast<long long>(left)) + " s";
    }
    std::fprintf(
        stderr, "\r\033[K%s: %llu records, %.0f records/s, %.1f MB/s, ETA %s",
        file_.c_str(), static_cast<unsigned long long>(p.records),
        static_cast<double>(p.records) / seconds, mb / seconds, eta.c_str());
    shown_ = true;
  }

 private:
  bool enabled_;
  std::string file_;
  Clock::time_point start_;
  Clock::time_point last_;
  bool shown_ = false;
};

// Text, mentions and claims of one document: what the store takes.
ProcessedDocument Process(const ClaimExtractor& extractor,
                          ImportedDocument&& imported) {
  ProcessedDocument out;
  Result<DocumentText> text = BuildDocumentText(imported, &out.warnings);
  if (!text.ok()) {
    out.status = text.status();
    return out;
  }
  const Text& t = text.value().text;
  const std::vector<Mention> mentions = extractor.matcher().Match(t);
  // Every claim's subject is a concept the document mentions, so a
  // document that mentions none has no claims: most of a PubMed baseline
  // file is off the vocabulary's topics, and extraction was most of its
  // import time.
  std::vector<Claim> claims;
  if (!mentions.empty()) {
    claims = extractor.Extract(t, mentions, text.value().context);
  }
  out.entry.document = std::move(imported.document);
  // docs/vocabulary.md, "Harvested concepts": the record's Supplementary
  // Concept Records join the store's vocabulary.
  for (RecordSubstance& s : imported.record.substances) {
    out.entry.substances.push_back(
        {std::move(s.ui), std::move(s.name), std::move(s.type)});
  }
  out.entry.claims.reserve(claims.size());
  for (const Claim& c : claims) {
    // A literal argument is words, not a concept the graph can link: the
    // store keeps grounded claims only (docs/claims.md, "Literal
    // arguments").
    if (IsLiteral(c.subject) || IsLiteral(c.object)) continue;
    out.entry.claims.push_back(FromClaim(c, t, out.entry.document.id));
  }
  return out;
}

}  // namespace

Status ImportSource(const Context& context, Store* store,
                    const ClaimExtractor& extractor, int jobs,
                    const std::string& file, const ReadSource& read_source,
                    FileSummary* summary, Diagnostics* errors) {
  summary->file = file;
  Result<std::unique_ptr<Store::Writer>> writer = store->BeginWrite();
  if (!writer.ok()) return writer.status();
  Progress progress(context, file);
  std::size_t warnings = 0;
  auto write = [&](ProcessedDocument&& done) -> Status {
    for (const Diagnostic& d : done.warnings) {
      if (warnings++ < kMaxWarnings) context.Warn(d);
    }
    if (!done.status.ok()) {
      errors->push_back({file, "", done.status.message()});
      ++summary->errors;
      return Status::OK();
    }
    bool stored = true;
    Status status = writer.value()->Put(done.entry, &stored);
    if (!status.ok()) return status;
    const Document& d = done.entry.document;
    summary->documents.push_back({d.id, d.design, d.title,
                                  done.entry.claims.size(), d.n, d.retracted,
                                  stored});
    summary->claims += done.entry.claims.size();
    if (!stored) ++summary->not_stored;
    return Status::OK();
  };
  ImportPipeline pipeline(
      jobs,
      [&extractor](ImportedDocument&& d) {
        return Process(extractor, std::move(d));
      },
      write);
  bool store_failed = false;
  ImportOptions options;
  options.progress = [&progress](const ImportProgress& p) {
    progress.Update(p);
  };
  const std::size_t before = errors->size();
  Status read = read_source(
      options,
      [&](ImportedDocument&& d) {
        Status status = pipeline.Push(std::move(d));
        store_failed |= !status.ok();
        return status;
      },
      errors);
  Status finished = pipeline.Finish();
  if (!finished.ok()) return finished;  // the Writer rolls the file back
  if (store_failed) return read;
  summary->errors += errors->size() - before;
  if (!read.ok()) {
    // The file itself is unreadable from some point on (not found, not a
    // format, damaged gzip): what was read before is still committed.
    // The importers name the file; the diagnostic names it once.
    std::string_view message = read.message();
    if (message.starts_with(file + ": "))
      message.remove_prefix(file.size() + 2);
    errors->push_back({file, "", std::string(message)});
    ++summary->errors;
  }
  if (warnings > kMaxWarnings) {
    context.Warn(file + ": " + std::to_string(warnings - kMaxWarnings) +
                 " more text repairs not shown");
  }
  return writer.value()->Commit();
}

bool ParseJobs(const std::string& value, int* jobs) {
  char* end = nullptr;
  const long v = std::strtol(value.c_str(), &end, 10);
  if (value.empty() || *end != '\0' || v < 1 || v > 256) return false;
  *jobs = static_cast<int>(v);
  return true;
}

// Context::StorePath; the default file's directory is created.
Result<std::string> StorePathForWriting(const Context& context) {
  bool is_default = false;
  const std::string path = context.StorePath(&is_default);
  if (path.empty()) {
    return Status::InvalidArgument(
        "no store: give --db PATH or set CLAIMCHECK_DB (HOME is not set)");
  }
  if (!is_default) return path;
  const fs::path dir = fs::path(path).parent_path();
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    return Status::IOError(dir.string() + ": cannot create: " + ec.message());
  }
  return path;
}

std::string Count(std::size_t n, const std::string& noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

std::string TextSummary(const std::vector<FileSummary>& files,
                        const std::string& db) {
  std::ostringstream out;
  std::size_t documents = 0;
  std::size_t claims = 0;
  for (const FileSummary& f : files) {
    out << f.file << ": " << Count(f.documents.size(), "document") << ", "
        << Count(f.claims, "claim");
    if (f.not_stored > 0) {
      out << ", " << Count(f.not_stored, "older version") << " not stored";
    }
    if (f.errors > 0) out << ", " << Count(f.errors, "error");
    out << "\n";
    documents += f.documents.size();
    claims += f.claims;
  }
  if (files.size() > 1) {
    out << "total: " << Count(documents, "document") << ", "
        << Count(claims, "claim") << "\n";
  }
  if (db.empty()) {
    out << "store: none created (nothing was imported)\n";
  } else {
    out << "store: " << db << "\n";
  }
  return out.str();
}

void JsonImportFields(JsonWriter& w, const std::vector<FileSummary>& files,
                      const Diagnostics& errors, const std::string& db) {
  w.Key("documents");
  w.StartArray();
  std::size_t claims = 0;
  for (const FileSummary& f : files) {
    claims += f.claims;
    for (const DocumentLine& d : f.documents) {
      w.StartObject();
      w.Key("id");
      JsonString(w, d.id);
      w.Key("design");
      w.String(DesignName(d.design));
      w.Key("title");
      JsonString(w, d.title);
      w.Key("claims");
      w.Uint64(d.claims);
      if (d.n) {
        w.Key("n");
        w.Int64(*d.n);
      }
      if (d.retracted) {
        w.Key("retracted");
        w.Bool(true);
      }
      w.Key("stored");
      w.Bool(d.stored);
      w.Key("file");
      JsonString(w, f.file);
      w.EndObject();
    }
  }
  w.EndArray();
  w.Key("claims");
  w.Uint64(claims);
  w.Key("errors");
  JsonDiagnostics(w, errors);
  w.Key("store");
  if (db.empty()) {
    w.Null();
  } else {
    JsonString(w, db);
  }
}

bool NothingImported(const std::vector<FileSummary>& files) {
  return std::all_of(files.begin(), files.end(),
                     [](const FileSummary& f) { return f.documents.empty(); });
}

Result<ImportStore> OpenImportStore(const Context& context) {
  Result<std::string> path = StorePathForWriting(context);
  if (!path.ok()) return path.status();
  ImportStore out;
  out.path = path.value();
  std::error_code ec;
  out.existed = std::filesystem::exists(out.path, ec);
  Result<std::unique_ptr<Store>> store =
      Store::Open(out.path, OpenMode::kReadWrite);
  if (!store.ok()) return store.status();
  out.store = std::move(store).value();
  return out;
}

Result<std::string> KeepOrRemoveStore(ImportStore* store,
                                      bool nothing_imported) {
  if (store->existed || !nothing_imported) return store->path;
  store->store.reset();
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    std::error_code ec;
    std::filesystem::remove(store->path + suffix, ec);
    if (ec) {
      return Status::IOError(store->path + suffix +
                             ": cannot remove: " + ec.message());
    }
  }
  return std::string();
}

void ReportErrors(const Context& context, const Diagnostics& errors) {
  for (std::size_t i = 0; i < errors.size() && i < kMaxErrorsShown; ++i) {
    context.Error(errors[i].ToString());
  }
  if (errors.size() > kMaxErrorsShown) {
    context.Error(std::to_string(errors.size() - kMaxErrorsShown) +
                  " more errors not shown (--format json lists them all)");
  }
}

}  // namespace claimcheck::cli
