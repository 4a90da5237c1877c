// Sentence boundaries from token shapes alone: fast, and good enough for
// news prose. The hard cases (abbreviations, initials, decimals) are mostly
// settled by the tokenizer, which keeps their periods inside the word; what
// is left here is the quote rule and the "U.S. The" rule.
#include "text/sentence_splitter.h"

#include <algorithm>
#include <array>
#include <cassert>

#include "text/utf8.h"

namespace credence::internal {
namespace {

template <std::size_t N>
bool OneOf(std::string_view s, const std::array<std::string_view, N>& list) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

constexpr std::array<std::string_view, 11> kTerminals = {
    ".", "!", "?", "\u2026", "\u203C", "\u2047", "\u2048", "\u2049", "\u3002", "\uFF01", "\uFF1F"};
constexpr std::array<std::string_view, 9> kClosers = {")", "]", "}", "\u201D", "\u2019", "\u00BB", "\u203A",
                                                      "\u300D", "\u300F"};
constexpr std::array<std::string_view, 14> kOpeners = {"\u201C", "\u2018", "\"", "'",      "(",      "[",      "{",
                                                       "\u00AB", "\u201E", "\u00BF", "\u00A1", "\u2039", "\u300C", "\u300E"};
// Words that often begin a sentence and seldom follow "U.S." or "Inc."
// inside one; after a dotted word only these start a new sentence.
constexpr std::array<std::string_view, 44> kSentenceStarters = {
    "The",   "This",  "That",  "These",     "Those",   "He",    "She",       "It",    "They",    "We",   "I",
    "You",   "His",   "Her",   "Its",       "Their",   "Our",   "My",        "But",   "And",     "Yet",  "So",
    "In",    "On",    "At",    "As",        "After",   "When",  "While",     "If",    "A",       "An",   "There",
    "Still", "Some",  "Many",  "Most",      "Now",     "Then",  "Meanwhile", "However", "Earlier", "Later", "Today"};
// Abbreviations that stand before a name, so never end a sentence.
constexpr std::array<std::string_view, 24> kTitles = {
    "mr",  "mrs", "ms",   "messrs", "mme", "dr",   "prof", "rev", "hon", "gen",  "col",  "lt",
    "maj", "capt", "cmdr", "adm",   "sgt", "cpl",  "pvt",  "gov", "sen", "rep",  "pres", "fr"};

// The tokens of one paragraph with their text.
class ParagraphTokens {
 public:
  ParagraphTokens(std::string_view text, const std::vector<Token>& tokens, std::size_t first, std::size_t end)
      : text_(text), tokens_(tokens), first_(first), end_(end) {}
  std::string_view Text(std::size_t i) const { return text_.substr(tokens_[i].span.start, tokens_[i].span.size()); }
  TokenKind Kind(std::size_t i) const { return tokens_[i].kind; }
  // True when no white space separates token i from the one before it.
  bool TouchesPrevious(std::size_t i) const { return i > first_ && tokens_[i - 1].span.end == tokens_[i].span.start; }
  bool TouchesNext(std::size_t i) const { return i + 1 < end_ && tokens_[i + 1].span.start == tokens_[i].span.end; }
  bool IsTerminal(std::size_t i) const { return Kind(i) == TokenKind::kPunct && OneOf(Text(i), kTerminals); }
  bool StartsLower(std::size_t i) const {
    return Kind(i) == TokenKind::kWord && IsLower(DecodeAt(Text(i), 0).value);
  }

 private:
  std::string_view text_;
  const std::vector<Token>& tokens_;
  std::size_t first_;
  std::size_t end_;
};

// A closing quote or bracket after a terminal; a straight quote closes when
// it touches the token before it ("Stop." he said).
bool IsCloser(const ParagraphTokens& t, std::size_t i) {
  if (t.Kind(i) != TokenKind::kPunct) return false;
  std::string_view s = t.Text(i);
  return OneOf(s, kClosers) || ((s == "\"" || s == "'") && t.TouchesPrevious(i));
}

bool StartsSentence(const ParagraphTokens& t, std::size_t i) {
  switch (t.Kind(i)) {
    case TokenKind::kWord:
      return !t.StartsLower(i);  // upper case, or a script without case
    case TokenKind::kPunct:
      return OneOf(t.Text(i), kOpeners);
    default:
      return true;  // 20 people..., $5m was...
  }
}

// True for word tokens that end in a period the tokenizer kept (U.S., Inc.).
bool IsDottedWord(const ParagraphTokens& t, std::size_t i) {
  std::string_view s = t.Text(i);
  return t.Kind(i) == TokenKind::kWord && s.size() > 1 && s.back() == '.';
}

bool IsTitle(std::string_view dotted) {
  std::string_view word = dotted.substr(0, dotted.size() - 1);
  if (word.size() > 6) return false;
  char lower[8] = {};
  for (std::size_t k = 0; k < word.size(); ++k)
    lower[k] = static_cast<char>(word[k] >= 'A' && word[k] <= 'Z' ? word[k] + ('a' - 'A') : word[k]);
  return OneOf(std::string_view(lower, word.size()), kTitles);
}

enum class Side { kOpen, kClose, kEither };
enum class QuoteKind { kNone, kDouble, kSingle };

QuoteKind QuoteOf(std::string_view s, Side* side) {
  *side = Side::kEither;
  if (s == "\"") return QuoteKind::kDouble;
  if (s == "'") return QuoteKind::kSingle;
  *side = Side::kOpen;
  if (s == "\u201C" || s == "\u201E" || s == "\u00AB") return QuoteKind::kDouble;
  if (s == "\u2018") return QuoteKind::kSingle;
  *side = Side::kClose;
  if (s == "\u201D" || s == "\u00BB") return QuoteKind::kDouble;
  if (s == "\u2019") return QuoteKind::kSingle;
  return QuoteKind::kNone;
}

// True for a token after which a sentence goes on: , ; : and dashes.
bool IsContinuation(std::string_view s) {
  return s == "," || s == ";" || s == ":" || s == "-" || s == "\u2013" || s == "\u2014";
}

// True when the quotation closing at token `close` is part of a longer
// sentence: it ends in a comma (“Stop. Now,” he said) or the sentence goes on
// after it (“Stop! Now!” he shouted). A quotation closed by a period after
// the quote mark (... in eastern Syria”.) is not: its sentences stand alone.
bool QuoteContinuesSentence(const ParagraphTokens& t, std::size_t close, std::size_t end) {
  if (IsContinuation(t.Text(close - 1))) return true;
  return close + 1 < end && (t.StartsLower(close + 1) || IsContinuation(t.Text(close + 1)));
}

// Returns, for each token of [first, end), whether it lies inside a
// quotation that continues the sentence, where no sentence may end.
std::vector<char> QuietTokens(const ParagraphTokens& t, std::size_t first, std::size_t end) {
  std::vector<char> quiet(end - first, 0);
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::size_t open_double = kNone;
  std::size_t open_single = kNone;
  for (std::size_t i = first; i < end; ++i) {
    if (t.Kind(i) != TokenKind::kPunct) continue;
    Side side;
    QuoteKind kind = QuoteOf(t.Text(i), &side);
    if (kind == QuoteKind::kNone) continue;
    std::size_t& open = kind == QuoteKind::kDouble ? open_double : open_single;
    if (side == Side::kEither) {
      // A straight quote opens before a word it touches ("Stop) and closes
      // after one (Stop"); otherwise it pairs with what is open.
      bool before = t.TouchesNext(i), after = t.TouchesPrevious(i);
      if (before != after) side = before ? Side::kOpen : Side::kClose;
      else side = open == kNone ? Side::kOpen : Side::kClose;
    }
    if (side == Side::kOpen) {
      open = i;
    } else if (open != kNone) {
      if (QuoteContinuesSentence(t, i, end)) std::fill(quiet.begin() + (open - first), quiet.begin() + (i - first), 1);
      open = kNone;
    }
  }
  return quiet;
}

}  // namespace

void SplitSentences(std::string_view text, Span paragraph, const std::vector<Token>& tokens,
                    std::size_t first_token, std::size_t end_token, std::vector<Sentence>* sentences) {
  assert(first_token <= end_token && end_token <= tokens.size());
  if (first_token >= end_token) return;
  // The paragraph is only checked: the tokens say everything else.
  assert(paragraph.start <= tokens[first_token].span.start && tokens[end_token - 1].span.end <= paragraph.end);
  (void)paragraph;

  const ParagraphTokens t(text, tokens, first_token, end_token);
  const std::vector<char> quiet = QuietTokens(t, first_token, end_token);
  std::size_t start = first_token;
  auto emit = [&](std::size_t end) {
    if (end <= start) return;
    sentences->push_back({{tokens[start].span.start, tokens[end - 1].span.end}, start, end});
    start = end;
  };
  for (std::size_t i = first_token; i < end_token; ++i) {
    const bool strong = t.IsTerminal(i);
    if (!strong && !IsDottedWord(t, i)) continue;
    std::size_t j = i + 1;
    if (strong)
      while (j < end_token && t.IsTerminal(j)) ++j;
    while (j < end_token && IsCloser(t, j)) ++j;
    if (j < end_token && !quiet[i - first_token]) {
      // A number glued to the period is a decimal written ".5", not a new sentence.
      bool glued_number = t.Kind(j) == TokenKind::kNumber && t.TouchesPrevious(j);
      bool boundary = strong ? StartsSentence(t, j) && !glued_number
                             : !IsTitle(t.Text(i)) && t.Kind(j) == TokenKind::kWord && OneOf(t.Text(j), kSentenceStarters);
      if (boundary) emit(j);
    }
    i = j - 1;
  }
  emit(end_token);
}

}  // namespace credence::internal
