// Tests for the Analyzer as a whole: every span it reports lies inside the
// input, body and removed blocks never overlap, analysis is deterministic
// and safe from several threads, and broken inputs still give a report.
#include "credence/analyzer.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <thread>

#include "io/json_report_writer.h"

namespace credence {
namespace {

constexpr std::string_view kArticle =
    "Storm Warning Issued For Coast\n\n"
    "Forecasters expect winds of 120 km/h by Friday?\n\n"
    "By Ana Ruiz\n\n"
    "The U.S. National Weather Service said on Jan. 5 that the storm \"could be the worst in a decade\".\n\n"
    "According to officials, evacuations may begin tonight. Reportedly, shelters are full.\n\n"
    "Share this:\nFacebook Twitter\n\n"
    "© 2024 Coast Herald. All rights reserved.\n";

std::vector<Span> AllSpans(const Report& r) {
  std::vector<Span> spans = r.article.body;
  for (const auto& s : {r.article.headline, r.article.standfirst, r.article.byline, r.article.date})
    if (s) spans.push_back(*s);
  for (const RemovedBlock& b : r.article.removed) spans.push_back(b.span);
  for (const Sentence& s : r.structure.sentences) spans.push_back(s.span);
  for (const Token& t : r.structure.tokens) spans.push_back(t.span);
  for (const Quote& q : r.quotes) spans.insert(spans.end(), {q.span, q.inner});
  for (const Attribution& a : r.attributions) spans.insert(spans.end(), {a.span, a.verb});
  for (const Cue& c : r.cues) spans.insert(spans.end(), c.evidence.begin(), c.evidence.end());
  return spans;
}

Analyzer MakeAnalyzer() {
  Result<Analyzer> analyzer = Analyzer::Create({});
  EXPECT_TRUE(analyzer) << analyzer.error().ToString();
  return std::move(*analyzer);
}

TEST(Analyzer, EverySpanLiesInsideTheInput) {
  Analyzer analyzer = MakeAnalyzer();
  Result<Document> doc = Document::FromBytes(std::string(kArticle));
  ASSERT_TRUE(doc);
  Report r = analyzer.Analyze(*doc);
  for (const Span& s : AllSpans(r)) {
    EXPECT_LE(s.start, s.end);
    EXPECT_LE(s.end, doc->size());
  }
  EXPECT_FALSE(r.article.body.empty());
  EXPECT_FALSE(r.cues.empty());
}

TEST(Analyzer, BodyAndRemovedBlocksDoNotOverlap) {
  Analyzer analyzer = MakeAnalyzer();
  Result<Document> doc = Document::FromBytes(std::string(kArticle));
  ASSERT_TRUE(doc);
  Report r = analyzer.Analyze(*doc);
  for (const Span& b : r.article.body)
    for (const RemovedBlock& x : r.article.removed) EXPECT_FALSE(b.Overlaps(x.span));
}

TEST(Analyzer, SameResultFromSeveralThreads) {
  Analyzer analyzer = MakeAnalyzer();
  Result<Document> doc = Document::FromBytes(std::string(kArticle));
  ASSERT_TRUE(doc);
  std::string expected = internal::WriteJsonReport(*doc, analyzer.Analyze(*doc), false);
  std::vector<std::string> got(4);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < got.size(); ++i)
    threads.emplace_back([&, i] { got[i] = internal::WriteJsonReport(*doc, analyzer.Analyze(*doc), false); });
  for (std::thread& t : threads) t.join();
  for (const std::string& g : got) EXPECT_EQ(g, expected);
}

TEST(Analyzer, RandomBytesGiveAReportOrAClearError) {
  Analyzer analyzer = MakeAnalyzer();
  std::mt19937 rng(7);
  for (int round = 0; round < 200; ++round) {
    std::string bytes(rng() % 400, '\0');
    // Mostly text with a sprinkle of arbitrary bytes, quotes and newlines.
    const std::string alphabet = "ab cd.\n\n\"“”‘’!?,SsTt";
    for (char& c : bytes) c = rng() % 10 == 0 ? static_cast<char>(rng()) : alphabet[rng() % alphabet.size()];
    Result<Document> doc = Document::FromBytes(bytes);
    if (!doc) continue;  // empty or binary: a clear Status, tested in tests/text
    Report r = analyzer.Analyze(*doc);
    for (const Span& s : AllSpans(r)) ASSERT_LE(s.end, doc->size());
    EXPECT_FALSE(internal::WriteJsonReport(*doc, r, false).empty());
  }
}

}  // namespace
}  // namespace credence
