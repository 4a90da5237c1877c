// The re-ranker's features: set overlaps over sorted, distinct vectors.
#include "factcheck/match_features.h"

#include <algorithm>
#include <cmath>

#include "credence/structure.h"
#include "factcheck/retrieval_terms.h"
#include "text/tokenizer.h"
#include "text/utf8.h"

namespace credence::internal {
namespace {

void SortUnique(std::vector<std::string>* v) {
  std::sort(v->begin(), v->end());
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

std::size_t Shared(const std::vector<std::string>& a, const std::vector<std::string>& b) {
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

// Numbers (digits only: "1,000" -> "1000") and capitalised words that do not start a sentence.
void NumbersAndNames(std::string_view raw, std::vector<std::string>* numbers, std::vector<std::string>* names) {
  const std::string text = ValidUtf8(raw);
  std::vector<Token> tokens;
  Tokenize(text, {0, text.size()}, &tokens);
  bool sentence_start = true;
  for (const Token& t : tokens) {
    const std::string_view w(text.data() + t.span.start, t.span.end - t.span.start);
    if (t.kind == TokenKind::kNumber) {
      std::string digits;
      for (char c : w)
        if (c >= '0' && c <= '9') digits += c;
      if (!digits.empty()) numbers->push_back(digits);
      sentence_start = false;
    } else if (t.kind == TokenKind::kWord) {
      if (!sentence_start && IsUpper(DecodeAt(w, 0).value) && w.size() > 1) names->push_back(ToLower(w));
      sentence_start = false;
    } else if (w == "." || w == "!" || w == "?" || w == ":" || w == "\"" || w == "\xE2\x80\x9C") {
      sentence_start = true;
    }
  }
  SortUnique(numbers);
  SortUnique(names);
}

std::vector<std::string> Trigrams(std::string_view text) {
  const std::string lower = ToLower(ValidUtf8(text));
  std::string squeezed;
  squeezed.reserve(lower.size());
  for (char c : lower) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c & 0x80);
    if (keep) squeezed += c;
    else if (!squeezed.empty() && squeezed.back() != ' ') squeezed += ' ';
  }
  std::vector<std::string> grams;
  if (squeezed.size() >= 3) {
    grams.reserve(squeezed.size() - 2);
    for (std::size_t i = 0; i + 3 <= squeezed.size(); ++i) grams.emplace_back(squeezed.substr(i, 3));
  }
  SortUnique(&grams);
  return grams;
}

std::vector<std::string> Pairs(const std::vector<std::string>& terms) {
  std::vector<std::string> pairs;
  for (std::size_t i = 0; i + 1 < terms.size(); ++i) pairs.push_back(terms[i] + " " + terms[i + 1]);
  SortUnique(&pairs);
  return pairs;
}

}  // namespace

MatchQuery PrepareMatchQuery(std::string_view passage) {
  MatchQuery q;
  q.text = WithoutTweetFurniture(passage);
  q.terms = RetrievalTerms(q.text);
  NumbersAndNames(q.text, &q.numbers, &q.names);
  q.trigrams = Trigrams(q.text);
  return q;
}

std::array<float, kMatchFeatureNames.size()> MatchFeatures(const MatchQuery& query, std::string_view claim,
                                                           std::string_view title, double bm25, double best_bm25,
                                                           std::size_t rank) {
  std::vector<std::string> query_terms = query.terms;
  const std::vector<std::string> query_pairs = Pairs(query_terms);
  SortUnique(&query_terms);
  std::vector<std::string> claim_terms_ordered = RetrievalTerms(claim);
  const std::vector<std::string> claim_pairs = Pairs(claim_terms_ordered);
  std::vector<std::string> claim_terms = claim_terms_ordered;
  SortUnique(&claim_terms);
  std::vector<std::string> title_terms = RetrievalTerms(title);
  SortUnique(&title_terms);
  std::vector<std::string> check_terms = claim_terms;
  check_terms.insert(check_terms.end(), title_terms.begin(), title_terms.end());
  SortUnique(&check_terms);
  std::vector<std::string> numbers, names;
  NumbersAndNames(std::string(claim) + ". " + std::string(title), &numbers, &names);
  const std::vector<std::string> trigrams = Trigrams(claim);
  const std::vector<std::string> title_trigrams = Trigrams(title);

  const std::size_t numbers_shared = Shared(query.numbers, numbers);
  const std::size_t numbers_either = query.numbers.size() + numbers.size() - numbers_shared;
  const double terms_ratio = (static_cast<double>(check_terms.size()) + 1.0) / (static_cast<double>(query_terms.size()) + 1.0);
  std::array<float, kMatchFeatureNames.size()> f{};
  f[0] = static_cast<float>(std::log1p(std::max(0.0, bm25)));
  f[1] = best_bm25 > 0 ? static_cast<float>(bm25 / best_bm25) : 0.0f;
  f[2] = static_cast<float>(std::log1p(static_cast<double>(rank)));
  f[3] = Share(Shared(query_terms, check_terms), query_terms.size());
  f[4] = Share(Shared(query_terms, check_terms), check_terms.size());
  f[5] = Share(Shared(query_terms, claim_terms), query_terms.size());
  f[6] = Share(Shared(query_terms, title_terms), query_terms.size());
  f[7] = Share(Shared(query_pairs, claim_pairs), claim_pairs.size());
  auto dice = [&](const std::vector<std::string>& grams) {
    const std::size_t both = query.trigrams.size() + grams.size();
    return both == 0 ? 0.0f : static_cast<float>(2.0 * static_cast<double>(Shared(query.trigrams, grams)) / static_cast<double>(both));
  };
  f[8] = dice(trigrams);
  f[9] = dice(title_trigrams);
  f[10] = Share(numbers_shared, numbers_either);
  f[11] = numbers.size() > numbers_shared ? 1.0f : 0.0f;
  f[12] = Share(Shared(query.names, names), query.names.size());
  f[13] = static_cast<float>(std::fabs(std::log(terms_ratio)));
  f[14] = title.empty() ? 1.0f : 0.0f;
  return f;
}

}  // namespace credence::internal
