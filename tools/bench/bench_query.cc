// Query and audit latency from process start: runs the claimcheck binary as
// a user would, `rounds` times per case (the cases taking turns), and prints
// the median and 90th percentile wall time of each case next to the median
// of `claimcheck --version` measured in the same run (the cost of starting a
// process on this machine).
//
//   bench_query CLAIMCHECK KB_DIR ROUNDS [--audit ARTICLE]
//               [--query-limit LABEL=MS] [LABEL=STORE ...]
//
// With --audit, `claimcheck audit ARTICLE` (text and json) runs with no
// store and with each store too. With --query-limit, every query case on
// the store named LABEL must have a median under MS milliseconds from
// process start (issue 6: 10 ms with a million claims), or the run fails.
// One round before the measured ones is not counted: it writes the kb
// snapshot that every later start reads (a user's first run after a build).
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <utility>
#include <vector>

extern char** environ;

namespace {

using Clock = std::chrono::steady_clock;

// Wall time of one run in ms; -1 when it did not exit 0. `peak_kb` gets
// the process's peak resident memory (wait4's ru_maxrss).
double RunOnce(const std::vector<std::string>& args, long* peak_kb) {
  std::vector<char*> argv;
  for (const std::string& a : args)
    argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", 1, 0);
  const auto start = Clock::now();
  pid_t pid = 0;
  if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) !=
      0) {
    posix_spawn_file_actions_destroy(&actions);
    return -1;
  }
  int status = 0;
  struct rusage usage {};
  wait4(pid, &status, 0, &usage);
  *peak_kb = usage.ru_maxrss;
  const double ms =
      std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  posix_spawn_file_actions_destroy(&actions);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? ms : -1;
}

// The value at fraction q (0..1) of sorted `times`.
double Quantile(std::vector<double> times, double q) {
  std::sort(times.begin(), times.end());
  const auto at =
      static_cast<std::size_t>(q * static_cast<double>(times.size() - 1) + 0.5);
  return times[std::min(at, times.size() - 1)];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(
        stderr,
        "usage: bench_query CLAIMCHECK KB_DIR ROUNDS [--audit ARTICLE]\n"
        "                   [--query-limit LABEL=MS] [LABEL=STORE]...\n");
    return 2;
  }
  const std::string bin = argv[1];
  const std::string kb = argv[2];
  const int rounds = std::max(1, std::atoi(argv[3]));
  struct Case {
    std::string label;
    std::vector<std::string> args;
    std::vector<double> times;
    bool failed = false;
    double limit = 0;  // ms; 0: none
    long peak_kb = 0;  // the largest peak resident memory of its runs
  };
  std::vector<Case> cases = {
      {"claimcheck --version (process start)", {bin, "--version"}, {}}};
  std::string article;
  // Median limits by store label ("no store" for the queries without one).
  std::map<std::string, double> limits;
  double vocabulary_limit = 0;
  std::vector<std::pair<std::string, std::string>> stores;
  // Labels end at the first '=' (they cannot hold one), as in
  // tools/bench/run.
  for (int i = 4; i < argc; ++i) {
    const std::string spec = argv[i];
    if (spec == "--audit" || spec == "--query-limit" ||
        spec == "--vocabulary-limit") {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "bench_query: %s needs a value\n", spec.c_str());
        return 2;
      }
      const std::string value = argv[++i];
      if (spec == "--audit") {
        article = value;
        continue;
      }
      if (spec == "--vocabulary-limit") {
        char* end = nullptr;
        vocabulary_limit = std::strtod(value.c_str(), &end);
        if (end == value.c_str() || *end != '\0' ||
            !std::isfinite(vocabulary_limit) || vocabulary_limit <= 0) {
          std::fprintf(stderr,
                       "bench_query: --vocabulary-limit takes milliseconds, "
                       "not '%s'\n",
                       value.c_str());
          return 2;
        }
        continue;
      }
      const auto eq = value.find('=');
      const std::string limit_label = value.substr(0, eq);
      const char* number = eq == std::string::npos ? "" : &value[eq + 1];
      char* end = nullptr;
      const double limit_ms = std::strtod(number, &end);
      if (limits.count(limit_label)) {
        std::fprintf(stderr, "bench_query: --query-limit '%s' given twice\n",
                     limit_label.c_str());
        return 2;
      }
      limits[limit_label] = limit_ms;
      if (limit_label.empty() || end == number || *end != '\0' ||
          !std::isfinite(limit_ms) || limit_ms <= 0) {
        std::fprintf(stderr,
                     "bench_query: --query-limit takes LABEL=MS (a store's "
                     "label, milliseconds), not '%s'\n",
                     value.c_str());
        return 2;
      }
      continue;
    }
    const auto eq = spec.find('=');
    if (eq == std::string::npos || eq == 0) {
      std::fprintf(stderr, "bench_query: '%s' is not LABEL=STORE\n",
                   spec.c_str());
      return 2;
    }
    stores.emplace_back(spec.substr(0, eq), spec.substr(eq + 1));
  }
  // Free text goes through the claim extractor; ids skip it.
  const std::vector<std::pair<std::string, std::vector<std::string>>> queries =
      {{"query \"magnesium improves sleep\"", {"magnesium improves sleep"}},
       {"query \"Does magnesium help restless legs?\"",
        {"Does magnesium help restless legs?"}},
       {"query --subject magnesium ... sleep",
        {"--subject", "magnesium", "--relation", "increases", "--object",
         "sleep"}}};
  std::vector<std::pair<std::string, std::string>> with_none = {
      {"no store", ""}};
  with_none.insert(with_none.end(), stores.begin(), stores.end());
  for (const auto& [label, store] : with_none) {
    std::vector<std::string> base = {bin, "--kb", kb};
    if (!store.empty()) {
      base.push_back("--db");
      base.push_back(store);
    }
    for (const auto& [name, words] : queries) {
      std::vector<std::string> args = base;
      args.push_back("query");
      args.insert(args.end(), words.begin(), words.end());
      args.push_back("--format");
      args.push_back("json");
      cases.push_back({name + ", " + label,
                       args,
                       {},
                       false,
                       limits.count(label) ? limits.at(label) : 0});
    }
    if (article.empty()) continue;
    for (const char* format : {"text", "json"}) {
      std::vector<std::string> args = base;
      for (const char* a : {"audit", article.c_str(), "--format", format}) {
        args.push_back(a);
      }
      cases.push_back(
          {"audit 20 KB article (" + std::string(format) + "), " + label,
           args,
           {}});
    }
  }
  // The open vocabulary from its kb snapshot (docs/vocabulary.md): a
  // command that loads it and looks one term up.
  cases.push_back({"vocabulary from snapshot (concepts --find)",
                   {bin, "--kb", kb, "concepts", "--find", "magnesium"},
                   {},
                   false,
                   vocabulary_limit});
  // Round robin: every case once per round, so that the machine's drift
  // over the run (the VM moves by a few ms) falls on all cases alike. Round
  // 0 is the uncounted one.
  for (int round = 0; round <= rounds; ++round) {
    for (Case& c : cases) {
      if (c.failed) continue;
      long peak_kb = 0;
      const double t = RunOnce(c.args, &peak_kb);
      if (round > 0) c.peak_kb = std::max(c.peak_kb, peak_kb);
      if (t < 0) {
        c.failed = true;
      } else if (round > 0) {
        c.times.push_back(t);
      }
    }
  }
  std::printf("  %-52s %8s %8s\n", "median and 90th percentile of each case",
              "median", "p90");
  const double start = cases[0].failed ? -1 : Quantile(cases[0].times, 0.5);
  int failed = 0;
  int over = 0;  // limited cases at or over their limit
  for (const Case& c : cases) {
    if (c.failed || start <= 0) {
      std::printf("  %-52s   failed\n", c.label.c_str());
      ++failed;
      continue;
    }
    const double t = Quantile(c.times, 0.5);
    std::printf(
        "  %-52s %8.2f %8.2f ms  (%.2fx; %.2f ms over process start; peak "
        "%.1f MB)\n",
        c.label.c_str(), t, Quantile(c.times, 0.9), t / start, t - start,
        static_cast<double>(c.peak_kb) / 1024.0);
    if (c.limit > 0 && t >= c.limit) {
      std::printf("  %-52s   OVER the %g ms limit\n", c.label.c_str(), c.limit);
      ++over;
    }
  }
  // Every limit given must have limited some case that ran.
  for (const auto& [label, ms] : limits) {
    bool seen = false, unmeasured = start <= 0, over_here = false;
    for (const Case& c : cases) {
      if (c.limit <= 0 || c.label.size() < label.size() ||
          c.label.compare(c.label.size() - label.size(), label.size(), label) !=
              0) {
        continue;
      }
      seen = true;
      unmeasured |= c.failed;
      over_here |=
          !c.failed && !c.times.empty() && Quantile(c.times, 0.5) >= c.limit;
    }
    if (!seen) {
      std::printf("  query limit: no store is labelled '%s'\n", label.c_str());
      ++failed;
      continue;
    }
    std::printf("  query limit: median under %g ms with %s%s: %s\n", ms,
                label == "no store" ? "" : "store ", label.c_str(),
                over_here || unmeasured ? "NOT MET" : "met");
  }
  if (vocabulary_limit > 0) {
    const Case& v = cases.back();
    const bool met =
        !v.failed && start > 0 && Quantile(v.times, 0.5) < vocabulary_limit;
    std::printf("  vocabulary limit: median under %g ms: %s\n",
                vocabulary_limit, met ? "met" : "NOT MET");
  }
  failed += over;
  return failed ? 1 : 0;
}
