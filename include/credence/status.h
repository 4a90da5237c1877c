// Status and Result<T>: how every credence function that reads outside input
// reports failure. The core never throws; the edges (CLI, HTTP, Python)
// translate a Status into an exit code, an HTTP status or an exception.
//
//   credence::Result<credence::Document> doc = credence::Document::FromBytes(bytes);
//   if (!doc) { std::cerr << doc.error().ToString(); return ExitCodeFor(doc.error()); }
//
// Status and Result are plain values: safe to copy and share across threads.
#pragma once

#include <string>
#include <string_view>
#include <utility>

#include <tl/expected.hpp>

namespace credence {

// What went wrong, coarse enough for an edge to map to an exit code.
enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // a wrong option or parameter
  kNotFound,         // a named file does not exist
  kIoError,          // a file exists but could not be read
  kEmptyInput,       // the input is empty or holds only white space
  kBinaryInput,      // the input is not text (too many NUL or control bytes)
  kTooLarge,         // the input is larger than the configured maximum
  kDataError,        // a bundled or user-given data file is malformed
  kInternal,         // a bug: an invariant did not hold
};

// Returns the stable lower-case name of `code`, e.g. "empty_input".
std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // Returns "code_name: message", or "ok".
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// A value or the Status saying why there is none.
template <typename T>
using Result = tl::expected<T, Status>;

// Makes the error side of a Result: `return Error(StatusCode::kNotFound, "...");`
inline tl::unexpected<Status> Error(StatusCode code, std::string message) {
  return tl::unexpected<Status>(Status(code, std::move(message)));
}

}  // namespace credence
