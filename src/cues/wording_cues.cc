// Wording cues over the headline, standfirst and body tokens: hedging and
// speculation, loaded language, emotional tone (AFINN-165) and spelling.
#include <cmath>
#include <string>

#include "cues/cue_detectors.h"
#include "cues/phrase_lexicon.h"
#include "cues/spell_checker.h"

namespace credence::internal {
namespace {

// AFINN valences run from -5 to +5; from this magnitude on, a word is emotional.
constexpr double kEmotionalValence = 3.0;

// Finds the matches of one bundled lexicon over all tokens.
std::vector<PhraseMatch> MatchLexicon(const CueContext& ctx, std::string_view lexicon) {
  std::vector<PhraseMatch> matches;
  PhraseLexicon::Builtin(lexicon).FindAll(ctx.normalized_tokens, ctx.structure.tokens, 0,
                                          ctx.structure.tokens.size(), &matches);
  return matches;
}

// "in May 2017": the month, not the modal verb.
bool IsMonthMay(const CueContext& ctx, const PhraseMatch& m) {
  const auto& tokens = ctx.structure.tokens;
  if (m.end_token - m.first_token != 1 || ctx.View(m.span) != "May") return false;
  if (m.end_token < tokens.size() && tokens[m.end_token].kind == TokenKind::kNumber) return true;
  if (m.first_token == 0) return false;
  static const std::string_view kBefore[] = {"in", "of", "on", "since", "until", "by", "last", "next", "early",
                                             "late", "mid", "from", "through", "during", "this"};
  std::string_view prev = ctx.View(tokens[m.first_token - 1].span);
  for (std::string_view b : kBefore)
    if (prev == b) return true;
  return false;
}

std::string PerWords(std::size_t hits, std::size_t words) {
  return std::to_string(hits) + " in " + std::to_string(words) + " words";
}

}  // namespace

void DetectHedging(const CueContext& ctx, std::vector<Cue>* cues) {
  std::vector<Span> evidence;
  for (const PhraseMatch& m : MatchLexicon(ctx, "hedges.txt")) {
    if (IsMonthMay(ctx, m)) continue;
    if ((m.flags & kLowerFlag) && ctx.View(m.span) != ctx.normalized_tokens[m.first_token]) continue;
    Span span = m.span;
    if (m.flags & kModalFlag) span = ExtendOverVerbGroup(ctx.text, ctx.structure.tokens, m.end_token, ctx.structure.tokens.size(), span);
    evidence.push_back(span);
  }
  std::size_t n = evidence.size();
  AddCue(CueId::kHedging, Saturate(Per100Words(n, ctx.words), 1.5), std::move(evidence), PerWords(n, ctx.words), cues);
}

void DetectLoadedLanguage(const CueContext& ctx, std::vector<Cue>* cues) {
  std::vector<Span> evidence;
  for (const PhraseMatch& m : MatchLexicon(ctx, "loaded_language.txt")) evidence.push_back(m.span);
  std::size_t n = evidence.size();
  AddCue(CueId::kLoadedLanguage, Saturate(Per100Words(n, ctx.words), 2.0), std::move(evidence), PerWords(n, ctx.words),
         cues);
}

void DetectEmotionalTone(const CueContext& ctx, std::vector<Cue>* cues) {
  std::vector<Span> evidence;
  double negative = 0;
  double positive = 0;
  for (const PhraseMatch& m : MatchLexicon(ctx, "afinn-165.tsv")) {
    (m.weight < 0 ? negative : positive) += std::abs(m.weight);
    if (std::abs(m.weight) >= kEmotionalValence) evidence.push_back(m.span);
  }
  std::size_t n = evidence.size();
  std::string detail = PerWords(n, ctx.words) + " strongly emotional; valence sum +" +
                       std::to_string(static_cast<int>(positive)) + " / -" + std::to_string(static_cast<int>(negative));
  AddCue(CueId::kEmotionalTone, Saturate(Per100Words(n, ctx.words), 2.0), std::move(evidence), detail, cues);
}

void DetectSpellingErrors(const CueContext& ctx, std::vector<Cue>* cues) {
  if (ctx.speller == nullptr) return;
  std::vector<Span> evidence = ctx.speller->FindMisspellings(ctx.text, ctx.structure.tokens, 0, ctx.structure.tokens.size());
  std::size_t n = evidence.size();
  AddCue(CueId::kSpellingErrors, Saturate(Per100Words(n, ctx.words), 0.5), std::move(evidence), PerWords(n, ctx.words),
         cues);
}

}  // namespace credence::internal
