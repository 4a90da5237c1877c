// Verdict: how likely an article is to be unreliable, as the trained model
// scores its content, and which of its words and cues moved the score.
//
// A Verdict is a plain value made by Model::Score (model.h). Its numbers are
// exact: bias + the contributions of top_features + rest == logit, and
// probability_unreliable == 1 / (1 + exp(-logit)).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "credence/span.h"

namespace credence {

// The label of a verdict: the calibrated probability cut at two thresholds,
// or kInsufficient when the article gives the model too little to judge (too
// few words of article text, a list of links, text in another language): the
// model's numbers are then kept for inspection but are not a verdict, and
// writers show no probability.
enum class VerdictLabel { kReliable, kUncertain, kUnreliable, kInsufficient };

// Below this probability the label is kReliable.
inline constexpr double kReliableBelow = 0.35;
// At or above this probability the label is kUnreliable; in between, kUncertain.
inline constexpr double kUnreliableFrom = 0.65;

// Returns the label for a calibrated probability of being unreliable.
VerdictLabel LabelForProbability(double probability_unreliable);
// Returns "reliable", "uncertain", "unreliable" or "insufficient".
std::string_view VerdictLabelName(VerdictLabel label);

enum class FeatureKind {
  kWords,    // a word or two-word n-gram of the text ("sources say")
  kHeadline, // a word or n-gram of the headline, kept apart from the body's
  kCue,      // a cue's strength or an article measure (cues, quotes, length)
};

// Returns "words", "headline" or "cue".
std::string_view FeatureKindName(FeatureKind kind);

struct FeatureContribution {
  FeatureKind kind = FeatureKind::kWords;
  std::string name;           // the n-gram as normalised ("it would"), or the cue feature's name
  double value = 0.0;         // the feature's value in this article
  double contribution = 0.0;  // weight * value, in logit units; > 0 pushes towards unreliable
  std::vector<Span> spans;    // where it occurs in the input (first occurrences, at most 20)
};

// What a reason is: evidence that moved the score, or an adjustment for
// something the model takes into account without it being a sign of
// (un)reliability (the article's length).
enum class ReasonRole { kEvidence, kAdjustment };

// One line of the explanation, in words a reader can check: one or several
// contributions that say the same thing (a cue and the words it fired on,
// overlapping n-grams), added up.
struct Reason {
  ReasonRole role = ReasonRole::kEvidence;
  // kCue when it is led by a cue or article measure (its spans are the
  // cue's evidence); kWords or kHeadline when made of n-grams only.
  FeatureKind kind = FeatureKind::kCue;
  std::string text;           // plain words: "Cites unnamed sources (2 attributions)"
  double contribution = 0.0;  // the sum of its features' contributions, in logit units
  // How much the probability of unreliable is higher (> 0) or lower (< 0)
  // for it: the probability minus what it would be without this reason.
  double effect = 0.0;
  std::vector<Span> spans;    // where it shows in the input, in order, at most 20
  std::vector<std::string> features;  // the FeatureContribution names it groups
};

struct Verdict {
  double probability_unreliable = 0.0;  // calibrated on held-out sites
  VerdictLabel label = VerdictLabel::kUncertain;
  double logit = 0.0;  // log odds of unreliable
  double bias = 0.0;   // the model's intercept
  // The features with the largest |contribution|, largest first.
  std::vector<FeatureContribution> top_features;
  double rest = 0.0;            // the summed contribution of every feature not listed
  std::size_t feature_count = 0;  // distinct features with a non-zero value
  std::string model_id;         // which model scored it (Model::id())
  // With label kInsufficient: why, in words ("4 words of article text; a
  // verdict needs at least 40"); otherwise empty.
  std::string insufficient_reason;
  // The explanation for a reader (verdict_reasons.h), made from the largest
  // contributions, at most 8, largest |contribution| first. Their sum with
  // bias and other_contribution is logit.
  std::vector<Reason> reasons;
  double other_contribution = 0.0;  // every feature no reason covers, summed
};

}  // namespace credence
