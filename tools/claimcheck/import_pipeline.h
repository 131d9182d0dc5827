// The middle of `claimcheck import`: documents read from a file are turned
// into claims on worker threads (-j N) and written to the store in file
// order on the reading thread, with a bounded number in flight so memory
// does not grow with the file. Covered by tests/importers/import_cmd_test.cc.
#ifndef CLAIMCHECK_TOOLS_CLAIMCHECK_IMPORT_PIPELINE_H_
#define CLAIMCHECK_TOOLS_CLAIMCHECK_IMPORT_PIPELINE_H_

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include "claimcheck/diagnostic.h"
#include "claimcheck/importer.h"
#include "claimcheck/status.h"
#include "claimcheck/store.h"

namespace claimcheck::cli {

// One document after extraction, ready for the store.
struct ProcessedDocument {
  DocumentWithClaims entry;
  // Set when the document could not be processed (then entry is not
  // written): the problem, naming its origin.
  Status status;
  Diagnostics warnings;  // text repairs (invalid UTF-8 …)
};

class ImportPipeline {
 public:
  // Turns an imported document into what the store takes; called on the
  // worker threads at once, so it must be thread-safe.
  using Process = std::function<ProcessedDocument(ImportedDocument&&)>;
  // Writes one result; called in input order, on the thread that calls
  // Push and Finish. A non-OK status stops the pipeline.
  using Write = std::function<Status(ProcessedDocument&&)>;

  // `workers` 0 or 1: everything runs inline in Push. More: that many
  // threads run `process`, at most 4 x workers documents are in flight.
  ImportPipeline(int workers, Process process, Write write);
  ~ImportPipeline();  // joins the workers (after Finish, or abandoning)
  ImportPipeline(const ImportPipeline&) = delete;
  ImportPipeline& operator=(const ImportPipeline&) = delete;

  // Hands over the next document; writes the results that are ready.
  // Blocks while the window is full. Returns the first write error.
  Status Push(ImportedDocument&& document);
  // Waits for every document pushed and writes the rest. Returns the first
  // write error.
  Status Finish();

 private:
  void Work();
  // Writes results in order while the next one is ready; with `all`,
  // waits until every pushed document is written. Called with `lock` held.
  Status Drain(std::unique_lock<std::mutex>& lock, bool all);

  Process process_;
  Write write_;
  std::size_t window_ = 0;
  std::vector<std::thread> threads_;
  std::mutex mutex_;
  std::condition_variable work_ready_;  // input queued, or closing
  std::condition_variable done_ready_;  // a result is ready
  std::deque<std::pair<std::uint64_t, ImportedDocument>> input_;
  std::map<std::uint64_t, ProcessedDocument> results_;
  std::uint64_t pushed_ = 0;
  std::uint64_t written_ = 0;
  bool closing_ = false;
  Status failed_;
};

}  // namespace claimcheck::cli

#endif  // CLAIMCHECK_TOOLS_CLAIMCHECK_IMPORT_PIPELINE_H_
