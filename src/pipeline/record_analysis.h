// AnalyzeRecord: one batch record in, the line written for it out. The work
// of every batch worker, shared by `credence batch` and the HTTP API's
// POST /v1/batch, so that both write the same line for the same record.
#pragma once

#include <cstddef>

#include "credence/analyzer.h"
#include "io/batch_output.h"
#include "io/record_reader.h"
#include "pipeline/batch_runner.h"

namespace credence::internal {

// Parses the record when its JSONL line is still pending (ParseJsonRecord
// with `fields`), analyzes its body (text, HTML, or detected) and returns
// its line in `format`: the report, or an error line with the record's id
// and position when the record is bad or the analysis fails (error_kind set:
// "bad_record", "input", or the StatusCode name such as "empty_input").
BatchResult AnalyzeRecord(const Analyzer& analyzer, BatchRecord&& record, const RecordFields& fields,
                          const BatchFormat& format, std::size_t max_bytes);

}  // namespace credence::internal
