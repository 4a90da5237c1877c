// Article: what `extract` finds in a Document: the headline, standfirst,
// byline, date and body blocks of the article, and every block of page
// leftovers it removed, each with its category.
//
// All positions are Spans into the Document. An Article is a plain value.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "credence/span.h"

namespace credence {

// Why a block was judged not to be article body.
enum class RemovedCategory {
  kSiteChrome,     // menus, navigation, stray category lines such as "in ,"
  kRelated,        // related-story teasers, trailing lists of other headlines
  kSignature,      // the publisher's or author's sign-off line
  kAppeal,         // donation or subscription appeal
  kWidget,         // vote or engagement widget
  kCommentPrompt,  // "Leave a Reply", comment counts
  kShare,          // share, follow, newsletter and cookie text
  kCopyright,      // copyright footer
  kCaption,        // a photo or video caption (HTML <figcaption>)
};

// Returns the stable snake_case name of `category`, e.g. "comment_prompt".
std::string_view RemovedCategoryName(RemovedCategory category);

// The numbers a vote or engagement widget shows. Absent ones stay empty.
struct WidgetCounts {
  std::optional<double> points;
  std::optional<double> total;
  std::optional<double> up;
  std::optional<double> down;
  std::optional<double> up_percent;
  std::optional<double> down_percent;
  bool empty() const { return !points && !total && !up && !down && !up_percent && !down_percent; }
};

struct RemovedBlock {
  Span span;
  RemovedCategory category = RemovedCategory::kSiteChrome;
  std::string rule;     // the name of the rule that fired, e.g. "teaser_prefix"
  WidgetCounts widget;  // set for kWidget blocks
};

struct Article {
  std::optional<Span> headline;    // a line of the input taken as headline
  std::optional<Span> standfirst;  // the summary line under the headline
  std::optional<Span> byline;      // "By Jane Doe" or similar
  std::optional<Span> date;        // a publication date found in the input
  // What the page's metadata (JSON-LD, meta tags, itemprop) says, for HTML
  // input; "" when it says nothing. The page shows these even when no
  // visible line reads as a byline or date.
  std::string metadata_author;     // the stated author names, joined by ", "
  std::string metadata_date;       // the publication (else modified) date, ISO 8601; never a placeholder
  std::string given_title;         // DocumentOptions::title, when given
  std::vector<Span> body;          // body blocks (one per paragraph), in order
  std::vector<RemovedBlock> removed;  // in input order
};

}  // namespace credence
