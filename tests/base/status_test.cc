#include "claimcheck/status.h"

#include <sys/stat.h>

#include <csignal>
#include <fstream>
#include <thread>

#include "claimcheck/diagnostic.h"
#include "claimcheck/io.h"
#include "test_util.h"

namespace claimcheck {

TEST_CASE("Status: codes, messages and exit codes", "[status]") {
  CHECK(Status::OK().ok());
  CHECK(Status::OK().ExitCode() == 0);
  CHECK(Status::OK().ToString() == "OK");
  const Status bad = Status::InvalidArgument("a.txt: byte 3: bad");
  CHECK_FALSE(bad.ok());
  CHECK(bad.ExitCode() == 2);
  CHECK(bad.ToString() == "invalid argument: a.txt: byte 3: bad");
  CHECK(Status::NotFound("x").ExitCode() == 2);
  CHECK(Status::Corruption("x").ExitCode() == 2);
  CHECK(Status::IOError("x").ExitCode() == 2);
  CHECK(Status::Internal("x").ExitCode() == 3);
}

TEST_CASE("Result holds a value or a status", "[status]") {
  Result<int> good(42);
  REQUIRE(good.ok());
  CHECK(good.value() == 42);
  Result<int> bad(Status::NotFound("missing"));
  CHECK_FALSE(bad.ok());
  CHECK(bad.status().message() == "missing");
}

TEST_CASE("Diagnostic::ToString leaves out empty parts", "[status]") {
  CHECK(Diagnostic{"a.json", "line 2, column 5", "bad"}.ToString() ==
        "a.json: line 2, column 5: bad");
  CHECK(Diagnostic{"a.json", "", "bad"}.ToString() == "a.json: bad");
}

TEST_CASE("ReadFile names the file in its errors", "[io]") {
  auto missing = ReadFile("/nonexistent/claimcheck/file.txt");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == Status::Code::kNotFound);
  CHECK(missing.status().message().find("/nonexistent/claimcheck/file.txt") !=
        std::string::npos);

  auto dir = testing::TempDir("readfile");
  auto is_dir = ReadFile(dir.string());
  REQUIRE_FALSE(is_dir.ok());
  CHECK(is_dir.status().message().find("directory") != std::string::npos);

  testing::WriteFile(dir / "big.txt", std::string(100, 'x'));
  auto too_big = ReadFile((dir / "big.txt").string(), 10);
  REQUIRE_FALSE(too_big.ok());
  CHECK(too_big.status().code() == Status::Code::kInvalidArgument);

  auto fine = ReadFile((dir / "big.txt").string());
  REQUIRE(fine.ok());
  CHECK(fine.value().size() == 100);
}

TEST_CASE("ReadFile reads a file whole at any size, up to its limit", "[io]") {
  auto dir = testing::TempDir("readfile_sizes");
  for (std::size_t size : {0, 1, 4095, 4096, 4097, 65536, 200003}) {
    CAPTURE(size);
    std::string bytes(size, '\0');
    for (std::size_t i = 0; i < size; ++i) {
      bytes[i] = static_cast<char>('a' + i % 26);
    }
    const auto path = (dir / ("f" + std::to_string(size))).string();
    testing::WriteFile(path, bytes);
    auto read = ReadFile(path);
    REQUIRE(read.ok());
    CHECK(read.value() == bytes);
    // A limit of exactly the size passes; one byte less is refused.
    auto at_limit = ReadFile(path, size);
    REQUIRE(at_limit.ok());
    CHECK(at_limit.value() == bytes);
    if (size > 0) {
      auto over = ReadFile(path, size - 1);
      REQUIRE_FALSE(over.ok());
      CHECK(over.status().code() == Status::Code::kInvalidArgument);
    }
  }
  // A file whose size the system does not tell (0) is read whole all the
  // same, and its limit holds.
  auto status = ReadFile("/proc/self/status");
  REQUIRE(status.ok());
  CHECK(status.value().rfind("Name:", 0) == 0);
  CHECK(status.value().back() == '\n');
  auto small = ReadFile("/proc/self/status", 10);
  REQUIRE_FALSE(small.ok());
  CHECK(small.status().code() == Status::Code::kInvalidArgument);
}

TEST_CASE("ReadFile reads a pipe whole, and stops at its limit", "[io]") {
  // A pipe tells no size: the string grows as the bytes come, and the limit
  // is checked as they come.
  auto dir = testing::TempDir("readfile_fifo");
  const std::string fifo = (dir / "fifo").string();
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  std::string bytes(100003, '\0');
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    bytes[i] = static_cast<char>('a' + i % 26);
  }
  // The reader may close the pipe early: the writer then gets EPIPE, not
  // a signal.
  void (*old_handler)(int) = std::signal(SIGPIPE, SIG_IGN);
  auto feed = [&] {
    std::ofstream out(fifo, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  };
  std::thread writer(feed);
  auto whole = ReadFile(fifo);
  writer.join();
  REQUIRE(whole.ok());
  CHECK(whole.value() == bytes);

  writer = std::thread(feed);
  auto over = ReadFile(fifo, 50000);
  writer.join();
  std::signal(SIGPIPE, old_handler);
  REQUIRE_FALSE(over.ok());
  CHECK(over.status().code() == Status::Code::kInvalidArgument);
  CHECK(over.status().message().find("larger than 50000 bytes") !=
        std::string::npos);
}

}  // namespace claimcheck
