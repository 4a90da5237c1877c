// CompactJson (compact_json.h): nlohmann's compact output, written faster.
#include "io/compact_json.h"

#include <charconv>
#include <cstring>
#include <cstdint>
#include <string_view>

#include "text/utf8.h"

namespace credence::internal {
namespace {

using Json = nlohmann::ordered_json;

// Whether byte `c` must be escaped in a JSON string: '"', '\\', controls.
bool NeedsEscape(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }

// Whether any of the eight bytes in `v` needs an escape (bit tricks from
// "Bit Twiddling Hacks": a byte below 0x20, or equal to '"' or '\\').
bool ChunkNeedsEscape(std::uint64_t v) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;
  auto has_zero = [&](std::uint64_t x) { return (x - kOnes) & ~x & kHighs; };
  const std::uint64_t below_space = (v - kOnes * 0x20) & ~v & kHighs;
  return (below_space | has_zero(v ^ (kOnes * '"')) | has_zero(v ^ (kOnes * '\\'))) != 0;
}

// Appends the JSON string for `s` (valid UTF-8), with nlohmann's escapes:
// \" \\ \b \f \n \r \t, other controls as \u00xx in lower-case hex.
void AppendValidString(std::string_view s, std::string* out) {
  out->push_back('"');
  std::size_t run = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i + 8 <= s.size()) {  // eight bytes at a time while none needs an escape
      std::uint64_t chunk;
      std::memcpy(&chunk, s.data() + i, 8);
      if (!ChunkNeedsEscape(chunk)) {
        i += 7;
        continue;
      }
    }
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (!NeedsEscape(c)) continue;
    out->append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\b': out->append("\\b"); break;
      case '\f': out->append("\\f"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        const char escape[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
        out->append(escape, sizeof escape);
      }
    }
  }
  out->append(s.data() + run, s.size() - run);
  out->push_back('"');
}

template <typename Int>
void AppendInteger(Int v, std::string* out) {
  char buf[24];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  out->append(buf, static_cast<std::size_t>(end - buf));
}

}  // namespace

void AppendCompactJson(const Json& value, std::string* out) {
  switch (value.type()) {
    case Json::value_t::null: out->append("null"); return;
    case Json::value_t::boolean: out->append(value.get<bool>() ? "true" : "false"); return;
    case Json::value_t::number_integer: AppendInteger(value.get<std::int64_t>(), out); return;
    case Json::value_t::number_unsigned: AppendInteger(value.get<std::uint64_t>(), out); return;
    case Json::value_t::string: {
      const std::string& s = value.get_ref<const std::string&>();
      if (IsValidUtf8(s)) AppendValidString(s, out);
      else out->append(value.dump(-1, ' ', false, Json::error_handler_t::replace));
      return;
    }
    case Json::value_t::array: {
      out->push_back('[');
      bool first = true;
      for (const Json& item : value) {
        if (!first) out->push_back(',');
        first = false;
        AppendCompactJson(item, out);
      }
      out->push_back(']');
      return;
    }
    case Json::value_t::object: {
      out->push_back('{');
      bool first = true;
      for (const auto& [key, item] : value.items()) {
        if (!first) out->push_back(',');
        first = false;
        if (IsValidUtf8(key)) AppendValidString(key, out);
        else out->append(Json(key).dump(-1, ' ', false, Json::error_handler_t::replace));
        out->push_back(':');
        AppendCompactJson(item, out);
      }
      out->push_back('}');
      return;
    }
    default:  // floating point (nlohmann's shortest round-trip form), binary, discarded
      out->append(value.dump(-1, ' ', false, Json::error_handler_t::replace));
  }
}

std::string CompactJson(const Json& value) {
  std::string out;
  AppendCompactJson(value, &out);
  return out;
}

}  // namespace credence::internal
