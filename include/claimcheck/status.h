// Status and Result<T>: how every library call reports success or failure.
// Library code never throws; callers check ok() and read message().
// Covered by tests/base/status_test.cc.
#ifndef CLAIMCHECK_STATUS_H_
#define CLAIMCHECK_STATUS_H_

#include <optional>
#include <string>
#include <utility>

namespace claimcheck {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidArgument,  // bad usage or a malformed input
    kNotFound,         // a file, concept or record that does not exist
    kCorruption,       // stored or curated data that breaks its format
    kIOError,          // the operating system refused a read or write
    kNotSupported,     // an input format or option this build cannot handle
    kInternal,         // a bug: an invariant of claimcheck itself broke
  };

  // A default-constructed Status is OK.
  Status() = default;

  static Status OK() { return Status(); }
  static Status InvalidArgument(std::string msg) {
    return Status(Code::kInvalidArgument, std::move(msg));
  }
  static Status NotFound(std::string msg) {
    return Status(Code::kNotFound, std::move(msg));
  }
  static Status Corruption(std::string msg) {
    return Status(Code::kCorruption, std::move(msg));
  }
  static Status IOError(std::string msg) {
    return Status(Code::kIOError, std::move(msg));
  }
  static Status NotSupported(std::string msg) {
    return Status(Code::kNotSupported, std::move(msg));
  }
  static Status Internal(std::string msg) {
    return Status(Code::kInternal, std::move(msg));
  }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  // The human-readable reason; empty for OK. Names the file and the place
  // (line, byte offset, record id) where one is known.
  const std::string& message() const { return message_; }
  // "OK" or "<code name>: <message>".
  std::string ToString() const;

  // The process exit code CLI.md assigns: 0 for OK, 3 for kInternal, 2 for
  // every other failure (bad usage or unreadable, malformed input).
  int ExitCode() const;

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}

  Code code_ = Code::kOk;
  std::string message_;
};

// A value or the Status that explains why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  // Precondition: ok().
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace claimcheck

#endif  // CLAIMCHECK_STATUS_H_
