// Quote scanning works on the body paragraphs in order. A curly or
// guillemet quote may stay open across paragraphs (news style reopens each
// paragraph with “ and closes only at the end; scraped text often loses
// the reopening mark), up to kMaxQuoteParagraphs; a straight quote, which
// cannot tell opening from closing, must close in its own paragraph.
#include "cues/quote_finder.h"

#include <algorithm>
#include <optional>

namespace credence::internal {
namespace {

constexpr std::size_t kMaxQuoteParagraphs = 4;
constexpr std::size_t kMaxQuoteBytes = 4000;
constexpr std::size_t kMaxIntroGapBytes = 6;    // between "X said," and the opening mark
constexpr std::size_t kMaxTrailingGapBytes = 4; // between the closing mark and ", X said"
constexpr std::size_t kMaxAttributionBytes = 1024;  // longer than any attribution phrase the finder makes

enum class Mark { kNone, kCurlyOpen, kCurlyClose, kStraight, kGuillemetOpen, kGuillemetClose };

// Returns the quotation mark at `i` and its byte length.
Mark MarkAt(std::string_view t, std::size_t i, std::size_t* len) {
  auto c = static_cast<unsigned char>(t[i]);
  *len = 1;
  if (c == '"') return Mark::kStraight;
  if (c == 0xE2 && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0x80) {
    *len = 3;
    auto c2 = static_cast<unsigned char>(t[i + 2]);
    if (c2 == 0x9C) return Mark::kCurlyOpen;
    if (c2 == 0x9D) return Mark::kCurlyClose;
  }
  if (c == 0xC2 && i + 1 < t.size()) {
    *len = 2;
    auto c2 = static_cast<unsigned char>(t[i + 1]);
    if (c2 == 0xAB) return Mark::kGuillemetOpen;
    if (c2 == 0xBB) return Mark::kGuillemetClose;
  }
  return Mark::kNone;
}

bool IsWordByte(char c) {
  auto u = static_cast<unsigned char>(c);
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u >= 0x80;
}

struct Open {
  std::size_t at = 0;
  std::size_t len = 0;
  std::size_t paragraph = 0;  // index of the paragraph it opened in
  Mark mark = Mark::kNone;
};

void Emit(std::size_t open_at, std::size_t open_len, std::size_t close_at, std::size_t close_len,
          std::vector<Quote>& out) {
  if (close_at <= open_at + open_len) return;  // empty quotation
  Quote q;
  q.span = {open_at, close_at + close_len};
  q.inner = {open_at + open_len, close_at};
  out.push_back(q);
}

bool IsSpaceByte(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

}  // namespace

std::vector<Quote> FindQuotes(std::string_view text, const Structure& structure) {
  std::vector<Quote> quotes;
  Open open;  // mark kNone: no quotation is open
  for (std::size_t p = 0; p < structure.paragraphs.size(); ++p) {
    const Paragraph& para = structure.paragraphs[p];
    if (para.role != ParagraphRole::kBody) continue;
    if (open.mark != Mark::kNone && (open.mark == Mark::kStraight || p - open.paragraph >= kMaxQuoteParagraphs ||
                 para.span.start - open.at > kMaxQuoteBytes))
      open = Open{};  // unterminated: not a quotation we can delimit
    for (std::size_t i = para.span.start; i < para.span.end;) {
      std::size_t len = 1;
      Mark mark = MarkAt(text, i, &len);
      if (mark == Mark::kCurlyOpen || mark == Mark::kGuillemetOpen) {
        // A reopening mark at the head of a continuation paragraph keeps the quotation open.
        bool continuation = open.mark != Mark::kNone && open.mark == mark && i == para.span.start && open.paragraph != p;
        if (!continuation) open = Open{i, len, p, mark};
      } else if ((mark == Mark::kCurlyClose && open.mark != Mark::kNone && open.mark == Mark::kCurlyOpen) ||
                 (mark == Mark::kGuillemetClose && open.mark != Mark::kNone && open.mark == Mark::kGuillemetOpen)) {
        Emit(open.at, open.len, i, len, quotes);
        open = Open{};
      } else if (mark == Mark::kStraight) {
        bool before_word = i + 1 < para.span.end && !IsSpaceByte(text[i + 1]);
        bool after_word = i > para.span.start && !IsSpaceByte(text[i - 1]);
        if (open.mark != Mark::kNone && open.mark == Mark::kStraight && open.paragraph == p) {
          Emit(open.at, open.len, i, len, quotes);
          open = Open{};
        } else if (open.mark == Mark::kNone || open.mark == Mark::kStraight) {
          // An opening straight quote stands before a word, not glued after one (5'11").
          if (before_word && !(after_word && IsWordByte(text[i - 1]))) open = Open{i, len, p, mark};
        }
      }
      i += len;
    }
  }
  return quotes;
}

void LinkQuoteSpeakers(std::string_view text, const std::vector<Attribution>& attributions,
                       std::vector<Quote>& quotes) {
  // An introducing phrase may end the paragraph before the quote ("Sputnik
  // reports,\n\n“..."); a trailing one must follow in the same paragraph.
  auto gap_is_punctuation = [&](std::size_t from, std::size_t to, bool newline_ok) {
    for (std::size_t i = from; i < to; ++i) {
      if (text[i] == '\n' && !newline_ok) return false;
      if (!(IsSpaceByte(text[i]) || text[i] == ',' || text[i] == ':' || text[i] == '-')) return false;
    }
    return true;
  };
  // Attributions come in input order; only those starting near the quote
  // can introduce or follow it, so each quote looks at a few of them.
  for (Quote& q : quotes) {
    std::optional<std::size_t> best;
    std::size_t window_start = q.span.start > kMaxAttributionBytes ? q.span.start - kMaxAttributionBytes : 0;
    auto first = std::lower_bound(attributions.begin(), attributions.end(), window_start,
                                  [](const Attribution& a, std::size_t pos) { return a.span.start < pos; });
    for (auto a = static_cast<std::size_t>(first - attributions.begin());
         a < attributions.size() && attributions[a].span.start <= q.span.end + kMaxTrailingGapBytes; ++a) {
      const Attribution& at = attributions[a];
      if (q.span.Contains(at.span) || !at.source) continue;
      bool intro = at.span.end <= q.span.start && q.span.start - at.span.end <= kMaxIntroGapBytes + 2 &&
                   gap_is_punctuation(at.span.end, q.span.start, true);
      bool trailing = at.span.start >= q.span.end && at.span.start - q.span.end <= kMaxTrailingGapBytes &&
                      gap_is_punctuation(q.span.end, at.span.start, false);
      if (intro || trailing) {
        best = a;
        if (intro) break;
      }
    }
    if (best) {
      q.attribution = static_cast<int>(*best);
      q.speaker = attributions[*best].source;
    }
  }
}

}  // namespace credence::internal
