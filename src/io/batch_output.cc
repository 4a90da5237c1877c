// Batch output lines. JSONL lines are the report of json_report_writer
// (or the sections asked for) with the record's id, source and position in
// front, streamed into the line with no tree; CSV rows quote every field
// that holds a comma, quote or line break (RFC 4180).
#include "io/batch_output.h"

#include <algorithm>
#include <cstdio>
#include <functional>

#include "credence/cue.h"
#include "io/json_report_writer.h"
#include "io/json_stream.h"
#include "text/utf8.h"

namespace credence::internal {
namespace {

const std::vector<std::string> kJsonExtraFields = {"id", "source", "position", "label", "probability", "error"};
const std::vector<std::string> kReportKeys = {"schema_version", "credence_version", "input", "verdict", "site",
                                              "page", "article", "removed", "structure", "quotes",
                                              "attributions", "cues", "techniques", "claims", "headline",
                                              "fact_checks", "warnings"};
// CSV columns written only when --fields names them.
const std::vector<std::string> kCsvOptionalColumns = {"fact_checks", "fact_check_falsity"};

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

// Opens a JSONL line's object and writes the record's id, source and
// position, the keys every line starts with.
void BeginRecordLine(const BatchRecord& record, JsonStream* json) {
  json->BeginObject();
  json->Key("id").RepairedString(RecordId(record));
  json->Key("source").RepairedString(record.source);
  json->Key("position").Uint(record.position);
}

// Writes the JSONL fields asked for (the record's own keys are written
// already), in the order asked for; a name given twice keeps its first
// place. Each report key's section is written alone (`only`), so the rest
// is not built.
void WriteChosenFields(const Document& doc, const Report& report, const std::vector<std::string>& fields,
                       JsonStream* json) {
  std::vector<std::string> written;
  for (const std::string& f : fields) {
    if (f == "id" || f == "source" || f == "position" || f == "error" || Known(written, f)) continue;
    written.push_back(f);
    if (f == "label") {
      json->Key("label");
      if (report.verdict) json->String(VerdictLabelName(report.verdict->label));
      else json->Null();
    } else if (f == "probability") {
      json->Key("probability");
      if (report.verdict) json->Double(report.verdict->probability_unreliable);
      else json->Null();
    } else {
      WriteReportMembers(doc, report, {f}, json);
    }
  }
}

}  // namespace

const std::vector<std::string> kCsvColumns = {"id",        "source",    "position", "url",    "title",
                                              "label",     "probability", "words",  "cues",   "clickbait",
                                              "techniques", "claims",    "site",     "removed", "error"};

std::vector<std::string> ParseFieldList(std::string_view list) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i <= list.size();) {
    const std::size_t comma = std::min(list.find(',', i), list.size());
    std::string_view f = list.substr(i, comma - i);
    f.remove_prefix(std::min(f.find_first_not_of(' '), f.size()));
    f = f.substr(0, f.find_last_not_of(' ') + 1);
    if (!f.empty() && std::find(out.begin(), out.end(), f) == out.end()) out.emplace_back(f);
    i = comma + 1;
  }
  return out;
}

std::string CheckFields(const BatchFormat& format) {
  for (const std::string& f : format.fields) {
    const bool ok = format.csv ? Known(kCsvColumns, f) || Known(kCsvOptionalColumns, f)
                               : (Known(kJsonExtraFields, f) || Known(kReportKeys, f));
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
  if (format.csv) {
    const std::string label = report.verdict ? std::string(VerdictLabelName(report.verdict->label)) : "";
    const double probability = report.verdict ? report.verdict->probability_unreliable : -1;
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
      if (c == "clickbait") return report.headline ? Number(report.headline->clickbait_probability) : "";
      if (c == "techniques") {
        std::string out;
        for (const TechniqueSpan& t : report.techniques) out += (out.empty() ? "" : ";") + std::string(TechniqueName(t.technique));
        return out;
      }
      if (c == "claims") return std::to_string(report.claims.size());
      if (c == "fact_checks") return report.fact_checks.searched ? std::to_string(report.fact_checks.matches.size()) : "";
      if (c == "fact_check_falsity") {  // the best match's falsity, when it has one
        if (report.fact_checks.matches.empty() || !report.fact_checks.matches[0].match.fact_check.falsity) return "";
        return Number(*report.fact_checks.matches[0].match.fact_check.falsity);
      }
      if (c == "site") return report.site ? report.site->consensus : "";
      if (c == "removed") return std::to_string(report.article.removed.size());
      return "";  // error
    });
  }
  // The record's keys, then the report's members streamed after them: no
  // tree at all.
  std::string line;
  JsonStream json(&line);
  BeginRecordLine(record, &json);
  if (format.fields.empty()) WriteReportMembers(doc, report, {}, &json);
  else WriteChosenFields(doc, report, format.fields, &json);
  json.EndObject();
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
  std::string line;
  JsonStream json(&line);
  BeginRecordLine(record, &json);
  WriteErrorMember(kind, message, &json);
  json.EndObject();
  line.push_back('\n');
  return line;
}

}  // namespace credence::internal
