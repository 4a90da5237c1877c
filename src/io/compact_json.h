// CompactJson: a JSON tree as one line of text, exactly as nlohmann's
// dump(-1, ' ', false, error_handler_t::replace) writes it, but several
// times faster on reports, which are mostly strings of article text: the
// tree is walked into a JsonStream (json_stream.h), whose string writer
// copies runs of characters that need no escape whole.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "io/json_stream.h"

namespace credence::internal {

// Writes `value` to `json` as its next value.
void WriteJsonValue(const nlohmann::ordered_json& value, JsonStream* json);

// Returns `value` as compact JSON.
std::string CompactJson(const nlohmann::ordered_json& value);

}  // namespace credence::internal
