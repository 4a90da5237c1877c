// Tests for JsonStream (src/io/json_stream.cc): byte for byte what nlohmann's
// compact dump writes for the same values (escapes, invalid UTF-8, numbers
// of each kind, nesting, empty containers), commas and colons put in the
// right places, and the string policies.
#include "io/json_stream.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "text/utf8.h"

namespace credence::internal {
namespace {

using Json = nlohmann::ordered_json;

std::string NlohmannDump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

// Returns what `write` puts into a fresh stream.
template <typename Write>
std::string Streamed(const Write& write) {
  std::string out;
  JsonStream json(&out);
  write(json);
  return out;
}

std::vector<std::string> TrickyStrings() {
  std::string controls;
  for (int c = 0; c < 0x20; ++c) controls.push_back(static_cast<char>(c));
  std::vector<std::string> strings = {
      "", "plain", "quote \" backslash \\ slash /", controls, std::string("NUL \0 inside", 12),
      "caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d \xf0\x9f\x98\x80 \xf4\x8f\xbf\xbf",
      "\x7f del \xc2\x85 nel \xe2\x80\xa8",
      "bad \xff byte", "truncated \xe2\x80", "surrogate \xed\xa0\x80", "overlong \xc0\xaf", "\xf5\x80\x80\x80 too high",
      "\xe2\x80\xe2\x80\x9c two starts", "cut at the end \xf0\x9f\x98"};
  // An escape at every place in and around the eight-byte chunks.
  for (std::size_t at = 0; at < 20; ++at) {
    for (const char c : {'"', '\\', '\n', '\x01', '\x1f'}) {
      std::string s(20, 'a');
      s[at] = c;
      strings.push_back(s);
    }
    std::string bad(20, 'b');
    bad[at] = '\xff';
    strings.push_back(bad);
  }
  return strings;
}

TEST(JsonStream, StringsEqualNlohmann) {
  for (const std::string& s : TrickyStrings()) {
    EXPECT_EQ(Streamed([&](JsonStream& json) { json.String(s); }), NlohmannDump(Json(s))) << NlohmannDump(Json(s));
  }
}

TEST(JsonStream, KeysEqualNlohmann) {
  for (const std::string& s : TrickyStrings()) {
    const std::string got = Streamed([&](JsonStream& json) {
      json.BeginObject();
      json.Key(s).Int(1);
      json.EndObject();
    });
    EXPECT_EQ(got, NlohmannDump(Json{{s, 1}})) << NlohmannDump(Json(s));
  }
}

TEST(JsonStream, RepairedStringIsValidUtf8OfTheString) {
  for (const std::string& s : TrickyStrings()) {
    EXPECT_EQ(Streamed([&](JsonStream& json) { json.RepairedString(s); }), NlohmannDump(Json(ValidUtf8(s))))
        << NlohmannDump(Json(s));
  }
}

TEST(JsonStream, StringIfValidWritesValidStringsOnly) {
  for (const std::string& s : TrickyStrings()) {
    bool written = false;
    const std::string got = Streamed([&](JsonStream& json) {
      json.BeginArray();
      json.Int(1);
      written = json.StringIfValid(s);
      json.Int(2);
      json.EndArray();
    });
    EXPECT_EQ(written, IsValidUtf8(s));
    EXPECT_EQ(got, written ? NlohmannDump(Json::array({1, s, 2})) : "[1,2]") << NlohmannDump(Json(s));
  }
}

TEST(JsonStream, IntegersEqualNlohmann) {
  for (const std::int64_t v : {std::int64_t{0}, std::int64_t{-1}, std::int64_t{42},
                               std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max()})
    EXPECT_EQ(Streamed([&](JsonStream& json) { json.Int(v); }), NlohmannDump(Json(v)));
  for (const std::uint64_t v : {std::uint64_t{0}, std::uint64_t{7}, std::numeric_limits<std::uint64_t>::max()})
    EXPECT_EQ(Streamed([&](JsonStream& json) { json.Uint(v); }), NlohmannDump(Json(v)));
}

TEST(JsonStream, DoublesEqualNlohmann) {
  const double values[] = {0.0, -0.0, 0.5, 1.0, -2.0, 0.35, 0.1 + 0.2, 92.207792, 7.7922080000000005, -2.25e-7,
                           1e-5, 1e16, 1e21, 1e300, 123456789.123, 5e-324, std::numeric_limits<double>::max(),
                           std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity(),
                           -std::numeric_limits<double>::infinity()};
  for (const double v : values)
    EXPECT_EQ(Streamed([&](JsonStream& json) { json.Double(v); }), NlohmannDump(Json(v))) << v;
  EXPECT_EQ(Streamed([](JsonStream& json) { json.Double(1.0); }), "1.0");
  EXPECT_EQ(Streamed([](JsonStream& json) { json.Double(std::nan("")); }), "null");
}

TEST(JsonStream, NestingAndCommasEqualNlohmann) {
  const Json expected = {
      {"a", Json::array()},
      {"b", Json::object()},
      {"c", Json::array({1, "two", nullptr, true, false, Json::array({3.5, Json::object()}), Json{{"k", -1}}})},
      {"d", Json{{"e", Json{{"f", Json::array({Json::array(), Json::array()})}}}}},
      {"g", "last"},
  };
  const std::string got = Streamed([](JsonStream& json) {
    json.BeginObject();
    json.Key("a").BeginArray();
    json.EndArray();
    json.Key("b").BeginObject();
    json.EndObject();
    json.Key("c").BeginArray();
    json.Int(1);
    json.String("two");
    json.Null();
    json.Bool(true);
    json.Bool(false);
    json.BeginArray();
    json.Double(3.5);
    json.BeginObject();
    json.EndObject();
    json.EndArray();
    json.BeginObject();
    json.Key("k").Int(-1);
    json.EndObject();
    json.EndArray();
    json.Key("d").BeginObject();
    json.Key("e").BeginObject();
    json.Key("f").BeginArray();
    json.BeginArray();
    json.EndArray();
    json.BeginArray();
    json.EndArray();
    json.EndArray();
    json.EndObject();
    json.EndObject();
    json.Key("g").String("last");
    json.EndObject();
  });
  EXPECT_EQ(got, NlohmannDump(expected));
}

TEST(JsonStream, RawIsAValueInItsPlace) {
  const std::string got = Streamed([](JsonStream& json) {
    json.BeginArray();
    json.Raw(R"({"x":[1,2]})");
    json.Raw("3");
    json.EndArray();
  });
  EXPECT_EQ(got, R"([{"x":[1,2]},3])");
}

TEST(JsonStream, AppendsToWhatTheStringHolds) {
  std::string out = "prefix ";
  JsonStream json(&out);
  json.BeginArray();
  json.Uint(1);
  json.EndArray();
  EXPECT_EQ(out, "prefix [1]");
}

}  // namespace
}  // namespace credence::internal
