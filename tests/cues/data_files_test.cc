// Every bundled word list parses, and the tables hold the entries the
// detectors rely on.
#include <gtest/gtest.h>

#include <string>

#include "cues/phrase_lexicon.h"
#include "data/embedded_data.h"

namespace credence::internal {
namespace {

class BundledLexicon : public ::testing::TestWithParam<const char*> {};

TEST_P(BundledLexicon, Parses) {
  std::optional<std::string_view> contents = EmbeddedFile(GetParam());
  ASSERT_TRUE(contents) << GetParam() << " is not embedded";
  Result<PhraseLexicon> lexicon = PhraseLexicon::Parse(*contents, GetParam());
  ASSERT_TRUE(lexicon) << lexicon.error().ToString();
  EXPECT_GT(lexicon->size(), 10u);
}

INSTANTIATE_TEST_SUITE_P(AllLists, BundledLexicon,
                         ::testing::Values("hedges.txt", "loaded_language.txt", "afinn-165.tsv", "clickbait.txt",
                                           "money_appeal.txt", "media_attack.txt"));

TEST(PhraseLexicon, RejectsBadWeightAndFlag) {
  EXPECT_FALSE(PhraseLexicon::Parse("word\tnotanumber\n", "t"));
  EXPECT_FALSE(PhraseLexicon::Parse("word\t1\tnoflag\n", "t"));
  EXPECT_TRUE(PhraseLexicon::Parse("# comment\n\nword\t1\tmodal\n", "t"));
}

TEST(StateAffiliatedOutlets, HasSixColumnsPerRow) {
  std::string_view table = EmbeddedFile("state_affiliated_outlets.tsv").value_or("");
  ASSERT_FALSE(table.empty());
  std::size_t rows = 0;
  std::size_t pos = 0;
  while (pos < table.size()) {
    std::size_t nl = table.find('\n', pos);
    std::string_view line = table.substr(pos, nl - pos);
    pos = nl == std::string_view::npos ? table.size() : nl + 1;
    if (line.empty() || line[0] == '#') continue;
    ++rows;
    EXPECT_EQ(std::count(line.begin(), line.end(), '\t'), 5) << line;
  }
  EXPECT_GE(rows, 25u);
  for (std::string_view name : {"\nRT\t", "\nSputnik\t", "\nPress TV\t", "\nCGTN\t", "\nXinhua\t", "\nSANA\t"})
    EXPECT_NE(table.find(name), std::string_view::npos) << name;
}

}  // namespace
}  // namespace credence::internal
