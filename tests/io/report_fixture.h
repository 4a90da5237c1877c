// A small Document and a hand-made Report over it, shared by the JSON and
// text writer tests so they do not depend on what the Analyzer finds; and
// Keys, for the tests that check the order of a JSON object's keys.
#pragma once

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "credence/document.h"
#include "credence/report.h"

namespace credence::testing {

inline constexpr std::string_view kFixtureText =
    "in ,\n\nUS colluded with ISIS\n\nSputnik has reported that \xE2\x80\x9Chelicopters flew,\xE2\x80\x9D "
    "said Jane Doe.\n\nIt may be so.\n\n65 points\n";

// Returns the span of the first `needle` in kFixtureText.
inline Span Find(std::string_view needle) {
  std::size_t at = kFixtureText.find(needle);
  EXPECT_NE(at, std::string_view::npos) << needle;
  return Span{at, at + needle.size()};
}

inline Document FixtureDocument() {
  return *Document::FromBytes(std::string(kFixtureText), {.url = "https://example.com/a", .title = ""});
}

inline Report FixtureReport() {
  Report r;
  r.article.headline = Find("US colluded with ISIS");
  r.article.body = {Find("Sputnik has reported that \xE2\x80\x9Chelicopters flew,\xE2\x80\x9D said Jane Doe."),
                    Find("It may be so.")};
  RemovedBlock chrome{Find("in ,"), RemovedCategory::kSiteChrome, "stray_category_line", {}};
  RemovedBlock widget{Find("65 points"), RemovedCategory::kWidget, "vote_widget", {}};
  widget.widget.points = 65;
  widget.widget.up_percent = 92.207792;
  r.article.removed = {chrome, widget};
  r.structure.tokens = {
      {Find("US"), TokenKind::kWord}, {Find("colluded"), TokenKind::kWord}, {Find(","), TokenKind::kPunct}};
  r.structure.sentences = {{Find("US colluded with ISIS"), 0, 2},
                           {r.article.body[0], 2, 3},
                           {r.article.body[1], 3, 3}};
  r.structure.paragraphs = {{*r.article.headline, ParagraphRole::kHeadline, 0, 1},
                            {r.article.body[0], ParagraphRole::kBody, 1, 2},
                            {r.article.body[1], ParagraphRole::kBody, 2, 3}};
  r.attributions = {{Find("Sputnik has reported"), Find("has reported"), Find("Sputnik"),
                     SourceKind::kStateAffiliatedOutlet, "Sputnik (Russia)"},
                    {Find("said Jane Doe"), Find("said"), Find("Jane Doe"), SourceKind::kNamedPerson, ""}};
  r.quotes = {{Find("\xE2\x80\x9Chelicopters flew,\xE2\x80\x9D"), Find("helicopters flew,"), Find("Jane Doe"), 1},
              {Find("It may be so."), Find("may be so"), std::nullopt, -1}};
  r.cues = {{CueId::kHedging, 0.123456, {Find("may")}, "1 hedge in 12 words"},
            {CueId::kQuestionableSource, 0.9, {Find("Sputnik")}, "1 state-affiliated outlet"}};
  r.warnings = {"spelling cue off: test"};
  return r;
}

// Returns the keys of `object`, in order.
inline std::vector<std::string> Keys(const nlohmann::ordered_json& object) {
  std::vector<std::string> keys;
  for (auto it = object.begin(); it != object.end(); ++it) keys.push_back(it.key());
  return keys;
}

}  // namespace credence::testing
