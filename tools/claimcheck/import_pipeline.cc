// Worker threads for extraction, in-order writes on the reading thread.
// Covered by tests/importers/import_cmd_test.cc (-j 2 gives the same store
// as -j 1).
#include "import_pipeline.h"

#include <utility>

namespace claimcheck::cli {

ImportPipeline::ImportPipeline(int workers, Process process, Write write)
    : process_(std::move(process)), write_(std::move(write)) {
  if (workers <= 1) return;
  window_ = static_cast<std::size_t>(workers) * 4;
  for (int i = 0; i < workers; ++i) threads_.emplace_back([this] { Work(); });
}

ImportPipeline::~ImportPipeline() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    closing_ = true;
    input_.clear();  // abandoned after a failure: nothing more to do
  }
  work_ready_.notify_all();
  for (std::thread& t : threads_) t.join();
}

void ImportPipeline::Work() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    work_ready_.wait(lock, [this] { return closing_ || !input_.empty(); });
    if (input_.empty()) return;
    auto [sequence, document] = std::move(input_.front());
    input_.pop_front();
    lock.unlock();
    ProcessedDocument done = process_(std::move(document));
    lock.lock();
    results_.emplace(sequence, std::move(done));
    done_ready_.notify_all();
  }
}

Status ImportPipeline::Drain(std::unique_lock<std::mutex>& lock, bool all) {
  while (failed_.ok() && written_ < pushed_) {
    auto next = results_.find(written_);
    if (next == results_.end()) {
      if (!all) break;
      done_ready_.wait(lock);
      continue;
    }
    ProcessedDocument done = std::move(next->second);
    results_.erase(next);
    ++written_;
    // The store is written outside the lock so that workers keep going.
    lock.unlock();
    Status status = write_(std::move(done));
    lock.lock();
    if (!status.ok()) failed_ = status;
  }
  return failed_;
}

Status ImportPipeline::Push(ImportedDocument&& document) {
  if (threads_.empty()) {
    if (!failed_.ok()) return failed_;
    failed_ = write_(process_(std::move(document)));
    return failed_;
  }
  std::unique_lock<std::mutex> lock(mutex_);
  // Bounded memory: wait for the oldest document to be written before
  // taking more than `window_`.
  while (failed_.ok() && pushed_ - written_ >= window_) {
    if (results_.count(written_) == 0) {
      done_ready_.wait(lock);
      continue;
    }
    Drain(lock, false);
  }
  if (!failed_.ok()) return failed_;
  input_.emplace_back(pushed_++, std::move(document));
  work_ready_.notify_one();
  return Drain(lock, false);
}

Status ImportPipeline::Finish() {
  if (threads_.empty()) return failed_;
  std::unique_lock<std::mutex> lock(mutex_);
  return Drain(lock, true);
}

}  // namespace claimcheck::cli
