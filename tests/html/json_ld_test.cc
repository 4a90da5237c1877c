// Tests for the JSON-LD reader (src/html/json_ld.cc): repairs of hand-made
// blocks, collecting objects from @graph, arrays and mainEntity, @id look-up,
// type ranking and the field accessors. The sites are made up.
#include "html/json_ld.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace credence::internal {
namespace {

using Json = nlohmann::json;

bool Parses(const std::string& text) {
  return !Json::parse(text, nullptr, /*allow_exceptions=*/false, /*ignore_comments=*/true).is_discarded();
}

// The @type (or "-") of each object ParseJsonLd collected, in order.
std::vector<std::string> Types(const JsonLd& ld) {
  std::vector<std::string> out;
  for (const Json* node : ld.nodes) {
    std::string_view type = FieldText(node, "@type");
    out.emplace_back(type.empty() ? "-" : type);
  }
  return out;
}

TEST(RepairJson, LeavesValidJsonAlone) {
  const std::string valid = R"({"@type": "NewsArticle", "headline": "A \"quoted\" word, then\n more"})";
  EXPECT_EQ(RepairJson(valid), valid);
}

TEST(RepairJson, DropsTrailingCommas) {
  EXPECT_EQ(RepairJson(R"({"a": [1, 2, ], "b": "x, ]", })"), R"({"a": [1, 2 ], "b": "x, ]" })");
  EXPECT_TRUE(Parses(RepairJson("[{\"a\": 1,\n},\n]")));
}

TEST(RepairJson, EscapesRawControlCharactersInStrings) {
  EXPECT_EQ(RepairJson("{\"a\": \"line\none\ttab\x01\"}"), R"({"a": "line\none\ttab "})");
  EXPECT_TRUE(Parses(RepairJson("{\"body\": \"First.\r\n\r\nSecond.\"}")));
}

TEST(RepairJson, RemovesCommentAndCdataWrappers) {
  EXPECT_EQ(RepairJson("  <!-- {\"a\": 1} -->  "), R"({"a": 1})");
  EXPECT_EQ(RepairJson("//<![CDATA[\n{\"a\": 1};\n//]]>"), R"({"a": 1})");
  EXPECT_EQ(RepairJson("<![CDATA[[1]]]>"), "[1]");
}

TEST(RepairJson, ReplacesInvalidUtf8) {
  EXPECT_EQ(RepairJson("{\"a\": \"caf\xE9\"}"), "{\"a\": \"caf\uFFFD\"}");
  EXPECT_EQ(RepairJson("{\"a\": \"caf\u00E9\"}"), "{\"a\": \"caf\u00E9\"}");
}

TEST(ParseJsonLd, CollectsGraphArraysAndMainEntityInDocumentOrder) {
  JsonLd ld = ParseJsonLd({
      R"({"@graph": [{"@type": "WebPage", "mainEntity": {"@type": "NewsArticle"}}, {"@type": "Person"}]})",
      R"([{"@type": "Organization"}, {"@type": "BreadcrumbList"}])",
  });
  EXPECT_EQ(Types(ld), (std::vector<std::string>{"-", "WebPage", "NewsArticle", "Person", "Organization",
                                                  "BreadcrumbList"}));
  EXPECT_EQ(ld.blocks.size(), 2u);
}

TEST(ParseJsonLd, SkipsBlocksThatDoNotParse) {
  JsonLd ld = ParseJsonLd({"{not json", "", R"({"@type": "NewsArticle",})"});
  EXPECT_EQ(ld.blocks.size(), 1u);
  EXPECT_EQ(Types(ld), (std::vector<std::string>{"NewsArticle"}));
}

TEST(ParseJsonLd, ResolvesIdReferences) {
  JsonLd ld = ParseJsonLd({R"({"@graph": [
      {"@type": "NewsArticle", "@id": "#article", "author": {"@id": "#jane"}, "publisher": {"@id": "#nobody"}},
      {"@type": "Person", "@id": "#jane", "name": "Jane Doe"}]})"});
  ASSERT_EQ(ld.by_id.count("#jane"), 1u);
  const Json* article = ld.by_id.at("#article");
  EXPECT_EQ(FieldText(ld.Resolve(Field(article, "author")), "name"), "Jane Doe");
  // An unknown id, an object with a name, and null resolve to themselves.
  const Json* publisher = Field(article, "publisher");
  EXPECT_EQ(ld.Resolve(publisher), publisher);
  Json named = {{"@id", "#jane"}, {"name", "J. Doe"}};
  EXPECT_EQ(ld.Resolve(&named), &named);
  EXPECT_EQ(ld.Resolve(nullptr), nullptr);
}

TEST(ParseJsonLd, BareReferencesAreNotIndexed) {
  JsonLd ld = ParseJsonLd({R"([{"@id": "#x"}, {"@id": "#x", "@type": "Person", "name": "X"}])"});
  ASSERT_EQ(ld.by_id.count("#x"), 1u);
  EXPECT_EQ(FieldText(ld.by_id.at("#x"), "name"), "X");
}

TEST(JsonLdRank, RanksArticlesThenPagesThenTheRest) {
  EXPECT_EQ(RankOfType("NewsArticle"), JsonLdRank::kArticle);
  EXPECT_EQ(RankOfType("http://schema.org/ReportageNewsArticle"), JsonLdRank::kArticle);
  EXPECT_EQ(RankOfType("schema:BlogPosting"), JsonLdRank::kArticle);
  EXPECT_EQ(RankOfType("Report"), JsonLdRank::kArticle);
  EXPECT_EQ(RankOfType("https://schema.org/WebPage"), JsonLdRank::kPage);
  EXPECT_EQ(RankOfType("ItemPage"), JsonLdRank::kPage);
  EXPECT_EQ(RankOfType("Person"), JsonLdRank::kOther);
  EXPECT_EQ(RankOfType("ArticleList"), JsonLdRank::kOther);
}

TEST(JsonLdRank, TakesTheBestOfSeveralTypes) {
  EXPECT_EQ(RankOf(Json::parse(R"({"@type": ["Thing", "WebPage", "Article"]})")), JsonLdRank::kArticle);
  EXPECT_EQ(RankOf(Json::parse(R"({"@type": ["Thing", 7, "ItemPage"]})")), JsonLdRank::kPage);
  EXPECT_EQ(RankOf(Json::parse(R"({"name": "untyped"})")), JsonLdRank::kOther);
  EXPECT_EQ(RankOf(Json::parse(R"("NewsArticle")")), JsonLdRank::kOther);
}

TEST(JsonLdType, LocalNameAndTypeEnding) {
  EXPECT_EQ(LocalName("http://schema.org/NewsArticle"), "NewsArticle");
  EXPECT_EQ(LocalName("schema:Person"), "Person");
  EXPECT_EQ(LocalName("https://example.test/vocab#Story"), "Story");
  EXPECT_EQ(LocalName("Person"), "Person");
  EXPECT_TRUE(HasTypeEnding(Json::parse(R"({"@type": ["Thing", "NewsMediaOrganization"]})"), "Organization"));
  EXPECT_FALSE(HasTypeEnding(Json::parse(R"({"@type": "Person"})"), "Organization"));
  EXPECT_FALSE(HasTypeEnding(Json::parse(R"({"name": "x"})"), "Organization"));
}

TEST(JsonLdAccess, TextOfReadsStringsArraysAndValues) {
  EXPECT_EQ(TextOf(Json("plain")), "plain");
  EXPECT_EQ(TextOf(Json::parse(R"(["", 3, "first", "second"])")), "first");
  EXPECT_EQ(TextOf(Json::parse(R"({"@value": "2021-03-04", "@type": "Date"})")), "2021-03-04");
  EXPECT_EQ(TextOf(Json(42)), "");
  EXPECT_EQ(TextOf(Json::parse(R"({"name": "x"})")), "");
}

TEST(JsonLdAccess, FieldTreatsNullAsMissing) {
  Json node = Json::parse(R"({"headline": ["Title"], "author": null})");
  EXPECT_EQ(FieldText(&node, "headline"), "Title");
  EXPECT_EQ(Field(&node, "author"), nullptr);
  EXPECT_EQ(Field(&node, "missing"), nullptr);
  EXPECT_EQ(Field(nullptr, "headline"), nullptr);
  Json array = Json::parse("[1]");
  EXPECT_EQ(Field(&array, "headline"), nullptr);
  EXPECT_EQ(FieldText(&node, "author"), "");
}

}  // namespace
}  // namespace credence::internal
