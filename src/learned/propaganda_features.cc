// Token and passage features for the propaganda detector. Each feature
// family hashes in its own seed space, so "the word before" and "the word
// itself" never share a bucket by construction, only by collision.
#include "learned/propaganda_features.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace credence::internal {
namespace {

// Seeds of the hashed feature families.
enum Seed : std::uint64_t {
  kWord = 0x5101,
  kPrev1 = 0x5102,
  kNext1 = 0x5103,
  kPrev2 = 0x5104,
  kNext2 = 0x5105,
  kPairBefore = 0x5106,
  kPairAfter = 0x5107,
  kTriple = 0x5108,
  kShape = 0x5109,
  kPrev3 = 0x510a,
  kNext3 = 0x510b,
  kStem = 0x510c,
  kArticleWord = 0x510d,
  kFirstWord = 0x5201,
  kLastWord = 0x5202,
  kBefore1 = 0x5203,
  kBefore2 = 0x5204,
  kAfter1 = 0x5205,
  kAfter2 = 0x5206,
  kContext = 0x5207,
  kSpanStem = 0x5208,
  kLengthWord = 0x5209,
};
// Stand-ins for the words before a sentence's start and after its end.
constexpr std::uint64_t kBoundary = 0x9e3779b97f4a7c15ULL;
// How far a passage's features look, so that a passage costs the same in a
// huge input as in an article: a passage's recurrences are counted within
// this many tokens either side (every training article is shorter, at most
// ~9,000 tokens), and the rest of its sentence is read this far either side
// (training sentences are at most ~160 tokens).
constexpr std::size_t kRecurrenceReach = 10000;
constexpr std::size_t kContextReach = 256;

std::uint32_t Bucket(std::uint64_t hash, std::uint32_t num_buckets) {
  return static_cast<std::uint32_t>(hash & (num_buckets - 1));
}

// A token's shape: lower, Capitalised, UPPER or mixed for words, the
// character itself for punctuation, "num" and "sym" for the rest.
std::uint64_t ShapeHash(const ArticleTokens& a, std::size_t t) {
  static const std::uint64_t kNumber = HashWord("num"), kSymbol = HashWord("sym"), kLower = HashWord("lower"),
                             kUpper = HashWord("UPPER"), kCap = HashWord("Cap"), kMixed = HashWord("mixed");
  const Token& token = a.tokens()[t];
  const std::string_view w = a.View(t);
  if (token.kind == TokenKind::kNumber) return kNumber;
  if (token.kind == TokenKind::kSymbol) return kSymbol;
  if (token.kind == TokenKind::kPunct) return HashWord("p" + std::string(w));  // short: no allocation
  std::size_t upper = 0, lower = 0;
  for (char ch : w) {
    upper += ch >= 'A' && ch <= 'Z';
    lower += ch >= 'a' && ch <= 'z';
  }
  const bool first_upper = !w.empty() && w[0] >= 'A' && w[0] <= 'Z';
  return upper == 0 ? kLower : lower == 0 && upper >= 2 ? kUpper : first_upper && upper == 1 ? kCap : kMixed;
}

bool IsAllCapsWord(const ArticleTokens& a, std::size_t t) {
  if (a.tokens()[t].kind != TokenKind::kWord) return false;
  std::size_t upper = 0;
  for (char ch : a.View(t)) {
    if (ch >= 'a' && ch <= 'z') return false;
    upper += ch >= 'A' && ch <= 'Z';
  }
  return upper >= 2;
}

bool IsCapitalised(const ArticleTokens& a, std::size_t t) {
  const std::string_view w = a.View(t);
  return a.tokens()[t].kind == TokenKind::kWord && !w.empty() && w[0] >= 'A' && w[0] <= 'Z';
}

// A word long enough that its recurrence says something (not "the", "and").
bool IsContentWord(const ArticleTokens& a, std::size_t t) {
  return a.tokens()[t].kind == TokenKind::kWord && a.View(t).size() >= 4;
}

// The sentence range [first, end) of token t's sentence.
std::pair<std::size_t, std::size_t> SentenceRange(const ArticleTokens& a, std::size_t t) {
  const Sentence& s = a.structure->sentences[a.sentence_of[t]];
  return {s.first_token, std::min(s.end_token, a.tokens().size())};
}

std::vector<std::string> WithCueNames(std::vector<std::string> names, const char* prefix,
                                      const std::vector<std::string>& tail) {
  for (const char* cue : kCueEvidenceNames) names.push_back(std::string(prefix) + cue);
  names.insert(names.end(), tail.begin(), tail.end());
  return names;
}

}  // namespace

const std::vector<std::string>& TokenDenseNames() {
  static const std::vector<std::string> names =
      WithCueNames({"in_quote", "in_headline", "capitalised", "all_caps"}, "cue:",
                   {"sentence_exclamation", "sentence_question", "repeated_word", "sentence_start", "sentence_end",
                    "log_sentence_length", "position_in_sentence"});
  return names;
}

const std::vector<std::string>& PassageDenseNames() {
  static const std::vector<std::string> names = WithCueNames(
      {"log_tokens", "length_1", "length_2", "length_3_4", "length_5_8", "length_9_16", "length_17_up",
       "sentence_share", "whole_sentence", "passage_repeats", "word_repeats", "in_quote", "exclamation", "question",
       "capitalised_share", "in_headline", "crosses_sentences"},
      "cue:", {});
  return names;
}

FeatureSetId PropagandaSpansFeatureSet() { return {std::string(kPropagandaSpansFeatureSet), TokenDenseNames()}; }
FeatureSetId PropagandaTechniquesFeatureSet() {
  return {std::string(kPropagandaTechniquesFeatureSet), PassageDenseNames()};
}

TokenFeatures ExtractTokenFeatures(const ArticleTokens& a, std::uint32_t num_buckets) {
  const std::vector<Token>& tokens = a.tokens();
  const std::vector<Sentence>& sentences = a.structure->sentences;
  TokenFeatures f;
  f.local.entries.reserve(tokens.size() * 24);  // ~13 hashed and a few dense per token
  f.local.begin.reserve(tokens.size() + 1);

  // Per sentence: its n-grams, and whether it exclaims or asks.
  std::vector<std::uint8_t> exclaims(sentences.size(), 0), asks(sentences.size(), 0);
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    const std::size_t end = std::min(sentences[s].end_token, tokens.size());
    AppendNgramEntries(a.hashes, sentences[s].first_token, end, FeatureKind::kWords, num_buckets, &f.sentence.entries);
    f.sentence.EndRow();
    for (std::size_t t = sentences[s].first_token; t < end; ++t) {
      const std::string_view w = a.View(t);
      exclaims[s] |= w == "!";
      asks[s] |= w == "?";
    }
  }

  // The article's words, once each, as one unit-norm bag.
  {
    std::vector<std::uint64_t> words;
    for (std::size_t t = 0; t < tokens.size(); ++t)
      if (tokens[t].kind == TokenKind::kWord) words.push_back(a.hashes[t]);
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    const float v = words.empty() ? 0.0f : static_cast<float>(1.0 / std::sqrt(static_cast<double>(words.size())));
    for (std::uint64_t w : words) f.article.push_back({Bucket(MixHashes(w, 0, kArticleWord), num_buckets), v});
  }

  const std::uint32_t dense = num_buckets;
  for (std::size_t t = 0; t < tokens.size(); ++t) {
    const auto [first, end] = SentenceRange(a, t);
    auto hash_at = [&](std::ptrdiff_t offset) {
      const auto i = static_cast<std::ptrdiff_t>(t) + offset;
      return i >= static_cast<std::ptrdiff_t>(first) && i < static_cast<std::ptrdiff_t>(end) ? a.hashes[i] : kBoundary;
    };
    std::vector<FeatureEntry>& e = f.local.entries;
    auto add = [&](std::uint64_t hash) { e.push_back({Bucket(hash, num_buckets), 1.0f}); };
    add(MixHashes(a.hashes[t], 0, kWord));
    add(MixHashes(hash_at(-1), 0, kPrev1));
    add(MixHashes(hash_at(1), 0, kNext1));
    add(MixHashes(hash_at(-2), 0, kPrev2));
    add(MixHashes(hash_at(2), 0, kNext2));
    add(MixHashes(hash_at(-1), a.hashes[t], kPairBefore));
    add(MixHashes(a.hashes[t], hash_at(1), kPairAfter));
    add(MixHashes(MixHashes(hash_at(-1), a.hashes[t], kTriple), hash_at(1), kTriple));
    add(MixHashes(ShapeHash(a, t), 0, kShape));
    add(MixHashes(hash_at(-3), 0, kPrev3));
    add(MixHashes(hash_at(3), 0, kNext3));
    if (IsContentWord(a, t)) add(MixHashes(HashWord(std::string_view((*a.normalized)[t]).substr(0, 5)), 0, kStem));

    std::uint32_t k = dense;
    auto flag = [&](bool on) {
      if (on) e.push_back({k, 1.0f});
      ++k;
    };
    const std::uint16_t flags = a.flags[t];
    const std::size_t s = a.sentence_of[t];
    flag(flags & kInQuote);
    flag(flags & kInHeadline);
    flag(IsCapitalised(a, t) && t != first);
    flag(IsAllCapsWord(a, t));
    for (std::uint16_t cue : kCueEvidenceFlags) flag(flags & cue);
    flag(exclaims[s]);
    flag(asks[s]);
    flag(IsContentWord(a, t) && a.repeats[t] >= 3);
    flag(t == first);
    flag(t + 1 == end || (t + 2 == end && tokens[end - 1].kind == TokenKind::kPunct));
    e.push_back({k++, static_cast<float>(std::log1p(static_cast<double>(end - first)) / 4.0)});
    if (end - first > 1) e.push_back({k, static_cast<float>(static_cast<double>(t - first) / static_cast<double>(end - first - 1))});
    f.local.EndRow();
  }
  return f;
}

std::vector<FeatureEntry> ExtractPassageFeatures(const ArticleTokens& a, std::size_t first, std::size_t end,
                                                 std::uint32_t num_buckets) {
  const std::vector<Token>& tokens = a.tokens();
  std::vector<FeatureEntry> e;
  AppendNgramEntries(a.hashes, first, end, FeatureKind::kWords, num_buckets, &e);
  auto add = [&](std::uint64_t hash, float value = 1.0f) { e.push_back({Bucket(hash, num_buckets), value}); };
  const auto [s_first, s_end] = SentenceRange(a, first);
  const std::size_t last_sentence_end = SentenceRange(a, end - 1).second;
  auto hash_at = [&](std::ptrdiff_t i) {
    return i >= static_cast<std::ptrdiff_t>(s_first) && i < static_cast<std::ptrdiff_t>(last_sentence_end)
               ? a.hashes[i]
               : kBoundary;
  };
  const auto f = static_cast<std::ptrdiff_t>(first), z = static_cast<std::ptrdiff_t>(end);
  add(MixHashes(a.hashes[first], 0, kFirstWord));
  add(MixHashes(a.hashes[end - 1], 0, kLastWord));
  add(MixHashes(hash_at(f - 1), 0, kBefore1));
  add(MixHashes(hash_at(f - 2), 0, kBefore2));
  add(MixHashes(hash_at(z), 0, kAfter1));
  add(MixHashes(hash_at(z + 1), 0, kAfter2));
  // Word stems (the first five letters) generalise over inflections the
  // few hundred examples of a technique do not all show.
  for (std::size_t t = first; t < end; ++t)
    if (IsContentWord(a, t)) add(MixHashes(HashWord(std::string_view((*a.normalized)[t]).substr(0, 5)), 0, kSpanStem), 0.5f);
  // Each word with the passage's length class: a word means one technique in
  // a two-word label ("radical Islam") and another in a whole clause.
  {
    const std::size_t n = end - first;
    const std::uint64_t length_class = n <= 2 ? 1 : n <= 6 ? 2 : n <= 14 ? 3 : 4;
    const float v = static_cast<float>(1.0 / std::sqrt(static_cast<double>(n)));
    for (std::size_t t = first; t < end; ++t)
      if (tokens[t].kind == TokenKind::kWord) add(MixHashes(a.hashes[t], length_class, kLengthWord), v);
  }
  // The rest of the sentence around the passage, as one unit-norm bag.
  const std::size_t context_first = std::max(s_first, first > kContextReach ? first - kContextReach : 0);
  const std::size_t context_end = std::min(last_sentence_end, end + kContextReach);
  const std::size_t context = (first - context_first) + (context_end - end);
  if (context > 0) {
    const float v = static_cast<float>(1.0 / std::sqrt(static_cast<double>(context)));
    for (std::size_t t = context_first; t < context_end; ++t)
      if (t < first || t >= end) add(MixHashes(a.hashes[t], 0, kContext), v);
  }

  const std::size_t n = end - first;
  std::uint32_t k = num_buckets;
  auto dense = [&](double value) {
    if (value != 0.0) e.push_back({k, static_cast<float>(value)});
    ++k;
  };
  dense(std::log1p(static_cast<double>(n)) / 3.0);
  dense(n == 1);
  dense(n == 2);
  dense(n >= 3 && n <= 4);
  dense(n >= 5 && n <= 8);
  dense(n >= 9 && n <= 16);
  dense(n >= 17);
  const double share = static_cast<double>(n) / static_cast<double>(std::max<std::size_t>(1, s_end - s_first));
  dense(std::min(1.0, share));
  dense(share >= 0.8);
  // How often this exact word sequence occurs elsewhere in the article.
  std::size_t passage_repeats = 0;
  if (n <= 8)
    for (std::size_t t = first > kRecurrenceReach ? first - kRecurrenceReach : 0;
         t + n <= std::min(tokens.size(), end + kRecurrenceReach); ++t)
      if (t != first && a.hashes[t] == a.hashes[first] &&  // the first word decides nearly always: no call
          std::equal(a.hashes.begin() + static_cast<std::ptrdiff_t>(t),
                                   a.hashes.begin() + static_cast<std::ptrdiff_t>(t + n),
                                   a.hashes.begin() + f))
        ++passage_repeats;
  dense(std::log1p(static_cast<double>(passage_repeats)));
  std::uint32_t word_repeats = 0, capitalised = 0, words = 0;
  std::uint16_t covered = 0, all_flags = 0;
  bool exclaims = false, asks = false;
  for (std::size_t t = first; t < end; ++t) {
    if (IsContentWord(a, t)) word_repeats = std::max(word_repeats, a.repeats[t] - 1);
    if (tokens[t].kind == TokenKind::kWord) {
      ++words;
      capitalised += IsCapitalised(a, t);
    }
    covered |= a.flags[t];
    all_flags = t == first ? a.flags[t] : static_cast<std::uint16_t>(all_flags & a.flags[t]);
    exclaims |= a.View(t) == "!";
    asks |= a.View(t) == "?";
  }
  if (end < tokens.size() && end < last_sentence_end) {  // a passage often stops just before its sentence's mark
    exclaims |= a.View(end) == "!";
    asks |= a.View(end) == "?";
  }
  dense(std::log1p(static_cast<double>(word_repeats)) / 3.0);
  dense((all_flags & kInQuote) != 0);
  dense(exclaims);
  dense(asks);
  dense(words > 0 ? static_cast<double>(capitalised) / words : 0.0);
  dense((covered & kInHeadline) != 0);
  dense(a.sentence_of[first] != a.sentence_of[end - 1]);
  for (std::uint16_t cue : kCueEvidenceFlags) dense((covered & cue) != 0);
  return e;
}

}  // namespace credence::internal
