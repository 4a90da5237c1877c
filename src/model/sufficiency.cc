// Sufficiency measures: links found as runs of non-space bytes that start
// with a scheme or "www.", English by the share of its commonest words (the
// 60 commonest of English news text: function words that any English
// article is made of, whatever its topic).
#include "model/sufficiency.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <vector>

#include "text/utf8.h"

namespace credence::internal {
namespace {

constexpr std::array<std::string_view, 60> kCommonEnglish = {
    "the",  "of",   "and",  "to",    "a",     "in",   "is",   "that",  "for",  "it",   "on",    "was",
    "with", "as",   "he",   "be",    "by",    "at",   "are",  "this",  "have", "from", "or",    "his",
    "an",   "they", "which", "not",  "but",   "has",  "were", "had",   "we",   "you",  "their", "said",
    "been", "who",  "will", "more",  "its",   "one",  "her",  "she",   "there", "would", "all",  "about",
    "if",   "so",   "than", "what",  "when",  "i",    "can",  "after", "also", "into", "them",  "our"};

bool IsCommonEnglish(std::string_view lower) {
  return std::find(kCommonEnglish.begin(), kCommonEnglish.end(), lower) != kCommonEnglish.end();
}

bool StartsLink(std::string_view text, std::size_t i) {
  const std::string_view rest = text.substr(i, 8);
  return rest.starts_with("http://") || rest.starts_with("https://") || rest.starts_with("www.");
}

bool IsSpaceByte(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// Returns the [start, end) byte ranges of the links within `span`.
void FindLinks(std::string_view text, Span span, std::vector<Span>* links) {
  for (std::size_t i = span.start; i < span.end && i < text.size();) {
    const bool at_word_start = i == span.start || IsSpaceByte(text[i - 1]) || text[i - 1] == '(' || text[i - 1] == '<';
    if (at_word_start && StartsLink(text, i)) {
      std::size_t j = i;
      while (j < span.end && j < text.size() && !IsSpaceByte(text[j])) ++j;
      links->push_back({i, j});
      i = j;
    } else {
      ++i;
    }
  }
}

}  // namespace

ArticleTextMeasures MeasureArticleText(std::string_view text, const Report& report) {
  const Structure& st = report.structure;
  std::vector<Span> links;
  for (const Paragraph& p : st.paragraphs) FindLinks(text, p.span, &links);
  std::sort(links.begin(), links.end(), [](const Span& a, const Span& b) { return a.start < b.start; });
  ArticleTextMeasures m;
  std::size_t english = 0, outside_links = 0;
  std::size_t link = 0;  // the first link that does not end before the token
  for (const Sentence& s : st.sentences) {
    std::size_t sentence_words = 0;
    for (std::size_t t = s.first_token; t < s.end_token && t < st.tokens.size(); ++t) {
      const Token& token = st.tokens[t];
      if (token.kind != TokenKind::kWord) continue;
      ++m.words;
      while (link < links.size() && links[link].end <= token.span.start) ++link;
      if (link < links.size() && links[link].start <= token.span.start) {
        ++m.link_words;
        continue;
      }
      ++sentence_words;
      ++outside_links;
      // Common English words are short: longer tokens need no look-up.
      if (token.span.size() <= 5 && IsCommonEnglish(ToLower(text.substr(token.span.start, token.span.size())))) ++english;
    }
    if (sentence_words >= kRunningSentenceWords) m.running_words += sentence_words;
  }
  m.english_share = outside_links == 0 ? 0.0 : static_cast<double>(english) / static_cast<double>(outside_links);
  return m;
}

std::string InsufficientReason(const ArticleTextMeasures& m) {
  char why[256];
  if (m.words >= 2 * kRunningSentenceWords && 2 * m.link_words > m.words) {
    std::snprintf(why, sizeof why, "the text is mostly links (%zu of its %zu words are in URLs)", m.link_words, m.words);
    return why;
  }
  if (m.words - m.link_words >= kMinWordsForLanguage && m.english_share < kMinEnglishShare) {
    std::snprintf(why, sizeof why,
                  "the text does not read as English (%.0f%% of its words are common English words; English news has "
                  "about 40%%): the model knows English news only",
                  100.0 * m.english_share);
    return why;
  }
  if (m.running_words < kMinRunningWords) {
    if (m.words < kMinRunningWords)
      std::snprintf(why, sizeof why, "only %zu %s of article text; a verdict needs at least %zu", m.words,
                    m.words == 1 ? "word" : "words", kMinRunningWords);
    else
      std::snprintf(why, sizeof why,
                    "only %zu words of running text (of %zu words; the rest are short lines, lists or links); a verdict "
                    "needs at least %zu",
                    m.running_words, m.words, kMinRunningWords);
    return why;
  }
  return "";
}

}  // namespace credence::internal
