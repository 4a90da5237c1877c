// The re-ranker's features: set overlaps by merging sorted hash arrays.
#include "factcheck/match_features.h"

#include <algorithm>
#include <cmath>
#include <string>

#include <xxhash.h>

#include "credence/structure.h"
#include "factcheck/retrieval_terms.h"
#include "text/tokenizer.h"
#include "text/utf8.h"

namespace credence::internal {
namespace {

std::uint64_t Hash(std::string_view s, std::uint64_t seed) { return XXH3_64bits_withSeed(s.data(), s.size(), seed); }

// Seeds keep the sets apart: a number and a term with the same text are different members.
enum Seed : std::uint64_t { kTermSeed = 1, kPairSeed, kNumberSeed, kNameSeed, kTrigramSeed };

void SortUnique(std::vector<std::uint64_t>* v) {
  std::sort(v->begin(), v->end());
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

std::size_t Shared(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b) {
  std::size_t n = 0;
  for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++n, ++i, ++j;
    }
  }
  return n;
}

float Share(std::size_t part, std::size_t whole) {
  return whole == 0 ? 0.0f : static_cast<float>(part) / static_cast<float>(whole);
}

float Dice(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b) {
  const std::size_t both = a.size() + b.size();
  return both == 0 ? 0.0f : static_cast<float>(2.0 * static_cast<double>(Shared(a, b)) / static_cast<double>(both));
}

void NumbersAndNames(std::string_view text, const std::vector<Token>& tokens, TextSets* sets) {
  bool sentence_start = true;
  for (const Token& t : tokens) {
    const std::string_view w(text.data() + t.span.start, t.span.end - t.span.start);
    if (t.kind == TokenKind::kNumber) {
      std::string digits;
      for (char c : w)
        if (c >= '0' && c <= '9') digits += c;
      if (!digits.empty()) sets->numbers.push_back(Hash(digits, kNumberSeed));
      sentence_start = false;
    } else if (t.kind == TokenKind::kWord) {
      if (!sentence_start && w.size() > 1 && IsUpper(DecodeAt(w, 0).value)) sets->names.push_back(Hash(ToLower(w), kNameSeed));
      sentence_start = false;
    } else if (w == "." || w == "!" || w == "?" || w == ":" || w == "\"" || w == "\xE2\x80\x9C") {
      sentence_start = true;
    }
  }
}

// `text` is valid UTF-8.
void Trigrams(std::string_view text, std::vector<std::uint64_t>* out) {
  const std::string lower = ToLower(text);
  std::string squeezed;
  squeezed.reserve(lower.size());
  for (char c : lower) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c & 0x80);
    if (keep) squeezed += c;
    else if (!squeezed.empty() && squeezed.back() != ' ') squeezed += ' ';
  }
  for (std::size_t i = 0; i + 3 <= squeezed.size(); ++i) out->push_back(Hash(std::string_view(squeezed).substr(i, 3), kTrigramSeed));
}

}  // namespace

namespace {

TextSets MakeTextSetsWithTerms(std::string_view raw, std::vector<std::string>* terms_out) {
  // Valid UTF-8 without links; tokenized once for the terms, numbers and names.
  const std::string text = WithoutTweetFurniture(raw);
  std::vector<Token> tokens;
  Tokenize(text, {0, text.size()}, &tokens);
  TextSets s;
  std::vector<std::string> terms = RetrievalTermsOfTokens(text, tokens);
  for (std::size_t i = 0; i < terms.size(); ++i) {
    s.terms.push_back(Hash(terms[i], kTermSeed));
    if (i + 1 < terms.size()) s.pairs.push_back(Hash(terms[i] + " " + terms[i + 1], kPairSeed));
  }
  NumbersAndNames(text, tokens, &s);
  Trigrams(text, &s.trigrams);
  for (auto* v : {&s.terms, &s.pairs, &s.numbers, &s.names, &s.trigrams}) SortUnique(v);
  if (terms_out != nullptr) *terms_out = std::move(terms);
  return s;
}

}  // namespace

TextSets MakeTextSets(std::string_view raw) { return MakeTextSetsWithTerms(raw, nullptr); }

MatchQuery PrepareMatchQuery(std::string_view passage) {
  MatchQuery q;
  q.sets = MakeTextSetsWithTerms(passage, &q.terms);
  return q;
}

CheckSignature MakeCheckSignature(std::string_view claim, std::string_view title) {
  TextSets c = MakeTextSets(claim);
  TextSets t = MakeTextSets(title);
  TextSets both = MakeTextSets(std::string(claim) + ". " + std::string(title));
  CheckSignature sig;
  sig[kClaimTerms] = c.terms;
  sig[kTitleTerms] = t.terms;
  sig[kCheckTerms] = both.terms;
  sig[kClaimPairs] = c.pairs;
  sig[kCheckNumbers] = both.numbers;
  sig[kCheckNames] = both.names;
  sig[kClaimTrigrams] = c.trigrams;
  sig[kTitleTrigrams] = t.trigrams;
  return sig;
}

CheckSignatureView ViewOf(const CheckSignature& signature) {
  CheckSignatureView view;
  for (std::size_t k = 0; k < kCheckListCount; ++k) view[k] = signature[k];
  return view;
}

std::array<float, kMatchFeatureNames.size()> MatchFeatures(const MatchQuery& query, const CheckSignatureView& check,
                                                           bool has_title, double bm25, double best_bm25, std::size_t rank) {
  const TextSets& q = query.sets;
  const std::size_t numbers_shared = Shared(q.numbers, check[kCheckNumbers]);
  const std::size_t numbers_either = q.numbers.size() + check[kCheckNumbers].size() - numbers_shared;
  const std::size_t check_shared = Shared(q.terms, check[kCheckTerms]);
  const double terms_ratio =
      (static_cast<double>(check[kCheckTerms].size()) + 1.0) / (static_cast<double>(q.terms.size()) + 1.0);
  std::array<float, kMatchFeatureNames.size()> f = RankOnlyFeatures(has_title, bm25, best_bm25, rank);
  f[3] = Share(check_shared, q.terms.size());
  f[4] = Share(check_shared, check[kCheckTerms].size());
  f[5] = Share(Shared(q.terms, check[kClaimTerms]), q.terms.size());
  f[6] = Share(Shared(q.terms, check[kTitleTerms]), q.terms.size());
  f[7] = Share(Shared(q.pairs, check[kClaimPairs]), check[kClaimPairs].size());
  f[8] = Dice(q.trigrams, check[kClaimTrigrams]);
  f[9] = Dice(q.trigrams, check[kTitleTrigrams]);
  f[10] = Share(numbers_shared, numbers_either);
  f[11] = check[kCheckNumbers].size() > numbers_shared ? 1.0f : 0.0f;
  f[12] = Share(Shared(q.names, check[kCheckNames]), q.names.size());
  f[13] = static_cast<float>(std::fabs(std::log(terms_ratio)));
  return f;
}

std::array<float, kMatchFeatureNames.size()> RankOnlyFeatures(bool has_title, double bm25, double best_bm25, std::size_t rank) {
  std::array<float, kMatchFeatureNames.size()> f{};
  f[0] = static_cast<float>(std::log1p(std::max(0.0, bm25)));
  f[1] = best_bm25 > 0 ? static_cast<float>(bm25 / best_bm25) : 0.0f;
  f[2] = static_cast<float>(std::log1p(static_cast<double>(rank)));
  f[14] = has_title ? 0.0f : 1.0f;
  return f;
}

}  // namespace credence::internal
