// Retrieval terms: the tokenizer's words and numbers, normalised for
// matching a claim against fact-checks however either is worded.
#include "factcheck/retrieval_terms.h"

#include <memory>
#include <unordered_set>

#include <libstemmer.h>

#include "credence/structure.h"
#include "data/embedded_data.h"
#include "text/tokenizer.h"
#include "text/utf8.h"

namespace credence::internal {
namespace {

const std::unordered_set<std::string>& Stopwords() {
  static const std::unordered_set<std::string> words = [] {
    std::unordered_set<std::string> w;
    if (std::optional<std::string_view> file = EmbeddedFile("retrieval_stopwords.txt"))
      ForEachDataLine(*file, [&](std::string_view line) { w.emplace(line); });
    return w;
  }();
  return words;
}

struct StemmerDeleter {
  void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};

// Snowball's stemmer keeps state between calls: one per thread.
std::string Stem(const std::string& word) {
  thread_local std::unique_ptr<sb_stemmer, StemmerDeleter> stemmer(sb_stemmer_new("english", "UTF_8"));
  if (!stemmer) return word;
  const sb_symbol* out = sb_stemmer_stem(stemmer.get(), reinterpret_cast<const sb_symbol*>(word.data()),
                                         static_cast<int>(word.size()));
  if (out == nullptr) return word;
  return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(sb_stemmer_length(stemmer.get())));
}

bool IsSpaceByte(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

bool IsLink(std::string_view w) { return w.starts_with("http://") || w.starts_with("https://") || w.starts_with("www."); }

// Splits "AustralianFires" into "Australian" and "Fires" (ASCII camel case).
void SplitCamelCase(std::string_view word, std::vector<std::string_view>* parts) {
  std::size_t start = 0;
  for (std::size_t i = 1; i < word.size(); ++i) {
    const bool lower_before = word[i - 1] >= 'a' && word[i - 1] <= 'z';
    const bool upper_here = word[i] >= 'A' && word[i] <= 'Z';
    if (lower_before && upper_here) {
      parts->push_back(word.substr(start, i - start));
      start = i;
    }
  }
  parts->push_back(word.substr(start));
}

void AddTerm(std::string_view piece, std::vector<std::string>* terms) {
  std::string lower = ToLower(piece);
  if (lower.ends_with("'s")) lower.resize(lower.size() - 2);
  if (lower.ends_with("\xE2\x80\x99s")) lower.resize(lower.size() - 4);
  std::string clean;
  clean.reserve(lower.size());
  for (std::size_t i = 0; i < lower.size(); ++i) {
    const char c = lower[i];
    if (c == '\'' || c == '.' || c == ',' || c == '%') continue;
    if (lower.compare(i, 3, "\xE2\x80\x99") == 0) {
      i += 2;
      continue;
    }
    clean += c;
  }
  if (clean.empty() || Stopwords().count(clean) != 0) return;
  terms->push_back(Stem(clean));
}

}  // namespace

std::string WithoutTweetFurniture(std::string_view raw) {
  std::string text = ValidUtf8(raw);
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    if (IsSpaceByte(text[i])) {
      out += ' ';
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && !IsSpaceByte(text[j])) ++j;
    std::string_view word(text.data() + i, j - i);
    // "#elpaso#aocpic.twitter.com/SWyy": a photo link glued to the words before it.
    if (const std::size_t pic = word.find("pic.twitter.com/"); pic != std::string_view::npos) word = word.substr(0, pic);
    if (!IsLink(word)) out.append(word);
    i = j;
  }
  return out;
}

std::vector<std::string> RetrievalTerms(std::string_view raw) {
  const std::string text = WithoutTweetFurniture(raw);
  std::vector<Token> tokens;
  Tokenize(text, {0, text.size()}, &tokens);
  return RetrievalTermsOfTokens(text, tokens);
}

std::vector<std::string> RetrievalTermsOfTokens(std::string_view text, const std::vector<Token>& tokens) {
  std::vector<std::string> terms;
  std::vector<std::string_view> parts;
  for (std::size_t t = 0; t < tokens.size(); ++t) {
    const Token& token = tokens[t];
    if (token.kind != TokenKind::kWord && token.kind != TokenKind::kNumber) continue;
    const std::string_view word(text.data() + token.span.start, token.span.end - token.span.start);
    parts.clear();
    // "#AustralianFires", "@realDonaldTrump": the words inside.
    const bool hashtag = token.span.start > 0 && (text[token.span.start - 1] == '#' || text[token.span.start - 1] == '@');
    if (hashtag) {
      SplitCamelCase(word, &parts);
    } else {
      // Hyphenated words match their parts: "COVID-19", "well-known".
      std::size_t start = 0;
      for (std::size_t i = 0; i <= word.size(); ++i)
        if (i == word.size() || word[i] == '-') {
          if (i > start) parts.push_back(word.substr(start, i - start));
          start = i + 1;
        }
    }
    for (std::string_view p : parts) AddTerm(p, &terms);
  }
  return terms;
}

}  // namespace credence::internal
