// Writing a Report as JSON, the machine-readable form of credence's output.
// The layout is documented field by field in docs/report-schema.md and
// versioned by kReportSchemaVersion.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "credence/document.h"
#include "credence/report.h"

namespace credence::internal {

// Returns `report` as a JSON object whose keys keep the documented order.
// Every span becomes {"start", "end", "text"}, with text = doc.Slice(span);
// every string in it is valid UTF-8, so any dump() of it cannot throw.
// `only`, when not empty, names the top-level keys to make (the others are
// left out, and not built).
// REQUIRES: `report` was made from `doc`.
nlohmann::ordered_json ReportToJson(const Document& doc, const Report& report,
                                    const std::vector<std::string>& only = {});

// Returns the JSON text of ReportToJson(doc, report): indented by two spaces
// when `pretty`, else on one line; ends with a newline either way.
// REQUIRES: `report` was made from `doc`.
std::string WriteJsonReport(const Document& doc, const Report& report, bool pretty);

}  // namespace credence::internal
