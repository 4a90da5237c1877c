// Cue: one credibility signal found in an article, with the exact spans of
// the input that triggered it.
//
// The catalogue of cues (id, description) is fixed; AllCueInfo() lists it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "credence/span.h"

namespace credence {

enum class CueId {
  kAnonymousSourcing,
  kQuestionableSource,
  kHedging,
  kLoadedLanguage,
  kEmotionalTone,
  kClickbaitHeadline,
  kSpellingErrors,
  kAppealForMoney,
  kMediaAttack,
  kShouting,
  kMissingBylineOrDate,
  kPropagandaTechniques,  // from the learned propaganda detector (techniques.h)
};

struct CueInfo {
  CueId id;
  std::string_view name;         // stable snake_case id, e.g. "hedging"
  std::string_view description;  // one line
};

// Returns the catalogue entry for `id`.
const CueInfo& GetCueInfo(CueId id);
// Returns every cue in the catalogue, in CueId order.
const std::vector<CueInfo>& AllCueInfo();

struct Cue {
  CueId id = CueId::kHedging;
  // How strongly the article shows the cue, in [0, 1]: 0 absent, 1 as strong
  // as it gets. Each detector documents its formula in docs/report-schema.md.
  double strength = 0.0;
  std::vector<Span> evidence;  // in input order; may be empty for whole-article cues
  std::string detail;          // a short human note, e.g. "12 of 640 words"
};

}  // namespace credence
