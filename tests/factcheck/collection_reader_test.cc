// Tests for reading fact-check collections (src/factcheck/collection_reader.cc,
// fact_check_json.cc): credence's JSONL, schema.org ClaimReview as one
// object, an array, an @graph, a DataFeed and one a line; bad records
// reported and skipped; verdict words to falsity. Collections are invented.
#include "factcheck/collection_reader.h"

#include <gtest/gtest.h>

#include <string>

#include "factcheck/fact_check_json.h"

namespace credence::internal {
namespace {

const char* kClaimReview = R"({
  "@context": "https://schema.org", "@type": "ClaimReview",
  "url": "https://factcheck.example/ferry-tax",
  "claimReviewed": "The ferry tax doubled   in 2024.",
  "datePublished": "2025-03-04T09:00:00Z",
  "inLanguage": {"@type": "Language", "name": "en"},
  "author": {"@type": "Organization", "name": "Example Checks"},
  "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "Mayor Example"}},
  "reviewRating": {"@type": "Rating", "ratingValue": "2", "bestRating": "5", "worstRating": "1", "alternateName": "Mostly False"}
})";

TEST(CollectionReader, ReadsCredenceJsonLines) {
  const std::string jsonl =
      R"({"id": "a1", "claim": "Harbour fees rose by 40%.", "verdict": "False", "publisher": "Example Checks", "date": "2024-05-01", "url": "https://factcheck.example/a1", "language": "en"})"
      "\n\n"
      R"({"claim": "The quay closes at night.", "falsity": 0.25})"
      "\n";
  Result<FactCheckCollection> c = ReadFactCheckCollection(jsonl, "mine.jsonl");
  ASSERT_TRUE(c) << c.error().ToString();
  ASSERT_EQ(c->records.size(), 2u);
  EXPECT_TRUE(c->errors.empty());
  EXPECT_EQ(c->records[0].id, "a1");
  EXPECT_EQ(c->records[0].verdict, "False");
  EXPECT_EQ(c->records[0].falsity, 1.0);  // from the verdict's words
  EXPECT_EQ(c->records[0].date, "2024-05-01");
  // Neither id nor url: the collection's name and the claim's hash, the same
  // wherever the record is read from.
  EXPECT_EQ(c->records[1].id.rfind("mine.jsonl#", 0), 0u) << c->records[1].id;
  EXPECT_EQ(c->records[1].id.size(), std::string("mine.jsonl#").size() + 16);
  Result<FactCheckCollection> again = ReadFactCheckCollection("\n\n\n" R"({"claim": "The quay closes at night."})", "mine.jsonl");
  ASSERT_TRUE(again) << again.error().ToString();
  EXPECT_EQ(again->records[0].id, c->records[1].id);
  EXPECT_EQ(c->records[1].falsity, 0.25);
  EXPECT_NE(c->records[1].source.find("mine.jsonl"), std::string::npos);
}

TEST(CollectionReader, ReadsOneClaimReview) {
  Result<FactCheckCollection> c = ReadFactCheckCollection(kClaimReview, "review.json");
  ASSERT_TRUE(c) << c.error().ToString();
  ASSERT_EQ(c->records.size(), 1u);
  const FactCheck& f = c->records[0];
  EXPECT_EQ(f.claim, "The ferry tax doubled in 2024.");
  EXPECT_EQ(f.verdict, "Mostly False");
  EXPECT_EQ(f.publisher, "Example Checks");
  EXPECT_EQ(f.speaker, "Mayor Example");
  EXPECT_EQ(f.date, "2025-03-04");
  EXPECT_EQ(f.language, "en");
  EXPECT_EQ(f.id.rfind("https://factcheck.example/ferry-tax#", 0), 0u) << f.id;  // the url and the claim's hash
  ASSERT_TRUE(f.falsity.has_value());
  EXPECT_DOUBLE_EQ(*f.falsity, 0.75);  // 2 on a 1..5 scale
  EXPECT_EQ(f.rating_scale, "1 (worst) to 5 (best)");
}

TEST(CollectionReader, ReadsFeedsGraphsArraysAndLines) {
  const std::string review(kClaimReview);
  const std::string feed = R"({"@context": "https://schema.org", "@type": "DataFeed", "dataFeedElement": [{"@type": "DataFeedItem", "item": [)" +
                           review + "," + review + "]}]}";
  const std::string graph = R"({"@context": "https://schema.org", "@graph": [{"@type": "WebPage"}, )" + review + "]}";
  const std::string array = "[" + review + ", " + review + ", " + review + "]";
  std::string lines;
  for (char ch : review)
    if (ch != '\n') lines += ch;
  lines = lines + "\n" + lines + "\n";
  EXPECT_EQ(ReadFactCheckCollection(feed, "f")->records.size(), 2u);
  EXPECT_EQ(ReadFactCheckCollection(graph, "g")->records.size(), 1u);
  EXPECT_EQ(ReadFactCheckCollection(array, "a")->records.size(), 3u);
  EXPECT_EQ(ReadFactCheckCollection(lines, "l")->records.size(), 2u);
}

TEST(CollectionReader, ReportsAndSkipsBadRecords) {
  const std::string jsonl = std::string(R"({"claim": "Kept."})") + "\n" +
                            "not json at all\n" +
                            R"([1, 2])" + "\n" +
                            R"({"verdict": "False"})" + "\n" +
                            R"({"claim": 12})" + "\n" +
                            R"({"claim": "Bad date.", "date": "yesterday"})" + "\n" +
                            R"({"claim": "Bad falsity.", "falsity": 3})" + "\n" +
                            R"({"claim": ")" + std::string(kMaxClaimBytes + 1, 'x') + "\"}\n" +
                            R"({"claim": "Also kept."})" + "\n";
  Result<FactCheckCollection> c = ReadFactCheckCollection(jsonl, "bad.jsonl");
  ASSERT_TRUE(c) << c.error().ToString();
  ASSERT_EQ(c->records.size(), 2u);
  EXPECT_EQ(c->records[1].claim, "Also kept.");
  ASSERT_EQ(c->errors.size(), 7u);
  EXPECT_NE(c->errors[0].find("bad.jsonl: line 2: bad JSON"), std::string::npos) << c->errors[0];
  EXPECT_NE(c->errors[1].find("line 3: not a JSON object"), std::string::npos) << c->errors[1];
  EXPECT_NE(c->errors[2].find("line 4: no claim"), std::string::npos) << c->errors[2];
  EXPECT_NE(c->errors[3].find("\"claim\" is not a string"), std::string::npos) << c->errors[3];
  EXPECT_NE(c->errors[4].find("ISO 8601"), std::string::npos) << c->errors[4];
  EXPECT_NE(c->errors[5].find("falsity"), std::string::npos) << c->errors[5];
  EXPECT_NE(c->errors[6].find("more than the 4000"), std::string::npos) << c->errors[6];  // refused, not cut
}

TEST(CollectionReader, RefusesEmptyAndNonJsonInput) {
  EXPECT_EQ(ReadFactCheckCollection("", "e").error().code(), StatusCode::kEmptyInput);
  EXPECT_EQ(ReadFactCheckCollection(" \n\t\n", "e").error().code(), StatusCode::kEmptyInput);
  EXPECT_EQ(ReadFactCheckCollection("claim,verdict\nA,False\n", "c.csv").error().code(), StatusCode::kDataError);
  // A JSON document that holds no fact-check is one error, not a failure.
  Result<FactCheckCollection> c = ReadFactCheckCollection(R"({"@type": "NewsArticle", "headline": "x"})", "n");
  ASSERT_TRUE(c);
  EXPECT_TRUE(c->records.empty());
  EXPECT_EQ(c->errors.size(), 1u);
}

TEST(CollectionReader, SurvivesHostileBytes) {
  // A NUL or invalid UTF-8 inside a JSON string makes that line bad JSON:
  // reported, and the other lines still read.
  const std::string good = "{\"claim\": \"Kept.\"}\n";
  Result<FactCheckCollection> nul = ReadFactCheckCollection(good + std::string("{\"claim\": \"a\0b\"}\n", 17), "nul");
  ASSERT_TRUE(nul);
  EXPECT_EQ(nul->records.size(), 1u);
  EXPECT_EQ(nul->errors.size(), 1u);
  Result<FactCheckCollection> utf8 = ReadFactCheckCollection(good + "{\"claim\": \"\xff\xfe\"}\n", "utf8");
  ASSERT_TRUE(utf8);
  EXPECT_EQ(utf8->errors.size(), 1u);
  EXPECT_EQ(ReadFactCheckCollection(std::string("{\"claim\": \"a\0b\"}\n", 17), "nul").error().code(), StatusCode::kDataError);
  std::string deep(100000, '[');
  EXPECT_FALSE(ReadFactCheckCollection(deep, "deep").has_value() && !ReadFactCheckCollection(deep, "deep")->records.empty());
  std::string nested = R"({"@graph": )";
  for (int i = 0; i < 50; ++i) nested += R"({"@graph": [)";
  nested += kClaimReview;
  for (int i = 0; i < 50; ++i) nested += "]}";
  nested += "}";
  Result<FactCheckCollection> c = ReadFactCheckCollection(nested, "nested");
  ASSERT_TRUE(c);
  EXPECT_TRUE(c->records.empty());  // deeper than the walk goes: reported, not followed
}

TEST(FalsityOfVerdictWords, KnowsTheCommonScales) {
  EXPECT_EQ(FalsityOfVerdictWords("Pants on Fire!"), 1.0);
  EXPECT_EQ(FalsityOfVerdictWords("pants-fire"), 1.0);
  EXPECT_EQ(FalsityOfVerdictWords("Mostly False"), 0.75);
  EXPECT_EQ(FalsityOfVerdictWords("barely-true"), 0.75);
  EXPECT_EQ(FalsityOfVerdictWords("Mixture"), 0.5);
  EXPECT_EQ(FalsityOfVerdictWords("Mostly True"), 0.25);
  EXPECT_EQ(FalsityOfVerdictWords("TRUE"), 0.0);
  EXPECT_FALSE(FalsityOfVerdictWords("Unproven").has_value());
  EXPECT_FALSE(FalsityOfVerdictWords("").has_value());
}

TEST(FactCheckJson, RoundTrips) {
  FactCheck f{.id = "x", .claim = "A claim.", .verdict = "False", .falsity = 1.0, .publisher = "P", .date = "2020-01-02"};
  Result<FactCheck> back = ReadFactCheckRecord(FactCheckToJson(f));
  ASSERT_TRUE(back);
  EXPECT_EQ(back->id, "x");
  EXPECT_EQ(back->claim, "A claim.");
  EXPECT_EQ(back->falsity, 1.0);
  EXPECT_EQ(back->date, "2020-01-02");
  EXPECT_TRUE(back->url.empty());
}

}  // namespace
}  // namespace credence::internal
