// StreamBatch: the work behind POST /v1/batch. A JSONL body (one article per
// line, read as `credence batch` reads JSONL) is analyzed on several threads
// and each record's line is handed to `write` in input order as soon as it
// is ready, so that the first answers leave before the last are analyzed.
// A bad line becomes an error line and the rest goes on, as in the CLI.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "credence/analyzer.h"
#include "credence/status.h"
#include "io/batch_output.h"
#include "server/analysis_slots.h"

namespace credence::internal {

struct BatchStreamOptions {
  std::size_t threads = 0;        // analysis threads; 0 = one per core
  std::size_t max_record = std::size_t{16} << 20;  // bytes of one line (and of one article)
  BatchFormat format;             // JSONL: the whole report or the chosen fields
  AnalysisSlots* slots = nullptr; // when set, each analysis holds one of these slots
};

struct BatchStreamCounts {
  std::size_t records = 0;        // lines written
  std::size_t errors = 0;         // of which error lines
  bool cancelled = false;         // `write` refused (the client went away): stopped early
};

// Analyzes every line of `body` and calls `write` once per record, from one
// thread at a time. When `write` returns false, reading stops; the records
// in flight are finished and dropped. Records carry source "request" and
// their line number as position.
BatchStreamCounts StreamBatch(const Analyzer& analyzer, std::string body, const BatchStreamOptions& options,
                              const std::function<bool(std::string_view line)>& write);

}  // namespace credence::internal
