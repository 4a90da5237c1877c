// Writing a Report as a readable terminal report: the article's parts, what
// was removed from the page, who is quoted and cited, and the cues with
// their strength and evidence.
#pragma once

#include <string>

#include "credence/document.h"
#include "credence/report.h"

namespace credence::internal {

// Returns the text report for `report`, lines wrapped or truncated to about
// 80 columns, never inside a UTF-8 code point. Uses ANSI colours only when
// `color` is true (the CLI passes isatty(stdout) && NO_COLOR unset).
// REQUIRES: `report` was made from `doc`.
std::string WriteTextReport(const Document& doc, const Report& report, bool color);

}  // namespace credence::internal
