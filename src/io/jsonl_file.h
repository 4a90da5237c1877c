// Reading a JSON Lines file of labelled records, one JSON object a line, as
// the corpus and task-data builders in tools/ write them. One bad line is an
// error message ("FILE: line 12: bad JSON: ..."), never an abort; the rest
// of the file is still read.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "credence/status.h"

namespace credence::internal {

// Calls `on_object` with each line's object, in order; blank lines are
// skipped. A line that is not JSON, not an object, or that `on_object`
// refuses, appends "PATH: line N: reason" to *errors. Fails only when the
// file cannot be opened or read.
[[nodiscard]] Status ForEachJsonLine(const std::string& path,
                                     const std::function<Status(const nlohmann::json&)>& on_object,
                                     std::vector<std::string>* errors);

// The records of a JSON Lines file, and one message per line skipped.
template <typename Record>
struct JsonlRecords {
  std::vector<Record> records;
  std::vector<std::string> errors;  // "PATH: line N: reason"
};

// Reads every line of `path` into a Record with `parse` (a callable taking
// the line's object and returning Result<Record>); refused lines land in
// errors. Fails only when the file cannot be opened or read.
template <typename Record, typename Parse>
[[nodiscard]] Result<JsonlRecords<Record>> ReadJsonlRecords(const std::string& path, Parse parse) {
  JsonlRecords<Record> file;
  Status s = ForEachJsonLine(
      path,
      [&](const nlohmann::json& j) -> Status {
        Result<Record> r = parse(j);
        if (!r) return r.error();
        file.records.push_back(std::move(*r));
        return Status::Ok();
      },
      &file.errors);
  if (!s.ok()) return tl::unexpected(s);
  return file;
}

// Returns the string field `name` of `j` in *out: absent or null leaves it
// empty; another type is an error naming the field.
[[nodiscard]] Status ReadStringField(const nlohmann::json& j, const char* name, std::string* out);

}  // namespace credence::internal
