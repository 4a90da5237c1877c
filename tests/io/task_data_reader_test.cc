// Tests for reading the learned detectors' task files: good records come
// through with byte offsets and parts; a bad line is skipped with its reason
// (bad JSON, an offset outside the text, an unknown technique, a bad fold,
// label or part) and the rest of the file is still read.
#include "io/task_data_reader.h"

#include <gtest/gtest.h>

#include "tests/learned/synthetic_tasks.h"
#include "tests/test_support.h"

namespace credence::internal {
namespace {

class TaskDataReader : public credence::testing::TempDirTest {};

TEST_F(TaskDataReader, ReadsTheSyntheticFiles) {
  credence::testing::WriteSyntheticTasks(dir_);
  Result<TaskFile<PropagandaArticle>> articles = ReadPropagandaArticles(dir_ + "/propaganda.jsonl");
  ASSERT_TRUE(articles) << articles.error().ToString();
  EXPECT_TRUE(articles->errors.empty()) << articles->errors.front();
  ASSERT_EQ(articles->records.size(), 15u);
  const PropagandaArticle& a = articles->records[0];
  EXPECT_EQ(a.id, "a0");
  ASSERT_EQ(a.spans.size(), static_cast<std::size_t>(kTechniqueCount));
  EXPECT_EQ(a.text.substr(a.spans[0].span.start, a.spans[0].span.size()), "markeraword");
  EXPECT_EQ(a.spans[3].technique, Technique::kBlackAndWhiteFallacy);

  Result<TaskFile<LabelledText>> headlines = ReadLabelledTexts(dir_ + "/clickbait.jsonl", {"random", "publisher"});
  ASSERT_TRUE(headlines);
  ASSERT_EQ(headlines->records.size(), 100u);
  EXPECT_TRUE(headlines->records[0].positive);
  EXPECT_EQ(headlines->records[0].parts.at("random"), "train");
  EXPECT_EQ(headlines->records[0].parts.at("publisher"), "train");
}

TEST_F(TaskDataReader, SkipsBadLinesWithTheirReason) {
  const std::string path = Write("propaganda.jsonl",
                                 "{\"id\":\"ok\",\"fold\":1,\"text\":\"abc def\",\"spans\":[[0,3,\"Doubt\"]]}\n"
                                 "{not json\n"
                                 "{\"id\":\"far\",\"fold\":1,\"text\":\"abc\",\"spans\":[[0,9,\"Doubt\"]]}\n"
                                 "{\"id\":\"back\",\"fold\":1,\"text\":\"abc\",\"spans\":[[2,1,\"Doubt\"]]}\n"
                                 "{\"id\":\"who\",\"fold\":1,\"text\":\"abc\",\"spans\":[[0,1,\"Astroturf\"]]}\n"
                                 "{\"id\":\"fold\",\"fold\":7,\"text\":\"abc\",\"spans\":[]}\n"
                                 "{\"id\":\"neg\",\"fold\":1,\"text\":\"abc\",\"spans\":[[-1,2,\"Doubt\"]]}\n"
                                 "\n"
                                 "[1,2]\n");
  Result<TaskFile<PropagandaArticle>> file = ReadPropagandaArticles(path);
  ASSERT_TRUE(file);
  ASSERT_EQ(file->records.size(), 1u);
  EXPECT_EQ(file->records[0].id, "ok");
  ASSERT_EQ(file->errors.size(), 7u);
  EXPECT_NE(file->errors[0].find("line 2: bad JSON"), std::string::npos) << file->errors[0];
  EXPECT_NE(file->errors[1].find("outside the text"), std::string::npos) << file->errors[1];
  EXPECT_NE(file->errors[2].find("outside the text"), std::string::npos) << file->errors[2];
  EXPECT_NE(file->errors[3].find("unknown technique 'Astroturf'"), std::string::npos) << file->errors[3];
  EXPECT_NE(file->errors[4].find("'fold'"), std::string::npos) << file->errors[4];
  EXPECT_NE(file->errors[5].find("[start, end, technique]"), std::string::npos) << file->errors[5];
  EXPECT_NE(file->errors[6].find("line 9: not a JSON object"), std::string::npos) << file->errors[6];
}

TEST_F(TaskDataReader, LabelledTextsNeedALabelAndEveryPart) {
  const std::string path = Write("claims.jsonl",
                                 "{\"id\":\"1\",\"text\":\"It rose 4%.\",\"label\":1,\"part\":\"test\"}\n"
                                 "{\"id\":\"2\",\"text\":\"Hello.\",\"label\":\"yes\",\"part\":\"test\"}\n"
                                 "{\"id\":\"3\",\"text\":\"Hello.\",\"label\":0,\"part\":\"dev\"}\n"
                                 "{\"id\":\"4\",\"text\":\"Hello.\",\"label\":0}\n"
                                 "{\"id\":\"5\",\"text\":\"\",\"label\":0,\"part\":\"train\"}\n"
                                 "{\"id\":6,\"text\":\"Hi.\",\"label\":0,\"part\":\"train\"}\n");
  Result<TaskFile<LabelledText>> file = ReadLabelledTexts(path, {"part"});
  ASSERT_TRUE(file);
  ASSERT_EQ(file->records.size(), 1u);
  EXPECT_TRUE(file->records[0].positive);
  ASSERT_EQ(file->errors.size(), 5u);
  EXPECT_NE(file->errors[0].find("'label' must be 0 or 1"), std::string::npos);
  EXPECT_NE(file->errors[1].find("'part' must be"), std::string::npos);
  EXPECT_NE(file->errors[2].find("'part' must be"), std::string::npos);
  EXPECT_NE(file->errors[3].find("missing or empty"), std::string::npos);
  EXPECT_NE(file->errors[4].find("'id' is not a string"), std::string::npos);
}

TEST_F(TaskDataReader, AMissingFileIsAnError) {
  Result<TaskFile<LabelledText>> file = ReadLabelledTexts(dir_ + "/none.jsonl", {"part"});
  ASSERT_FALSE(file);
  EXPECT_EQ(file.error().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace credence::internal
