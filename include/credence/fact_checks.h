// Fact-checks: published verdicts on claims (PolitiFact, Snopes, or a
// user's own collection) that credence matches against an article's
// sentences, so that a reader sees "PolitiFact rated a similar statement
// False" beside the claim. How collections are read, indexed and searched:
// docs/fact-checks.md.
//
//   credence::FactCheck f{.claim = "Vaccines contain microchips.", .verdict = "False", .publisher = "Example"};
//
// Plain values: safe to copy and share across threads.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "credence/span.h"

namespace credence {

// One published fact-check, as credence's JSONL format and schema.org
// ClaimReview both give it. Only `claim` is required; an unknown field is
// empty (a number: nullopt).
struct FactCheck {
  std::string id;            // unique within a collection: the record's own id, its URL, or "FILE:N"
  std::string claim;         // the claim as the fact-checker states it
  std::string title;         // the fact-check article's headline, when known
  std::string verdict;       // the rating in the publisher's words ("False", "Pants on Fire", "Mixture")
  std::string rating_scale;  // the scale the verdict belongs to ("1 (worst) to 5 (best)", a name)
  // How false the verdict says the claim is, 0 (true) to 1 (false): from
  // the record, a numeric rating on its scale, or the verdict's words; nullopt
  // when the record gives none that credence can read (docs/fact-checks.md).
  std::optional<double> falsity;
  std::string publisher;     // who checked it: "PolitiFact", "Snopes", ...
  std::string date;          // the fact-check's date, ISO 8601 (YYYY-MM-DD or a prefix of it)
  std::string url;           // the fact-check article
  std::string language;      // BCP 47 code, e.g. "en"
  std::string speaker;       // who made the claim, when known
  std::string source;        // provenance: the collection and the record in it
};

// A fact-check that matches a passage of the article, with how well.
struct FactCheckMatch {
  FactCheck fact_check;
  double score = 0.0;  // the re-ranker's probability that the fact-check checks this claim (0..1)
  double bm25 = 0.0;   // the lexical first stage's score
  // Share of the fact-check's distinct words (stemmed, without function
  // words) that the passage holds: what a reader can check at a glance.
  double words_shared = 0.0;
};

// A fact-check that matches a passage of the article (a check-worthy
// sentence or the headline).
struct FactCheckFinding {
  Span span;  // the passage
  FactCheckMatch match;
};

// What the article's passages matched in the fact-check index.
struct FactCheckResults {
  bool searched = false;   // false when there was no index to search (see note)
  std::string note;        // why nothing was searched, or ""
  std::string index;       // the index file searched
  std::size_t index_size = 0;  // fact-checks in it
  double min_score = 0.0;  // the lowest re-ranker probability reported
  // One entry per fact-check matched (at its best passage), best first.
  std::vector<FactCheckFinding> matches;
};

}  // namespace credence
