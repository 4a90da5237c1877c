// The cue detectors. Each reads the CueContext and appends at most one Cue
// (with all its evidence) to `cues`. Their strength formulas are listed in
// docs/report-schema.md.
#pragma once

#include <vector>

#include "credence/cue.h"
#include "cues/cue_context.h"

namespace credence::internal {

// sourcing_cues.cc: anonymous sourcing; state-affiliated or questionable outlets.
void DetectAnonymousSourcing(const CueContext& ctx, std::vector<Cue>* cues);
void DetectQuestionableSources(const CueContext& ctx, std::vector<Cue>* cues);

// wording_cues.cc: hedging, loaded language, emotional tone, spelling.
void DetectHedging(const CueContext& ctx, std::vector<Cue>* cues);
void DetectLoadedLanguage(const CueContext& ctx, std::vector<Cue>* cues);
void DetectEmotionalTone(const CueContext& ctx, std::vector<Cue>* cues);
void DetectSpellingErrors(const CueContext& ctx, std::vector<Cue>* cues);

// presentation_cues.cc: clickbait headline, shouting, missing byline or date.
// The clickbait rule (phrases of data/clickbait.txt, a leading number, a
// final question mark) is step 1's; the learned stage replaces its cue when
// the clickbait model is loaded, and the evaluation compares the two.
void DetectClickbaitHeadline(const CueContext& ctx, std::vector<Cue>* cues);
// Returns the rule's score of the headline tokens [first, end), in [0, 1],
// appending its evidence and counting the phrases matched.
// REQUIRES: first < end <= tokens.size(); normalized as NormalizeTokens.
double ClickbaitRuleScore(std::string_view text, const std::vector<Token>& tokens,
                          const std::vector<std::string>& normalized, std::size_t first, std::size_t end,
                          std::vector<Span>* evidence, std::size_t* phrases);
void DetectShouting(const CueContext& ctx, std::vector<Cue>* cues);
void DetectMissingBylineOrDate(const CueContext& ctx, std::vector<Cue>* cues);

// page_cues.cc: appeals for money; attacks on the mainstream media. These
// also read the removed blocks, where such appeals usually sit.
void DetectAppealForMoney(const CueContext& ctx, std::vector<Cue>* cues);
void DetectMediaAttack(const CueContext& ctx, std::vector<Cue>* cues);

// Runs every detector above, in CueId order.
std::vector<Cue> DetectAllCues(const CueContext& ctx);

}  // namespace credence::internal
