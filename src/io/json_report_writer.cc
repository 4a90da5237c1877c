// The JSON report, written straight into a string by a JsonStream: a batch
// writes thousands of reports, and building a tree first (one allocation
// per node, each span's text copied in) cost as much as the rest of the
// writing. The tree and the pretty print are made from the text.
#include "io/json_report_writer.h"

#include <algorithm>
#include <cassert>
#include <string_view>

#include "io/report_section_writer.h"
#include "text/utf8.h"

namespace credence::internal {
namespace {

using Json = nlohmann::ordered_json;

// The tree in place of a report that could not be written.
Json FailedReportJson(std::string_view why) {
  return Json{{"schema_version", kReportSchemaVersion}, {"error", ValidUtf8(why)}};
}

}  // namespace

void WriteReportMembers(const Document& doc, const Report& report, const std::vector<std::string>& only,
                        JsonStream* json) {
  ReportSectionWriter sections(doc, json);
  // Writes a section only when it is wanted: a batch asking for a few
  // fields does not pay for the rest.
  auto add = [&](const char* key, const auto& write) {
    if (!only.empty() && std::find(only.begin(), only.end(), key) == only.end()) return;
    json->Key(key);
    write();
  };
  add("schema_version", [&] { json->String(kReportSchemaVersion); });
  add("credence_version", [&] { json->String(CREDENCE_VERSION); });
  add("input", [&] { sections.WriteInput(); });
  add("verdict", [&] { report.verdict ? sections.WriteVerdict(*report.verdict) : json->Null(); });
  add("site", [&] { report.site ? sections.WriteSite(*report.site) : json->Null(); });
  add("page", [&] { report.page ? sections.WritePage(*report.page) : json->Null(); });
  add("article", [&] { sections.WriteArticle(report.article); });
  add("removed", [&] { sections.WriteRemoved(report.article.removed); });
  add("structure", [&] { sections.WriteStructure(report.structure); });
  add("quotes", [&] { sections.WriteQuotes(report.quotes); });
  add("attributions", [&] { sections.WriteAttributions(report.attributions); });
  add("cues", [&] { sections.WriteCues(report.cues); });
  add("techniques", [&] { sections.WriteTechniques(report.techniques); });
  add("claims", [&] { sections.WriteClaims(report.claims); });
  add("headline", [&] { report.headline ? sections.WriteHeadline(*report.headline) : json->Null(); });
  add("fact_checks", [&] { sections.WriteFactChecks(report.fact_checks); });
  add("warnings", [&] { sections.WriteWarnings(report.warnings); });
}

void WriteErrorMember(std::string_view kind, std::string_view message, JsonStream* json) {
  json->Key("error").BeginObject();
  json->Key("kind").String(kind);
  json->Key("message").RepairedString(message);
  json->EndObject();
}

std::string ReportJsonText(const Document& doc, const Report& report, const std::vector<std::string>& only) {
  std::string out;
  JsonStream json(&out);
  json.BeginObject();
  WriteReportMembers(doc, report, only, &json);
  json.EndObject();
  return out;
}

nlohmann::ordered_json ReportToJson(const Document& doc, const Report& report,
                                    const std::vector<std::string>& only) {
  // The text is valid JSON by construction; should a parse fail anyway, it
  // gives a discarded value here instead of throwing.
  Json json = Json::parse(ReportJsonText(doc, report, only), nullptr, /*allow_exceptions=*/false);
  if (!json.is_discarded()) return json;
  assert(false && "a report's JSON text did not parse");
  return FailedReportJson("the report's JSON text did not parse");
}

std::string WriteJsonReport(const Document& doc, const Report& report, bool pretty) {
  std::string out = ReportJsonText(doc, report);
  if (pretty) {
    // nlohmann indents the text parsed back. It is valid JSON with valid
    // UTF-8 strings, so nothing can throw; the replace handler and the
    // catch keep the promise that the core throws nothing should that
    // ever change.
    try {
      out = Json::parse(out).dump(2, ' ', false, Json::error_handler_t::replace);
    } catch (const nlohmann::json::exception& e) {
      assert(false && "nlohmann::json threw while writing a report");
      return FailedReportJson(e.what()).dump() + "\n";
    }
  }
  out.push_back('\n');
  return out;
}

}  // namespace credence::internal
