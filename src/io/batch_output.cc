// Batch output lines. JSONL lines are the report of json_report_writer
// with the record's id, source and position in front; CSV rows quote every
// field that holds a comma, quote or line break (RFC 4180).
#include "io/batch_output.h"

#include <algorithm>
#include <cstdio>
#include <functional>

#include "credence/cue.h"
#include "io/compact_json.h"
#include "io/json_report_writer.h"
#include "text/utf8.h"

namespace credence::internal {
namespace {

using Json = nlohmann::ordered_json;

const std::vector<std::string> kJsonExtraFields = {"id", "source", "position", "label", "probability", "error"};
const std::vector<std::string> kReportKeys = {"schema_version", "credence_version", "input", "verdict", "site",
                                              "page", "article", "removed", "structure", "quotes",
                                              "attributions", "cues", "warnings"};

bool Known(const std::vector<std::string>& list, const std::string& name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

std::string CsvField(std::string s) {
  s = ValidUtf8(s);
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string CsvRow(const std::vector<std::string>& columns, const std::function<std::string(const std::string&)>& value) {
  std::string row;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (i > 0) row += ',';
    row += CsvField(value(columns[i]));
  }
  return row + "\n";
}

const std::vector<std::string>& Columns(const BatchFormat& f) { return f.fields.empty() ? kCsvColumns : f.fields; }

std::string Number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", v);
  return buf;
}

}  // namespace

const std::vector<std::string> kCsvColumns = {"id",    "source", "position", "url",  "title",   "label",
                                              "probability", "words", "cues", "site", "removed", "error"};

std::string CheckFields(const BatchFormat& format) {
  for (const std::string& f : format.fields) {
    const bool ok = format.csv ? Known(kCsvColumns, f) : (Known(kJsonExtraFields, f) || Known(kReportKeys, f));
    if (!ok)
      return "unknown field \"" + f + "\" for " + (format.csv ? "CSV" : "JSONL") + " output (see credence batch --help)";
  }
  return "";
}

std::string CsvHeader(const BatchFormat& format) {
  return CsvRow(Columns(format), [](const std::string& c) { return c; });
}

std::string RecordId(const BatchRecord& record) {
  return record.id.empty() ? record.source + ":" + std::to_string(record.position) : record.id;
}

std::string ReportLine(const BatchRecord& record, const Document& doc, const Report& report,
                       const BatchFormat& format) {
  const std::string label = report.verdict ? std::string(VerdictLabelName(report.verdict->label)) : "";
  const double probability = report.verdict ? report.verdict->probability_unreliable : -1;
  if (format.csv) {
    return CsvRow(Columns(format), [&](const std::string& c) -> std::string {
      if (c == "id") return RecordId(record);
      if (c == "source") return record.source;
      if (c == "position") return std::to_string(record.position);
      if (c == "url") return doc.url();
      if (c == "title") return doc.title();
      if (c == "label") return label;
      if (c == "probability") return report.verdict ? Number(probability) : "";
      if (c == "words") {
        std::size_t words = 0;
        for (const Token& t : report.structure.tokens) words += t.kind == TokenKind::kWord ? 1 : 0;
        return std::to_string(words);
      }
      if (c == "cues") {
        std::string out;
        for (const Cue& cue : report.cues)
          if (cue.strength > 0)
            out += (out.empty() ? "" : ";") + std::string(GetCueInfo(cue.id).name) + "=" + Number(cue.strength);
        return out;
      }
      if (c == "site") return report.site ? report.site->consensus : "";
      if (c == "removed") return std::to_string(report.article.removed.size());
      return "";  // error
    });
  }
  Json full = ReportToJson(doc, report, format.fields);
  Json j = Json::object();
  j["id"] = ValidUtf8(RecordId(record));
  j["source"] = ValidUtf8(record.source);
  j["position"] = record.position;
  if (format.fields.empty()) {
    for (auto& [key, value] : full.items()) j[key] = std::move(value);
  } else {
    for (const std::string& f : format.fields) {
      if (f == "id" || f == "source" || f == "position" || f == "error") continue;
      if (f == "label") j["label"] = label.empty() ? Json(nullptr) : Json(label);
      else if (f == "probability") j["probability"] = report.verdict ? Json(probability) : Json(nullptr);
      else j[f] = std::move(full[f]);
    }
  }
  std::string line = CompactJson(j);
  line.push_back('\n');
  return line;
}

std::string ErrorLine(const BatchRecord& record, const std::string& kind, const std::string& message,
                      const BatchFormat& format) {
  if (format.csv) {
    return CsvRow(Columns(format), [&](const std::string& c) -> std::string {
      if (c == "id") return RecordId(record);
      if (c == "source") return record.source;
      if (c == "position") return std::to_string(record.position);
      if (c == "url") return record.url;
      if (c == "title") return record.title;
      if (c == "error") return kind + ": " + message;
      return "";
    });
  }
  Json j = Json::object();
  j["id"] = ValidUtf8(RecordId(record));
  j["source"] = ValidUtf8(record.source);
  j["position"] = record.position;
  j["error"] = {{"kind", kind}, {"message", ValidUtf8(message)}};
  std::string line = CompactJson(j);
  line.push_back('\n');
  return line;
}

}  // namespace credence::internal
