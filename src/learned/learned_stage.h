// The learned stage: after the hand-written cue detectors and before the
// content model, runs the learned detectors an Analyzer has models for and
// adds what they find to the Report: technique passages with the
// propaganda_techniques cue, check-worthy claims, and the headline's
// clickbait probability, whose clickbait_headline cue replaces the
// hand-written rule's.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "credence/report.h"
#include "learned/learned_models.h"

namespace credence::internal {

// Adds the learned detections to `report`, whose spans point into `text`;
// `normalized` is NormalizeTokens(text, report->structure.tokens).
void RunLearnedDetectors(const LearnedModels& models, std::string_view text, const std::vector<std::string>& normalized,
                         Report* report);

}  // namespace credence::internal
