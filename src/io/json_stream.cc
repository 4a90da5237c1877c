// JsonStream (json_stream.h). Reports are mostly strings of article text, so
// the string writer copies runs of bytes that need no escape whole, eight
// bytes at a time, and checks UTF-8 in the same pass; the rare string that
// is not valid UTF-8 goes to nlohmann's own writer, the only way to replace
// its bad bytes exactly as nlohmann does.
#include "io/json_stream.h"

#include <cassert>
#include <charconv>
#include <cstring>

#include <nlohmann/json.hpp>

#include "text/utf8.h"

namespace credence::internal {
namespace {

// Whether byte `c` must be escaped in a JSON string: '"', '\\', controls.
bool NeedsEscape(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }

// Whether any of the eight bytes in `v` needs a look: an escape (a byte
// below 0x20, or '"' or '\\'), or a byte of a multi-byte character to
// check. Bit tricks from "Bit Twiddling Hacks".
bool ChunkNeedsLook(std::uint64_t v) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;
  auto has_zero = [&](std::uint64_t x) { return (x - kOnes) & ~x & kHighs; };
  const std::uint64_t below_space = (v - kOnes * 0x20) & ~v & kHighs;
  return ((v & kHighs) | below_space | has_zero(v ^ (kOnes * '"')) | has_zero(v ^ (kOnes * '\\'))) != 0;
}

// Appends nlohmann's escape for `c`: \" \\ \b \f \n \r \t, other controls
// as \u00xx in lower-case hex.
void AppendEscape(unsigned char c, std::string* out) {
  switch (c) {
    case '"': out->append("\\\""); return;
    case '\\': out->append("\\\\"); return;
    case '\b': out->append("\\b"); return;
    case '\f': out->append("\\f"); return;
    case '\n': out->append("\\n"); return;
    case '\r': out->append("\\r"); return;
    case '\t': out->append("\\t"); return;
    default: {
      static constexpr char kHex[] = "0123456789abcdef";
      const char escape[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
      out->append(escape, sizeof escape);
    }
  }
}

// Appends the JSON string for `s` and returns true; when `s` is not valid
// UTF-8, appends nothing and returns false.
bool AppendEscapedIfValid(std::string_view s, std::string* out) {
  const std::size_t rollback = out->size();
  out->push_back('"');
  std::size_t run = 0;  // start of the bytes not yet copied
  for (std::size_t i = 0; i < s.size();) {
    if (i + 8 <= s.size()) {
      std::uint64_t chunk;
      std::memcpy(&chunk, s.data() + i, 8);
      if (!ChunkNeedsLook(chunk)) {
        i += 8;
        continue;
      }
    }
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      const std::size_t length = ValidUtf8SequenceLength(s, i);
      if (length == 0) {
        out->resize(rollback);
        return false;
      }
      i += length;
      continue;
    }
    if (NeedsEscape(c)) {
      out->append(s.data() + run, i - run);
      AppendEscape(c, out);
      run = i + 1;
    }
    ++i;
  }
  out->append(s.data() + run, s.size() - run);
  out->push_back('"');
  return true;
}

// Whether `s` is printable ASCII with no '"' or '\\', as keys are: then it
// is written as it is, without the checks and the chunking that pay off on
// long strings of text.
bool IsPlainAscii(std::string_view s) {
  for (const char c : s) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x20 || b >= 0x80 || b == '"' || b == '\\') return false;
  }
  return true;
}

// Appends `s` as nlohmann writes it, invalid UTF-8 replaced its way.
void AppendEscapedOrReplaced(std::string_view s, std::string* out) {
  if (!AppendEscapedIfValid(s, out))
    out->append(nlohmann::json(std::string(s)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

template <typename Int>
void AppendInteger(Int v, std::string* out) {
  char buf[24];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  out->append(buf, static_cast<std::size_t>(end - buf));
}

}  // namespace

void JsonStream::BeginValue() {
  if (after_value_) out_->push_back(',');
  after_value_ = true;  // whatever follows this value in its container needs a comma
}

void JsonStream::Open(char bracket) {
  BeginValue();
  out_->push_back(bracket);
  after_value_ = false;
  ++depth_;
}

void JsonStream::Close(char bracket) {
  assert(depth_ > 0);
  out_->push_back(bracket);
  after_value_ = true;
  --depth_;
}

void JsonStream::BeginObject() { Open('{'); }
void JsonStream::EndObject() { Close('}'); }
void JsonStream::BeginArray() { Open('['); }
void JsonStream::EndArray() { Close(']'); }

JsonStream& JsonStream::Key(std::string_view key) {
  BeginValue();
  if (IsPlainAscii(key)) {
    out_->push_back('"');
    out_->append(key);
    out_->append("\":", 2);
  } else {
    AppendEscapedOrReplaced(key, out_);
    out_->push_back(':');
  }
  after_value_ = false;  // the value follows the colon without a comma
  return *this;
}

void JsonStream::String(std::string_view s) {
  BeginValue();
  AppendEscapedOrReplaced(s, out_);
}

void JsonStream::RepairedString(std::string_view s) {
  BeginValue();
  if (!AppendEscapedIfValid(s, out_)) AppendEscapedIfValid(ValidUtf8(s), out_);
}

bool JsonStream::StringIfValid(std::string_view s) {
  const std::size_t rollback = out_->size();
  const bool was_after_value = after_value_;
  BeginValue();
  if (AppendEscapedIfValid(s, out_)) return true;
  out_->resize(rollback);  // the comma BeginValue put
  after_value_ = was_after_value;
  return false;
}

void JsonStream::Int(std::int64_t v) {
  BeginValue();
  AppendInteger(v, out_);
}

void JsonStream::Uint(std::uint64_t v) {
  BeginValue();
  AppendInteger(v, out_);
}

void JsonStream::Double(double v) {
  // nlohmann's float formatting (Grisu2, its own exponent style) is not
  // public API; a report has a few dozen doubles, so dumping each is cheap.
  Raw(nlohmann::json(v).dump());
}

void JsonStream::Bool(bool v) { Raw(v ? "true" : "false"); }

void JsonStream::Null() { Raw("null"); }

void JsonStream::Raw(std::string_view json) {
  BeginValue();
  out_->append(json);
}

}  // namespace credence::internal
