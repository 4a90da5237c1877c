// Presentation cues: shouting (capitals, exclamation marks), a missing
// byline or date (visible or in the page's metadata), and a clickbait headline.
#include <cctype>
#include <string>

#include "cues/cue_detectors.h"
#include "cues/phrase_lexicon.h"

namespace credence::internal {
namespace {

constexpr std::size_t kMinShoutLetters = 3;

// A word in capitals: every letter upper case, at least kMinShoutLetters
// letters, and not a short acronym (FBI, ISIS, NATO) unless it stands in a
// run of such words ("THIS IS OUTRAGEOUS").
bool IsCapitalWord(std::string_view w) {
  std::size_t letters = 0;
  for (char ch : w) {
    auto c = static_cast<unsigned char>(ch);
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
  }
  return letters >= kMinShoutLetters;
}

bool IsLongCapitalWord(std::string_view w) { return IsCapitalWord(w) && w.size() >= 6; }

}  // namespace

void DetectShouting(const CueContext& ctx, std::vector<Cue>* cues) {
  std::vector<Span> evidence;
  std::size_t shouted_words = 0;
  std::size_t exclamation_runs = 0;
  const auto& tokens = ctx.structure.tokens;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    std::string_view w = ctx.View(t.span);
    if (t.kind == TokenKind::kWord && IsCapitalWord(w)) {
      std::size_t j = i;
      while (j + 1 < tokens.size() && tokens[j + 1].kind == TokenKind::kWord && IsCapitalWord(ctx.View(tokens[j + 1].span)))
        ++j;
      std::size_t run = j - i + 1;
      if (run >= 2 || IsLongCapitalWord(w)) {
        evidence.push_back({t.span.start, tokens[j].span.end});
        shouted_words += run;
      }
      i = j;
    } else if (t.kind == TokenKind::kPunct && w == "!") {
      std::size_t j = i;
      while (j + 1 < tokens.size() && ctx.View(tokens[j + 1].span) == "!") ++j;
      // One '!' closing a quoted exclamation is ordinary; two or more, or any in the headline, shout.
      bool in_headline = ctx.article.headline && ctx.article.headline->Contains(t.span);
      if (j > i || in_headline) {
        evidence.push_back({t.span.start, tokens[j].span.end});
        ++exclamation_runs;
      }
      i = j;
    }
  }
  double density = Per100Words(shouted_words + 2 * exclamation_runs, ctx.words);
  AddCue(CueId::kShouting, Saturate(density, 2.0), std::move(evidence),
         std::to_string(shouted_words) + " words in capitals, " + std::to_string(exclamation_runs) +
             " exclamation runs",
         cues);
}

void DetectMissingBylineOrDate(const CueContext& ctx, std::vector<Cue>* cues) {
  // A page that names its author or date only in its metadata (JSON-LD,
  // meta tags, itemprop) still states them: RT's pages show "RT" that way.
  bool byline = ctx.article.byline.has_value() || !ctx.article.metadata_author.empty();
  bool date = ctx.article.date.has_value() || !ctx.article.metadata_date.empty();
  if (byline && date) return;
  std::string detail = !byline && !date ? "no byline and no date found" : !byline ? "no byline found" : "no date found";
  AddCue(CueId::kMissingBylineOrDate, !byline && !date ? 1.0 : 0.5, {}, detail, cues);
}

double ClickbaitRuleScore(std::string_view text, const std::vector<Token>& tokens,
                          const std::vector<std::string>& normalized, std::size_t first, std::size_t end,
                          std::vector<Span>* evidence, std::size_t* phrases) {
  double score = 0;
  std::vector<PhraseMatch> matches;
  PhraseLexicon::Builtin("clickbait.txt").FindAll(normalized, tokens, first, end, &matches);
  for (const PhraseMatch& m : matches) {
    evidence->push_back(m.span);
    score += m.weight > 0 ? m.weight : 0.35;
  }
  *phrases = matches.size();
  // A headline opening with a number ("10 things ...") or asking a question teases.
  if (tokens[first].kind == TokenKind::kNumber) {
    evidence->push_back(tokens[first].span);
    score += 0.3;
  }
  const Span last = tokens[end - 1].span;
  if (text.substr(last.start, last.size()) == "?") {
    evidence->push_back(last);
    score += 0.25;
  }
  return std::min(1.0, score);
}

void DetectClickbaitHeadline(const CueContext& ctx, std::vector<Cue>* cues) {
  if (!ctx.article.headline) return;
  Span headline = *ctx.article.headline;
  const auto& tokens = ctx.structure.tokens;
  std::size_t first = 0;
  while (first < tokens.size() && tokens[first].span.start < headline.start) ++first;
  std::size_t end = first;
  while (end < tokens.size() && tokens[end].span.end <= headline.end) ++end;
  if (first == end) return;

  std::vector<Span> evidence;
  std::size_t phrases = 0;
  const double score = ClickbaitRuleScore(ctx.text, tokens, ctx.normalized_tokens, first, end, &evidence, &phrases);
  AddCue(CueId::kClickbaitHeadline, score, std::move(evidence),
         std::to_string(phrases) + " clickbait phrases in the headline", cues);
}

}  // namespace credence::internal
