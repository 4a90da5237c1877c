// AnalyzeRecord (record_analysis.h): a batch record to its output line.
#include "pipeline/record_analysis.h"

#include <string>
#include <utility>

#include "pipeline/analyze_input.h"

namespace credence::internal {

BatchResult AnalyzeRecord(const Analyzer& analyzer, BatchRecord&& record, const RecordFields& fields,
                          const BatchFormat& format, std::size_t max_bytes) {
  BatchResult result;
  auto failed = [&](const std::string& kind, const std::string& message) {
    result.error_kind = kind;
    result.line = ErrorLine(record, kind, message, format);
    return result;
  };
  ParseJsonRecord(fields, &record);
  result.input_bytes = record.body.size();
  if (!record.error.empty()) return failed(record.error_kind_input ? "input" : "bad_record", record.error);
  const InputKind kind = record.html ? InputKind::kHtml : record.detect_html ? InputKind::kAuto : InputKind::kText;
  Result<AnalyzedInput> done = AnalyzeInput(
      analyzer, std::move(record.body), {.url = record.url, .title = record.title, .kind = kind, .max_bytes = max_bytes});
  if (!done) return failed(std::string(StatusCodeName(done.error().code())), done.error().message());
  if (done->report.verdict) result.label = std::string(VerdictLabelName(done->report.verdict->label));
  result.line = ReportLine(record, done->document, done->report, format);
  return result;
}

}  // namespace credence::internal
