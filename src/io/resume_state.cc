// Reading a batch output back. A line (JSONL) or row (CSV) counts only when
// its newline was written; CSV rows are split with quotes respected, since
// a quoted field may hold a newline.
#include "io/resume_state.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <vector>

#include <nlohmann/json.hpp>

namespace credence::internal {
namespace {

// Splits one CSV row into fields (RFC 4180 quoting).
std::vector<std::string> CsvFields(const std::string& row) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < row.size(); ++i) {
    const char c = row[i];
    if (quoted) {
      if (c == '"' && i + 1 < row.size() && row[i + 1] == '"') {
        fields.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  return fields;
}

}  // namespace

Result<ResumeState> ReadResumeState(const std::string& path, bool csv) {
  ResumeState state;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (errno == ENOENT) return state;
    return Error(StatusCode::kIoError, "cannot read " + path + " to resume: " + std::strerror(errno));
  }
  std::string row;
  std::uint64_t offset = 0;
  std::size_t source_column = std::string::npos, position_column = std::string::npos;
  bool quoted = false;
  char c;
  while (in.get(c)) {
    ++offset;
    if (c == '"' && csv) quoted = !quoted;
    if (c != '\n' || quoted) {
      row += c;
      continue;
    }
    // A complete line or row ends here.
    state.kept_bytes = offset;
    if (csv) {
      const std::vector<std::string> fields = CsvFields(row);
      if (!state.has_header) {
        state.has_header = true;
        for (std::size_t i = 0; i < fields.size(); ++i) {
          if (fields[i] == "source") source_column = i;
          if (fields[i] == "position") position_column = i;
        }
        if (source_column == std::string::npos || position_column == std::string::npos)
          return Error(StatusCode::kDataError, path + " has no source and position columns: cannot resume it");
      } else if (fields.size() > std::max(source_column, position_column)) {
        state.done.insert(fields[source_column] + ":" + fields[position_column]);
      }
    } else {
      const nlohmann::json j = nlohmann::json::parse(row, nullptr, false);
      if (j.is_discarded() || !j.is_object() || !j.contains("source") || !j["source"].is_string() ||
          !j.contains("position") || !j["position"].is_number_unsigned())
        return Error(StatusCode::kDataError, path + " holds a line that is not a batch report: cannot resume it");
      state.done.insert(ResumeKey(j["source"].get<std::string>(), j["position"].get<std::uint64_t>()));
    }
    row.clear();
  }
  if (::truncate(path.c_str(), static_cast<off_t>(state.kept_bytes)) != 0)
    return Error(StatusCode::kIoError, "cannot cut the partial last line of " + path + ": " + std::strerror(errno));
  return state;
}

}  // namespace credence::internal
