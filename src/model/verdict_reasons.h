// Verdict reasons: the model's largest contributions turned into lines a
// reader can check, in plain words with the passages behind them.
//
//   std::vector<Reason> reasons = ExplainContributions(candidates, logit, report);
//
// Contributions that say the same thing become one reason: a cue and the
// attributions of the kind it counts ("Rests claims on unnamed sources"),
// n-grams that overlap in the text ("loyal" and "loyal to"), and n-grams that
// lie inside a cue's passages and push the same way. Words are described as
// what they are for a linear model: wording more common in the unreliable (or
// reliable) articles it learned from, quoted as the input writes them.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "credence/report.h"
#include "credence/verdict.h"

namespace credence::internal {

// At most this many reasons are kept, largest |contribution| first.
inline constexpr std::size_t kMaxReasons = 8;

// Returns the reasons for `candidates` (the features with the largest
// |contribution|, in any order) of an article whose log odds are `logit`.
// Each reason's effect is how much the
// probability would fall (or rise) without it, the others unchanged.
std::vector<Reason> ExplainContributions(const std::vector<FeatureContribution>& candidates, double logit,
                                         const Report& report);

}  // namespace credence::internal
