// Writing a Report as JSON, the machine-readable form of credence's output.
// The layout is documented field by field in docs/report-schema.md and
// versioned by kReportSchemaVersion. It is written in one place,
// WriteReportMembers with the sections of report_section_writer.h, by a
// streaming writer (json_stream.h); every other form (the text, the tree,
// the pretty print, batch lines) is made from that.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "credence/document.h"
#include "credence/report.h"
#include "io/json_stream.h"

namespace credence::internal {

// Writes the report's members, key and value in the documented order, into
// the object `json` has open (after any members already there). Every span
// becomes {"start", "end", "text"}, with text = doc.Slice(span); every
// string is valid UTF-8. `only`, when not empty, names the top-level keys to
// write; the others are left out, and not built.
// REQUIRES: `report` was made from `doc`; `json` is inside an object.
void WriteReportMembers(const Document& doc, const Report& report, const std::vector<std::string>& only,
                        JsonStream* json);

// Writes the member "error": {"kind": kind, "message": message} into the
// object `json` has open: the one shape of a failure that batch lines,
// Python's analyze_many items and HTTP answers share. Invalid UTF-8 in the
// message is repaired (ValidUtf8).
void WriteErrorMember(std::string_view kind, std::string_view message, JsonStream* json);

// Returns the report as compact JSON text, one object with no newline:
// byte for byte what nlohmann's compact dump of ReportToJson writes.
// REQUIRES: `report` was made from `doc`.
std::string ReportJsonText(const Document& doc, const Report& report, const std::vector<std::string>& only = {});

// Returns ReportJsonText parsed into a tree whose keys keep the documented
// order, for callers that change it or hand it on (Python, batch --fields).
// REQUIRES: `report` was made from `doc`.
nlohmann::ordered_json ReportToJson(const Document& doc, const Report& report,
                                    const std::vector<std::string>& only = {});

// Returns the JSON text of the report: indented by two spaces when
// `pretty`, else ReportJsonText; ends with a newline either way.
// REQUIRES: `report` was made from `doc`.
std::string WriteJsonReport(const Document& doc, const Report& report, bool pretty);

}  // namespace credence::internal
