// ReportSectionWriter: the value of each top-level key of the JSON report
// (docs/report-schema.md), written into a JsonStream. WriteReportMembers
// (json_report_writer.h) puts the keys in order and calls these; together
// they are the one description of the report's layout.
//
//   ReportSectionWriter sections(doc, &json);
//   json.Key("article");
//   sections.WriteArticle(report.article);
//
// Holds references to the Document and the stream, for one report.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "credence/document.h"
#include "credence/report.h"
#include "io/json_stream.h"

namespace credence::internal {

class ReportSectionWriter {
 public:
  // `doc` is what the report's spans point into; both must outlive this.
  ReportSectionWriter(const Document& doc, JsonStream* json);

  // Each writes one section's value as the stream's next value.
  void WriteInput();
  void WriteVerdict(const Verdict& verdict);
  void WriteSite(const SiteReputation& site);
  void WritePage(const PageInfo& page);
  void WriteArticle(const Article& article);
  void WriteRemoved(const std::vector<RemovedBlock>& removed);
  void WriteStructure(const Structure& structure);
  void WriteQuotes(const std::vector<Quote>& quotes);
  void WriteAttributions(const std::vector<Attribution>& attributions);
  void WriteCues(const std::vector<Cue>& cues);
  void WriteTechniques(const std::vector<TechniqueSpan>& techniques);
  void WriteClaims(const std::vector<Claim>& claims);
  void WriteHeadline(const HeadlineAssessment& headline);
  void WriteFactChecks(const FactCheckResults& results);
  void WriteWarnings(const std::vector<std::string>& warnings);

 private:
  // Spans, as objects {"start", "end", "text"} with text = doc.Slice(span):
  // the text alone, the three members, the object, and members whose value
  // is a span, a span or null, an array of spans.
  void SpanText(Span span);
  void SpanMembers(Span span);
  void SpanObject(Span span);
  void SpanMember(const char* key, Span span);
  void OptionalSpan(const char* key, const std::optional<Span>& span);
  void SpanArray(const char* key, const std::vector<Span>& spans);
  // A member whose value is ValidUtf8(s), or null when `s` is empty.
  void RepairedOrNull(const char* key, const std::string& s);
  // A member whose value is `v`: an integer when whole, else at most six
  // decimals; Rounded rounds to six decimals first (the verdict's numbers).
  void Number(const char* key, double v);
  void Rounded(const char* key, double v);
  // An array member of contributions {kind, name, value, contribution, spans}.
  void Contributions(const char* key, const std::vector<FeatureContribution>& features);
  // A fact-check match's members: the record's fields, score, bm25.
  void FactCheckMembers(const FactCheckMatch& match);
  // The verdict's reasons, as the "reasons" array.
  void Reasons(const std::vector<Reason>& reasons);

  const Document& doc_;
  JsonStream& json_;
  const bool repaired_;  // whether doc_ had bytes repaired, which its raw bytes still hold
};

}  // namespace credence::internal
