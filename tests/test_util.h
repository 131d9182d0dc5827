// Helpers shared by the tests: paths of the repository, its kb/ and the
// shared material beside the repository, and reading a file.
#ifndef CLAIMCHECK_TESTS_TEST_UTIL_H_
#define CLAIMCHECK_TESTS_TEST_UTIL_H_

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace claimcheck::testing {

inline std::string SourceDir() { return CLAIMCHECK_SOURCE_DIR; }
inline std::string KbDir() { return SourceDir() + "/kb"; }
inline std::string SharedDir() { return CLAIMCHECK_SHARED_DIR; }

inline std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in.good());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void WriteFile(const std::filesystem::path& path,
                      const std::string& data) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << data;
  REQUIRE(out.good());
}

// `s` with the first `from` replaced by `to`; fails the test when `s` has
// no `from` (a fixture edit that silently did nothing).
inline std::string ReplaceOnce(std::string s, const std::string& from,
                               const std::string& to) {
  const auto pos = s.find(from);
  REQUIRE(pos != std::string::npos);
  return s.replace(pos, from.size(), to);
}

// A fresh, empty directory under the system temp directory.
inline std::filesystem::path TempDir(const std::string& name) {
  // The process id keeps two suites running at once (a developer's and
  // CI's on one machine) out of each other's files.
  auto dir = std::filesystem::temp_directory_path() /
             ("claimcheck_test_" + name + "_" +
              std::to_string(std::hash<std::string>{}(name) % 100000) + "_" +
              std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

// A copy of the repository's kb/ in a fresh directory, TempDir(name)/kb.
inline std::filesystem::path CopyKb(const std::string& name) {
  const std::filesystem::path dir = TempDir(name) / "kb";
  std::filesystem::copy(KbDir(), dir, std::filesystem::copy_options::recursive);
  return dir;
}

// The repository's word lists (the claim lexicon and the rubric cues,
// kb/FORMAT.md parts 4 and 5) copied into the kb at `dir`, for small test
// kbs whose vocabulary or evidence is their own.
inline void CopyWordLists(const std::filesystem::path& dir) {
  for (const char* name : {"lexicon.tsv", "rubric_cues.tsv", "languages.tsv"}) {
    std::filesystem::copy_file(KbDir() + "/" + name, dir / name);
  }
}

// The path of seed NNN (the five real articles in ../shared/seeds/).
inline std::string SeedPath(const std::string& prefix) {
  for (const auto& entry :
       std::filesystem::directory_iterator(SharedDir() + "/seeds")) {
    if (entry.path().filename().string().rfind(prefix + "_", 0) == 0) {
      return entry.path().string();
    }
  }
  FAIL("no seed " << prefix << " in " << SharedDir() << "/seeds");
  return {};
}

}  // namespace claimcheck::testing

#endif  // CLAIMCHECK_TESTS_TEST_UTIL_H_
