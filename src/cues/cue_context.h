// CueContext: what every cue detector reads: the document's working text,
// the article, its structure, quotes and attributions. Detectors read it by
// const reference and append Cues; none changes it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "credence/annotations.h"
#include "credence/article.h"
#include "credence/cue.h"
#include "credence/structure.h"

namespace credence::internal {

class SpellChecker;

struct CueContext {
  std::string_view text;
  const Article& article;
  const Structure& structure;
  const std::vector<Quote>& quotes;
  const std::vector<Attribution>& attributions;
  const SpellChecker* speller = nullptr;  // null when no dictionary was found
  std::size_t words = 0;                  // word tokens in headline, standfirst and body
  std::vector<std::string> normalized_tokens;  // NormalizeTokens(text, structure.tokens), made once

  std::string_view View(Span s) const { return text.substr(s.start, s.size()); }
};

// Counts the word tokens of `structure`.
std::size_t CountWords(const Structure& structure);

// Returns 1 - exp(-x / scale): 0 at x = 0, 0.63 at x = scale, towards 1.
double Saturate(double x, double scale);

// Returns hits per 100 words (0 for an article without words).
double Per100Words(std::size_t hits, std::size_t words);

// Appends a cue when it has evidence or a positive strength.
void AddCue(CueId id, double strength, std::vector<Span> evidence, std::string detail, std::vector<Cue>* cues);

}  // namespace credence::internal
