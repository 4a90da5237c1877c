// Detections: what credence's learned detectors find in an article, beside
// the hand-written cues: passages that use propaganda techniques (the 14 of
// SemEval-2020 Task 11), the sentences most worth fact-checking (trained on
// ClaimBuster), and how much the headline reads as clickbait (trained on
// Chakraborty et al.'s headlines). Each is a trained, calibrated linear
// model of the same kind as the content model (model.h); how they were
// trained and measured: docs/learned-detectors.md.
//
//   for (const TechniqueSpan& t : report.techniques)
//     std::cout << TechniqueName(t.technique) << ": " << text.substr(t.span.start, t.span.size()) << "\n";
//
// All are plain values in the Report, with spans into the Document.
#pragma once

#include <string_view>
#include <vector>

#include "credence/fact_checks.h"
#include "credence/span.h"
#include "credence/verdict.h"

namespace credence {

// The 14 techniques of the Propaganda Techniques Corpus as SemEval-2020
// Task 11 groups them (Da San Martino et al. 2020), in alphabetical order.
enum class Technique {
  kAppealToAuthority,
  kAppealToFearPrejudice,
  kBandwagonReductioAdHitlerum,
  kBlackAndWhiteFallacy,
  kCausalOversimplification,
  kDoubt,
  kExaggerationMinimisation,
  kFlagWaving,
  kLoadedLanguage,
  kNameCallingLabeling,
  kRepetition,
  kSlogans,
  kThoughtTerminatingCliches,
  kWhataboutismStrawMenRedHerring,
};
inline constexpr int kTechniqueCount = 14;

// Returns the stable snake_case name, e.g. "name_calling_labeling".
std::string_view TechniqueName(Technique technique);
// Returns the corpus's own label, e.g. "Name_Calling,Labeling".
std::string_view TechniqueCorpusLabel(Technique technique);
// Returns a label for people, e.g. "Name calling, labeling".
std::string_view TechniqueTitle(Technique technique);

// A passage found to use a propaganda technique.
struct TechniqueSpan {
  Span span;
  Technique technique = Technique::kLoadedLanguage;
  double probability = 0.0;       // the technique's calibrated probability, given that the passage is propaganda
  double span_probability = 0.0;  // the mean calibrated probability of its tokens being in a propaganda passage
};

// A sentence worth checking: it states a fact the public would care about
// being true or false.
struct Claim {
  Span span;                 // the sentence
  double probability = 0.0;  // calibrated probability that the sentence is check-worthy
  // Published fact-checks of a similar claim (fact_checks.h), best first;
  // empty when none matches or no index is searched.
  std::vector<FactCheckMatch> fact_checks;
};

// How much the headline reads as clickbait.
struct HeadlineAssessment {
  Span span;                           // the headline (empty for a title given beside the text)
  double clickbait_probability = 0.0;  // calibrated
  // The headline's words and word pairs that moved the score most, largest
  // |contribution| first, with their spans (kind kHeadline).
  std::vector<FeatureContribution> top_features;
};

}  // namespace credence
