// Every bundled word list parses as a PhraseLexicon, the state-outlet table
// has its six columns, and the lists hold the entries (and flags) that the
// detectors and the reference sample rely on.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "cues/phrase_lexicon.h"
#include "data/embedded_data.h"

namespace credence::internal {
namespace {

constexpr const char* kLists[] = {
    "hedges.txt",        "loaded_language.txt",   "afinn-165.tsv",         "clickbait.txt",
    "money_appeal.txt",  "media_attack.txt",      "media_outlets.txt",     "reporting_verbs.txt",
    "anonymous_sources.txt", "institution_words.txt", "document_words.txt",
};

class BundledLexicon : public ::testing::TestWithParam<const char*> {};

TEST_P(BundledLexicon, Parses) {
  std::optional<std::string_view> contents = EmbeddedFile(GetParam());
  ASSERT_TRUE(contents) << GetParam() << " is not embedded";
  EXPECT_EQ(contents->substr(0, 2), "# ") << GetParam() << " must open with its provenance comment";
  Result<PhraseLexicon> lexicon = PhraseLexicon::Parse(*contents, GetParam());
  ASSERT_TRUE(lexicon) << lexicon.error().ToString();
  EXPECT_GT(lexicon->size(), 10u);
}

INSTANTIATE_TEST_SUITE_P(AllLists, BundledLexicon, ::testing::ValuesIn(kLists));

// Returns the flags of `phrase` in the bundled `file`, or nullopt when absent.
std::optional<uint32_t> FlagsOf(const char* file, std::string_view phrase) {
  const PhraseLexicon& lexicon = PhraseLexicon::Builtin(file);
  for (std::size_t e = 0; e < lexicon.size(); ++e)
    if (lexicon.phrase(e) == phrase) return lexicon.flags(e);
  return std::nullopt;
}

void ExpectAll(const char* file, std::initializer_list<std::string_view> phrases) {
  for (std::string_view p : phrases) EXPECT_TRUE(FlagsOf(file, p)) << file << " lacks '" << p << "'";
}

TEST(BundledLists, HedgesHoldTheRequiredPhrases) {
  ExpectAll("hedges.txt", {"it would appear", "it appears", "appears to", "would appear", "seems", "seemingly",
                           "allegedly", "reportedly", "possibly", "perhaps", "may", "might", "could", "likely",
                           "suggests", "it is believed", "rumored"});
  for (std::string_view modal : {"may", "might", "could"}) EXPECT_TRUE(*FlagsOf("hedges.txt", modal) & kModalFlag) << modal;
  EXPECT_TRUE(*FlagsOf("hedges.txt", "may") & kLowerFlag);
}

TEST(BundledLists, AfinnHasValences) {
  const PhraseLexicon& afinn = PhraseLexicon::Builtin("afinn-165.tsv");
  EXPECT_EQ(afinn.size(), 3382u);
  EXPECT_EQ(afinn.Weight("abandon"), -2.0);
  EXPECT_EQ(afinn.Weight("outstanding"), 5.0);
  for (std::size_t e = 0; e < afinn.size(); ++e) {
    EXPECT_GE(afinn.weight(e), -5.0) << afinn.phrase(e);
    EXPECT_LE(afinn.weight(e), 5.0) << afinn.phrase(e);
  }
}

TEST(BundledLists, ReportingVerbsMarkNounsAndPrepositions) {
  ExpectAll("reporting_verbs.txt", {"said", "says", "told", "reported", "claimed", "stated", "added", "continued",
                                    "wrote", "announced", "alleged", "tweeted", "denied", "testified", "posted"});
  for (std::string_view noun : {"reports", "report", "claims", "claim", "states"})
    EXPECT_TRUE(*FlagsOf("reporting_verbs.txt", noun) & kNounFlag) << noun;
  EXPECT_FALSE(*FlagsOf("reporting_verbs.txt", "said") & kNounFlag);
  EXPECT_TRUE(*FlagsOf("reporting_verbs.txt", "according to") & kPrepositionFlag);
}

TEST(BundledLists, MediaAttackLinesAreMediaOrAttack) {
  const PhraseLexicon& lexicon = PhraseLexicon::Builtin("media_attack.txt");
  for (std::size_t e = 0; e < lexicon.size(); ++e) {
    uint32_t f = lexicon.flags(e) & (kMediaFlag | kAttackFlag);
    EXPECT_TRUE(f == kMediaFlag || f == kAttackFlag) << lexicon.phrase(e);
  }
  EXPECT_TRUE(*FlagsOf("media_attack.txt", "mainstream media") & kMediaFlag);
  EXPECT_TRUE(*FlagsOf("media_attack.txt", "lies") & kAttackFlag);
  EXPECT_TRUE(*FlagsOf("media_attack.txt", "expose") & kAttackFlag);
}

TEST(BundledLists, OutletsSourcesAndInstitutions) {
  ExpectAll("media_outlets.txt", {"Reuters", "Associated Press", "AP", "AFP", "BBC", "CNN", "Fox News",
                                  "New York Times", "Washington Post", "Politico", "Guardian", "Breitbart",
                                  "Daily Mail", "Infowars"});
  for (std::string_view head : {"News", "Times", "Herald", "Gazette"})
    EXPECT_EQ(FlagsOf("media_outlets.txt", head), kHeadFlag) << head;
  ExpectAll("anonymous_sources.txt", {"source", "sources", "insider", "people familiar with", "a person close to",
                                      "undisclosed", "unnamed", "anonymous", "informed sources"});
  EXPECT_TRUE(*FlagsOf("anonymous_sources.txt", "officials") & kWeakFlag);
  ExpectAll("institution_words.txt", {"Ministry", "Pentagon", "White House", "Kremlin", "Police", "FBI", "NATO",
                                      "United Nations", "Parliament"});
  // A report is a document, not an unnamed person.
  ExpectAll("document_words.txt", {"report", "reports", "study", "data", "statement", "document"});
  EXPECT_FALSE(FlagsOf("anonymous_sources.txt", "reports"));
  EXPECT_TRUE(*FlagsOf("reporting_verbs.txt", "told") & kAddresseeFlag);
  EXPECT_TRUE(*FlagsOf("reporting_verbs.txt", "continues") & kAspectFlag);
}

TEST(BundledLists, ClickbaitMoneyAndLoadedLanguage) {
  ExpectAll("clickbait.txt", {"you won't believe", "what happened next", "will blow your mind", "this is why",
                              "here's why", "you need to know", "jaw-dropping", "goes viral", "(video)", "watch:"});
  EXPECT_TRUE(*FlagsOf("clickbait.txt", "this") & kForwardFlag);
  EXPECT_TRUE(*FlagsOf("clickbait.txt", "you") & kYouFlag);
  ExpectAll("money_appeal.txt", {"donate", "support us", "chip in", "patreon", "become a patron", "send us", "free mug"});
  ExpectAll("loaded_language.txt", {"regime", "puppet*", "thug*", "slam*", "deep state", "hoax", "bombshell"});
}

// Splits one table line at tabs.
std::vector<std::string_view> Columns(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t pos = 0;
  while (true) {
    std::size_t tab = line.find('\t', pos);
    out.push_back(line.substr(pos, tab == std::string_view::npos ? std::string_view::npos : tab - pos));
    if (tab == std::string_view::npos) return out;
    pos = tab + 1;
  }
}

TEST(StateAffiliatedOutlets, HasSixFilledColumnsPerRow) {
  std::string_view table = EmbeddedFile("state_affiliated_outlets.tsv").value_or("");
  ASSERT_FALSE(table.empty());
  EXPECT_EQ(table.substr(0, 2), "# ");
  std::vector<std::string> names;
  std::size_t pos = 0;
  while (pos < table.size()) {
    std::size_t nl = table.find('\n', pos);
    std::string_view line = table.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? table.size() : nl + 1;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> cols = Columns(line);
    ASSERT_EQ(cols.size(), 6u) << line;
    for (std::size_t c : {0, 2, 3, 4, 5}) EXPECT_FALSE(cols[c].empty()) << "column " << c + 1 << ": " << line;
    EXPECT_EQ(cols[4].find(' '), std::string_view::npos) << "domains: " << line;
    names.emplace_back(cols[0]);
  }
  EXPECT_GE(names.size(), 25u);
  for (const char* name : {"RT", "Sputnik", "TASS", "RIA Novosti", "Channel One Russia", "Press TV", "IRNA",
                           "Fars News", "Tasnim", "Al Alam", "CGTN", "Xinhua", "China Daily", "Global Times",
                           "People's Daily", "CCTV", "SANA", "KCNA", "TeleSUR", "Prensa Latina", "Granma"})
    EXPECT_NE(std::find(names.begin(), names.end(), name), names.end()) << name;
  for (const char* independent : {"BBC", "PBS", "CBC", "DW", "NPR"})
    EXPECT_EQ(std::find(names.begin(), names.end(), independent), names.end()) << independent;
}

}  // namespace
}  // namespace credence::internal
