// RunBatch: a parallel map over a stream of records with bounded memory.
// One thread reads records, `threads` workers process them, and the caller's
// writer receives the results in input order (or as they finish, with
// ordered = false). At most `window` records are in flight at once, so
// memory does not grow with the input.
//
//   RunBatch(reader, {.threads = 8}, [&](BatchRecord r) { return Analyze(r); },
//            [&](BatchResult&& r) { out << r.line; }, progress);
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include "credence/status.h"
#include "io/record_reader.h"

namespace credence::internal {

struct BatchOptions {
  std::size_t threads = 0;   // workers; 0 = one per core
  bool ordered = true;       // write results in input order
  std::size_t window = 0;    // records in flight at most; 0 = 16 per worker
};

// What a worker made of one record.
struct BatchResult {
  std::uint64_t index = 0;   // 0-based position in the whole batch
  std::string line;          // what to write (a JSONL line, a CSV row), with its newline
  std::string error_kind;    // "" for a record analyzed, else e.g. "bad_json", "empty_input"
  std::string label;         // the verdict's label, or ""
  std::uint64_t input_bytes = 0;
};

struct BatchProgress {
  std::uint64_t records = 0;     // written so far
  std::uint64_t errors = 0;
  std::uint64_t bytes_read = 0;  // of the input (compressed bytes for gzip)
  std::uint64_t total_bytes = 0; // 0 when unknown (standard input)
  std::chrono::steady_clock::duration elapsed{};
};

// Reads every record of `next` (which returns false at the end), processes
// it with `work` on the workers and passes the result to `write` on one
// thread. `progress`, when set, is called on the writing thread after
// writes, at most every `progress_every`. Returns the reader's failure, if
// any (the records before it are processed and written); `work` must not
// throw. Thread-safe as long as `work` is.
Status RunBatch(const std::function<Result<bool>(BatchRecord*)>& next,
                const std::function<BatchResult(BatchRecord&&)>& work,
                const std::function<void(BatchResult&&)>& write, const BatchOptions& options,
                const std::function<void(const BatchProgress&)>& progress = {},
                std::chrono::milliseconds progress_every = std::chrono::milliseconds(250),
                const std::function<std::pair<std::uint64_t, std::uint64_t>()>& bytes = {});

}  // namespace credence::internal
