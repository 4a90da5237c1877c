// Fact-check collections into FactCheck records. nlohmann throws on
// malformed JSON: every parse is caught here, so one bad record is an error
// message. ClaimReview objects are found only along the containers that
// JSON-LD feeds use (arrays, @graph, dataFeedElement, item, itemListElement),
// to a bounded depth, so that a hostile document cannot make the walk deep.
#include "factcheck/collection_reader.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <utility>

#include <nlohmann/json.hpp>
#include <xxhash.h>

#include "factcheck/fact_check_json.h"
#include "html/markup_text.h"
#include "text/utf8.h"

namespace credence::internal {
namespace {

using nlohmann::json;

constexpr int kMaxContainerDepth = 8;

// A string, or the first string of an array, or an object's "name" (JSON-LD
// allows each of them for a person, an organisation or a language).
std::string TextOf(const json& j, int depth = 0) {
  if (j.is_string()) return CleanText(j.get<std::string>());
  if (j.is_number()) return j.dump();
  if (depth > 2) return "";
  if (j.is_array()) {
    for (const json& e : j) {
      std::string t = TextOf(e, depth + 1);
      if (!t.empty()) return t;
    }
    return "";
  }
  if (j.is_object()) {
    for (const char* key : {"name", "alternateName", "@value"}) {
      auto it = j.find(key);
      if (it != j.end()) {
        std::string t = TextOf(*it, depth + 1);
        if (!t.empty()) return t;
      }
    }
  }
  return "";
}

std::string Field(const json& j, const char* key) {
  auto it = j.find(key);
  return it == j.end() ? std::string() : TextOf(*it);
}

std::optional<double> NumberOf(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end()) return std::nullopt;
  if (it->is_number()) return it->get<double>();
  if (it->is_string()) {
    const std::string s = it->get<std::string>();
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (end != s.c_str() && *end == '\0' && std::isfinite(v)) return v;
  }
  return std::nullopt;
}

bool HasType(const json& j, std::string_view type) {
  auto it = j.find("@type");
  if (it == j.end()) return false;
  auto is = [&](const json& t) {
    if (!t.is_string()) return false;
    const std::string& s = t.get_ref<const std::string&>();
    return s == type || (s.size() > type.size() && s.ends_with(type) && s[s.size() - type.size() - 1] == '/');
  };
  if (it->is_array()) return std::any_of(it->begin(), it->end(), is);
  return is(*it);
}

bool IsClaimReview(const json& j) { return j.is_object() && (HasType(j, "ClaimReview") || j.contains("claimReviewed")); }

struct RecordSink {
  std::string_view name;
  FactCheckCollection* out;
  std::size_t count = 0;  // records seen, for "record N" and "NAME:N" ids

  void Fail(const std::string& where, const std::string& why) { out->errors.push_back(std::string(name) + ": " + where + ": " + why); }
};

Result<FactCheck> FromClaimReview(const json& j) {
  FactCheck f;
  f.claim = Field(j, "claimReviewed");
  f.title = Field(j, "headline");
  if (f.title.empty()) f.title = Field(j, "name");
  f.url = Field(j, "url");
  f.id = Field(j, "@id");
  f.date = IsoDatePrefix(Field(j, "datePublished"));
  f.language = Field(j, "inLanguage");
  f.publisher = Field(j, "author");
  if (f.publisher.empty()) f.publisher = Field(j, "publisher");
  if (auto item = j.find("itemReviewed"); item != j.end() && item->is_object()) {
    f.speaker = Field(*item, "author");
    if (f.claim.empty()) f.claim = Field(*item, "name");
  }
  if (auto rating = j.find("reviewRating"); rating != j.end() && rating->is_object()) {
    f.verdict = Field(*rating, "alternateName");
    const std::optional<double> value = NumberOf(*rating, "ratingValue");
    const std::optional<double> best = NumberOf(*rating, "bestRating");
    const std::optional<double> worst = NumberOf(*rating, "worstRating");
    if (value && best && worst && *best != *worst) {
      const double falsity = (*best - *value) / (*best - *worst);
      if (std::isfinite(falsity)) {
        f.rating_scale = Field(*rating, "worstRating") + " (worst) to " + Field(*rating, "bestRating") + " (best)";
        f.falsity = std::clamp(falsity, 0.0, 1.0);
      }
    }
    if (f.verdict.empty()) f.verdict = Field(*rating, "ratingValue");
  }
  if (!f.falsity) f.falsity = FalsityOfVerdictWords(f.verdict);
  if (Status s = CheckClaim(f); !s.ok()) return tl::unexpected(s);
  return f;
}

void Add(RecordSink* sink, Result<FactCheck> r, const std::string& where) {
  ++sink->count;
  if (!r) {
    sink->Fail(where, r.error().message());
    return;
  }
  if (r->id.empty()) {
    // The url (one page may review several claims) or the collection's name,
    // with the claim's hash: the same record gets the same id in every file
    // it comes from, and two claims never share one.
    char hash[17];
    std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(XXH3_64bits(r->claim.data(), r->claim.size())));
    r->id = (r->url.empty() ? std::string(sink->name) : r->url) + "#" + hash;
  }
  if (r->source.empty()) r->source = std::string(sink->name) + ", " + where;
  sink->out->records.push_back(std::move(*r));
}

// Walks a JSON-LD document to its ClaimReview objects.
void CollectClaimReviews(const json& j, int depth, RecordSink* sink, const std::string& where) {
  if (depth > kMaxContainerDepth) return;
  if (j.is_array()) {
    for (const json& e : j) CollectClaimReviews(e, depth + 1, sink, where);
    return;
  }
  if (!j.is_object()) return;
  if (IsClaimReview(j)) {
    Add(sink, FromClaimReview(j), where + " item " + std::to_string(sink->count + 1));
    return;
  }
  for (const char* key : {"@graph", "dataFeedElement", "item", "itemListElement"}) {
    auto it = j.find(key);
    if (it != j.end()) CollectClaimReviews(*it, depth + 1, sink, where);
  }
}

bool IsContainer(const json& j) {
  return j.contains("@graph") || j.contains("dataFeedElement") || j.contains("itemListElement");
}

// One object: a ClaimReview, a feed of them, or a credence record.
void ReadObject(const json& j, RecordSink* sink, const std::string& where) {
  if (IsClaimReview(j)) {
    Add(sink, FromClaimReview(j), where);
    return;
  }
  if (IsContainer(j) || (j.contains("@type") && !j.contains("claim"))) {
    const std::size_t before = sink->count;
    CollectClaimReviews(j, 0, sink, where);
    if (sink->count == before) {
      ++sink->count;
      sink->Fail(where, "neither a fact-check record (no \"claim\") nor a ClaimReview");
    }
    return;
  }
  Add(sink, ReadFactCheckRecord(j), where);
}

// One JSON value: an object, or an array whose elements are read one by one.
void ReadValue(const json& j, RecordSink* sink, const std::string& where) {
  if (!j.is_array()) {
    ReadObject(j, sink, where);
    return;
  }
  for (std::size_t i = 0; i < j.size(); ++i) {
    const std::string element = where + " record " + std::to_string(i + 1);
    if (j[i].is_object()) {
      ReadObject(j[i], sink, element);
    } else if (j[i].is_array()) {
      CollectClaimReviews(j[i], 1, sink, element);
    } else {
      ++sink->count;
      sink->Fail(element, "not a JSON object");
    }
  }
}

std::optional<json> Parse(std::string_view text, std::string* why) {
  try {
    return json::parse(text.begin(), text.end());
  } catch (const json::exception& e) {
    *why = std::string("bad JSON: ") + e.what();
    return std::nullopt;
  }
}

}  // namespace

std::optional<double> FalsityOfVerdictWords(std::string_view verdict) {
  std::string v = ToLower(verdict);
  for (char& c : v)
    if (c == '-' || c == '_') c = ' ';
  v = CollapseWhiteSpace(v);
  while (!v.empty() && (v.back() == '.' || v.back() == '!')) v.pop_back();
  static constexpr std::array<std::pair<std::string_view, double>, 30> kWords = {{
      {"pants on fire", 1.0}, {"pants fire", 1.0},  {"false", 1.0},         {"fake", 1.0},
      {"fabricated", 1.0},    {"incorrect", 1.0},   {"wrong", 1.0},         {"hoax", 1.0},
      {"scam", 1.0},          {"four pinocchios", 1.0}, {"mostly false", 0.75}, {"barely true", 0.75},
      {"misleading", 0.75},   {"false context", 0.75},  {"miscaptioned", 0.75}, {"three pinocchios", 0.75},
      {"half true", 0.5},     {"mixture", 0.5},     {"mixed", 0.5},         {"partly false", 0.5},
      {"partly true", 0.5},   {"two pinocchios", 0.5}, {"mostly true", 0.25}, {"one pinocchio", 0.25},
      {"true", 0.0},          {"correct", 0.0},     {"accurate", 0.0},      {"correct attribution", 0.0},
      {"geppetto checkmark", 0.0}, {"real", 0.0},
  }};
  for (const auto& [words, falsity] : kWords)
    if (v == words) return falsity;
  return std::nullopt;
}

Result<FactCheckCollection> ReadFactCheckCollection(std::string_view bytes, std::string_view name) {
  if (bytes.find_first_not_of(" \t\r\n") == std::string_view::npos)
    return Error(StatusCode::kEmptyInput, std::string(name) + ": the collection is empty");
  FactCheckCollection out;
  RecordSink sink{name, &out};
  // One JSON document (a ClaimReview export, a feed, an array)?
  std::string whole_why;
  const std::size_t first = bytes.find_first_not_of(" \t\r\n");
  if (bytes[first] == '[' || bytes[first] == '{') {
    if (std::optional<json> j = Parse(bytes, &whole_why)) {
      ReadValue(*j, &sink, "document");
      return out;
    }
  }
  // Else JSON Lines: one record (credence's or a ClaimReview) a line.
  std::size_t lines_json = 0, line_number = 0;
  for (std::size_t start = 0; start < bytes.size();) {
    std::size_t end = bytes.find('\n', start);
    if (end == std::string_view::npos) end = bytes.size();
    std::string_view line = bytes.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    const std::string where = "line " + std::to_string(line_number);
    std::string why;
    std::optional<json> j = Parse(line, &why);
    if (!j) {
      ++sink.count;
      sink.Fail(where, why);
      continue;
    }
    ++lines_json;
    if (!j->is_object()) {
      ++sink.count;
      sink.Fail(where, "not a JSON object");
      continue;
    }
    ReadValue(*j, &sink, where);
  }
  if (lines_json == 0)
    return Error(StatusCode::kDataError, std::string(name) + ": neither a JSON document nor JSON Lines" +
                                             (whole_why.empty() ? "" : " (" + whole_why + ")"));
  return out;
}

}  // namespace credence::internal
