// Maps each StatusCode to the exit code documented in docs/exit-codes.md.
#include "cli/exit_codes.h"

#include <cerrno>
#include <cstring>
#include <iostream>

namespace credence::internal {

int ExitCodeFor(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return kExitOk;
    case StatusCode::kInvalidArgument: return kExitUsage;
    case StatusCode::kNotFound: return kExitNotFound;
    case StatusCode::kIoError: return kExitNotFound;
    case StatusCode::kEmptyInput: return kExitEmpty;
    case StatusCode::kBinaryInput: return kExitBinary;
    case StatusCode::kTooLarge: return kExitTooLarge;
    case StatusCode::kDataError: return kExitDataError;
    case StatusCode::kInternal: return kExitInternal;
  }
  return kExitInternal;
}

int Fail(const Status& status) {
  std::cerr << "credence: error: " << status.message() << "\n";
  return ExitCodeFor(status);
}

int WriteFailed(const char* what, int err) {
  if (err == EPIPE) return kExitInternal;
  std::cerr << "credence: error: cannot write " << what;
  if (err != 0) std::cerr << ": " << std::strerror(err);
  std::cerr << "\n";
  return kExitInternal;
}

}  // namespace credence::internal
