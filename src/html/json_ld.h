// JSON-LD as pages write it: repairing a <script type="application/ld+json">
// block into JSON nlohmann accepts, parsing a page's blocks into one list of
// objects with an @id index, ranking objects by schema.org type, and reading
// text out of fields whatever shape (string, array, @value) they take.
//
//   JsonLd ld = ParseJsonLd(page.head.json_ld);
//   for (const nlohmann::json* node : ld.nodes)
//     if (RankOf(*node) == JsonLdRank::kArticle) title = FieldText(node, "headline");
//
// Pure functions; a JsonLd is immutable once made and may be shared across
// threads by const reference.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace credence::internal {

// Returns a JSON-LD block as JSON text nlohmann accepts: without comment or
// CDATA wrappers (and a trailing ';'), with raw control characters in
// strings escaped, trailing commas dropped and invalid UTF-8 replaced by
// U+FFFD. Valid JSON passes unchanged.
std::string RepairJson(std::string_view s);

// The parsed JSON-LD of a page: its objects in document order (those inside
// @graph, arrays and mainEntity included, to a depth of 6 and at most 4,096
// objects) and an index of them by @id. `nodes` and `by_id` point into
// `blocks`, so a JsonLd can be moved but not copied.
struct JsonLd {
  JsonLd() = default;
  JsonLd(JsonLd&&) = default;
  JsonLd& operator=(JsonLd&&) = default;
  JsonLd(const JsonLd&) = delete;
  JsonLd& operator=(const JsonLd&) = delete;

  std::vector<nlohmann::json> blocks;                        // each block that parsed
  std::vector<const nlohmann::json*> nodes;                  // every object, in document order
  std::unordered_map<std::string, const nlohmann::json*> by_id;  // objects with an @id and more; first wins

  // Returns the object indexed under `v`'s @id when `v` is an object with a
  // string @id and no name (a reference such as {"@id": "#author"}) and the
  // id is known; else `v` itself (also when null).
  const nlohmann::json* Resolve(const nlohmann::json* v) const;
};

// Returns the JSON-LD of a page's blocks, each repaired by RepairJson; a
// block that still does not parse is skipped. Never throws.
JsonLd ParseJsonLd(const std::vector<std::string>& texts);

// How well a JSON-LD object's type says "this is the article": the lower,
// the better.
enum class JsonLdRank { kArticle, kPage, kOther };

// Returns the local name of a type: "http://schema.org/NewsArticle" and
// "schema:NewsArticle" give "NewsArticle". A view into `type`.
std::string_view LocalName(std::string_view type);

// Returns kArticle for *Article, *BlogPosting and Report, kPage for WebPage
// and ItemPage, kOther for the rest.
JsonLdRank RankOfType(std::string_view type);

// Returns the best rank among the types of `node`'s @type (a string or an
// array); kOther when it has none.
JsonLdRank RankOf(const nlohmann::json& node);

// Returns whether one of `node`'s @type strings ends with `suffix`, as
// written ("Organization" matches "NewsMediaOrganization").
bool HasTypeEnding(const nlohmann::json& node, std::string_view suffix);

// Returns the text of a JSON-LD value: a string, the first non-empty string
// of an array, or a {"@value": ...} object's string; "" otherwise. A view
// into `v`.
std::string_view TextOf(const nlohmann::json& v);

// Returns `node`'s field `key`, or nullptr when `node` is null or not an
// object, or the field is missing or JSON null. A pointer into `node`.
const nlohmann::json* Field(const nlohmann::json* node, const char* key);

// Returns TextOf(`node`'s field `key`), or "" when there is no such field.
std::string_view FieldText(const nlohmann::json* node, const char* key);

}  // namespace credence::internal
