// The fixed catalogue of cues: ids and one-line descriptions, shared by the
// detectors, the writers and the documentation.
#include <vector>

#include "credence/cue.h"

namespace credence {
namespace {

const std::vector<CueInfo>& Catalogue() {
  static const std::vector<CueInfo> kCatalogue = {
      {CueId::kAnonymousSourcing, "anonymous_sourcing",
       "Claims rest on anonymous, undisclosed or agentless sources"},
      {CueId::kQuestionableSource, "questionable_source",
       "Relies on state-affiliated or questionable outlets as sources"},
      {CueId::kHedging, "hedging", "Hedged or speculative wording in place of established fact"},
      {CueId::kLoadedLanguage, "loaded_language", "Loaded, inflammatory or pejorative words"},
      {CueId::kEmotionalTone, "emotional_tone", "Strongly emotional wording (AFINN-165 valence)"},
      {CueId::kClickbaitHeadline, "clickbait_headline",
       "Headline written to lure clicks rather than inform (a trained model's probability)"},
      {CueId::kSpellingErrors, "spelling_errors", "Misspelled words (hunspell en_US), a sign of little editing"},
      {CueId::kAppealForMoney, "appeal_for_money", "Asks readers for money: donations, subscriptions, merchandise"},
      {CueId::kMediaAttack, "media_attack", "Attacks \"the mainstream media\" as liars or propagandists"},
      {CueId::kShouting, "shouting", "Shouting: words in capitals, runs of exclamation marks"},
      {CueId::kMissingBylineOrDate, "missing_byline_or_date", "No author byline or publication date found"},
      {CueId::kPropagandaTechniques, "propaganda_techniques",
       "Passages that use propaganda techniques (SemEval-2020 Task 11's 14), found by a trained model"},
  };
  return kCatalogue;
}

}  // namespace

const std::vector<CueInfo>& AllCueInfo() { return Catalogue(); }

const CueInfo& GetCueInfo(CueId id) { return Catalogue()[static_cast<std::size_t>(id)]; }

}  // namespace credence
