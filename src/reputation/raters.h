// Which rater stands behind each source list of data/source_reputation.tsv.
// Several lists are snapshots of one rater (four of Media Bias/Fact Check,
// two of Melissa Zimdars' OpenSources list), so a site's agreement is
// counted per rater, not per list. docs/reputation.md ("Raters") gives the
// reason for each grouping.
#pragma once

#include <string_view>

namespace credence::internal {

struct ListRater {
  std::string_view rater;  // stable id, e.g. "mbfc", "opensources"
  std::string_view name;   // for display, e.g. "Media Bias/Fact Check"
  // When the list's ratings are from, where the table's date is only when
  // the list was collected ("2016" for Zimdars' list, which the table dates
  // by Lasser's 2021-05-18 snapshot); "" where the table's date is that.
  std::string_view content_date;
};

// Returns the rater of `list` (a table list name such as "mbfcext"). A list
// the mapping does not know is a rater of its own, named as the list.
// The views point into static data, or into `list` for an unknown list.
ListRater RaterOfList(std::string_view list);

}  // namespace credence::internal
