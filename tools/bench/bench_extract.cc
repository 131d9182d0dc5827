// Benchmark: reading and extracting the five seed articles. Prints, for one
// run on this machine, the time of each stage and its ratio to the text
// layer alone (tokenising and sentence splitting the same bytes), so the
// figures survive a noisy shared machine.
//
//   bench_extract KB_DIR SEED_FILE...
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "claimcheck/claims.h"
#include "claimcheck/concepts.h"
#include "claimcheck/knowledge_base.h"
#include "claimcheck/text.h"

namespace {

using Clock = std::chrono::steady_clock;

double Ms(Clock::duration d) {
  return std::chrono::duration<double, std::milli>(d).count();
}

// The best of `rounds` runs of `f`, in milliseconds.
template <typename F>
double Best(int rounds, F f) {
  double best = 1e300;
  for (int i = 0; i < rounds; ++i) {
    const auto start = Clock::now();
    f();
    best = std::min(best, Ms(Clock::now() - start));
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace claimcheck;
  if (argc < 3) {
    std::fprintf(stderr, "usage: bench_extract KB_DIR SEED_FILE...\n");
    return 2;
  }
  std::vector<std::string> docs;
  std::size_t bytes = 0;
  for (int i = 2; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    docs.push_back(s.str());
    bytes += docs.back().size();
  }
  const auto load_start = Clock::now();
  // From kb/'s files (no snapshot): what a snapshot miss costs.
  Diagnostics problems;
  Result<std::unique_ptr<KnowledgeBase>> kb =
      KnowledgeBase::Load(argv[1], KnowledgeBase::Options(), &problems);
  if (!kb.ok()) {
    std::fprintf(stderr, "bench_extract: cannot load %s\n", argv[1]);
    return 2;
  }
  const ClaimExtractor& extractor = kb.value()->extractor();
  const double load_ms = Ms(Clock::now() - load_start);

  const int rounds = 20;
  std::size_t claims = 0;
  const double text_ms = Best(rounds, [&] {
    for (const std::string& d : docs) {
      auto t = Text::FromBytes(d, "seed", nullptr);
      (void)t;
    }
  });
  const double match_ms = Best(rounds, [&] {
    for (const std::string& d : docs) {
      auto t = Text::FromBytes(d, "seed", nullptr);
      auto m = extractor.matcher().Match(t.value());
      (void)m;
    }
  });
  const double extract_ms = Best(rounds, [&] {
    claims = 0;
    for (const std::string& d : docs) {
      auto t = Text::FromBytes(d, "seed", nullptr);
      claims += extractor.Extract(t.value()).size();
    }
  });
  std::printf(
      "extraction of %zu documents, %zu bytes, %zu claims "
      "(best of %d runs)\n",
      docs.size(), bytes, claims, rounds);
  std::printf("  %-34s %9.2f ms\n", "load kb from its files", load_ms);
  std::printf("  %-34s %9.2f ms  1.00x\n", "text layer (baseline)", text_ms);
  std::printf("  %-34s %9.2f ms  %.2fx\n", "text + concept matching", match_ms,
              match_ms / text_ms);
  std::printf("  %-34s %9.2f ms  %.2fx\n", "text + concepts + claims",
              extract_ms, extract_ms / text_ms);
  std::printf("  %-34s %9.2f ms  (target: well under 1000 ms)\n",
              "all seeds, load included", load_ms + extract_ms);
  std::printf("  %-34s %9.2f MB/s\n", "extraction throughput",
              static_cast<double>(bytes) / 1e6 / (extract_ms / 1e3));

  // The same bytes with every sentence end, comma and line break made a space:
  // one run-on "sentence" of all the seeds. The sentence splitter cuts such a
  // run into pieces of kMaxSentenceBytes, so this must stay near the prose
  // figure (before the cut, extraction grew with the square of a sentence's
  // length: 280 KB took 150 s).
  std::string run_on;
  for (const std::string& d : docs) run_on += d + ' ';
  for (char& c : run_on) {
    if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ';' || c == ',') {
      c = ' ';  // (no commas either: a comma list reads as keywords)
    }
  }
  std::size_t run_on_claims = 0;
  const double run_on_ms = Best(3, [&] {
    auto t = Text::FromBytes(run_on, "run-on", nullptr);
    run_on_claims = extractor.Extract(t.value()).size();
  });
  std::printf("  %-34s %9.2f ms  %.2fx prose (%zu claims)\n",
              "the seeds as one run-on sentence", run_on_ms,
              run_on_ms / extract_ms, run_on_claims);
  return 0;
}
