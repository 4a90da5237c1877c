// ReportSectionWriter (report_section_writer.h). Strings that did not come
// through Document::Slice (url, title, rule names, details, warnings) are
// repaired with ValidUtf8 as they are written, so the report is valid UTF-8.
#include "io/report_section_writer.h"

#include <cmath>
#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include "io/compact_json.h"
#include "io/page_json_writer.h"
#include "text/utf8.h"

namespace credence::internal {
namespace {

std::string_view RoleName(ParagraphRole role) {
  switch (role) {
    case ParagraphRole::kHeadline: return "headline";
    case ParagraphRole::kStandfirst: return "standfirst";
    case ParagraphRole::kBody: return "body";
  }
  return "body";
}

}  // namespace

ReportSectionWriter::ReportSectionWriter(const Document& doc, JsonStream* json)
    : doc_(doc), json_(*json), repaired_(doc.invalid_utf8_bytes() + doc.nul_bytes() + doc.control_bytes() > 0) {}

// Writes doc.Slice(span) without making it when nothing in the input needed
// repair and the span holds whole characters (nearly always): Slice would
// only copy those bytes.
void ReportSectionWriter::SpanText(Span span) {
  const bool can_view = !repaired_ && span.start < span.end && span.end <= doc_.size();
  if (can_view && json_.StringIfValid(doc_.View(span))) return;
  json_.String(doc_.Slice(span));
}

// Writes "start", "end" and "text" into the open object.
void ReportSectionWriter::SpanMembers(Span span) {
  json_.Key("start").Uint(span.start);
  json_.Key("end").Uint(span.end);
  json_.Key("text");
  SpanText(span);
}

void ReportSectionWriter::SpanObject(Span span) {
  json_.BeginObject();
  SpanMembers(span);
  json_.EndObject();
}

void ReportSectionWriter::SpanMember(const char* key, Span span) {
  json_.Key(key);
  SpanObject(span);
}

void ReportSectionWriter::OptionalSpan(const char* key, const std::optional<Span>& span) {
  json_.Key(key);
  if (span) SpanObject(*span);
  else json_.Null();
}

void ReportSectionWriter::SpanArray(const char* key, const std::vector<Span>& spans) {
  json_.Key(key).BeginArray();
  for (const Span& s : spans) SpanObject(s);
  json_.EndArray();
}

void ReportSectionWriter::RepairedOrNull(const char* key, const std::string& s) {
  if (s.empty()) json_.Key(key).Null();
  else json_.Key(key).RepairedString(s);
}

// Whole numbers (vote counts) print as integers, the rest with at most six
// decimals, so that 7.792208 parsed from the page does not print as
// 7.7922080000000005.
void ReportSectionWriter::Number(const char* key, double v) {
  if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 9e15) json_.Key(key).Int(static_cast<int64_t>(v));
  else json_.Key(key).Double(std::isfinite(v) ? std::round(v * 1e6) / 1e6 : v);
}

void ReportSectionWriter::Rounded(const char* key, double v) { Number(key, std::round(v * 1e6) / 1e6); }

void ReportSectionWriter::Contributions(const char* key, const std::vector<FeatureContribution>& features) {
  json_.Key(key).BeginArray();
  for (const FeatureContribution& f : features) {
    json_.BeginObject();
    json_.Key("kind").String(FeatureKindName(f.kind));
    json_.Key("name").RepairedString(f.name);
    Rounded("value", f.value);
    Rounded("contribution", f.contribution);
    SpanArray("spans", f.spans);
    json_.EndObject();
  }
  json_.EndArray();
}

void ReportSectionWriter::Reasons(const std::vector<Reason>& reasons) {
  json_.Key("reasons").BeginArray();
  for (const Reason& r : reasons) {
    json_.BeginObject();
    json_.Key("role").String(r.role == ReasonRole::kAdjustment ? "adjustment" : "evidence");
    json_.Key("kind").String(FeatureKindName(r.kind));
    json_.Key("direction").String(r.contribution > 0 ? "raises" : "lowers");
    json_.Key("text").RepairedString(r.text);
    Rounded("effect", r.effect);
    Rounded("contribution", r.contribution);
    SpanArray("spans", r.spans);
    json_.Key("features").BeginArray();
    for (const std::string& name : r.features) json_.RepairedString(name);
    json_.EndArray();
    json_.EndObject();
  }
  json_.EndArray();
}

void ReportSectionWriter::WriteInput() {
  json_.BeginObject();
  json_.Key("bytes").Uint(doc_.size());
  RepairedOrNull("url", doc_.url());
  RepairedOrNull("title", doc_.title());
  json_.Key("invalid_utf8_bytes").Uint(doc_.invalid_utf8_bytes());
  json_.Key("nul_bytes").Uint(doc_.nul_bytes());
  json_.Key("control_bytes").Uint(doc_.control_bytes());
  json_.EndObject();
}

void ReportSectionWriter::WriteVerdict(const Verdict& verdict) {
  json_.BeginObject();
  Rounded("probability_unreliable", verdict.probability_unreliable);
  json_.Key("label").String(VerdictLabelName(verdict.label));
  // Why the model does not judge (label "insufficient"), else null.
  if (verdict.label == VerdictLabel::kInsufficient)
    json_.Key("insufficient_reason").RepairedString(verdict.insufficient_reason);
  else
    json_.Key("insufficient_reason").Null();
  json_.Key("thresholds").BeginObject();
  json_.Key("reliable_below").Double(kReliableBelow);
  json_.Key("unreliable_from").Double(kUnreliableFrom);
  json_.EndObject();
  Rounded("logit", verdict.logit);
  Rounded("bias", verdict.bias);
  Reasons(verdict.reasons);
  Rounded("other_contribution", verdict.other_contribution);
  Contributions("top_features", verdict.top_features);
  Rounded("rest", verdict.rest);
  json_.Key("feature_count").Uint(verdict.feature_count);
  json_.Key("model").RepairedString(verdict.model_id);
  json_.EndObject();
}

void ReportSectionWriter::WriteSite(const SiteReputation& site) {
  json_.BeginObject();
  json_.Key("domain").RepairedString(site.domain);
  json_.Key("consensus").String(site.consensus);
  json_.Key("raters_unreliable").Int(site.raters_unreliable);
  json_.Key("raters_rated").Int(site.raters_rated);
  json_.Key("raters").BeginArray();
  for (const RaterVote& v : site.raters) {
    json_.BeginObject();
    json_.Key("rater").RepairedString(v.rater);
    json_.Key("name").RepairedString(v.name);
    json_.Key("rating").String(v.rating);
    json_.Key("list").RepairedString(v.list);
    json_.Key("date").String(v.date);
    json_.Key("snapshots").Int(v.snapshots);
    json_.Key("first_date").String(v.first_date);
    json_.Key("last_date").String(v.last_date);
    json_.EndObject();
  }
  json_.EndArray();
  json_.Key("lists_unreliable").Int(site.lists_unreliable);
  json_.Key("lists_rated").Int(site.lists_rated);
  json_.Key("ratings").BeginArray();
  for (const SiteRating& r : site.ratings) {
    json_.BeginObject();
    json_.Key("list").String(r.list);
    json_.Key("rater").String(r.rater);
    json_.Key("date").String(r.date);
    json_.Key("rating").String(r.rating);
    json_.Key("factuality").String(r.factuality);
    json_.Key("bias").String(r.bias);
    json_.Key("detail").RepairedString(r.detail);
    json_.EndObject();
  }
  json_.EndArray();
  json_.EndObject();
}

// The page's metadata and links come as a small tree, shared with `credence
// extract`; its members are written one by one so that "text" can follow.
void ReportSectionWriter::WritePage(const PageInfo& page) {
  const nlohmann::ordered_json info = PageInfoToJson(doc_.text(), page);
  json_.BeginObject();
  for (auto it = info.begin(); it != info.end(); ++it) {
    json_.Key(it.key());
    WriteJsonValue(it.value(), &json_);
  }
  json_.Key("text").RepairedString(doc_.text());  // what every span of an HTML input's report points into
  json_.EndObject();
}

void ReportSectionWriter::WriteArticle(const Article& article) {
  json_.BeginObject();
  OptionalSpan("headline", article.headline);
  OptionalSpan("standfirst", article.standfirst);
  OptionalSpan("byline", article.byline);
  OptionalSpan("date", article.date);
  RepairedOrNull("given_title", article.given_title);
  SpanArray("body", article.body);
  json_.EndObject();
}

void ReportSectionWriter::WriteRemoved(const std::vector<RemovedBlock>& removed) {
  json_.BeginArray();
  for (const RemovedBlock& r : removed) {
    json_.BeginObject();
    json_.Key("category").String(RemovedCategoryName(r.category));
    json_.Key("rule").RepairedString(r.rule);
    SpanMembers(r.span);
    if (r.category == RemovedCategory::kWidget) {
      json_.Key("widget").BeginObject();
      auto put = [this](const char* key, const std::optional<double>& v) {
        if (v) Number(key, *v);  // only the numbers the widget showed
      };
      put("points", r.widget.points);
      put("total", r.widget.total);
      put("up", r.widget.up);
      put("down", r.widget.down);
      put("up_percent", r.widget.up_percent);
      put("down_percent", r.widget.down_percent);
      json_.EndObject();
    }
    json_.EndObject();
  }
  json_.EndArray();
}

void ReportSectionWriter::WriteStructure(const Structure& structure) {
  json_.BeginObject();
  json_.Key("paragraphs").BeginArray();
  for (const Paragraph& p : structure.paragraphs) {
    json_.BeginObject();
    json_.Key("role").String(RoleName(p.role));
    SpanMembers(p.span);
    json_.Key("sentences").BeginArray();
    for (std::size_t i = p.first_sentence; i < p.end_sentence && i < structure.sentences.size(); ++i)
      SpanObject(structure.sentences[i].span);
    json_.EndArray();
    json_.EndObject();
  }
  json_.EndArray();
  std::size_t words = 0;
  for (const Token& t : structure.tokens) words += t.kind == TokenKind::kWord ? 1 : 0;
  json_.Key("counts").BeginObject();
  json_.Key("paragraphs").Uint(structure.paragraphs.size());
  json_.Key("sentences").Uint(structure.sentences.size());
  json_.Key("tokens").Uint(structure.tokens.size());
  json_.Key("words").Uint(words);
  json_.EndObject();
  json_.EndObject();
}

void ReportSectionWriter::WriteQuotes(const std::vector<Quote>& quotes) {
  json_.BeginArray();
  for (const Quote& q : quotes) {
    json_.BeginObject();
    SpanMembers(q.span);
    SpanMember("inner", q.inner);
    OptionalSpan("speaker", q.speaker);
    if (q.attribution >= 0) json_.Key("attribution").Int(q.attribution);
    else json_.Key("attribution").Null();
    json_.EndObject();
  }
  json_.EndArray();
}

void ReportSectionWriter::WriteAttributions(const std::vector<Attribution>& attributions) {
  json_.BeginArray();
  for (const Attribution& a : attributions) {
    json_.BeginObject();
    SpanMembers(a.span);
    SpanMember("verb", a.verb);
    OptionalSpan("source", a.source);
    json_.Key("source_kind").String(SourceKindName(a.kind));
    RepairedOrNull("outlet", a.outlet);
    RepairedOrNull("link", a.link);
    json_.EndObject();
  }
  json_.EndArray();
}

void ReportSectionWriter::WriteCues(const std::vector<Cue>& cues) {
  json_.BeginArray();
  for (const Cue& c : cues) {
    const CueInfo& info = GetCueInfo(c.id);
    json_.BeginObject();
    json_.Key("id").String(info.name);
    json_.Key("description").String(info.description);
    json_.Key("strength").Double(std::round(c.strength * 1000.0) / 1000.0);  // a double even when whole: 1.0
    json_.Key("detail").RepairedString(c.detail);
    SpanArray("evidence", c.evidence);
    json_.EndObject();
  }
  json_.EndArray();
}

void ReportSectionWriter::WriteTechniques(const std::vector<TechniqueSpan>& techniques) {
  json_.BeginArray();
  for (const TechniqueSpan& t : techniques) {
    json_.BeginObject();
    SpanMembers(t.span);
    json_.Key("technique").String(TechniqueName(t.technique));
    json_.Key("label").String(TechniqueTitle(t.technique));
    Rounded("probability", t.probability);
    Rounded("span_probability", t.span_probability);
    json_.EndObject();
  }
  json_.EndArray();
}

void ReportSectionWriter::WriteClaims(const std::vector<Claim>& claims) {
  json_.BeginArray();
  for (const Claim& c : claims) {
    json_.BeginObject();
    SpanMembers(c.span);
    Rounded("probability", c.probability);
    json_.Key("fact_checks").BeginArray();
    for (const FactCheckMatch& m : c.fact_checks) {
      json_.BeginObject();
      FactCheckMembers(m);
      json_.EndObject();
    }
    json_.EndArray();
    json_.EndObject();
  }
  json_.EndArray();
}

void ReportSectionWriter::FactCheckMembers(const FactCheckMatch& m) {
  const FactCheck& f = m.fact_check;
  RepairedOrNull("id", f.id);
  RepairedOrNull("claim", f.claim);
  RepairedOrNull("title", f.title);
  RepairedOrNull("verdict", f.verdict);
  RepairedOrNull("rating_scale", f.rating_scale);
  if (f.falsity) Rounded("falsity", *f.falsity);
  else json_.Key("falsity").Null();
  RepairedOrNull("publisher", f.publisher);
  RepairedOrNull("date", f.date);
  RepairedOrNull("url", f.url);
  RepairedOrNull("language", f.language);
  RepairedOrNull("speaker", f.speaker);
  RepairedOrNull("source", f.source);
  Rounded("score", m.score);
  Rounded("bm25", m.bm25);
  Rounded("words_shared", m.words_shared);
}

void ReportSectionWriter::WriteFactChecks(const FactCheckResults& results) {
  json_.BeginObject();
  json_.Key("searched").Bool(results.searched);
  RepairedOrNull("note", results.note);
  RepairedOrNull("index", results.index);
  json_.Key("index_size").Uint(results.index_size);
  Rounded("min_score", results.min_score);
  json_.Key("matches").BeginArray();
  for (const FactCheckFinding& f : results.matches) {
    json_.BeginObject();
    SpanMember("passage", f.span);
    FactCheckMembers(f.match);
    json_.EndObject();
  }
  json_.EndArray();
  json_.EndObject();
}

void ReportSectionWriter::WriteHeadline(const HeadlineAssessment& headline) {
  json_.BeginObject();
  json_.Key("span");
  if (headline.span.empty()) json_.Null();
  else SpanObject(headline.span);
  Rounded("clickbait_probability", headline.clickbait_probability);
  Contributions("top_features", headline.top_features);
  json_.EndObject();
}

void ReportSectionWriter::WriteWarnings(const std::vector<std::string>& warnings) {
  json_.BeginArray();
  for (const std::string& w : warnings) json_.RepairedString(w);
  json_.EndArray();
}

}  // namespace credence::internal
