// Tests for src/io/text_report_writer.cc: sections present, colour only on
// request, cues strongest first, truncation that never splits a code point.
#include "io/text_report_writer.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <sstream>
#include <string>

#include "tests/io/report_fixture.h"

namespace credence::internal {
namespace {

using testing::FixtureDocument;
using testing::FixtureReport;

// Returns true when `s` is valid UTF-8 (no overlongs, surrogates or cut sequences).
bool IsValidUtf8(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    auto b = static_cast<uint8_t>(s[i]);
    std::size_t len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    for (std::size_t k = 1; k < len; ++k)
      if ((static_cast<uint8_t>(s[i + k]) & 0xC0) != 0x80) return false;
    i += len;
  }
  return true;
}

std::size_t Columns(const std::string& line) {
  std::size_t n = 0;
  for (char c : line) n += (static_cast<uint8_t>(c) & 0xC0) != 0x80;
  return n;
}

TEST(TextReportWriter, ShowsEverySection) {
  Document doc = FixtureDocument();
  std::string out = WriteTextReport(doc, FixtureReport(), false);
  for (const char* want : {"Headline:", "US colluded with ISIS", "Standfirst:", "(none found)", "Body (2 paragraphs",
                           "It may be so.", "Removed page leftovers (2)", "site_chrome", "points 65", "up 92.2%",
                           "Attributions (2)", "Sputnik [Sputnik (Russia)]", "state_affiliated_outlet",
                           "has reported", "Quotes (2)", "— Jane Doe", "(speaker unknown)", "hedging",
                           "1 hedge in 12 words", "• may", "Warnings (1)", "spelling cue off: test",
                           "URL:        https://example.com/a"})
    EXPECT_NE(out.find(want), std::string::npos) << want << "\n" << out;
}

TEST(TextReportWriter, VerdictAndSiteStandApart) {
  Document doc = FixtureDocument();
  Report r = FixtureReport();
  Verdict v;
  v.probability_unreliable = 0.8;
  v.label = VerdictLabel::kUnreliable;
  v.logit = 1.386;
  v.bias = -1.0;
  v.rest = 0.386;
  v.feature_count = 3;
  v.model_id = "v1/b1024/test";
  v.top_features.push_back({FeatureKind::kWords, "sputnik has", 0.2, 2.0, {testing::Find("Sputnik has")}});
  v.reasons.push_back({ReasonRole::kEvidence, FeatureKind::kCue, "Cites state-affiliated outlets", 1.2, 0.25,
                       {testing::Find("Sputnik has")}, {"cue:questionable_source"}});
  v.reasons.push_back({ReasonRole::kEvidence, FeatureKind::kWords,
                       "Wording more common in the reliable articles the model learned from: \u201cmay\u201d", -0.4, -0.04,
                       {testing::Find("may")}, {"may"}});
  v.reasons.push_back({ReasonRole::kAdjustment, FeatureKind::kCue, "Its length, 12 words", 0.1, 0.01, {}, {"log_word_count"}});
  r.verdict = v;
  r.site = SummarizeRatings("example.com", {{.list = "mbfcext", .date = "2026-08-19", .rating = "unreliable",
                                              .factuality = "low", .bias = "questionable"}});
  std::string out = WriteTextReport(doc, r, false);
  EXPECT_NE(out.find("Verdict: unreliable (probability unreliable 0.80)"), std::string::npos) << out;
  // Reasons in plain words with the change in the probability each made;
  // a cue's passage shown, words quoted in the reason itself.
  EXPECT_NE(out.find("  +0.25  Cites state-affiliated outlets\n         e.g. \u201cSputnik has\u201d"), std::string::npos) << out;
  EXPECT_NE(out.find("  -0.04  Wording more common in the reliable articles"), std::string::npos) << out;
  EXPECT_NE(out.find("  +0.01  (adjustment) Its length, 12 words"), std::string::npos) << out;
  EXPECT_NE(out.find("starts every article at 0.27; these and 0 smaller contributions\n  bring it to 0.80."),
            std::string::npos)
      << out;
  const std::string verdict = out.substr(out.find("Verdict:"), out.find("Site:") - out.find("Verdict:"));
  for (const char* internal_word : {"logit", "log odds", "cue:", "bias"})
    EXPECT_EQ(verdict.find(internal_word), std::string::npos) << internal_word << "\n" << verdict;
  EXPECT_NE(out.find("Site: example.com (unreliable; 1 of 1 rater says unreliable)"), std::string::npos) << out;
  EXPECT_NE(out.find("  Media Bias/Fact Check 2026: unreliable\n"), std::string::npos) << out;
  EXPECT_NE(out.find("not part of the verdict"), std::string::npos) << out;
  EXPECT_LT(out.find("Verdict:"), out.find("Site:"));
}

// Snapshots of one rater are one voice: the heading counts raters, and each
// rater's line says how many snapshots it has and when.
TEST(TextReportWriter, SiteHeadingCountsRatersNotLists) {
  Document doc = FixtureDocument();
  Report r = FixtureReport();
  r.site = SummarizeRatings("theduran.com", {{.list = "lasser/mbfc", .date = "2021-05-17", .rating = "unreliable"},
                                             {.list = "mbfc_acl2020", .date = "2020-07", .rating = "unreliable"},
                                             {.list = "mbfc_emnlp18", .date = "2018-10", .rating = "unreliable"},
                                             {.list = "mbfcext", .date = "2026-08-19", .rating = "unreliable"},
                                             {.list = "opensources", .date = "2017-04", .rating = "unreliable"}});
  const std::string out = WriteTextReport(doc, r, false);
  EXPECT_NE(out.find("Site: theduran.com (unreliable; 2 of 2 independent raters say unreliable)\n"), std::string::npos)
      << out;
  EXPECT_NE(out.find("\n  Media Bias/Fact Check in 4 snapshots 2018–2026: unreliable\n  OpenSources 2017: unreliable\n"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("one vote per rater"), std::string::npos) << out;
  EXPECT_EQ(out.find("lists say"), std::string::npos) << out;
  for (const std::string& line : {std::string("lasser/mbfc"), std::string("opensources")})
    EXPECT_NE(out.find("  " + line), std::string::npos) << line << "\n" << out;  // each list still shown
}

TEST(TextReportWriter, SiteShowsRatersThatDisagreeAndARaterThatChanged) {
  Document doc = FixtureDocument();
  Report r = FixtureReport();
  r.site = SummarizeRatings("example.com", {{.list = "mbfc_acl2020", .date = "2020-07", .rating = "reliable"},
                                            {.list = "mbfcext", .date = "2026-08-19", .rating = "mixed"},
                                            {.list = "opensources", .date = "2017-04", .rating = "unreliable"}});
  const std::string out = WriteTextReport(doc, r, false);
  EXPECT_NE(out.find("Site: example.com (unreliable; 1 of 2 independent raters say unreliable)"), std::string::npos)
      << out;
  EXPECT_NE(out.find("\n  Media Bias/Fact Check in 2 snapshots 2020–2026: mixed (earlier: reliable)\n"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("OpenSources 2017: unreliable"), std::string::npos) << out;
}

TEST(TextReportWriter, ColourOnlyWhenAsked) {
  Document doc = FixtureDocument();
  EXPECT_EQ(WriteTextReport(doc, FixtureReport(), false).find('\x1b'), std::string::npos);
  EXPECT_NE(WriteTextReport(doc, FixtureReport(), true).find("\x1b["), std::string::npos);
}

TEST(TextReportWriter, CuesStrongestFirstWithBar) {
  Document doc = FixtureDocument();
  std::string out = WriteTextReport(doc, FixtureReport(), false);
  std::size_t strong = out.find("questionable_source");
  std::size_t weak = out.find("hedging");
  ASSERT_NE(strong, std::string::npos);
  EXPECT_LT(strong, weak);
  EXPECT_NE(out.find("█████████░ 0.90"), std::string::npos) << out;
  EXPECT_NE(out.find("█░░░░░░░░░ 0.12"), std::string::npos) << out;
}

TEST(TextReportWriter, CountsEvidenceBeyondFive) {
  Document doc = FixtureDocument();
  Report report = FixtureReport();
  report.cues[0].evidence.assign(8, testing::Find("may"));
  std::string out = WriteTextReport(doc, report, false);
  EXPECT_NE(out.find("… and 3 more"), std::string::npos) << out;
}

TEST(TextReportWriter, TruncatesLongMultiByteTextOnCodePointBoundaries) {
  // 200 two-byte and three-byte characters: any byte cut would split one.
  std::string line;
  for (int i = 0; i < 100; ++i) line += "é—";
  std::string text = "Headline\n\n" + line + "\n\n" + line + " " + line + "\n";
  Result<Document> doc = Document::FromBytes(text);
  ASSERT_TRUE(doc);
  Report report;
  std::size_t first = text.find(line);
  std::size_t second = text.find(line, first + 1);
  report.article.headline = Span{0, 8};
  report.article.body = {Span{second, text.size() - 1}};
  report.article.removed = {{Span{first, first + line.size()}, RemovedCategory::kAppeal, "appeal", {}}};
  report.quotes = {{Span{first, first + line.size()}, Span{first, first + line.size()}, std::nullopt, -1}};
  report.cues = {{CueId::kShouting, 0.5, {Span{first, first + line.size()}}, ""}};
  std::string out = WriteTextReport(*doc, report, false);
  EXPECT_TRUE(IsValidUtf8(out));
  EXPECT_NE(out.find("…"), std::string::npos);
  std::istringstream lines(out);
  for (std::string l; std::getline(lines, l);) EXPECT_LE(Columns(l), 80u) << l;
}

TEST(TextReportWriter, BodyPreviewIsWrappedAndLimitedToThreeParagraphs) {
  std::string text = "Title\n\n";
  for (int p = 0; p < 5; ++p) {
    for (int w = 0; w < 40; ++w) text += "word" + std::to_string(p) + " ";
    text += "\n\n";
  }
  Result<Document> doc = Document::FromBytes(text);
  ASSERT_TRUE(doc);
  Report report;
  for (std::size_t at = text.find("word0"); at != std::string::npos; at = text.find("word", text.find("\n\n", at))) {
    report.article.body.push_back(Span{at, text.find(" \n\n", at)});
  }
  ASSERT_EQ(report.article.body.size(), 5u);
  std::string out = WriteTextReport(*doc, report, false);
  EXPECT_NE(out.find("word2"), std::string::npos);
  EXPECT_EQ(out.find("word3"), std::string::npos);
  EXPECT_NE(out.find("… 2 more paragraphs"), std::string::npos) << out;
  std::istringstream lines(out);
  for (std::string l; std::getline(lines, l);) EXPECT_LE(Columns(l), 80u) << l;
}

TEST(TextReportWriter, ControlBytesInGivenTitleAreNotPassedToTheTerminal) {
  Result<Document> doc = Document::FromBytes("Some text here.", {.title = "evil \x1b[2J title"});
  ASSERT_TRUE(doc);
  Report report;
  report.article.given_title = doc->title();
  std::string out = WriteTextReport(*doc, report, false);
  EXPECT_EQ(out.find('\x1b'), std::string::npos);
  EXPECT_NE(out.find("evil [2J title"), std::string::npos) << out;
}

}  // namespace
}  // namespace credence::internal
