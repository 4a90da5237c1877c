// Hashing n-grams and measuring cues into one sparse vector. N-grams are
// grouped by their 64-bit hash (not their bucket), so each distinct n-gram
// keeps its own value and occurrences even when two share a bucket.
#include "model/features.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <unordered_set>
#include <utility>

// XXH3 inlined: a 16-byte pair hashed millions of times a second gains most
// from not being a call into the shared library.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include "cues/cue_context.h"
#include "credence/document.h"
#include "text/tokenizer.h"
#include "text/utf8.h"

namespace credence::internal {
namespace {

// Seeds keep unigrams, bigrams, headline and body n-grams in apart hash spaces.
constexpr std::uint64_t kTokenSeed = 0x6372656465ULL;
constexpr std::uint64_t kKindSeed[] = {0x11, 0x22, 0x33};

std::uint64_t Mix(std::uint64_t a, std::uint64_t b, std::uint64_t seed) {
  const std::uint64_t pair[2] = {a, b};
  return XXH3_64bits_withSeed(pair, sizeof pair, seed);
}

// Folds the digits of a number token to 0 ("1999" and "2011" are one feature).
std::string FoldDigits(std::string s) {
  for (char& c : s)
    if (c >= '1' && c <= '9') c = '0';
  return s;
}

std::string NormalizedToken(std::string_view text, const Token& token) {
  std::string s = NormalizeForLookup(text.substr(token.span.start, token.span.size()));
  return token.kind == TokenKind::kNumber ? FoldDigits(std::move(s)) : s;
}

// log(1 + count), the value of an n-gram seen `count` times: from a table for
// the small counts nearly every n-gram has (the same doubles std::log1p gives).
double LogCount(std::size_t count) {
  static const std::array<double, 32> kTable = [] {
    std::array<double, 32> t{};
    for (std::size_t i = 0; i < t.size(); ++i) t[i] = std::log1p(static_cast<double>(i));
    return t;
  }();
  return count < kTable.size() ? kTable[count] : std::log1p(static_cast<double>(count));
}

std::uint64_t HashToken(std::string_view normalized) {
  return XXH3_64bits_withSeed(normalized.data(), normalized.size(), kTokenSeed);
}

// The cue measures, in DenseFeatureNames() order.
std::vector<double> DenseValues(const Report& report) {
  std::vector<double> v;
  const std::size_t words = CountWords(report.structure);
  for (const CueInfo& info : AllCueInfo()) {
    double strength = 0.0;
    for (const Cue& c : report.cues)
      if (c.id == info.id) strength = c.strength;
    v.push_back(strength);
  }
  constexpr SourceKind kKinds[] = {SourceKind::kNamedPerson,           SourceKind::kInstitution,
                                   SourceKind::kMediaOutlet,           SourceKind::kStateAffiliatedOutlet,
                                   SourceKind::kAnonymous,             SourceKind::kUnattributed};
  for (SourceKind kind : kKinds) {
    std::size_t n = 0;
    for (const Attribution& a : report.attributions) n += a.kind == kind;
    v.push_back(Saturate(Per100Words(n, words), 1.0));
  }
  v.push_back(Saturate(Per100Words(report.quotes.size(), words), 1.0));
  v.push_back(std::log1p(static_cast<double>(words)) / 10.0);
  return v;
}

}  // namespace

const std::vector<std::string>& DenseFeatureNames() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> n;
    for (const CueInfo& info : AllCueInfo()) n.push_back("cue:" + std::string(info.name));
    for (std::string_view kind : {"named_person", "institution", "media_outlet", "state_affiliated_outlet",
                                  "anonymous", "unattributed"})
      n.push_back("attributions:" + std::string(kind));
    n.push_back("quotes_per_100_words");
    n.push_back("log_word_count");
    return n;
  }();
  return names;
}

const std::vector<DenseDirection>& DenseFeatureDirections() {
  static const std::vector<DenseDirection> directions = [] {
    std::vector<DenseDirection> d;
    for (const std::string& name : DenseFeatureNames()) {
      // Every cue is a sign of low credibility by its meaning; so are
      // attributions to anonymous, unattributed and state-run sources.
      const bool raises = name.starts_with("cue:") || name == "attributions:state_affiliated_outlet" ||
                          name == "attributions:anonymous" || name == "attributions:unattributed";
      d.push_back(raises ? DenseDirection::kRaises : DenseDirection::kEither);
    }
    return d;
  }();
  return directions;
}

bool IsAdjustmentFeature(std::string_view name) { return name == "log_word_count"; }

std::uint64_t HashWord(std::string_view normalized) { return HashToken(normalized); }

std::string_view ContentFeatureSetName(const ContentFeatureOptions& options) {
  return options.mask_names ? kContentFeatureSet : kContentUnmaskedFeatureSet;
}

namespace {

enum class WordCase { kLower, kCapitalized, kAcronym, kOther };

// How `word` is written: lower case, capitalised (an upper-case first letter
// and a lower-case one after), an acronym (2 to 4 letters, all capitals:
// "CIA", "U.S."), or otherwise (one letter, "I", or 5+ capitals, which are
// shouting rather than a name).
WordCase CaseOf(std::string_view word) {
  if (word.empty()) return WordCase::kOther;
  const CodePoint first = DecodeAt(word, 0);
  if (!IsUpper(first.value)) return IsLower(first.value) ? WordCase::kLower : WordCase::kOther;
  int letters = 1;
  bool lower_after = false;
  for (std::size_t i = first.length; i < word.size();) {
    const CodePoint cp = DecodeAt(word, i);
    if (IsLetter(cp.value)) {
      ++letters;
      lower_after |= IsLower(cp.value);
    }
    i += cp.length;
  }
  if (lower_after) return WordCase::kCapitalized;
  return letters >= 2 && letters <= 4 ? WordCase::kAcronym : WordCase::kOther;
}

}  // namespace

std::vector<std::uint8_t> MaskNames(std::string_view text, const std::vector<Token>& tokens,
                                    const std::vector<std::uint64_t>& token_hash, const std::vector<Sentence>& sentences,
                                    const std::vector<bool>& headline_sentence) {
  std::vector<std::uint8_t> masked(tokens.size(), 0);
  // A word capitalised where case says nothing (a sentence's first word, a
  // title-case headline's words) is a name only if the article capitalises
  // it inside a sentence too and never writes it in lower case.
  std::vector<std::size_t> undecided;
  std::unordered_set<std::uint64_t> capitalized_inside, written_lower;
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    const std::size_t end = std::min(sentences[s].end_token, tokens.size());
    std::vector<std::pair<std::size_t, WordCase>> words;
    for (std::size_t t = sentences[s].first_token; t < end; ++t)
      if (tokens[t].kind == TokenKind::kWord)
        words.emplace_back(t, CaseOf(text.substr(tokens[t].span.start, tokens[t].span.size())));
    // A headline in title case capitalises its words whatever they are.
    bool title_case = false;
    if (s < headline_sentence.size() && headline_sentence[s]) {
      std::size_t capitalized = 0;
      for (const auto& [t, c] : words) capitalized += c == WordCase::kCapitalized;
      title_case = 2 * capitalized > words.size();
    }
    for (std::size_t w = 0; w < words.size(); ++w) {
      const auto [t, c] = words[w];
      // A handle ("@realDonaldTrump" in an embedded tweet) names its owner however it is written.
      // Not an e-mail address: no word glued before the "@".
      const bool handle = t > 0 && tokens[t - 1].span.end == tokens[t].span.start &&
                          text.substr(tokens[t - 1].span.start, tokens[t - 1].span.size()) == "@" &&
                          (t < 2 || tokens[t - 2].kind != TokenKind::kWord ||
                           tokens[t - 2].span.end != tokens[t - 1].span.start);
      if (handle) {
        masked[t] = 1;
        continue;
      }
      if (c == WordCase::kLower) written_lower.insert(token_hash[t]);
      if (c != WordCase::kCapitalized && c != WordCase::kAcronym) continue;
      if (c == WordCase::kAcronym || (w > 0 && !title_case)) {
        masked[t] = 1;
        capitalized_inside.insert(token_hash[t]);
      } else {
        undecided.push_back(t);
      }
    }
  }
  for (std::size_t t : undecided)
    masked[t] = capitalized_inside.count(token_hash[t]) != 0 && written_lower.count(token_hash[t]) == 0;
  return masked;
}

std::uint64_t MixHashes(std::uint64_t a, std::uint64_t b, std::uint64_t seed) { return Mix(a, b, seed); }

std::vector<std::uint64_t> HashTokens(std::string_view text, const std::vector<Token>& tokens,
                                      const std::vector<std::string>* normalized_tokens) {
  std::vector<std::uint64_t> token_hash(tokens.size());
  const bool have_normalized = normalized_tokens != nullptr && normalized_tokens->size() == tokens.size();
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (!have_normalized) {
      token_hash[i] = HashToken(NormalizedToken(text, tokens[i]));
    } else if (tokens[i].kind == TokenKind::kNumber) {
      token_hash[i] = HashToken(FoldDigits((*normalized_tokens)[i]));
    } else {
      token_hash[i] = HashToken((*normalized_tokens)[i]);
    }
  }
  return token_hash;
}

namespace {

// Calls emit(hash, first token, length) for every word and word pair of
// token_hash[begin, end) read as a run of `kind`.
template <typename Emit>
void ForEachNgram(const std::vector<std::uint64_t>& token_hash, std::size_t begin, std::size_t end, std::uint8_t kind,
                  Emit emit) {
  end = std::min(end, token_hash.size());
  for (std::size_t i = begin; i < end; ++i) {
    emit(Mix(token_hash[i], 0, kKindSeed[kind]), i, std::uint8_t{1});
    if (i + 1 < end) emit(Mix(token_hash[i], token_hash[i + 1], kKindSeed[kind] + 1), i, std::uint8_t{2});
  }
}

// Scales (*entries)[first, end) by 1 / sqrt(norm2), the sum of their
// squared values: the n-gram vector to unit length.
void ScaleToUnitLength(double norm2, std::size_t first, std::vector<FeatureEntry>* entries) {
  if (norm2 <= 0) return;
  const double scale = 1.0 / std::sqrt(norm2);
  for (std::size_t e = first; e < entries->size(); ++e)
    (*entries)[e].value = static_cast<float>((*entries)[e].value * scale);
}

}  // namespace

ArticleFeatures HashNgramRuns(const std::vector<std::uint64_t>& token_hash, const std::vector<TokenRun>& runs,
                              std::uint32_t num_buckets) {
  ArticleFeatures f;
  // (hash, first token, kind and length packed) for every n-gram occurrence.
  struct Occurrence {
    std::uint64_t hash;
    std::uint32_t token;
    std::uint8_t kind;
    std::uint8_t length;
  };
  std::vector<Occurrence> occ;
  occ.reserve(token_hash.size() * 2);
  for (const TokenRun& run : runs) {
    const auto k = static_cast<std::uint8_t>(run.kind);
    ForEachNgram(token_hash, run.begin, run.end, k, [&](std::uint64_t hash, std::size_t token, std::uint8_t length) {
      occ.push_back({hash, static_cast<std::uint32_t>(token), k, length});
    });
  }
  std::sort(occ.begin(), occ.end(), [](const Occurrence& a, const Occurrence& b) {
    return a.hash != b.hash ? a.hash < b.hash : a.token < b.token;
  });

  double norm2 = 0.0;
  for (std::size_t i = 0; i < occ.size();) {
    std::size_t j = i;
    while (j < occ.size() && occ[j].hash == occ[i].hash) ++j;
    const auto begin = static_cast<std::uint32_t>(f.occurrences.size());
    for (std::size_t k = i; k < j; ++k) f.occurrences.push_back(occ[k].token);
    const double value = LogCount(j - i);
    norm2 += value * value;
    f.entries.push_back({static_cast<std::uint32_t>(occ[i].hash & (num_buckets - 1)), static_cast<float>(value)});
    f.origins.push_back({static_cast<FeatureKind>(occ[i].kind), occ[i].length, begin,
                         static_cast<std::uint32_t>(f.occurrences.size())});
    i = j;
  }
  ScaleToUnitLength(norm2, 0, &f.entries);
  return f;
}

void AppendNgramEntries(const std::vector<std::uint64_t>& token_hash, std::size_t begin, std::size_t end,
                        FeatureKind kind, std::uint32_t num_buckets, std::vector<FeatureEntry>* out) {
  // Hashes only (no first token, kind or length): sorted, equal hashes are
  // one n-gram, exactly as HashNgramRuns groups them.
  thread_local std::vector<std::uint64_t> hashes;
  hashes.clear();
  ForEachNgram(token_hash, begin, end, static_cast<std::uint8_t>(kind),
               [](std::uint64_t hash, std::size_t, std::uint8_t) { hashes.push_back(hash); });
  std::sort(hashes.begin(), hashes.end());
  const std::size_t first_entry = out->size();
  double norm2 = 0.0;
  for (std::size_t i = 0; i < hashes.size();) {
    std::size_t j = i;
    while (j < hashes.size() && hashes[j] == hashes[i]) ++j;
    const double value = LogCount(j - i);
    norm2 += value * value;
    out->push_back({static_cast<std::uint32_t>(hashes[i] & (num_buckets - 1)), static_cast<float>(value)});
    i = j;
  }
  ScaleToUnitLength(norm2, first_entry, out);
}

ArticleFeatures ExtractFeatures(std::string_view text, const Report& report, std::uint32_t num_buckets,
                                const std::vector<std::string>* normalized_tokens, const ContentFeatureOptions& options) {
  const Structure& st = report.structure;
  std::vector<std::uint64_t> token_hash = HashTokens(text, st.tokens, normalized_tokens);
  std::vector<TokenRun> runs;
  std::vector<bool> headline_sentence(st.sentences.size(), false);
  for (const Paragraph& p : st.paragraphs) {
    const FeatureKind kind = p.role == ParagraphRole::kHeadline ? FeatureKind::kHeadline : FeatureKind::kWords;
    for (std::size_t s = p.first_sentence; s < p.end_sentence && s < st.sentences.size(); ++s) {
      runs.push_back({st.sentences[s].first_token, std::min(st.sentences[s].end_token, st.tokens.size()), kind});
      headline_sentence[s] = kind == FeatureKind::kHeadline;
    }
  }
  std::vector<std::uint8_t> masked;
  std::unordered_set<std::uint64_t> names;  // the masked words' hashes, for a title given beside the text
  if (options.mask_names) {
    masked = MaskNames(text, st.tokens, token_hash, st.sentences, headline_sentence);
    const std::uint64_t placeholder = HashToken(kNamePlaceholder);
    for (std::size_t t = 0; t < masked.size(); ++t)
      if (masked[t]) {
        names.insert(token_hash[t]);
        token_hash[t] = placeholder;
      }
  }
  // A title given beside the text that is not in it (no headline paragraph)
  // still counts as the headline; its tokens follow the text's and have no
  // span in the input.
  std::vector<std::string> title_tokens;
  const bool has_headline = std::any_of(st.paragraphs.begin(), st.paragraphs.end(),
                                        [](const Paragraph& p) { return p.role == ParagraphRole::kHeadline; });
  if (!has_headline && !report.article.given_title.empty()) {
    Result<Document> title = Document::FromBytes(report.article.given_title);
    if (title) {
      std::vector<Token> tokens;
      Tokenize(title->text(), {0, title->text().size()}, &tokens);
      const std::size_t base = token_hash.size();
      for (const Token& t : tokens) {
        title_tokens.push_back(NormalizedToken(title->text(), t));
        token_hash.push_back(HashToken(title_tokens.back()));
        // A title's word is a name when the text masks it.
        if (options.mask_names) {
          const bool name = names.count(token_hash.back()) != 0;
          masked.push_back(name);
          if (name) token_hash.back() = HashToken(kNamePlaceholder);
        }
      }
      runs.push_back({base, token_hash.size(), FeatureKind::kHeadline});
    }
  }
  ArticleFeatures f = HashNgramRuns(token_hash, runs, num_buckets);
  f.title_tokens = std::move(title_tokens);
  f.masked = std::move(masked);

  const std::vector<double> dense = DenseValues(report);
  for (std::size_t k = 0; k < dense.size(); ++k)
    if (dense[k] != 0.0) f.entries.push_back({num_buckets + static_cast<std::uint32_t>(k), static_cast<float>(dense[k])});
  return f;
}

std::string NgramName(const ArticleFeatures& features, std::size_t i, std::string_view text, const Report& report) {
  const NgramOrigin& o = features.origins[i];
  const std::uint32_t first = features.occurrences[o.occurrences_begin];
  const std::vector<Token>& tokens = report.structure.tokens;
  auto word = [&](std::size_t t) {
    if (t < features.masked.size() && features.masked[t]) return std::string(kNamePlaceholder);
    return t < tokens.size() ? NormalizedToken(text, tokens[t]) : features.title_tokens[t - tokens.size()];
  };
  std::string name = word(first);
  for (std::uint32_t k = 1; k < o.length; ++k) name += " " + word(first + k);
  return name;
}

}  // namespace credence::internal
