// Small shared arithmetic of the cue detectors, so that every strength is
// computed the same way (see docs/report-schema.md, "Cue strengths").
#include "cues/cue_context.h"

#include <algorithm>
#include <cmath>

namespace credence::internal {

std::size_t CountWords(const Structure& structure) {
  return static_cast<std::size_t>(std::count_if(structure.tokens.begin(), structure.tokens.end(),
                                                [](const Token& t) { return t.kind == TokenKind::kWord; }));
}

double Saturate(double x, double scale) { return x <= 0 ? 0.0 : 1.0 - std::exp(-x / scale); }

double Per100Words(std::size_t hits, std::size_t words) {
  return words == 0 ? 0.0 : 100.0 * static_cast<double>(hits) / static_cast<double>(words);
}

void AddCue(CueId id, double strength, std::vector<Span> evidence, std::string detail, std::vector<Cue>* cues) {
  if (strength <= 0 && evidence.empty()) return;
  std::sort(evidence.begin(), evidence.end(), [](const Span& a, const Span& b) { return a.start < b.start; });
  cues->push_back({id, std::clamp(strength, 0.0, 1.0), std::move(evidence), std::move(detail)});
}

}  // namespace credence::internal
