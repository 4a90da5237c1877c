// ResumeState: what an interrupted `credence batch -o OUT` already wrote.
// Reads OUT's complete lines (JSONL) or rows (CSV), collects the
// "source:position" keys of the records they report, and cuts a last line
// that a killed run left half written, so that appending the rest of the
// batch loses no record and writes none twice.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_set>

#include "credence/status.h"

namespace credence::internal {

struct ResumeState {
  std::unordered_set<std::string> done;  // "SOURCE:POSITION" of every record already written
  std::uint64_t kept_bytes = 0;          // OUT's length after cutting a partial last line
  bool has_header = false;               // CSV: the header row is there already
};

// Reads `path` (a missing or empty file is a fresh start) and truncates it
// to its last complete line. CSV rows must carry "source" and "position"
// columns (the default columns do). Fails with kIoError when the file
// cannot be read or cut, kDataError when a complete line is not a batch
// output line.
[[nodiscard]] Result<ResumeState> ReadResumeState(const std::string& path, bool csv);

// The key of a record in ResumeState::done.
inline std::string ResumeKey(const std::string& source, std::uint64_t position) {
  return source + ":" + std::to_string(position);
}

}  // namespace credence::internal
