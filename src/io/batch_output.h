// What `credence batch` writes for each record: a JSONL line (the whole
// report, or the chosen fields) or a CSV row of summary columns, and the
// same shapes for a record that could not be analyzed (its error kind and
// message, with its id and position, so nothing is lost silently).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "credence/document.h"
#include "credence/report.h"
#include "credence/status.h"
#include "io/record_reader.h"

namespace credence::internal {

struct BatchFormat {
  bool csv = false;
  // JSONL: the report's top-level keys to keep plus "id", "source",
  // "position", "label", "probability"; empty = everything. CSV: the
  // columns (kCsvColumns by default).
  std::vector<std::string> fields;
};

// The CSV columns: id, source, position, url, title, label, probability,
// words, cues ("hedging=0.82;..."), clickbait (the headline's probability),
// techniques ("Doubt;Loaded_Language"), claims (how many), site (its
// consensus rating), removed (blocks), error.
extern const std::vector<std::string> kCsvColumns;

// The names in a comma-separated list ("label, cues"), blanks around them
// trimmed, empty ones and repeats skipped: `batch --fields` and /v1/batch's
// `fields`.
std::vector<std::string> ParseFieldList(std::string_view list);

// Returns "" when every name in `format.fields` is one the format knows,
// else a message naming the first unknown one.
std::string CheckFields(const BatchFormat& format);

// The CSV header line (with its newline), for CSV output.
std::string CsvHeader(const BatchFormat& format);

// The record's id as written: its own, or "SOURCE:POSITION".
std::string RecordId(const BatchRecord& record);

// The output line (with newline) for an analyzed record.
std::string ReportLine(const BatchRecord& record, const Document& doc, const Report& report,
                       const BatchFormat& format);

// The output line (with newline) for a record that failed: `kind` is a
// stable name ("bad_record", "empty_input", "too_large", ...).
std::string ErrorLine(const BatchRecord& record, const std::string& kind, const std::string& message,
                      const BatchFormat& format);

}  // namespace credence::internal
