#include "claimcheck/status.h"

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
  // same, growing past the first guess.
  auto status = ReadFile("/proc/self/status");
  REQUIRE(status.ok());
  CHECK(status.value().rfind("Name:", 0) == 0);
  CHECK(status.value().back() == '\n');
  // ~20 lines for each of a process's (at least ten) mappings: past 4 KB.
  auto smaps = ReadFile("/proc/self/smaps");
  REQUIRE(smaps.ok());
  CHECK(smaps.value().size() > 4096);
  CHECK(smaps.value().find("VmFlags:") != std::string::npos);
  CHECK(smaps.value().back() == '\n');
}

}  // namespace claimcheck
