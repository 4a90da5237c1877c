// Tests for src/reputation/raters.cc: every list of the shipped table has a
// rater, the snapshots of one rater share it, and an unknown list stands alone.
#include "reputation/raters.h"

#include <gtest/gtest.h>

#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "data/embedded_data.h"

namespace credence::internal {
namespace {

TEST(RaterOfList, EveryListOfTheTableHasANamedRater) {
  std::optional<std::string_view> tsv = EmbeddedFile("source_reputation.tsv");
  ASSERT_TRUE(tsv);
  std::set<std::string> lists;
  ForEachDataLine(*tsv, [&](std::string_view line) {
    line.remove_prefix(line.find('\t') + 1);
    lists.insert(std::string(line.substr(0, line.find('\t'))));
  });
  EXPECT_EQ(lists.size(), 14u);
  std::set<std::string_view> raters;
  for (const std::string& list : lists) {
    const ListRater r = RaterOfList(list);
    EXPECT_NE(r.name, list) << list << " is not in the mapping";
    raters.insert(r.rater);
  }
  EXPECT_EQ(raters.size(), 10u);
}

TEST(RaterOfList, SnapshotsOfOneRaterShareIt) {
  for (const char* list : {"mbfcext", "mbfc_acl2020", "mbfc_emnlp18", "lasser/mbfc"}) {
    EXPECT_EQ(RaterOfList(list).rater, "mbfc") << list;
    EXPECT_EQ(RaterOfList(list).name, "Media Bias/Fact Check") << list;
  }
  EXPECT_EQ(RaterOfList("opensources").rater, "opensources");
  EXPECT_EQ(RaterOfList("lasser/zimdars").rater, "opensources");
  EXPECT_EQ(RaterOfList("lasser/zimdars").content_date, "2016");
  EXPECT_EQ(RaterOfList("opensources").content_date, "");
  EXPECT_NE(RaterOfList("lasser/cjr").rater, RaterOfList("opensources").rater);
}

TEST(RaterOfList, UnknownListIsItsOwnRater) {
  const ListRater r = RaterOfList("someone/new");
  EXPECT_EQ(r.rater, "someone/new");
  EXPECT_EQ(r.name, "someone/new");
  EXPECT_EQ(r.content_date, "");
}

}  // namespace
}  // namespace credence::internal
