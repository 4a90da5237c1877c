// Tests for POST /v1/factchecks/search bodies (src/server/factcheck_request.cc).
#include "server/factcheck_request.h"

#include <gtest/gtest.h>

#include <string>

namespace credence::internal {
namespace {

TEST(FactCheckSearchRequest, ReadsTextKAndMinScore) {
  Result<FactCheckSearchRequest> r = ParseFactCheckSearchRequest(R"({"text": "The ferry tax doubled.", "k": 3, "min_score": 0.2})");
  ASSERT_TRUE(r) << r.error().ToString();
  EXPECT_EQ(r->text, "The ferry tax doubled.");
  EXPECT_EQ(r->k, 3u);
  EXPECT_DOUBLE_EQ(r->min_score, 0.2);
  Result<FactCheckSearchRequest> d = ParseFactCheckSearchRequest(R"({"text": "x"})");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->k, 5u);
  EXPECT_DOUBLE_EQ(d->min_score, 0.5);
}

TEST(FactCheckSearchRequest, NamesWhatIsWrong) {
  auto why = [](const std::string& body) {
    Result<FactCheckSearchRequest> r = ParseFactCheckSearchRequest(body);
    EXPECT_FALSE(r) << body;
    return r ? std::string() : r.error().message();
  };
  EXPECT_NE(why("{oops").find("not JSON"), std::string::npos);
  EXPECT_NE(why("\"text\"").find("JSON object"), std::string::npos);
  EXPECT_NE(why("{}").find("missing or empty"), std::string::npos);
  EXPECT_NE(why(R"({"text": 3})").find("must be a string"), std::string::npos);
  EXPECT_NE(why(R"({"text": "x", "k": 51})").find("from 1 to 50"), std::string::npos);
  EXPECT_NE(why(R"({"text": "x", "k": 2.5})").find("from 1 to 50"), std::string::npos);
  EXPECT_NE(why(R"({"text": "x", "min_score": -1})").find("from 0 to 1"), std::string::npos);
  EXPECT_NE(why(R"({"text": "x", "extra": 1})").find("unknown field"), std::string::npos);
  EXPECT_NE(why("{\"text\": \"" + std::string(kMaxSearchTextBytes + 1, 'a') + "\"}").find("at most"), std::string::npos);
  EXPECT_NE(why("{\"text\": \"caf\xe9\"}").find("not JSON"), std::string::npos);
}

}  // namespace
}  // namespace credence::internal
