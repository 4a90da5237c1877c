// The JSON report. Keys are inserted in the documented order (ordered_json),
// and strings that did not come through Document::Slice (url, title, rule
// names, details, warnings) are made valid UTF-8 first, because nlohmann
// throws on invalid UTF-8 when dumping.
#include "io/json_report_writer.h"

#include "io/compact_json.h"
#include "io/page_json_writer.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdint>
#include <string_view>

#include "text/utf8.h"

namespace credence::internal {
namespace {

using Json = nlohmann::ordered_json;


Json SpanJson(const Document& doc, Span span) {
  Json j = Json::object();
  j["start"] = span.start;
  j["end"] = span.end;
  j["text"] = doc.Slice(span);
  return j;
}

Json OptionalSpanJson(const Document& doc, const std::optional<Span>& span) {
  return span ? SpanJson(doc, *span) : Json(nullptr);
}

// Whole numbers (vote counts) print as integers, the rest with at most six
// decimals, so that 7.792208 parsed from the page does not print as
// 7.7922080000000005.
Json NumberJson(double v) {
  if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 9e15) return static_cast<int64_t>(v);
  return std::isfinite(v) ? std::round(v * 1e6) / 1e6 : v;
}

Json InputJson(const Document& doc) {
  Json j = Json::object();
  j["bytes"] = doc.size();
  j["url"] = doc.url().empty() ? Json(nullptr) : Json(ValidUtf8(doc.url()));
  j["title"] = doc.title().empty() ? Json(nullptr) : Json(ValidUtf8(doc.title()));
  j["invalid_utf8_bytes"] = doc.invalid_utf8_bytes();
  j["nul_bytes"] = doc.nul_bytes();
  j["control_bytes"] = doc.control_bytes();
  return j;
}

Json ArticleJson(const Document& doc, const Article& article) {
  Json j = Json::object();
  j["headline"] = OptionalSpanJson(doc, article.headline);
  j["standfirst"] = OptionalSpanJson(doc, article.standfirst);
  j["byline"] = OptionalSpanJson(doc, article.byline);
  j["date"] = OptionalSpanJson(doc, article.date);
  j["given_title"] = article.given_title.empty() ? Json(nullptr) : Json(ValidUtf8(article.given_title));
  Json body = Json::array();
  for (const Span& s : article.body) body.push_back(SpanJson(doc, s));
  j["body"] = std::move(body);
  return j;
}

Json WidgetJson(const WidgetCounts& w) {
  Json j = Json::object();
  auto put = [&j](const char* key, const std::optional<double>& v) {
    if (v) j[key] = NumberJson(*v);
  };
  put("points", w.points);
  put("total", w.total);
  put("up", w.up);
  put("down", w.down);
  put("up_percent", w.up_percent);
  put("down_percent", w.down_percent);
  return j;
}

Json RemovedJson(const Document& doc, const std::vector<RemovedBlock>& removed) {
  Json out = Json::array();
  for (const RemovedBlock& r : removed) {
    Json j = Json::object();
    j["category"] = std::string(RemovedCategoryName(r.category));
    j["rule"] = ValidUtf8(r.rule);
    j["start"] = r.span.start;
    j["end"] = r.span.end;
    j["text"] = doc.Slice(r.span);
    if (r.category == RemovedCategory::kWidget) j["widget"] = WidgetJson(r.widget);
    out.push_back(std::move(j));
  }
  return out;
}

std::string_view RoleName(ParagraphRole role) {
  switch (role) {
    case ParagraphRole::kHeadline: return "headline";
    case ParagraphRole::kStandfirst: return "standfirst";
    case ParagraphRole::kBody: return "body";
  }
  return "body";
}

Json StructureJson(const Document& doc, const Structure& st) {
  Json paragraphs = Json::array();
  for (const Paragraph& p : st.paragraphs) {
    Json j = Json::object();
    j["role"] = std::string(RoleName(p.role));
    j["start"] = p.span.start;
    j["end"] = p.span.end;
    j["text"] = doc.Slice(p.span);
    Json sentences = Json::array();
    for (std::size_t i = p.first_sentence; i < p.end_sentence && i < st.sentences.size(); ++i)
      sentences.push_back(SpanJson(doc, st.sentences[i].span));
    j["sentences"] = std::move(sentences);
    paragraphs.push_back(std::move(j));
  }
  std::size_t words = 0;
  for (const Token& t : st.tokens) words += t.kind == TokenKind::kWord ? 1 : 0;
  Json counts = Json::object();
  counts["paragraphs"] = st.paragraphs.size();
  counts["sentences"] = st.sentences.size();
  counts["tokens"] = st.tokens.size();
  counts["words"] = words;
  Json j = Json::object();
  j["paragraphs"] = std::move(paragraphs);
  j["counts"] = std::move(counts);
  return j;
}

Json QuotesJson(const Document& doc, const std::vector<Quote>& quotes) {
  Json out = Json::array();
  for (const Quote& q : quotes) {
    Json j = SpanJson(doc, q.span);
    j["inner"] = SpanJson(doc, q.inner);
    j["speaker"] = OptionalSpanJson(doc, q.speaker);
    j["attribution"] = q.attribution >= 0 ? Json(q.attribution) : Json(nullptr);
    out.push_back(std::move(j));
  }
  return out;
}

Json AttributionsJson(const Document& doc, const std::vector<Attribution>& attributions) {
  Json out = Json::array();
  for (const Attribution& a : attributions) {
    Json j = SpanJson(doc, a.span);
    j["verb"] = SpanJson(doc, a.verb);
    j["source"] = OptionalSpanJson(doc, a.source);
    j["source_kind"] = std::string(SourceKindName(a.kind));
    j["outlet"] = a.outlet.empty() ? Json(nullptr) : Json(ValidUtf8(a.outlet));
    j["link"] = a.link.empty() ? Json(nullptr) : Json(ValidUtf8(a.link));
    out.push_back(std::move(j));
  }
  return out;
}

Json CuesJson(const Document& doc, const std::vector<Cue>& cues) {
  Json out = Json::array();
  for (const Cue& c : cues) {
    const CueInfo& info = GetCueInfo(c.id);
    Json j = Json::object();
    j["id"] = std::string(info.name);
    j["description"] = std::string(info.description);
    j["strength"] = std::round(c.strength * 1000.0) / 1000.0;
    j["detail"] = ValidUtf8(c.detail);
    Json evidence = Json::array();
    for (const Span& s : c.evidence) evidence.push_back(SpanJson(doc, s));
    j["evidence"] = std::move(evidence);
    out.push_back(std::move(j));
  }
  return out;
}

Json Rounded(double v, double scale = 1e6) { return NumberJson(std::round(v * scale) / scale); }

Json VerdictJson(const Document& doc, const Verdict& v) {
  Json j = Json::object();
  j["probability_unreliable"] = Rounded(v.probability_unreliable);
  j["label"] = std::string(VerdictLabelName(v.label));
  j["thresholds"] = {{"reliable_below", kReliableBelow}, {"unreliable_from", kUnreliableFrom}};
  j["logit"] = Rounded(v.logit);
  j["bias"] = Rounded(v.bias);
  Json top = Json::array();
  for (const FeatureContribution& f : v.top_features) {
    Json t = Json::object();
    t["kind"] = std::string(FeatureKindName(f.kind));
    t["name"] = ValidUtf8(f.name);
    t["value"] = Rounded(f.value);
    t["contribution"] = Rounded(f.contribution);
    Json spans = Json::array();
    for (const Span& s : f.spans) spans.push_back(SpanJson(doc, s));
    t["spans"] = std::move(spans);
    top.push_back(std::move(t));
  }
  j["top_features"] = std::move(top);
  j["rest"] = Rounded(v.rest);
  j["feature_count"] = v.feature_count;
  j["model"] = ValidUtf8(v.model_id);
  return j;
}

Json SiteJson(const SiteReputation& site) {
  Json j = Json::object();
  j["domain"] = ValidUtf8(site.domain);
  j["consensus"] = site.consensus;
  j["lists_unreliable"] = site.lists_unreliable;
  j["lists_rated"] = site.lists_rated;
  Json ratings = Json::array();
  for (const SiteRating& r : site.ratings)
    ratings.push_back({{"list", r.list}, {"date", r.date}, {"rating", r.rating}, {"factuality", r.factuality},
                       {"bias", r.bias}, {"detail", ValidUtf8(r.detail)}});
  j["ratings"] = std::move(ratings);
  return j;
}

}  // namespace

nlohmann::ordered_json ReportToJson(const Document& doc, const Report& report,
                                    const std::vector<std::string>& only) {
  Json j = Json::object();
  // Builds the section only when it is wanted: a batch asking for a few
  // fields does not pay for the rest.
  auto add = [&](const char* key, const auto& build) {
    if (only.empty() || std::find(only.begin(), only.end(), key) != only.end()) j[key] = build();
  };
  add("schema_version", [] { return Json(kReportSchemaVersion); });
  add("credence_version", [] { return Json(CREDENCE_VERSION); });
  add("input", [&] { return InputJson(doc); });
  add("verdict", [&] { return report.verdict ? VerdictJson(doc, *report.verdict) : Json(nullptr); });
  add("site", [&] { return report.site ? SiteJson(*report.site) : Json(nullptr); });
  add("page", [&] {
    if (!report.page) return Json(nullptr);
    Json page = PageInfoToJson(doc.text(), *report.page);
    page["text"] = ValidUtf8(doc.text());  // what every span of an HTML input's report points into
    return page;
  });
  add("article", [&] { return ArticleJson(doc, report.article); });
  add("removed", [&] { return RemovedJson(doc, report.article.removed); });
  add("structure", [&] { return StructureJson(doc, report.structure); });
  add("quotes", [&] { return QuotesJson(doc, report.quotes); });
  add("attributions", [&] { return AttributionsJson(doc, report.attributions); });
  add("cues", [&] { return CuesJson(doc, report.cues); });
  add("warnings", [&] {
    Json warnings = Json::array();
    for (const std::string& w : report.warnings) warnings.push_back(ValidUtf8(w));
    return warnings;
  });
  return j;
}

std::string WriteJsonReport(const Document& doc, const Report& report, bool pretty) {
  // Every string is valid UTF-8 and every key is set on an object, so
  // nlohmann has nothing to throw about; the replace handler and the catch
  // keep the promise that the core throws nothing should that ever change.
  try {
    const Json json = ReportToJson(doc, report);
    std::string out = pretty ? json.dump(2, ' ', false, Json::error_handler_t::replace) : CompactJson(json);
    out.push_back('\n');
    return out;
  } catch (const nlohmann::json::exception& e) {
    assert(false && "nlohmann::json threw while writing a report");
    Json fallback = {{"schema_version", kReportSchemaVersion}, {"error", ValidUtf8(e.what())}};
    return fallback.dump() + "\n";
  }
}

}  // namespace credence::internal
