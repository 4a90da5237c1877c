// CompactJson: a JSON value as one line of text, exactly as nlohmann's
// dump(-1, ' ', false, error_handler_t::replace) writes it, but several
// times faster on reports, which are mostly strings of article text: runs
// of characters that need no escape are copied whole, and a string is
// checked for valid UTF-8 once (an invalid one goes to nlohmann's own
// writer, which replaces the bad bytes with U+FFFD).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace credence::internal {

// Appends `value` to *out as compact JSON (no spaces, UTF-8 left as is).
void AppendCompactJson(const nlohmann::ordered_json& value, std::string* out);

// Returns `value` as compact JSON.
std::string CompactJson(const nlohmann::ordered_json& value);

}  // namespace credence::internal
