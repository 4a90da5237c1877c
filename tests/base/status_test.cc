// Tests for Status and the stable enum names written into reports.
#include "credence/annotations.h"
#include "credence/article.h"
#include "credence/status.h"

#include <gtest/gtest.h>

namespace credence {
namespace {

TEST(Status, DefaultIsOk) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.ToString(), "ok");
}

TEST(Status, CarriesCodeAndMessage) {
  Status s(StatusCode::kEmptyInput, "input is empty");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.ToString(), "empty_input: input is empty");
}

TEST(Result, HoldsErrorFromErrorHelper) {
  Result<int> r = Error(StatusCode::kNotFound, "no such file");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code(), StatusCode::kNotFound);
}

TEST(Names, AreSnakeCase) {
  EXPECT_EQ(RemovedCategoryName(RemovedCategory::kCommentPrompt), "comment_prompt");
  EXPECT_EQ(SourceKindName(SourceKind::kStateAffiliatedOutlet), "state_affiliated_outlet");
}

}  // namespace
}  // namespace credence
