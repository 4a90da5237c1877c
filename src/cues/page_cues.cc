// Page cues: appeals for money and attacks on "the mainstream media". Both
// usually sit in the page's leftovers (a donation box under the article),
// so these detectors read the removed blocks as well as the body.
#include <string>

#include "cues/cue_detectors.h"
#include "cues/media_attack.h"
#include "cues/phrase_lexicon.h"
#include "text/tokenizer.h"

namespace credence::internal {
namespace {

// Tokens of the appeal blocks the extractor removed: they are not part of
// the Structure, which covers the article alone.
std::vector<Token> AppealTokens(const CueContext& ctx) {
  std::vector<Token> tokens;
  for (const RemovedBlock& r : ctx.article.removed)
    if (r.category == RemovedCategory::kAppeal) Tokenize(ctx.text, r.span, &tokens);
  return tokens;
}

}  // namespace

void DetectAppealForMoney(const CueContext& ctx, std::vector<Cue>* cues) {
  std::vector<Span> evidence;
  std::size_t blocks = 0;
  for (const RemovedBlock& r : ctx.article.removed)
    if (r.category == RemovedCategory::kAppeal) {
      evidence.push_back(r.span);
      ++blocks;
    }
  std::vector<PhraseMatch> matches;
  PhraseLexicon::Builtin("money_appeal.txt").FindAll(ctx.normalized_tokens, ctx.structure.tokens, 0, ctx.structure.tokens.size(), &matches);
  for (const PhraseMatch& m : matches) evidence.push_back(m.span);
  double strength = blocks > 0 ? 0.7 + 0.1 * static_cast<double>(blocks - 1) + 0.05 * static_cast<double>(matches.size())
                               : Saturate(static_cast<double>(matches.size()), 2.0);
  AddCue(CueId::kAppealForMoney, std::min(1.0, strength), std::move(evidence),
         std::to_string(blocks) + " appeal blocks removed, " + std::to_string(matches.size()) + " appeal phrases in the article",
         cues);
}

void DetectMediaAttack(const CueContext& ctx, std::vector<Cue>* cues) {
  std::vector<Span> evidence;
  std::vector<Token> appeal_tokens = AppealTokens(ctx);
  // The article's tokens were normalised once for all detectors; only the appeal blocks' are new.
  FindMediaAttacks(ctx.text, ctx.structure.tokens, ctx.normalized_tokens, &evidence);
  FindMediaAttacks(ctx.text, appeal_tokens, NormalizeTokens(ctx.text, appeal_tokens), &evidence);
  std::size_t n = evidence.size();
  AddCue(CueId::kMediaAttack, Saturate(static_cast<double>(n), 1.0), std::move(evidence),
         std::to_string(n) + " attacks on the media", cues);
}

std::vector<Cue> DetectAllCues(const CueContext& ctx) {
  std::vector<Cue> cues;
  DetectAnonymousSourcing(ctx, &cues);
  DetectQuestionableSources(ctx, &cues);
  DetectHedging(ctx, &cues);
  DetectLoadedLanguage(ctx, &cues);
  DetectEmotionalTone(ctx, &cues);
  DetectClickbaitHeadline(ctx, &cues);
  DetectSpellingErrors(ctx, &cues);
  DetectAppealForMoney(ctx, &cues);
  DetectMediaAttack(ctx, &cues);
  DetectShouting(ctx, &cues);
  DetectMissingBylineOrDate(ctx, &cues);
  return cues;
}

}  // namespace credence::internal
