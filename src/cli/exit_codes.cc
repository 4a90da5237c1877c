// Maps each StatusCode to the exit code documented in docs/exit-codes.md.
#include "cli/exit_codes.h"

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

}  // namespace credence::internal
