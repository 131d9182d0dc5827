// Helpers of the summary and graph tests: the real kb loaded once with its
// curated graph, a store of a few imported abstracts, running the
// claimcheck binary and Graphviz's dot.
#ifndef CLAIMCHECK_TESTS_REPORT_SUMMARY_TEST_UTIL_H_
#define CLAIMCHECK_TESTS_REPORT_SUMMARY_TEST_UTIL_H_

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "claimcheck/graph.h"
#include "claimcheck/knowledge.h"
#include "claimcheck/store.h"
#include "claimcheck/verdict.h"
#include "process_util.h"
#include "real_kb.h"
#include "test_util.h"

namespace claimcheck::testing {

// A claim sentence of an imported abstract, in its RESULTS section.
inline StoredClaim Stated(const std::string& pmid, ClaimKind kind,
                          const std::string& subject,
                          const std::string& relation,
                          const std::string& object) {
  StoredClaim c;
  c.document_id = "pmid:" + pmid;
  c.kind = kind;
  c.subject = subject;
  c.relation = relation;
  c.object = object;
  c.section = "RESULTS";
  c.sentence_text = subject + " " + relation + " " + object + ".";
  return c;
}

inline DocumentWithClaims AbstractOf(const std::string& pmid, Design design,
                                     long long n,
                                     std::vector<StoredClaim> claims) {
  DocumentWithClaims d;
  d.document.id = "pmid:" + pmid;
  d.document.kind = "abstract";
  d.document.pmid = pmid;
  d.document.design = design;
  d.document.n = n;
  d.document.date = "2022";
  d.document.title = "Imported trial " + pmid;
  d.document.authors = {"Imported A"};
  d.claims = std::move(claims);
  return d;
}

// A store at `path` (made anew) with three imported abstracts: an RCT that
// finds magnesium lowers stress (an edge the curated kb lacks), one that
// finds no effect on fatigue, and a safety finding (nausea) from a cohort.
inline void MakeImportedStore(const std::filesystem::path& path) {
  std::filesystem::remove(path);
  auto opened = Store::Open(path.string(), OpenMode::kReadWrite);
  REQUIRE(opened.ok());
  const Status put = opened.value()->PutDocuments({
      AbstractOf("90000001", Design::kRct, 420,
                 {Stated("90000001", ClaimKind::kEffect, "magnesium",
                         "decreases", "stress")}),
      AbstractOf("90000002", Design::kRct, 60,
                 {Stated("90000002", ClaimKind::kEffect, "magnesium",
                         "no_effect", "fatigue")}),
      AbstractOf("90000003", Design::kCohort, 1000,
                 {Stated("90000003", ClaimKind::kSafety, "magnesium_citrate",
                         "increases", "nausea")}),
  });
  INFO(put.ToString());
  REQUIRE(put.ok());
}

// True when Graphviz's dot is on PATH.
inline bool HaveDot() {
  const char* path = std::getenv("PATH");
  std::string dirs = path != nullptr ? path : "";
  std::size_t start = 0;
  while (start <= dirs.size()) {
    std::size_t end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    const std::string dir = dirs.substr(start, end - start);
    if (!dir.empty() && ::access((dir + "/dot").c_str(), X_OK) == 0) {
      return true;
    }
    start = end + 1;
  }
  return false;
}

using CliRun = ProgramRun;

// Runs `program` with `args`, stdin from `in_file` (or /dev/null), stdout
// and stderr into files of `dir`; `env` entries NAME=VALUE are set.
inline CliRun RunProgram(const std::string& program,
                         const std::vector<std::string>& args,
                         const std::filesystem::path& dir,
                         const std::vector<std::string>& env = {},
                         const std::string& in_file = "/dev/null") {
  std::vector<std::string> argv = {program};
  argv.insert(argv.end(), args.begin(), args.end());
  return WaitProgram(SpawnProgram(argv, dir, env, in_file), dir);
}

// claimcheck --kb KB ARGS…, with HOME pointing at an empty directory so
// that no default store is read.
inline CliRun RunClaimcheck(const std::vector<std::string>& args,
                            const std::filesystem::path& dir,
                            const std::vector<std::string>& env = {}) {
  std::vector<std::string> all = {"--kb", KbDir()};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<std::string> environment = {
      "HOME=" + (dir / "home").string(),
      "XDG_DATA_HOME=" + (dir / "home").string()};
  environment.insert(environment.end(), env.begin(), env.end());
  return RunProgram(CLAIMCHECK_BINARY, all, dir, environment);
}

// Runs `dot -Tsvg` on `dot_file`; its exit code and output.
inline CliRun RunDot(const std::filesystem::path& dot_file,
                     const std::filesystem::path& dir) {
  return RunProgram("dot", {"-Tsvg"}, dir, {}, dot_file.string());
}

}  // namespace claimcheck::testing

#endif  // CLAIMCHECK_TESTS_REPORT_SUMMARY_TEST_UTIL_H_
