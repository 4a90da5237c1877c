// The credence command's exit codes, one per kind of failure, so scripts can
// tell a bad file from bad text; the table is in docs/exit-codes.md.
#pragma once

#include "credence/status.h"

namespace credence::internal {

inline constexpr int kExitOk = 0;
inline constexpr int kExitInternal = 1;   // a bug, out of memory, or output could not be written
inline constexpr int kExitUsage = 2;      // a wrong option or argument
inline constexpr int kExitNotFound = 3;   // the input (or --dictionary) is missing or unreadable
inline constexpr int kExitEmpty = 4;      // the input is empty or only white space
inline constexpr int kExitBinary = 5;     // the input is not text
inline constexpr int kExitTooLarge = 6;   // the input is above --max-bytes
inline constexpr int kExitDataError = 7;  // a bundled or given data file is malformed

// Returns the exit code documented for `code`.
int ExitCodeFor(StatusCode code);
// Returns the exit code documented for `status`'s code.
inline int ExitCodeFor(const Status& status) { return ExitCodeFor(status.code()); }

// Prints "credence: error: MESSAGE" to standard error; returns the exit code for `status`.
int Fail(const Status& status);

// A write of `what` ("the report", "the output") failed with errno `err`:
// prints why, unless the reader went away (EPIPE: nothing is wrong, so
// nothing is said); returns kExitInternal (docs/exit-codes.md, "Broken pipe").
int WriteFailed(const char* what, int err);

}  // namespace credence::internal
