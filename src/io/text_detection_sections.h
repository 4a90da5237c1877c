// The text report's sections for the learned detectors: the headline's
// clickbait probability, the propaganda technique passages, and the
// check-worthy claims.
#pragma once

#include <string>

#include "credence/document.h"
#include "credence/report.h"
#include "io/text_layout.h"

namespace credence::internal {

// Each appends nothing when its detector found nothing or was off.
void AppendHeadlineSection(std::string& out, const Report& r, const Painter& paint);
void AppendTechniquesSection(std::string& out, const Document& doc, const Report& r, const Painter& paint);
void AppendClaimsSection(std::string& out, const Document& doc, const Report& r, const Painter& paint);
// The fact-checks of claims like the article's (or why none were searched).
void AppendFactChecksSection(std::string& out, const Document& doc, const Report& r, const Painter& paint);
// "PolitiFact rated a similar statement False, 2016"; "Snopes checked a similar claim (no verdict in this collection)".
std::string FactCheckSentence(const FactCheck& f);

}  // namespace credence::internal
