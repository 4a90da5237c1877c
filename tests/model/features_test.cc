// Tests for ExtractFeatures: the n-gram part's scaling, how headline, body,
// sentence boundaries and numbers shape the n-grams, where the dense cue
// features go, a title given beside the text, and near-empty articles; AppendNgramEntries against HashNgramRuns.
#include "model/features.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "credence/analyzer.h"
#include "credence/document.h"
#include "cues/phrase_lexicon.h"
#include "tests/analyzer_support.h"

namespace credence::internal {
namespace {

constexpr std::uint32_t kBuckets = 1u << 18;

using testing::Analyze;
using testing::Analyzed;

ArticleFeatures Features(const Analyzed& a) { return ExtractFeatures(a.doc.text(), a.report, kBuckets); }

// Returns the indices of the n-gram entries of `kind` named `name`.
std::vector<std::size_t> Find(const ArticleFeatures& f, const Analyzed& a, FeatureKind kind, const std::string& name) {
  std::vector<std::size_t> found;
  for (std::size_t i = 0; i < f.origins.size(); ++i)
    if (f.origins[i].kind == kind && NgramName(f, i, a.doc.text(), a.report) == name) found.push_back(i);
  return found;
}

// Returns the sentence index of token `t`, or -1.
int SentenceOf(const Structure& st, std::size_t t) {
  for (std::size_t s = 0; s < st.sentences.size(); ++s)
    if (t >= st.sentences[s].first_token && t < st.sentences[s].end_token) return static_cast<int>(s);
  return -1;
}

constexpr const char* kHarbourArticle =
    "Harbour Crane Collapses In Storm\n\n"
    "A harbour crane fell into the water on Sunday night. Nobody was hurt, the port said.\n\n"
    "Workers will inspect the other cranes this week before ships return.\n";

TEST(ExtractFeatures, NgramPartHasUnitNorm) {
  Analyzed a = Analyze(kHarbourArticle);
  ArticleFeatures f = Features(a);
  ASSERT_GT(f.origins.size(), 10u);
  double norm2 = 0.0;
  for (std::size_t i = 0; i < f.origins.size(); ++i) norm2 += double{f.entries[i].value} * f.entries[i].value;
  EXPECT_NEAR(std::sqrt(norm2), 1.0, 1e-5);
}

TEST(ExtractFeatures, RepeatedWordsGetLogOfOnePlusCount) {
  Analyzed a = Analyze(
      "Goats On The Loose\n\n"
      "Goats ate the hedge, and then goats ate the roses. Later the goats slept near a fence.\n\n"
      "The farmer laughed about it.\n");
  ArticleFeatures f = Features(a);
  std::vector<std::size_t> goats = Find(f, a, FeatureKind::kWords, "goats");
  std::vector<std::size_t> fence = Find(f, a, FeatureKind::kWords, "fence");
  std::vector<std::size_t> ate = Find(f, a, FeatureKind::kWords, "ate");
  ASSERT_EQ(goats.size(), 1u);
  ASSERT_EQ(fence.size(), 1u);
  ASSERT_EQ(ate.size(), 1u);
  const NgramOrigin& o = f.origins[goats[0]];
  EXPECT_EQ(o.occurrences_end - o.occurrences_begin, 3u);
  // log(1 + 3) / log(1 + 1) == 2 and log(1 + 2) / log(1 + 1) whatever the norm.
  EXPECT_NEAR(f.entries[goats[0]].value / f.entries[fence[0]].value, 2.0, 1e-5);
  EXPECT_NEAR(f.entries[ate[0]].value / f.entries[fence[0]].value, std::log(3.0) / std::log(2.0), 1e-5);
}

TEST(ExtractFeatures, HeadlineNgramsHashApartFromBodyOnes) {
  Analyzed a = Analyze(kHarbourArticle);
  ASSERT_TRUE(a.report.article.headline.has_value());
  ArticleFeatures f = Features(a);
  std::vector<std::size_t> head = Find(f, a, FeatureKind::kHeadline, "crane");
  std::vector<std::size_t> body = Find(f, a, FeatureKind::kWords, "crane");
  ASSERT_EQ(head.size(), 1u);
  ASSERT_EQ(body.size(), 1u);
  EXPECT_NE(head[0], body[0]);
  EXPECT_NE(f.entries[head[0]].index, f.entries[body[0]].index);
  // The headline n-gram counts only the headline's occurrence.
  EXPECT_EQ(f.origins[head[0]].occurrences_end - f.origins[head[0]].occurrences_begin, 1u);
  const std::uint32_t t = f.occurrences[f.origins[head[0]].occurrences_begin];
  EXPECT_TRUE(a.report.article.headline->Contains(a.report.structure.tokens[t].span));
  // The headline's bigram also stands apart.
  EXPECT_EQ(Find(f, a, FeatureKind::kHeadline, "harbour crane").size(), 1u);
  EXPECT_EQ(Find(f, a, FeatureKind::kWords, "harbour crane").size(), 1u);
}

TEST(ExtractFeatures, BigramsStayInsideOneSentence) {
  Analyzed a = Analyze(
      "Town Fair Opens\n\n"
      "The river rose quickly. Farmers moved their cattle uphill.\n\n"
      "Volunteers stacked sandbags. Schools stayed closed.\n");
  ArticleFeatures f = Features(a);
  ASSERT_GE(a.report.structure.sentences.size(), 4u);
  EXPECT_EQ(Find(f, a, FeatureKind::kWords, "river rose").size(), 1u);
  EXPECT_TRUE(Find(f, a, FeatureKind::kWords, ". farmers").empty());
  EXPECT_TRUE(Find(f, a, FeatureKind::kWords, "uphill volunteers").empty());
  std::size_t bigrams = 0;
  for (const NgramOrigin& o : f.origins) {
    if (o.length != 2) continue;
    for (std::uint32_t k = o.occurrences_begin; k < o.occurrences_end; ++k) {
      const std::uint32_t t = f.occurrences[k];
      ASSERT_LT(t + 1, a.report.structure.tokens.size());
      EXPECT_EQ(SentenceOf(a.report.structure, t), SentenceOf(a.report.structure, t + 1)) << "token " << t;
      ++bigrams;
    }
  }
  EXPECT_GT(bigrams, 10u);
}

TEST(ExtractFeatures, NumbersFoldTheirDigitsToZero) {
  const std::string head = "Bridge Finally Opens\n\nThe old bridge first opened in ";
  const std::string tail = " after long delays.\n\nDrivers welcomed the news on Monday.\n";
  Analyzed a = Analyze(head + "1999" + tail);
  Analyzed b = Analyze(head + "2011" + tail);
  Analyzed c = Analyze(head + "spring" + tail);
  ArticleFeatures fa = Features(a), fb = Features(b), fc = Features(c);
  EXPECT_EQ(Find(fa, a, FeatureKind::kWords, "0000").size(), 1u);
  EXPECT_EQ(Find(fb, b, FeatureKind::kWords, "in 0000").size(), 1u);
  ASSERT_EQ(fa.entries.size(), fb.entries.size());
  for (std::size_t i = 0; i < fa.entries.size(); ++i) {
    EXPECT_EQ(fa.entries[i].index, fb.entries[i].index) << i;
    EXPECT_EQ(fa.entries[i].value, fb.entries[i].value) << i;
  }
  // A word in the same place does change the features.
  bool differs = fa.entries.size() != fc.entries.size();
  for (std::size_t i = 0; !differs && i < fa.entries.size(); ++i) differs = fa.entries[i].index != fc.entries[i].index;
  EXPECT_TRUE(differs);
}

TEST(ExtractFeatures, DenseFeaturesFollowTheBuckets) {
  Analyzed a = Analyze(
      "Officials Weigh New Rules\n\n"
      "Some experts say the plan could possibly help, according to sources. \"It may work,\" one adviser said.\n\n"
      "Critics allegedly warned that it might fail.\n");
  ArticleFeatures f = Features(a);
  const std::vector<std::string>& names = DenseFeatureNames();
  ASSERT_FALSE(names.empty());
  for (std::size_t i = 0; i < f.origins.size(); ++i) EXPECT_LT(f.entries[i].index, kBuckets);
  ASSERT_GT(f.entries.size(), f.origins.size());
  for (std::size_t i = f.origins.size(); i < f.entries.size(); ++i) {
    EXPECT_GE(f.entries[i].index, kBuckets);
    EXPECT_LT(f.entries[i].index - kBuckets, names.size());
    EXPECT_NE(f.entries[i].value, 0.0f);
  }
  // log_word_count is never 0 for a text with words.
  const auto log_words = std::find(names.begin(), names.end(), "log_word_count");
  ASSERT_NE(log_words, names.end());
  const std::uint32_t want = kBuckets + static_cast<std::uint32_t>(log_words - names.begin());
  bool found = false;
  for (std::size_t i = f.origins.size(); i < f.entries.size(); ++i)
    if (f.entries[i].index == want) found = f.entries[i].value > 0.0f && f.entries[i].value < 1.0f;
  EXPECT_TRUE(found);
  // Each cue of the report lands at num_buckets + its place in the names.
  for (const Cue& cue : a.report.cues) {
    if (cue.strength == 0.0) continue;
    const auto it = std::find(names.begin(), names.end(), "cue:" + std::string(GetCueInfo(cue.id).name));
    ASSERT_NE(it, names.end());
    const std::uint32_t index = kBuckets + static_cast<std::uint32_t>(it - names.begin());
    bool present = false;
    for (std::size_t i = f.origins.size(); i < f.entries.size(); ++i)
      if (f.entries[i].index == index) present = std::abs(f.entries[i].value - cue.strength) < 1e-6;
    EXPECT_TRUE(present) << *it;
  }
}

TEST(ExtractFeatures, GivenTitleCountsAsHeadlineWhenTextHasNone) {
  const std::string text =
      "the harbour will reopen on Tuesday, the port authority said.\n\n"
      "Repairs to the north pier took four weeks.\n\n"
      "Fishing boats are expected back soon.\n";
  Analyzed without = Analyze(text);
  Analyzed with = Analyze(text, "Harbour Reopens");
  ASSERT_FALSE(with.report.article.headline.has_value());
  ArticleFeatures f0 = Features(without), f1 = Features(with);
  for (const NgramOrigin& o : f0.origins) EXPECT_NE(o.kind, FeatureKind::kHeadline);
  std::vector<std::size_t> head = Find(f1, with, FeatureKind::kHeadline, "harbour");
  ASSERT_EQ(head.size(), 1u);
  EXPECT_GE(f1.occurrences[f1.origins[head[0]].occurrences_begin], with.report.structure.tokens.size());
  EXPECT_EQ(Find(f1, with, FeatureKind::kHeadline, "harbour reopens").size(), 1u);
  // The body's own "harbour" is still a separate word feature.
  EXPECT_EQ(Find(f1, with, FeatureKind::kWords, "harbour").size(), 1u);
  double norm2 = 0.0;
  for (std::size_t i = 0; i < f1.origins.size(); ++i) norm2 += double{f1.entries[i].value} * f1.entries[i].value;
  EXPECT_NEAR(norm2, 1.0, 1e-5);
}

TEST(ExtractFeatures, TitleFoundInTextIsNotCountedTwice) {
  Analyzed a = Analyze(kHarbourArticle, "Harbour Crane Collapses In Storm");
  ASSERT_TRUE(a.report.article.headline.has_value());
  ArticleFeatures f = Features(a);
  for (std::size_t i = 0; i < f.origins.size(); ++i)
    for (std::uint32_t k = f.origins[i].occurrences_begin; k < f.origins[i].occurrences_end; ++k)
      EXPECT_LT(f.occurrences[k], a.report.structure.tokens.size());
  std::vector<std::size_t> head = Find(f, a, FeatureKind::kHeadline, "storm");
  ASSERT_EQ(head.size(), 1u);
  EXPECT_EQ(f.origins[head[0]].occurrences_end - f.origins[head[0]].occurrences_begin, 1u);
}

TEST(ExtractFeatures, TokensNormalisedBeforehandGiveTheSameFeatures) {
  Analyzed a = Analyze("Prices Rose In 2011\n\nThe mayor\u2019s office said prices rose 4.5% in 1999 and 2011.\n");
  const std::vector<std::string> normalized = NormalizeTokens(a.doc.text(), a.report.structure.tokens);
  ArticleFeatures made_here = Features(a);
  ArticleFeatures given = ExtractFeatures(a.doc.text(), a.report, kBuckets, &normalized);
  ASSERT_EQ(made_here.entries.size(), given.entries.size());
  for (std::size_t i = 0; i < given.entries.size(); ++i) {
    EXPECT_EQ(made_here.entries[i].index, given.entries[i].index) << i;
    EXPECT_EQ(made_here.entries[i].value, given.entries[i].value) << i;
  }
  // A vector of the wrong size is ignored, not read out of bounds.
  const std::vector<std::string> short_list(1, "x");
  EXPECT_EQ(ExtractFeatures(a.doc.text(), a.report, kBuckets, &short_list).entries.size(), given.entries.size());
}

TEST(ExtractFeatures, NearlyEmptyArticlesGiveFiniteFeatures) {
  for (const char* text : {"!", "...", "x", "\n\n?\n\n", "\xE2\x80\x94", "42"}) {
    Result<Document> doc = Document::FromBytes(text);
    if (!doc) continue;  // refused as empty: nothing to featurize
    Report report = testing::ModelFreeAnalyzer().Analyze(*doc);
    ArticleFeatures f = ExtractFeatures(doc->text(), report, 1024);
    for (const FeatureEntry& e : f.entries) {
      EXPECT_TRUE(std::isfinite(e.value)) << text;
      EXPECT_LT(e.index, 1024u + DenseFeatureNames().size()) << text;
    }
    for (std::size_t i = 0; i < f.origins.size(); ++i) EXPECT_FALSE(NgramName(f, i, doc->text(), report).empty()) << text;
  }
  // A Report with nothing in it at all.
  ArticleFeatures f = ExtractFeatures("", Report{}, 1024);
  EXPECT_TRUE(f.origins.empty());
  for (const FeatureEntry& e : f.entries) EXPECT_GE(e.index, 1024u);
}

TEST(AppendNgramEntries, GivesHashNgramRunsEntriesForOneRun) {
  // A repeated word and pair, so that counts above one are grouped alike.
  const std::vector<std::uint64_t> hashes = {11, 22, 11, 22, 33, 11, 44};
  for (auto [begin, end] : {std::pair<std::size_t, std::size_t>{0, 7}, {2, 6}, {3, 4}, {5, 99}, {4, 4}}) {
    const ArticleFeatures whole = HashNgramRuns(hashes, {{begin, end, FeatureKind::kWords}}, kBuckets);
    std::vector<FeatureEntry> appended = {{7, 0.5f}};  // what is there already stays
    AppendNgramEntries(hashes, begin, end, FeatureKind::kWords, kBuckets, &appended);
    ASSERT_EQ(appended.size(), whole.entries.size() + 1) << begin << "-" << end;
    EXPECT_EQ(appended[0].index, 7u);
    EXPECT_EQ(appended[0].value, 0.5f);
    for (std::size_t i = 0; i < whole.entries.size(); ++i) {
      EXPECT_EQ(appended[i + 1].index, whole.entries[i].index);
      EXPECT_EQ(appended[i + 1].value, whole.entries[i].value);
    }
  }
}

}  // namespace
}  // namespace credence::internal

namespace credence::internal {
namespace {

using testing::Analyze;
using testing::Analyzed;

// The words of `text` that MaskNames reads as names, in order.
// With `headline_first`, the first sentence is read as a headline whatever
// the extract stage made of it.
std::vector<std::string> MaskedWords(const std::string& text, bool headline_first = false) {
  const Analyzed a = Analyze(text);
  const Structure& st = a.report.structure;
  std::vector<bool> headline(st.sentences.size(), false);
  if (headline_first && !headline.empty()) headline[0] = true;
  for (const Paragraph& p : st.paragraphs)
    if (p.role == ParagraphRole::kHeadline)
      for (std::size_t s = p.first_sentence; s < p.end_sentence; ++s) headline[s] = true;
  const std::vector<std::uint8_t> masked =
      MaskNames(a.doc.text(), st.tokens, HashTokens(a.doc.text(), st.tokens, nullptr), st.sentences, headline);
  std::vector<std::string> words;
  for (std::size_t t = 0; t < masked.size(); ++t)
    if (masked[t]) words.emplace_back(a.doc.View(st.tokens[t].span));
  return words;
}

TEST(MaskNames, CapitalisedInsideASentenceIsAName) {
  EXPECT_EQ(MaskedWords("The singer met Justin Bieber in Paris on the day the tour began, said the report."),
            (std::vector<std::string>{"Justin", "Bieber", "Paris"}));
}

TEST(MaskNames, ASentencesFirstWordIsANameOnlyIfWrittenSoElsewhere) {
  // "Jenner" is capitalised inside a sentence too and never written lower
  // case; "The" and "Officials" start sentences and are common words.
  EXPECT_EQ(MaskedWords("Jenner spoke first. The crowd listened to Jenner for an hour. Officials said the talk went "
                        "well and the crowd agreed."),
            (std::vector<std::string>{"Jenner", "Jenner"}));
}

TEST(MaskNames, AcronymsAreNamesShoutingAndIAreNot) {
  EXPECT_EQ(MaskedWords("They said the CIA knew, and I think it is SHOCKING that the U.S. said nothing at all."),
            (std::vector<std::string>{"CIA", "U.S."}));
}

TEST(MaskNames, HandlesAreNamesHowEverWritten) {
  EXPECT_EQ(MaskedWords("the post was shared by (@realdonaldtrump) and then by @cnnbrk in the evening, said the writer."),
            (std::vector<std::string>{"realdonaldtrump", "cnnbrk"}));
  // An e-mail address's domain is not a handle: "@" is not a token of its own there.
  EXPECT_TRUE(MaskedWords("write to tips at the desk or to tips@example later in the week, said the editor.").empty());
}

TEST(MaskNames, TitleCaseHeadlineWordsAreNamesOnlyIfTheBodySaysSo) {
  const std::vector<std::string> masked =
      MaskedWords("Star Shocks Fans With Secret Wedding To Kardashian\n\nThe star married Kardashian in secret, a "
                  "magazine said on its cover this week, and the fans were shocked.",
                  /*headline_first=*/true);
  EXPECT_EQ(masked, (std::vector<std::string>{"Kardashian", "Kardashian"}));
}

TEST(ExtractFeatures, MaskedNamesShareOneFeatureAndAreNamedSo) {
  const Analyzed a = Analyze("Officials met Smith on the road, and later they met Jones on the road as planned.");
  const ArticleFeatures masked = ExtractFeatures(a.doc.text(), a.report, kBuckets);
  const ArticleFeatures plain = ExtractFeatures(a.doc.text(), a.report, kBuckets, nullptr, {.mask_names = false});
  std::vector<std::string> masked_names, plain_names;
  for (std::size_t i = 0; i < masked.origins.size(); ++i) masked_names.push_back(NgramName(masked, i, a.doc.text(), a.report));
  for (std::size_t i = 0; i < plain.origins.size(); ++i) plain_names.push_back(NgramName(plain, i, a.doc.text(), a.report));
  auto has = [](const std::vector<std::string>& v, const std::string& s) { return std::count(v.begin(), v.end(), s) > 0; };
  EXPECT_TRUE(has(masked_names, "met <name>"));
  EXPECT_TRUE(has(masked_names, "<name>"));
  EXPECT_FALSE(has(masked_names, "smith"));
  EXPECT_TRUE(has(plain_names, "smith"));
  EXPECT_TRUE(has(plain_names, "met jones"));
  EXPECT_LT(masked.origins.size(), plain.origins.size());  // "met smith" and "met jones" became one
  EXPECT_EQ(ContentFeatureSetName({.mask_names = true}), kContentFeatureSet);
  EXPECT_EQ(ContentFeatureSetName({.mask_names = false}), kContentUnmaskedFeatureSet);
}

TEST(DenseFeatureDirections, EveryCueRaisesAndLengthIsAnAdjustment) {
  const std::vector<std::string>& names = DenseFeatureNames();
  const std::vector<DenseDirection>& directions = DenseFeatureDirections();
  ASSERT_EQ(names.size(), directions.size());
  for (std::size_t k = 0; k < names.size(); ++k) {
    if (names[k].starts_with("cue:")) EXPECT_EQ(directions[k], DenseDirection::kRaises) << names[k];
    if (names[k] == "attributions:state_affiliated_outlet" || names[k] == "attributions:anonymous")
      EXPECT_EQ(directions[k], DenseDirection::kRaises) << names[k];
    if (names[k] == "log_word_count" || names[k] == "attributions:named_person")
      EXPECT_EQ(directions[k], DenseDirection::kEither) << names[k];
  }
  EXPECT_TRUE(IsAdjustmentFeature("log_word_count"));
  EXPECT_FALSE(IsAdjustmentFeature("cue:hedging"));
}

}  // namespace
}  // namespace credence::internal
