// StreamBatch (batch_stream.h): RunBatch over the lines of a request body.
#include "server/batch_stream.h"

#include <atomic>
#include <optional>
#include <utility>

#include "io/byte_stream.h"
#include "io/record_reader.h"
#include "pipeline/batch_runner.h"
#include "pipeline/record_analysis.h"

namespace credence::internal {

BatchStreamCounts StreamBatch(const Analyzer& analyzer, std::string body, const BatchStreamOptions& options,
                              const std::function<bool(std::string_view line)>& write) {
  std::unique_ptr<RecordReader> reader = OpenJsonlRecords(OpenStringStream(std::move(body)), "request", options.max_record);
  const RecordFields fields;
  BatchStreamCounts counts;
  std::atomic<bool> cancelled{false};
  auto next = [&](BatchRecord* record) -> Result<bool> {
    if (cancelled.load(std::memory_order_relaxed)) return false;
    return reader->Next(record);
  };
  auto work = [&](BatchRecord&& record) {
    std::optional<AnalysisSlots::Held> slot;
    if (options.slots != nullptr) slot.emplace(*options.slots);
    return AnalyzeRecord(analyzer, std::move(record), fields, options.format, options.max_record);
  };
  auto emit = [&](BatchResult&& result) {
    if (cancelled.load(std::memory_order_relaxed)) return;
    if (!write(result.line)) {
      cancelled.store(true, std::memory_order_relaxed);
      return;
    }
    ++counts.records;
    if (!result.error_kind.empty()) ++counts.errors;
  };
  // A string stream cannot fail to read, so RunBatch's status is always ok.
  (void)RunBatch(next, work, emit, {.threads = options.threads, .ordered = true, .window = 0});
  counts.cancelled = cancelled.load();
  return counts;
}

}  // namespace credence::internal
