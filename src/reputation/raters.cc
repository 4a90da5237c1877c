// The one mapping from source list to rater (raters.h). A rater is whoever
// made the judgements a list records: a scrape or a re-labelled copy of a
// rater's list is that rater again, not a second opinion. Reasons for each
// line are in docs/reputation.md ("Raters").
#include "reputation/raters.h"

#include <array>

namespace credence::internal {
namespace {

struct ListEntry {
  std::string_view list;
  ListRater rater;
};

constexpr ListRater kMbfc = {"mbfc", "Media Bias/Fact Check", ""};
constexpr ListRater kOpenSources = {"opensources", "OpenSources", ""};

constexpr std::array<ListEntry, 14> kListRaters = {{
    // mediabiasfactcheck.com: its own table (the browser extension's), the
    // labels Baly et al. scraped for their papers, and Lasser's 2021 copy.
    {"mbfcext", kMbfc},
    {"mbfc_acl2020", kMbfc},
    {"mbfc_emnlp18", kMbfc},
    {"lasser/mbfc", kMbfc},
    // Zimdars' list became OpenSources; Lasser's copy is her 2016 list with
    // only its first type kept, and every site on it is on opensources too.
    {"opensources", kOpenSources},
    {"lasser/zimdars", {"opensources", "OpenSources", "2016"}},
    // Each a list of its own. CJR's and Grinberg et al.'s draw on earlier
    // lists (CJR's on OpenSources and PolitiFact among others), which the
    // docs say; they are counted as raters because they chose and labelled.
    {"lasser/cjr", {"cjr", "Columbia Journalism Review", ""}},
    {"lasser/grinberg", {"grinberg", "Grinberg et al. 2019", ""}},
    {"lasser/politifact", {"politifact", "PolitiFact", ""}},
    {"lasser/buzzfeed", {"buzzfeed", "BuzzFeed News", ""}},
    {"lasser/fakenewswatch", {"fakenewswatch", "Fake News Watch", ""}},
    {"lasser/butac", {"butac", "BUTAC", ""}},
    {"lasser/bufale", {"bufale", "Bufale.net", "2018"}},
    {"lasser/bufalopedia", {"bufalopedia", "Bufalopedia", ""}},
}};

}  // namespace

ListRater RaterOfList(std::string_view list) {
  for (const ListEntry& e : kListRaters)
    if (e.list == list) return e.rater;
  return {list, list, ""};
}

}  // namespace credence::internal
