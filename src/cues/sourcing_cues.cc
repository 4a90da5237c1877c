// Sourcing cues, read off the attributions: how much the article rests on
// anonymous or agentless sources, and on state-affiliated outlets.
#include <cmath>
#include <string>

#include "cues/cue_detectors.h"
#include "cues/source_classifier.h"

namespace credence::internal {

void DetectAnonymousSourcing(const CueContext& ctx, std::vector<Cue>* cues) {
  std::vector<Span> evidence;
  for (const Attribution& a : ctx.attributions)
    if (a.kind == SourceKind::kAnonymous || a.kind == SourceKind::kUnattributed) evidence.push_back(a.span);
  if (evidence.empty()) return;
  double share = static_cast<double>(evidence.size()) / static_cast<double>(ctx.attributions.size());
  // Half from the share of all attributions, half from the count itself.
  double strength = 0.5 * share + 0.5 * Saturate(static_cast<double>(evidence.size()), 2.0);
  std::string detail = std::to_string(evidence.size()) + " of " + std::to_string(ctx.attributions.size()) +
                       " attributions anonymous or unattributed";
  AddCue(CueId::kAnonymousSourcing, strength, std::move(evidence), detail, cues);
}

void DetectQuestionableSources(const CueContext& ctx, std::vector<Cue>* cues) {
  std::vector<Span> evidence;
  std::size_t attributed = 0;
  std::string outlets;
  for (const Attribution& a : ctx.attributions) {
    if (a.kind != SourceKind::kStateAffiliatedOutlet) continue;
    evidence.push_back(a.span);
    ++attributed;
    if (outlets.find(a.outlet) == std::string::npos) outlets += (outlets.empty() ? "" : "; ") + a.outlet;
  }
  std::size_t mentions = 0;
  for (const Paragraph& p : ctx.structure.paragraphs) {
    if (p.role != ParagraphRole::kBody || p.first_sentence == p.end_sentence) continue;
    std::size_t first = ctx.structure.sentences[p.first_sentence].first_token;
    std::size_t end = ctx.structure.sentences[p.end_sentence - 1].end_token;
    for (const OutletMention& m : FindStateOutletMentions(ctx.text, ctx.structure.tokens, first, end)) {
      bool inside_attribution = false;
      for (const Span& e : evidence) inside_attribution |= e.Contains(m.span);
      if (inside_attribution) continue;
      evidence.push_back(m.span);
      ++mentions;
      if (outlets.find(m.outlet) == std::string::npos) outlets += (outlets.empty() ? "" : "; ") + m.outlet;
    }
  }
  // Relying on an outlet (an attribution) weighs twice a mere mention.
  double strength = Saturate(2.0 * static_cast<double>(attributed) + static_cast<double>(mentions), 3.0);
  AddCue(CueId::kQuestionableSource, strength, std::move(evidence),
         std::to_string(attributed) + (attributed == 1 ? " attribution" : " attributions") +
             " to state-affiliated outlets" +
             (mentions == 0 ? "" : ", " + std::to_string(mentions) + (mentions == 1 ? " other mention" : " other mentions")) +
             (outlets.empty() ? "" : ": " + outlets),
         cues);
}

}  // namespace credence::internal
