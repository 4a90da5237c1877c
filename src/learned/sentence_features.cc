// Sentence and headline features. The dense measures are the ones the
// n-grams cannot see: a number's presence whatever its digits, a year, a
// percentage or currency sign, the run's length.
#include "learned/sentence_features.h"

#include <algorithm>
#include <cmath>

#include "cues/phrase_lexicon.h"
#include "text/tokenizer.h"

namespace credence::internal {
namespace {

constexpr std::uint64_t kFirstWordSeed = 0x6101, kLastWordSeed = 0x6102;

const std::vector<std::string>& ClaimDenseNames() {
  static const std::vector<std::string> names = {"has_number", "has_percent", "has_currency", "has_year",
                                                 "log_words",  "capitalised_words", "question", "exclamation",
                                                 "quote_marks"};
  return names;
}

const std::vector<std::string>& HeadlineDenseNames() {
  static const std::vector<std::string> names = {"starts_with_number", "question", "exclamation", "log_words",
                                                 "second_person",      "quote_marks"};
  return names;
}

bool IsYear(std::string_view w) {
  return w.size() == 4 && (w.substr(0, 2) == "19" || w.substr(0, 2) == "20") &&
         std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool IsQuoteMark(std::string_view w) {
  return w == "\"" || w == "\xE2\x80\x9C" || w == "\xE2\x80\x9D" || w == "\xE2\x80\x98" || w == "\xE2\x80\x99";
}

bool IsSecondPerson(std::string_view w) {
  static constexpr std::string_view kWords[] = {"you", "your", "you're", "you'll", "yours", "you've", "you'd", "yourself", "u"};
  for (std::string_view k : kWords)
    if (w.size() == k.size() && std::equal(w.begin(), w.end(), k.begin(), [](char a, char b) {
          return (a >= 'A' && a <= 'Z' ? a - 'A' + 'a' : a) == b;
        }))
      return true;
  return false;
}

// What the dense measures count over a slice.
struct SliceCounts {
  std::size_t words = 0, capitalised_after_first = 0, second_person = 0;
  bool number = false, percent = false, currency = false, year = false, question = false, exclamation = false,
       quote = false;
};

SliceCounts Count(const TokenSlice& s) {
  SliceCounts c;
  for (std::size_t t = s.first; t < s.end; ++t) {
    const Token& token = (*s.tokens)[t];
    const std::string_view w = s.text.substr(token.span.start, token.span.size());
    switch (token.kind) {
      case TokenKind::kWord:
        ++c.words;
        c.capitalised_after_first += t != s.first && w[0] >= 'A' && w[0] <= 'Z';
        c.second_person += IsSecondPerson(w);
        break;
      case TokenKind::kNumber:
        c.number = true;
        c.percent |= w.back() == '%';
        c.year |= IsYear(w);
        break;
      case TokenKind::kSymbol:
        c.currency |= w == "$" || w == "\xE2\x82\xAC" || w == "\xC2\xA3";
        break;
      case TokenKind::kPunct:
        c.question |= w == "?";
        c.exclamation |= w == "!";
        c.quote |= IsQuoteMark(w);
        break;
    }
  }
  return c;
}

void AppendDense(const std::vector<double>& values, std::uint32_t num_buckets, std::vector<FeatureEntry>* entries) {
  for (std::size_t k = 0; k < values.size(); ++k)
    if (values[k] != 0.0) entries->push_back({num_buckets + static_cast<std::uint32_t>(k), static_cast<float>(values[k])});
}

}  // namespace

FeatureSetId ClaimsFeatureSet() { return {std::string(kClaimsFeatureSet), ClaimDenseNames()}; }
FeatureSetId ClickbaitFeatureSet() { return {std::string(kClickbaitFeatureSet), HeadlineDenseNames()}; }

Result<StandaloneText> TokenizeStandalone(std::string text) {
  Result<Document> doc = Document::FromBytes(std::move(text));
  if (!doc) return tl::unexpected(doc.error());
  StandaloneText out{std::move(*doc), {}, {}};
  Tokenize(out.document.text(), {0, out.document.text().size()}, &out.tokens);
  const std::vector<std::string> normalized = NormalizeTokens(out.document.text(), out.tokens);
  out.hashes = HashTokens(out.document.text(), out.tokens, &normalized);
  return out;
}

ArticleFeatures ExtractClaimFeatures(const TokenSlice& s, std::uint32_t num_buckets) {
  ArticleFeatures f;  // never explained: the n-grams without origins
  AppendNgramEntries(*s.hashes, s.first, s.end, FeatureKind::kWords, num_buckets, &f.entries);
  AppendClaimDense(s, num_buckets, &f.entries);
  return f;
}

void AppendClaimDense(const TokenSlice& s, std::uint32_t num_buckets, std::vector<FeatureEntry>* entries) {
  const SliceCounts c = Count(s);
  AppendDense({static_cast<double>(c.number), static_cast<double>(c.percent), static_cast<double>(c.currency),
               static_cast<double>(c.year), std::log1p(static_cast<double>(c.words)) / 4.0,
               1.0 - std::exp(-static_cast<double>(c.capitalised_after_first) / 3.0), static_cast<double>(c.question),
               static_cast<double>(c.exclamation), static_cast<double>(c.quote)},
              num_buckets, entries);
}

ArticleFeatures ExtractHeadlineFeatures(const TokenSlice& s, std::uint32_t num_buckets) {
  ArticleFeatures f = HashNgramRuns(*s.hashes, {{s.first, s.end, FeatureKind::kHeadline}}, num_buckets);
  if (s.end > s.first) {
    // Edge words carry no origin: explanations list the n-grams only.
    f.entries.push_back({static_cast<std::uint32_t>(MixHashes((*s.hashes)[s.first], 0, kFirstWordSeed) & (num_buckets - 1)), 1.0f});
    f.entries.push_back({static_cast<std::uint32_t>(MixHashes((*s.hashes)[s.end - 1], 0, kLastWordSeed) & (num_buckets - 1)), 1.0f});
  }
  const SliceCounts c = Count(s);
  const bool starts_with_number = s.end > s.first && (*s.tokens)[s.first].kind == TokenKind::kNumber;
  AppendDense({static_cast<double>(starts_with_number), static_cast<double>(c.question),
               static_cast<double>(c.exclamation), std::log1p(static_cast<double>(c.words)) / 3.0,
               1.0 - std::exp(-static_cast<double>(c.second_person)), static_cast<double>(c.quote)},
              num_buckets, &f.entries);
  return f;
}

}  // namespace credence::internal
