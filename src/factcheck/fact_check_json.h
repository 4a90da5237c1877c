// A FactCheck as one JSON object: credence's fact-check JSONL format
// (docs/fact-checks.md), read from a collection and written into the index
// and the report.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "credence/fact_checks.h"
#include "credence/status.h"

namespace credence::internal {

// Reads a record of credence's format: "claim" required; the other fields
// strings (an integer id is kept as text), "date" ISO 8601, "falsity" a
// number from 0 to 1 (absent: from the verdict's words). Fails with
// kDataError naming the field that is wrong.
[[nodiscard]] Result<FactCheck> ReadFactCheckRecord(const nlohmann::json& j);

// The record as credence's format writes it: every field, null when empty.
nlohmann::json FactCheckToJson(const FactCheck& f);

// A match: the record's fields, then score, bm25 and words_shared (as
// `factchecks search --format json` and POST /v1/factchecks/search answer).
nlohmann::json FactCheckMatchToJson(const FactCheckMatch& m);

// `s` with control characters (ESC, NUL, ...) made spaces and white space
// runs made one space: what every text field of a record holds, so that no
// record can write escape sequences to a terminal or hide text after a NUL.
std::string CleanText(std::string_view s);

// Returns an error when the claim is missing or it or the headline is longer than kMaxClaimBytes.
[[nodiscard]] Status CheckClaim(const FactCheck& f);

// "2016-05-12T10:00:00Z" -> "2016-05-12"; "2016-05" and "2016" kept as they
// are; anything else (a month 13, "2016-05-junk") -> "".
std::string IsoDatePrefix(std::string_view s);

}  // namespace credence::internal
