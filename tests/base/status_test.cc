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

}  // namespace claimcheck
