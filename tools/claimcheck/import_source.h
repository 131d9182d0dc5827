// The import path shared by `claimcheck import` (files) and
// `claimcheck pubmed` (efetch batches): documents read from one source are
// extracted (ImportPipeline) and written to the store in one transaction,
// and the summaries of what was imported, in text and JSON. Covered by
// tests/importers/import_cmd_test.cc and tests/eutils/pubmed_cli_test.cc.
#ifndef CLAIMCHECK_TOOLS_CLAIMCHECK_IMPORT_SOURCE_H_
#define CLAIMCHECK_TOOLS_CLAIMCHECK_IMPORT_SOURCE_H_

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "claimcheck/diagnostic.h"
#include "claimcheck/document.h"
#include "claimcheck/importer.h"
#include "claimcheck/status.h"
#include "claimcheck/store.h"
#include "cli.h"

namespace claimcheck::cli {

// What the summary says about one document.
struct DocumentLine {
  std::string id;
  Design design = Design::kUnknown;
  std::string title;
  std::size_t claims = 0;
  std::optional<long long> n;
  bool retracted = false;
  bool stored = true;  // false: the store keeps a newer revision
};

// What one source (a file, or every efetch batch of a query) added.
struct FileSummary {
  std::string file;
  std::vector<DocumentLine> documents;
  std::size_t claims = 0;
  std::size_t errors = 0;
  std::size_t not_stored = 0;
};

// Reads a source's documents into `sink`, as ImportFile and ImportBytes
// do (importer.h), with `options` for progress and limits.
using ReadSource =
    std::function<Status(const ImportOptions& options, const DocumentSink& sink,
                         Diagnostics* problems)>;

// Imports what `read` yields in one transaction, naming the source `name`
// in progress and errors, extracting claims on `jobs` threads; adds to
// `summary` (whose `file` it sets to `name`). Problems with records go to
// `errors` and the rest is still committed; a source unreadable from some
// point on keeps what was read before it. A store failure rolls the whole
// source back and is returned.
Status ImportSource(const Context& context, Store* store,
                    const ClaimExtractor& extractor, int jobs,
                    const std::string& name, const ReadSource& read,
                    FileSummary* summary, Diagnostics* errors);

// -j N: a number from 1 to 256.
bool ParseJobs(const std::string& value, int* jobs);

// Context::StorePath for a command that writes; the default file's
// directory is created.
Result<std::string> StorePathForWriting(const Context& context);

// "1 document", "2 documents".
std::string Count(std::size_t n, const std::string& noun);

// One line per source ("FILE: 15 documents, 40 claims"), a total when
// there are several, and the store (`db` empty: none was created).
std::string TextSummary(const std::vector<FileSummary>& files,
                        const std::string& db);

// True when no source gave a document.
bool NothingImported(const std::vector<FileSummary>& files);

// The store a command that imports writes to: StorePathForWriting, opened
// read-write, and whether it was there before.
struct ImportStore {
  std::string path;
  bool existed = false;
  std::unique_ptr<Store> store;
};
Result<ImportStore> OpenImportStore(const Context& context);
// After the import: a store this run created and left empty is closed and
// removed, so later commands do not take it for the user's evidence
// (docs/reliability.md, "Hostile and broken input"). Returns the store to
// name in the summary: its path, or empty when it was removed.
Result<std::string> KeepOrRemoveStore(ImportStore* store,
                                      bool nothing_imported);

// The fields of `claimcheck import`'s JSON inside an open object:
// documents, claims, errors, store (../shared/CLI.md; null when `db` is
// empty: none was created).
void JsonImportFields(JsonWriter& w, const std::vector<FileSummary>& files,
                      const Diagnostics& errors, const std::string& db);

// The first 50 of `errors` on stderr, then a line counting the rest.
void ReportErrors(const Context& context, const Diagnostics& errors);

}  // namespace claimcheck::cli

#endif  // CLAIMCHECK_TOOLS_CLAIMCHECK_IMPORT_SOURCE_H_
