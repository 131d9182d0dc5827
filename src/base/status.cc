// Status and Diagnostic formatting; file reading. Covered by
// tests/base/status_test.cc.
#include "claimcheck/status.h"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "claimcheck/diagnostic.h"
#include "claimcheck/io.h"

namespace claimcheck {

namespace {

const char* CodeName(Status::Code code) {
  switch (code) {
    case Status::Code::kOk:
      return "OK";
    case Status::Code::kInvalidArgument:
      return "invalid argument";
    case Status::Code::kNotFound:
      return "not found";
    case Status::Code::kCorruption:
      return "corruption";
    case Status::Code::kIOError:
      return "I/O error";
    case Status::Code::kNotSupported:
      return "not supported";
    case Status::Code::kInternal:
      return "internal error";
  }
  return "unknown";
}

}  // namespace

std::string Status::ToString() const {
  if (ok()) return "OK";
  return std::string(CodeName(code_)) + ": " + message_;
}

int Status::ExitCode() const {
  if (ok()) return 0;
  return code_ == Code::kInternal ? 3 : 2;
}

std::string Diagnostic::ToString() const {
  std::string out;
  for (const std::string* part : {&file, &where, &message}) {
    if (part->empty()) continue;
    if (!out.empty()) out += ": ";
    out += *part;
  }
  return out;
}

Result<std::string> ReadFile(const std::string& path, std::size_t max_bytes) {
  if (path == "-") {
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    std::string data = buffer.str();
    if (data.size() > max_bytes) {
      return Status::InvalidArgument("-: standard input is larger than " +
                                     std::to_string(max_bytes) + " bytes");
    }
    return data;
  }
  std::error_code ec;
  const std::filesystem::path p(path);
  if (std::filesystem::is_directory(p, ec)) {
    return Status::InvalidArgument(path + ": is a directory, not a file");
  }
  std::ifstream in(p, std::ios::binary);
  if (!in) {
    const int err = errno;
    if (!std::filesystem::exists(p, ec)) {
      return Status::NotFound(path + ": no such file");
    }
    return Status::IOError(path + ": cannot open: " + std::strerror(err));
  }
  const auto size = std::filesystem::file_size(p, ec);
  if (!ec && size > max_bytes) {
    return Status::InvalidArgument(path + ": file is larger than " +
                                   std::to_string(max_bytes) + " bytes");
  }
  // Read straight into the string, sized by the file's size (only a hint:
  // the file may change under us, so it grows when full). No block buffer
  // on the stack: its first use costs a page fault per 4 KB.
  std::string data(
      std::max<std::size_t>(ec ? 0 : static_cast<std::size_t>(size) + 1, 4096),
      '\0');
  // Full at max_bytes + 1: one byte past the limit is enough to refuse.
  const std::size_t cap = max_bytes + (max_bytes < SIZE_MAX ? 1 : 0);
  std::size_t used = 0;
  for (;;) {
    in.read(data.data() + used,
            static_cast<std::streamsize>(data.size() - used));
    used += static_cast<std::size_t>(in.gcount());
    if (used > max_bytes) {
      return Status::InvalidArgument(path + ": file is larger than " +
                                     std::to_string(max_bytes) + " bytes");
    }
    if (!in) break;  // end of file (or a failure, below)
    data.resize(data.size() > cap / 2 ? cap : 2 * data.size());
  }
  if (in.bad()) {
    return Status::IOError(path + ": read failed: " + std::strerror(errno));
  }
  data.resize(used);
  return data;
}

}  // namespace claimcheck
