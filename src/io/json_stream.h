// JsonStream: JSON written as it is made, straight into a string, with no
// tree in between. The caller says what comes next (BeginObject, Key,
// String, ...) and the stream puts in the commas and colons. The text is
// compact and byte for byte what nlohmann's
// dump(-1, ' ', false, error_handler_t::replace) writes for the same values:
// the same escapes, doubles in nlohmann's shortest round-trip form.
//
//   std::string out;
//   JsonStream json(&out);
//   json.BeginObject();
//   json.Key("start").Uint(3);
//   json.Key("text").String("said");
//   json.EndObject();  // out == R"({"start":3,"text":"said"})"
//
// The stream does not check that the calls make one well-formed value (a
// Key outside an object, an EndArray closing an object); debug builds
// assert on unbalanced ends only. Not thread-safe; one stream per string.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace credence::internal {

class JsonStream {
 public:
  // Appends to *out, which must outlive the stream.
  explicit JsonStream(std::string* out) : out_(out) {}

  JsonStream(const JsonStream&) = delete;
  JsonStream& operator=(const JsonStream&) = delete;

  void BeginObject();
  void EndObject();
  void BeginArray();
  void EndArray();

  // Writes an object member's key; the next call writes its value. Returns
  // *this, so that the value can follow: json.Key("end").Uint(7).
  // Invalid UTF-8 in `key` is replaced as String() replaces it.
  JsonStream& Key(std::string_view key);

  // Writes `s` as a JSON string. Bytes of invalid UTF-8 are replaced by
  // U+FFFD exactly as nlohmann's error_handler_t::replace does.
  void String(std::string_view s);
  // Writes `s` as a JSON string after credence's own repair, ValidUtf8(s)
  // (text/utf8.h): each byte of an invalid sequence becomes U+FFFD.
  void RepairedString(std::string_view s);
  // Writes `s` as a JSON string and returns true when it is valid UTF-8;
  // else writes nothing and returns false, for the caller to write
  // something else in its place.
  [[nodiscard]] bool StringIfValid(std::string_view s);

  void Int(std::int64_t v);
  void Uint(std::uint64_t v);
  // Writes `v` as nlohmann does: shortest round-trip digits, "1.0" for a
  // whole number, null for NaN and infinities.
  void Double(double v);
  void Bool(bool v);
  void Null();

  // Writes `json`, which must be one complete JSON value, as it is.
  void Raw(std::string_view json);

 private:
  // Puts the comma before a value or key that follows another in the same
  // array or object, and notes that whatever follows this one needs one.
  void BeginValue();
  // Starts or ends an object or array: `bracket` is one of {}[].
  void Open(char bracket);
  void Close(char bracket);

  std::string* out_;
  bool after_value_ = false;  // a value or member was just written: the next needs a comma
  int depth_ = 0;             // open objects and arrays, for the asserts
};

}  // namespace credence::internal
