// Report: everything credence found in one Document, as the pipeline's
// stages made it. io/ writes it as JSON (schema in docs/report-schema.md) or
// as a readable text report.
//
// A Report refers to its Document through spans; keep the Document alive
// while writing the Report.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "credence/annotations.h"
#include "credence/article.h"
#include "credence/cue.h"
#include "credence/detections.h"
#include "credence/fact_checks.h"
#include "credence/html.h"
#include "credence/reputation.h"
#include "credence/structure.h"
#include "credence/verdict.h"

namespace credence {

// The version of the JSON report's layout. Bumped on any change to its fields.
inline constexpr const char* kReportSchemaVersion = "1.5";

struct Report {
  Article article;
  Structure structure;
  std::vector<Quote> quotes;
  std::vector<Attribution> attributions;
  std::vector<Cue> cues;                // only cues with strength > 0 or evidence
  // The learned detectors (detections.h); empty / none when their models are off.
  std::vector<TechniqueSpan> techniques;  // in input order, not overlapping
  std::vector<Claim> claims;              // check-worthy sentences, most check-worthy first
  std::optional<HeadlineAssessment> headline;  // none without a headline or a title
  FactCheckResults fact_checks;          // the claims' and headline's matches in the fact-check index
  std::optional<Verdict> verdict;       // the content model's score; none without a model
  std::optional<SiteReputation> site;   // the source lists' ratings of the url's site; none when unknown
  std::optional<PageInfo> page;         // for HTML input: the page's metadata and body links
  std::vector<std::string> warnings;    // e.g. repaired bytes, spelling dictionary missing
};

}  // namespace credence
