// Running a program from a test: stdout and stderr into files of a
// directory, stdin from a file, extra environment, CLAIMCHECK_DB unset.
// Shared by the import command tests (which also kill what they start) and
// the summary and graph CLI tests.
#ifndef CLAIMCHECK_TESTS_PROCESS_UTIL_H_
#define CLAIMCHECK_TESTS_PROCESS_UTIL_H_

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "test_util.h"

namespace claimcheck::testing {

struct ProgramRun {
  int exit_code = -1;  // -1 when it did not exit (a signal)
  std::string out;
  std::string err;
};

// Starts argv[0] (a path, or a name looked up in PATH) with `argv`, stdin
// from `in_file`, stdout and stderr into `dir`/stdout and `dir`/stderr
// (`dir` is created); `env` entries NAME=VALUE are set. Returns its pid.
inline pid_t SpawnProgram(const std::vector<std::string>& argv,
                          const std::filesystem::path& dir,
                          const std::vector<std::string>& env = {},
                          const std::string& in_file = "/dev/null") {
  std::filesystem::create_directories(dir);
  const std::string out = (dir / "stdout").string();
  const std::string err = (dir / "stderr").string();
  const pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    const int i = open(in_file.c_str(), O_RDONLY);
    const int o = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int e = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(i, 0);
    dup2(o, 1);
    dup2(e, 2);
    unsetenv("CLAIMCHECK_DB");
    for (const std::string& kv : env) {
      const std::size_t eq = kv.find('=');
      setenv(kv.substr(0, eq).c_str(), kv.substr(eq + 1).c_str(), 1);
    }
    std::vector<char*> raw;
    for (const std::string& a : argv) {
      raw.push_back(const_cast<char*>(a.c_str()));
    }
    raw.push_back(nullptr);
    execvp(raw[0], raw.data());
    _exit(127);
  }
  return pid;
}

// Waits for `pid`, started by SpawnProgram with `dir`, and reads its output.
inline ProgramRun WaitProgram(pid_t pid, const std::filesystem::path& dir) {
  int status = 0;
  REQUIRE(waitpid(pid, &status, 0) == pid);
  ProgramRun r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = Slurp((dir / "stdout").string());
  r.err = Slurp((dir / "stderr").string());
  return r;
}

}  // namespace claimcheck::testing

#endif  // CLAIMCHECK_TESTS_PROCESS_UTIL_H_
