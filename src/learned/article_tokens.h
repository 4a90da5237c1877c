// ArticleTokens: what the learned detectors read of an analysed article, per
// token: its hash as the n-gram features see it, its sentence, and which
// quotes, headline and hand-written cue evidence cover it. Made once per
// article and shared by the propaganda, claim and headline features, in
// training and in analysis alike.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "credence/report.h"

namespace credence::internal {

// Bits of ArticleTokens::flags: what covers a token.
enum TokenFlag : std::uint16_t {
  kInQuote = 1u << 0,
  kInHeadline = 1u << 1,
  kHedgingEvidence = 1u << 2,
  kLoadedEvidence = 1u << 3,
  kEmotionalEvidence = 1u << 4,
  kMediaAttackEvidence = 1u << 5,
  kShoutingEvidence = 1u << 6,
  kAnonymousEvidence = 1u << 7,
  kQuestionableEvidence = 1u << 8,
  kAppealEvidence = 1u << 9,
};
// The cue-evidence flags, in the order the features list them.
inline constexpr std::uint16_t kCueEvidenceFlags[] = {kHedgingEvidence,    kLoadedEvidence,   kEmotionalEvidence,
                                                      kMediaAttackEvidence, kShoutingEvidence, kAnonymousEvidence,
                                                      kQuestionableEvidence, kAppealEvidence};
inline constexpr const char* kCueEvidenceNames[] = {"hedging",  "loaded_language", "emotional_tone",      "media_attack",
                                                    "shouting", "anonymous",       "questionable_source", "appeal"};

struct ArticleTokens {
  std::string_view text;
  const Structure* structure = nullptr;
  const std::vector<std::string>* normalized = nullptr;  // NormalizeTokens(text, structure->tokens)
  std::vector<std::uint64_t> hashes;                      // HashTokens: one per token
  std::vector<std::uint32_t> sentence_of;                 // the sentence holding each token
  std::vector<std::uint16_t> flags;                       // TokenFlag bits per token
  std::vector<std::uint32_t> repeats;                     // how often each token's hash occurs in the article

  const std::vector<Token>& tokens() const { return structure->tokens; }
  std::string_view View(std::size_t token) const {
    const Span s = structure->tokens[token].span;
    return text.substr(s.start, s.size());
  }
};

// Returns the tokens of `report` (whose spans point into `text`) with their
// hashes, sentences and flags. The cue flags come from the cues in
// report.cues at the time of the call: the hand-written detectors'.
// `normalized` must outlive the result.
ArticleTokens ReadArticleTokens(std::string_view text, const Report& report, const std::vector<std::string>& normalized);

}  // namespace credence::internal
