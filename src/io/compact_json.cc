// CompactJson (compact_json.h): nlohmann's compact output, written faster.
#include "io/compact_json.h"

#include <cstdint>

namespace credence::internal {

using Json = nlohmann::ordered_json;

void WriteJsonValue(const Json& value, JsonStream* json) {
  switch (value.type()) {
    case Json::value_t::null: json->Null(); return;
    case Json::value_t::boolean: json->Bool(value.get<bool>()); return;
    case Json::value_t::number_integer: json->Int(value.get<std::int64_t>()); return;
    case Json::value_t::number_unsigned: json->Uint(value.get<std::uint64_t>()); return;
    case Json::value_t::number_float: json->Double(value.get<double>()); return;
    case Json::value_t::string: json->String(value.get_ref<const std::string&>()); return;
    case Json::value_t::array:
      json->BeginArray();
      for (const Json& item : value) WriteJsonValue(item, json);
      json->EndArray();
      return;
    case Json::value_t::object:
      json->BeginObject();
      for (auto it = value.begin(); it != value.end(); ++it) {
        json->Key(it.key());
        WriteJsonValue(it.value(), json);
      }
      json->EndObject();
      return;
    default:  // binary, discarded: rare enough for nlohmann's own writer
      json->Raw(value.dump(-1, ' ', false, Json::error_handler_t::replace));
  }
}

std::string CompactJson(const Json& value) {
  std::string out;
  JsonStream json(&out);
  WriteJsonValue(value, &json);
  return out;
}

}  // namespace credence::internal
