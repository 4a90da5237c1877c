// Decides what kind of source a source phrase names: a state-affiliated
// outlet (data/state_affiliated_outlets.tsv), another media outlet
// (data/media_outlets.txt), an institution (data/institution_words.txt), an
// anonymous source (data/anonymous_sources.txt), a named person, or a
// document (data/document_words.txt), which takes the kind of whoever the
// phrase says issued it, and is unattributed when it names no one.
#pragma once

#include "cues/source_words.h"

#include <string>
#include <string_view>
#include <vector>

#include "credence/annotations.h"
#include "credence/structure.h"

namespace credence::internal {

struct SourceClass {
  SourceKind kind = SourceKind::kUnattributed;
  std::string outlet;  // "Sputnik (Russia; Rossiya Segodnya, Russian state)" for table outlets
  // Not kNone when the phrase is a pronoun ("he", "it") or a pronoun's
  // document ("his data"): the source is whoever the pronoun refers to, and
  // `kind` is only the default for a pronoun whose antecedent is not found
  // (he, his: a named person; it, its: an institution; they, their:
  // unattributed).
  PronounClass refers_back = PronounClass::kNone;
};

// Classifies the source phrase made of tokens [first, end) of `tokens`.
// `sentence_initial` says whether tokens[first] starts its sentence (so its
// capital letter says nothing).
SourceClass ClassifySource(std::string_view text, const std::vector<Token>& tokens, std::size_t first,
                           std::size_t end, bool sentence_initial);

// Returns the state-affiliated outlets named anywhere in tokens [first, end),
// as spans with their table description.
struct OutletMention {
  Span span;
  std::string outlet;
};
std::vector<OutletMention> FindStateOutletMentions(std::string_view text, const std::vector<Token>& tokens,
                                                   std::size_t first, std::size_t end);

}  // namespace credence::internal
