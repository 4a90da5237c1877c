// POST /v1/factchecks/search bodies (factcheck_request.h).
#include "server/factcheck_request.h"

#include <nlohmann/json.hpp>

namespace credence::internal {

Result<FactCheckSearchRequest> ParseFactCheckSearchRequest(std::string_view json_body) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(json_body.begin(), json_body.end());
  } catch (const nlohmann::json::exception& e) {
    return Error(StatusCode::kInvalidArgument, std::string("the body is not JSON: ") + e.what());
  }
  if (!j.is_object()) return Error(StatusCode::kInvalidArgument, "the body must be a JSON object {\"text\": ...}");
  FactCheckSearchRequest r;
  for (const auto& [key, value] : j.items()) {
    if (key == "text") {
      if (!value.is_string()) return Error(StatusCode::kInvalidArgument, "\"text\" must be a string");
      r.text = value.get<std::string>();
    } else if (key == "k") {
      if (!value.is_number_integer() || value.get<long long>() < 1 || value.get<long long>() > static_cast<long long>(kMaxSearchMatches))
        return Error(StatusCode::kInvalidArgument, "\"k\" must be an integer from 1 to " + std::to_string(kMaxSearchMatches));
      r.k = value.get<std::size_t>();
    } else if (key == "min_score") {
      if (!value.is_number() || value.get<double>() < 0.0 || value.get<double>() > 1.0)
        return Error(StatusCode::kInvalidArgument, "\"min_score\" must be a number from 0 to 1");
      r.min_score = value.get<double>();
    } else {
      return Error(StatusCode::kInvalidArgument, "unknown field \"" + key + "\" (text, k, min_score)");
    }
  }
  if (r.text.find_first_not_of(" \t\r\n") == std::string::npos)
    return Error(StatusCode::kInvalidArgument, "\"text\" is missing or empty");
  if (r.text.size() > kMaxSearchTextBytes)
    return Error(StatusCode::kInvalidArgument, "\"text\" is " + std::to_string(r.text.size()) + " bytes; a search takes at most " +
                                                   std::to_string(kMaxSearchTextBytes) + " (a claim or a passage)");
  return r;
}

}  // namespace credence::internal
