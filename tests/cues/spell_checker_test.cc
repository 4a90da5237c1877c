// Tests for SpellChecker with Debian's hunspell-en-us; they skip with a
// message when /usr/share/hunspell/en_US.{aff,dic} is not installed.
#include "cues/spell_checker.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>

#include "text/tokenizer.h"

namespace credence::internal {
namespace {

constexpr const char* kDictionary = "/usr/share/hunspell/en_US";

class SpellCheckerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<std::unique_ptr<SpellChecker>> speller = SpellChecker::Open(kDictionary);
    if (!speller) GTEST_SKIP() << "hunspell-en-us not installed: " << speller.error().ToString();
    speller_ = std::move(*speller);
  }
  // Returns the misspelled words of `text`.
  std::vector<std::string> Misspelled(const std::string& text) const {
    std::vector<Token> tokens;
    Tokenize(text, {0, text.size()}, &tokens);
    std::vector<std::string> out;
    for (const Span& s : speller_->FindMisspellings(text, tokens, 0, tokens.size()))
      out.push_back(text.substr(s.start, s.size()));
    return out;
  }
  std::unique_ptr<SpellChecker> speller_;
};

using Strings = std::vector<std::string>;

TEST(SpellChecker, OpenFailsWithNotFoundForAMissingDictionary) {
  Result<std::unique_ptr<SpellChecker>> speller = SpellChecker::Open("/nonexistent/xx_XX");
  ASSERT_FALSE(speller);
  EXPECT_EQ(speller.error().code(), StatusCode::kNotFound);
}

TEST_F(SpellCheckerTest, FlagsTheReferenceSampleTypo) {
  EXPECT_EQ(Misspelled("the last hilicopter out of Saigon"), (Strings{"hilicopter"}));
  EXPECT_TRUE(speller_->IsMisspelled("hilicopter"));
  EXPECT_FALSE(speller_->IsMisspelled("helicopter"));
}

TEST_F(SpellCheckerTest, SkipsNamesAcronymsNumbersAndShortWords) {
  EXPECT_TRUE(Misspelled("US colluded with ISIS in Deir ez-Zor, near Saigon, on the 20th.").empty());
  EXPECT_TRUE(Misspelled("Zelenskyy and Shoigu met in Xyzzyville; qz xq.").empty());
  EXPECT_TRUE(Misspelled("5G 3rd COVID-19 iPhone U.S. e.g.").empty());
}

TEST_F(SpellCheckerTest, FoldsApostrophesAndStripsPossessives) {
  EXPECT_TRUE(Misspelled("don\u2019t won't can't the state's students' it\u2019s").empty());
  EXPECT_EQ(Misspelled("the goverment\u2019s plan"), (Strings{"goverment\u2019s"}));
}

TEST_F(SpellCheckerTest, AcceptsBritishSpellings) {
  EXPECT_TRUE(Misspelled("organised organisation colour favourite centre centred analysed travelled "
                         "modelling defence licence judgement paediatric programme catalogue ageing whilst")
                  .empty());
  EXPECT_EQ(Misspelled("organisd colur"), (Strings{"organisd", "colur"}));
}

TEST_F(SpellCheckerTest, ChecksHyphenatedWordsPartByPart) {
  EXPECT_TRUE(Misspelled("a well-known, long-term plan").empty());
  EXPECT_EQ(Misspelled("a well-knwon plan"), (Strings{"knwon"}));
}

TEST_F(SpellCheckerTest, SkipsWebAddressesHandlesAndOtherScripts) {
  EXPECT_EQ(Misspelled("see https://exmaple.com/artcle or wrte to tips@nwes.org, @jdoex #fakenwes"), (Strings{"wrte"}));
  EXPECT_TRUE(Misspelled("Москва and caf\u00e9 and na\u00efve and \xEF\xBF\xBD" "abc").empty());
  EXPECT_TRUE(Misspelled("pneumonoultramicroscopicsilicovolcanoconiosisxx").empty());  // over 30 bytes
}

TEST_F(SpellCheckerTest, IsSafeToShareAcrossThreads) {
  const char* known[] = {"helicopter", "state", "report", "garden"};
  const char* unknown[] = {"hilicopter", "goverment", "recieve", "seperate"};
  std::vector<int> wrong(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) wrong[t] += speller_->IsMisspelled(i % 2 ? unknown[i % 4 / 2 + t % 2 * 2] : known[i % 4]);
    });
  for (std::thread& th : threads) th.join();
  for (int w : wrong) EXPECT_EQ(w, 100);
}

}  // namespace
}  // namespace credence::internal
