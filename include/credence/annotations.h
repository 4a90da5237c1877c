// Quotes and attributions: who the article says said what.
//
// An attribution is a reporting phrase ("Sputnik has reported",
// "according to the source", "said Jane Doe") with its source and the kind
// of source behind it; a quote is a direct quotation, linked to the
// attribution that names its speaker when the text says who.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "credence/span.h"

namespace credence {

enum class SourceKind {
  kNamedPerson,            // "Jane Doe", "President Obama"
  kInstitution,            // "the Pentagon", "the Ministry of Defence"
  kMediaOutlet,            // "Reuters", "The New York Times"
  kStateAffiliatedOutlet,  // "Sputnik", "RT", "Press TV" (data/state_affiliated_outlets.tsv)
  kAnonymous,              // "a source", "officials", "people familiar with the matter"
  kUnattributed,           // "it is reported", "reportedly"; or a pronoun with no antecedent
};

// Returns the stable snake_case name of `kind`, e.g. "state_affiliated_outlet".
std::string_view SourceKindName(SourceKind kind);

struct Attribution {
  Span span;                  // the whole phrase: source and reporting verb
  Span verb;                  // "has reported", "said", "according to"
  std::optional<Span> source; // the source's words; none for agentless phrases
  SourceKind kind = SourceKind::kUnattributed;
  std::string outlet;         // for outlets found in a table: its name and owner, e.g. "Sputnik (Russia)"
  std::string link;           // HTML input: the URL of a body link on the phrase (a cited source), or ""
};

struct Quote {
  Span span;                       // including the quotation marks
  Span inner;                      // the quoted words alone
  std::optional<Span> speaker;     // the source span of the attribution, if any
  int attribution = -1;            // index into Report::attributions, or -1
};

}  // namespace credence
