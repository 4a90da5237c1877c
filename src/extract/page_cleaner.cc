// Layout rules for scraped text. Line rules (data/page_leftovers.tsv) name
// most furniture on their own; the rules here use position: the headline
// and standfirst lead the page, a short title-case line between the last
// paragraph and the page's footer furniture is a signature, lines between
// two parts of an appeal belong to it, and short lines after the footer
// furniture are other stories' headlines.
#include "extract/page_cleaner.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "extract/leftover_rules.h"
#include "extract/line_blocks.h"
#include "extract/metadata_finder.h"
#include "extract/widget_counts.h"

namespace credence::internal {
namespace {

constexpr std::size_t kMaxHeadlineWords = 25;
constexpr std::size_t kMaxHeadlineBytes = 250;
constexpr std::size_t kMaxStandfirstWords = 45;
constexpr std::size_t kMaxSignatureWords = 5;
constexpr std::size_t kMinLastParagraphWords = 8;
constexpr std::size_t kMaxTrailingHeadlineWords = 30;
constexpr std::size_t kMaxTrailingHeadlines = 12;
constexpr std::size_t kMaxAppealGap = 3;          // unknown lines absorbed between two appeal lines
constexpr std::size_t kMaxAppealLineWords = 80;
constexpr std::size_t kMetadataWindow = 8;        // bylines and dates are looked for near the ends

enum class Role { kUnknown, kHeadline, kStandfirst, kMeta, kRemoved };

struct Classified {
  LineBlock block;
  Role role = Role::kUnknown;
  RemovedCategory category = RemovedCategory::kSiteChrome;
  std::string rule;
};

bool IsStopword(std::string_view w) {
  static const std::string_view kWords[] = {"in", "on", "at", "by", "of", "the", "a", "an", "and", "or", "to",
                                            "for", "with", "from", "|", "-", "/", "&", "posted", "under"};
  return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
}

// "in ,", "by |": what is left of a line whose links were stripped.
bool IsStopwordsOnly(std::string_view normalized, std::size_t words) {
  if (words > 4 || normalized.empty()) return false;
  std::size_t pos = 0;
  while (pos < normalized.size()) {
    std::size_t sp = normalized.find(' ', pos);
    std::string_view w = normalized.substr(pos, sp == std::string_view::npos ? std::string_view::npos : sp - pos);
    while (!w.empty() && (w.back() == ',' || w.back() == '.' || w.back() == ':')) w.remove_suffix(1);
    if (!w.empty() && !IsStopword(w)) return false;
    if (sp == std::string_view::npos) break;
    pos = sp + 1;
  }
  return true;
}

// "Home | World | Politics | Sport": several short segments between separators.
bool IsMenuLine(std::string_view line, std::size_t words) {
  std::size_t separators = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '|') ++separators;
    else if (line.substr(i, 2) == "\xC2\xB7" || line.substr(i, 3) == "\xE2\x80\xA2" || line.substr(i, 2) == "\xC2\xBB")
      ++separators;
  }
  return separators >= 2 && words <= (separators + 1) * 3;
}

// "2018", "1998-2000": a section heading of a timeline, not furniture.
bool IsYearHeading(std::string_view n) {
  auto is_year = [](std::string_view y) {
    return y.size() == 4 && (y.substr(0, 2) == "19" || y.substr(0, 2) == "20") &&
           std::all_of(y.begin(), y.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (is_year(n)) return true;
  std::size_t dash = n.find('-');
  return dash != std::string_view::npos && is_year(n.substr(0, dash)) && is_year(n.substr(dash + 1));
}

char LastChar(std::string_view s) { return s.empty() ? '\0' : s.back(); }

bool EndsSentence(std::string_view s) {
  // Closing quotes after the stop still end a sentence: '."' or '.”'.
  while (!s.empty() && (s.back() == '"' || s.back() == '\'' || s.back() == ')')) s.remove_suffix(1);
  if (s.size() >= 3 && (s.substr(s.size() - 3) == "\xE2\x80\x9D" || s.substr(s.size() - 3) == "\xE2\x80\x99"))
    s.remove_suffix(3);
  char c = LastChar(s);
  return c == '.' || c == '!' || c == '?';
}

bool StartsLikeTitle(std::string_view s) {
  if (s.empty()) return false;
  auto c = static_cast<unsigned char>(s[0]);
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80 || c == '"' || c == '\'';
}

// "The Duran", "Staff Report", "— Jane Doe": two to five capitalised words
// (or a dash and a name), no digits, no colon, no closing stop.
bool LooksLikeSignature(std::string_view line, std::size_t words) {
  bool dashed = line.rfind("\xE2\x80\x94", 0) == 0 || line.rfind("\xE2\x80\x93", 0) == 0 || line.rfind("-", 0) == 0;
  if (words > kMaxSignatureWords || (words < 2 && !dashed) || line.size() > 60 || EndsSentence(line)) return false;
  char last = LastChar(line);
  if (last == ',' || line.find(':') != std::string_view::npos) return false;
  bool at_word_start = true;
  for (char ch : line) {
    auto c = static_cast<unsigned char>(ch);
    if (c >= '0' && c <= '9') return false;
    if (c == ' ') {
      at_word_start = true;
      continue;
    }
    if (at_word_start && c >= 'a' && c <= 'z') return false;
    at_word_start = false;
  }
  return true;
}

// Furniture that only stands where the article has ended; share and
// newsletter lines are not in it, as scraped pages put them mid-article.
bool IsEndOfArticleCategory(RemovedCategory c) {
  return c == RemovedCategory::kAppeal || c == RemovedCategory::kWidget || c == RemovedCategory::kCommentPrompt ||
         c == RemovedCategory::kCopyright || c == RemovedCategory::kSignature;
}

bool IsFooterCategory(RemovedCategory c) {
  return c == RemovedCategory::kAppeal || c == RemovedCategory::kWidget || c == RemovedCategory::kCommentPrompt ||
         c == RemovedCategory::kShare || c == RemovedCategory::kCopyright || c == RemovedCategory::kSignature;
}

void Remove(Classified& c, RemovedCategory category, std::string rule) {
  c.role = Role::kRemoved;
  c.category = category;
  c.rule = std::move(rule);
}

void ClassifyLines(std::string_view text, std::vector<Classified>& lines) {
  const LeftoverRules& rules = LeftoverRules::Builtin();
  for (Classified& c : lines) {
    const LineBlock& b = c.block;
    if (b.letters == 0 && !IsYearHeading(b.normalized)) {
      Remove(c, RemovedCategory::kSiteChrome, "no_letters");
    } else if (b.normalized.empty()) {
      continue;  // a long line: article text
    } else if (std::optional<LeftoverMatch> m = rules.Match(b.normalized)) {
      Remove(c, m->category, std::string(m->rule));
    } else if (IsStopwordsOnly(b.normalized, b.words)) {
      Remove(c, RemovedCategory::kSiteChrome, "stopwords_only");
    } else if (IsMenuLine(text.substr(b.span.start, b.span.size()), b.words)) {
      Remove(c, RemovedCategory::kSiteChrome, "menu_line");
    }
  }
}

void FindMetadata(std::string_view text, std::vector<Classified>& lines, Article& article) {
  for (std::size_t i = 0; i < lines.size(); ++i) {
    Classified& c = lines[i];
    if (c.role != Role::kUnknown || (i >= kMetadataWindow && i + kMetadataWindow / 2 < lines.size())) continue;
    std::string_view line = text.substr(c.block.span.start, c.block.span.size());
    if (!article.byline) {
      if (std::optional<Span> byline = FindByline(line, c.block.span.start)) {
        article.byline = byline;
        c.role = Role::kMeta;
        if (!article.date) article.date = FindDateLine(line, c.block.span.start);
        continue;
      }
    }
    if (!article.date && c.block.words <= 14) {
      std::optional<Span> date = FindDateLine(line, c.block.span.start);
      std::string_view n = c.block.normalized;
      bool labelled = n.rfind("published", 0) == 0 || n.rfind("updated", 0) == 0 || n.rfind("posted", 0) == 0 ||
                      n.rfind("date", 0) == 0 || n.rfind("last updated", 0) == 0;
      if (date && (labelled || date->size() * 2 >= c.block.span.size())) {
        article.date = date;
        c.role = Role::kMeta;
      }
    }
  }
}

std::optional<std::size_t> NextUnknown(const std::vector<Classified>& lines, std::size_t from) {
  for (std::size_t i = from; i < lines.size(); ++i)
    if (lines[i].role == Role::kUnknown) return i;
  return std::nullopt;
}

void FindHeadlineAndStandfirst(std::string_view text, std::string_view given_title, std::vector<Classified>& lines) {
  std::optional<std::size_t> head;
  std::string title = NormalizeLine(given_title);
  if (!title.empty()) {
    for (std::size_t i = 0; i < lines.size() && i < kMetadataWindow; ++i)
      if (lines[i].role == Role::kUnknown && lines[i].block.normalized == title) head = i;
  } else if (std::optional<std::size_t> first = NextUnknown(lines, 0)) {
    const LineBlock& b = lines[*first].block;
    std::string_view line = text.substr(b.span.start, b.span.size());
    char last = LastChar(line);
    bool more = NextUnknown(lines, *first + 1) && NextUnknown(lines, *NextUnknown(lines, *first + 1) + 1);
    if (b.words <= kMaxHeadlineWords && b.span.size() <= kMaxHeadlineBytes && last != '.' && last != ',' &&
        last != ':' && last != ';' && StartsLikeTitle(line) && more)
      head = first;
  }
  if (!head) return;
  lines[*head].role = Role::kHeadline;
  std::optional<std::size_t> next = NextUnknown(lines, *head + 1);
  if (!next) return;
  std::optional<std::size_t> after = NextUnknown(lines, *next + 1);
  const LineBlock& b = lines[*next].block;
  std::string_view line = text.substr(b.span.start, b.span.size());
  char last = LastChar(line);
  if (!after || b.words < 4 || b.words > kMaxStandfirstWords || last == ':' || last == ',') return;
  bool short_summary = last != '.' || lines[*after].block.words > b.words;
  if (short_summary) lines[*next].role = Role::kStandfirst;
}

// Lines sitting between two parts of one appeal ("As a reader of ..., you
// are well aware ...") belong to it.
void AbsorbAppealGaps(std::vector<Classified>& lines) {
  std::optional<std::size_t> last_appeal;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].role != Role::kRemoved || lines[i].category != RemovedCategory::kAppeal) continue;
    if (last_appeal && i - *last_appeal - 1 <= kMaxAppealGap) {
      bool absorbable = true;
      for (std::size_t j = *last_appeal + 1; j < i; ++j)
        absorbable &= (lines[j].role == Role::kUnknown && lines[j].block.words <= kMaxAppealLineWords) ||
                      (lines[j].role == Role::kRemoved && lines[j].category == RemovedCategory::kAppeal);
      if (absorbable)
        for (std::size_t j = *last_appeal + 1; j < i; ++j) Remove(lines[j], RemovedCategory::kAppeal, "appeal_region");
    }
    last_appeal = i;
  }
}

// A short title-case line right after the last paragraph, followed only by
// footer furniture (or nothing), is the publisher's sign-off.
void FindSignature(std::string_view text, std::vector<Classified>& lines) {
  std::optional<std::size_t> first_footer;
  for (std::size_t i = lines.size(); i-- > 0;) {
    if (lines[i].role == Role::kUnknown) break;
    if (lines[i].role == Role::kRemoved && IsFooterCategory(lines[i].category)) first_footer = i;
  }
  std::size_t end = first_footer.value_or(lines.size());
  std::size_t candidate = end;
  while (candidate > 0 && lines[candidate - 1].role == Role::kRemoved) --candidate;
  if (candidate == 0) return;
  --candidate;
  Classified& c = lines[candidate];
  if (c.role != Role::kUnknown) return;
  // The line before a signature is the article's last paragraph: prose,
  // not another short line of a list (which would make this one an item).
  std::optional<std::size_t> previous;
  for (std::size_t i = candidate; i-- > 0;)
    if (lines[i].role == Role::kUnknown) {
      previous = i;
      break;
    }
  if (!previous || lines[*previous].block.words < kMinLastParagraphWords) return;
  if (LooksLikeSignature(text.substr(c.block.span.start, c.block.span.size()), c.block.words))
    Remove(c, RemovedCategory::kSignature, "short_title_case_line_before_footer");
}

// After the end-of-article furniture, a short list of short lines is other
// stories' headlines. A long tail, or one mostly of full sentences, is left
// alone: it is more likely article text around a misplaced widget.
void RemoveTrailingHeadlines(std::vector<Classified>& lines) {
  std::optional<std::size_t> first_body;
  std::optional<std::size_t> last_end;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].role == Role::kUnknown && !first_body) first_body = i;
    if (lines[i].role == Role::kRemoved && IsEndOfArticleCategory(lines[i].category) && first_body) last_end = i;
  }
  if (!last_end) return;
  std::vector<std::size_t> tail;
  std::size_t sentences = 0;
  for (std::size_t i = *last_end + 1; i < lines.size(); ++i) {
    if (lines[i].role != Role::kUnknown) continue;
    if (lines[i].block.words > kMaxTrailingHeadlineWords) return;
    tail.push_back(i);
    sentences += lines[i].block.normalized.find(". ") != std::string::npos;  // several sentences: body-like
  }
  if (tail.size() > kMaxTrailingHeadlines || sentences * 2 > tail.size()) return;
  for (std::size_t i : tail) Remove(lines[i], RemovedCategory::kRelated, "trailing_headline_after_footer");
}

bool MergesWithNext(RemovedCategory c) {
  return c == RemovedCategory::kWidget || c == RemovedCategory::kAppeal || c == RemovedCategory::kShare ||
         c == RemovedCategory::kCopyright;
}

void CollectRemoved(const std::vector<Classified>& lines, Article& article) {
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Classified& c = lines[i];
    if (c.role != Role::kRemoved) continue;
    bool merge = !article.removed.empty() && i > 0 && lines[i - 1].role == Role::kRemoved &&
                 lines[i - 1].category == c.category && MergesWithNext(c.category);
    if (merge) {
      article.removed.back().span.end = c.block.span.end;
    } else {
      article.removed.push_back({c.block.span, c.category, c.rule, {}});
    }
    if (c.category == RemovedCategory::kWidget) ReadWidgetLine(c.block.normalized, &article.removed.back().widget);
  }
}

}  // namespace

Article ExtractArticleFromText(std::string_view text, std::string_view given_title) {
  Article article;
  article.given_title = std::string(given_title);
  std::vector<Classified> lines;
  for (LineBlock& b : SplitLineBlocks(text)) lines.push_back({std::move(b), Role::kUnknown, {}, {}});

  ClassifyLines(text, lines);
  FindMetadata(text, lines, article);
  FindHeadlineAndStandfirst(text, given_title, lines);
  AbsorbAppealGaps(lines);
  RemoveTrailingHeadlines(lines);
  FindSignature(text, lines);

  for (const Classified& c : lines) {
    if (c.role == Role::kHeadline) article.headline = c.block.span;
    if (c.role == Role::kStandfirst) article.standfirst = c.block.span;
    if (c.role == Role::kUnknown) article.body.push_back(c.block.span);
  }
  CollectRemoved(lines, article);
  return article;
}

}  // namespace credence::internal
