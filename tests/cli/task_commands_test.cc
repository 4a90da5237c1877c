// Tests for `credence train --tasks` and `credence eval --tasks`
// (src/cli/task_commands.cc) on made-up task files: the four models are
// written and load into `credence analyze`, the evaluation prints its tables
// as text and JSON, and wrong options or files end with their exit codes.
#include <gtest/gtest.h>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "tests/learned/synthetic_tasks.h"
#include "tests/test_support.h"

namespace credence {
namespace {

class TaskCommands : public testing::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    tasks_ = dir_ + "/tasks";
    std::filesystem::create_directories(tasks_);
    testing::WriteSyntheticTasks(tasks_);
  }
  std::string tasks_;
};

TEST_F(TaskCommands, TrainWritesFourModelsThatAnalyzeLoads) {
  const std::string models = dir_ + "/models";
  testing::CommandOutcome run =
      testing::RunCredence(dir_, {"train", "--tasks", tasks_, "--out-dir", models, "--threads", "2", "--l2", "1e-3"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  for (const char* file : {"credence-propaganda-spans.bin", "credence-propaganda-techniques.bin",
                           "credence-claims.bin", "credence-clickbait.bin"}) {
    EXPECT_TRUE(std::filesystem::is_regular_file(models + "/" + file)) << file;
    EXPECT_NE(run.out.find(file), std::string::npos) << run.out;
  }
  const std::string article = Write("article.txt",
                                    "17 Things You Will Not Believe About Cats\n\n"
                                    "The budget grew by 12 percent in 2019. Officials said markeraword about the plan.\n"
                                    "Thank you all for coming tonight, friend.\n");
  testing::CommandOutcome analyzed = testing::RunCredence(
      dir_, {"analyze", article, "--format", "json", "--model", "", "--learned-models", models});
  ASSERT_EQ(analyzed.exit_code, 0) << analyzed.err;
  const nlohmann::json report = nlohmann::json::parse(analyzed.out);
  EXPECT_EQ(report["schema_version"], "1.5");
  ASSERT_FALSE(report["headline"].is_null());
  EXPECT_GT(report["headline"]["clickbait_probability"].get<double>(), 0.5);
  ASSERT_FALSE(report["claims"].empty());
  EXPECT_EQ(report["claims"][0]["text"], "The budget grew by 12 percent in 2019.");
  bool marker = false;
  for (const auto& t : report["techniques"]) marker |= t["text"] == "markeraword";
  EXPECT_TRUE(marker) << report["techniques"].dump();
  for (const auto& w : report["warnings"]) EXPECT_EQ(w.get<std::string>().find(" off:"), std::string::npos) << w;
}

TEST_F(TaskCommands, TrainOneTaskOnly) {
  testing::CommandOutcome run = testing::RunCredence(
      dir_, {"train", "--tasks", tasks_, "--out-dir", dir_ + "/m", "--task", "claims", "--threads", "1"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(std::filesystem::is_regular_file(dir_ + "/m/credence-claims.bin"));
  EXPECT_FALSE(std::filesystem::exists(dir_ + "/m/credence-clickbait.bin"));
}

TEST_F(TaskCommands, EvalPrintsEveryTable) {
  testing::CommandOutcome text =
      testing::RunCredence(dir_, {"eval", "--tasks", tasks_, "--folds", "1", "--threads", "2", "--l2", "1e-3"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  for (const char* expected : {"span identification: P", "technique classification of gold spans: micro-F1",
                               "Loaded_Language", "claims    part      credence", "clickbait random    credence",
                               "clickbait publisher hand-written rule"})
    EXPECT_NE(text.out.find(expected), std::string::npos) << expected << "\n" << text.out;

  testing::CommandOutcome json = testing::RunCredence(
      dir_, {"eval", "--tasks", tasks_, "--task", "clickbait", "--format", "json", "--threads", "1"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const nlohmann::json j = nlohmann::json::parse(json.out);
  EXPECT_FALSE(j.contains("propaganda"));
  ASSERT_EQ(j["sentences"].size(), 4u);  // two splits, the model and the rule on each
  EXPECT_EQ(j["sentences"][0]["split"], "random");
  EXPECT_EQ(j["sentences"][0]["test"], 20);
  EXPECT_GT(j["sentences"][0]["f1"].get<double>(), 0.8);
}

TEST_F(TaskCommands, BadOptionsAndFiles) {
  // --out-dir without --tasks, --tasks without --out-dir, --tasks with --corpus, an unknown task.
  EXPECT_EQ(testing::RunCredence(dir_, {"train", "--out-dir", dir_}).exit_code, 2);
  EXPECT_EQ(testing::RunCredence(dir_, {"train", "--tasks", tasks_}).exit_code, 2);
  EXPECT_EQ(testing::RunCredence(dir_, {"eval", "--tasks", tasks_, "--corpus", tasks_}).exit_code, 2);
  EXPECT_EQ(testing::RunCredence(dir_, {"eval", "--tasks", tasks_, "--task", "satire"}).exit_code, 2);
  EXPECT_EQ(testing::RunCredence(dir_, {"eval", "--tasks", tasks_, "--folds", "9"}).exit_code, 2);
  // A folder without the files: exit 3 with the file named.
  testing::CommandOutcome missing = testing::RunCredence(dir_, {"eval", "--tasks", dir_ + "/none", "--task", "claims"});
  EXPECT_EQ(missing.exit_code, 3);
  EXPECT_NE(missing.err.find("claims.jsonl"), std::string::npos) << missing.err;
  // A file of bad lines only: exit 7.
  std::filesystem::create_directories(dir_ + "/bad");
  Write("bad/claims.jsonl", "{nope\n");
  testing::CommandOutcome bad = testing::RunCredence(dir_, {"eval", "--tasks", dir_ + "/bad", "--task", "claims"});
  EXPECT_EQ(bad.exit_code, 7);
  EXPECT_NE(bad.err.find("skipped"), std::string::npos) << bad.err;
  // analyze with a folder that lacks the models: a named folder must load (exit 3).
  const std::string article = Write("a.txt", "Some text here.\n");
  EXPECT_EQ(testing::RunCredence(dir_, {"analyze", article, "--learned-models", dir_ + "/none"}).exit_code, 3);
}

}  // namespace
}  // namespace credence
