// Tests for `credence train` and `credence eval` (src/cli/model_commands.cc):
// a small invented corpus is written in the split layout of
// tools/build_corpus.py, a model is trained on it and evaluated, and each
// kind of bad input ends with its documented exit code and message.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/test_support.h"

namespace credence {
namespace {

using Json = nlohmann::ordered_json;

// One invented article: reliable ones quote named officials, unreliable ones shout.
std::string Record(int i, bool unreliable, const std::string& dataset) {
  const std::string topic[] = {"the bridge", "the school budget", "the harbour", "the water plant", "the rail line"};
  const std::string& t = topic[i % 5];
  std::string text = unreliable
                         ? "SHOCKING: what they are hiding about " + t + "! Insiders say the truth will stun you. " +
                               "Share this before it is deleted! The mainstream media will never tell you."
                         : "The council approved money for " + t + " on Tuesday, officials said in a statement. " +
                               "\"We expect work to start in spring,\" said Mayor Ana Ruiz, according to minutes.";
  Json j = {{"id", dataset + "-" + std::to_string(i)},
            {"dataset", dataset},
            {"domain", "site" + std::to_string(i) + ".example"},
            {"url", "https://site" + std::to_string(i) + ".example/story"},
            {"title", unreliable ? "You won't believe " + t : "Council funds " + t},
            {"text", text + " Story number " + std::to_string(i) + "."},
            {"label", unreliable ? "unreliable" : "reliable"}};
  return j.dump() + "\n";
}

class ModelCommands : public testing::TempDirTest {
 protected:
  // Writes corpus/splits/{site,random}/{train,valid,test}.jsonl and eval_only.jsonl.
  std::string WriteCorpus() {
    const std::string corpus = dir_ + "/corpus";
    int next = 0;
    for (const std::string split : {"site", "random"}) {
      std::filesystem::create_directories(corpus + "/splits/" + split);
      for (const auto& [part, n] : std::vector<std::pair<std::string, int>>{{"train", 40}, {"valid", 12}, {"test", 12}}) {
        std::string lines;
        for (int i = 0; i < n; ++i, ++next)
          lines += Record(next, i % 3 == 0, i % 2 == 0 ? "set_a" : "set_b");
        Write("corpus/splits/" + split + "/" + part + ".jsonl", lines);
      }
    }
    std::string eval_only;
    for (int i = 0; i < 6; ++i, ++next) eval_only += Record(next, i % 2 == 0, "set_c");
    Write("corpus/splits/eval_only.jsonl", eval_only);
    return corpus;
  }
  testing::CommandOutcome Credence(const std::vector<std::string>& args) { return testing::RunCredence(dir_, args); }
};

TEST_F(ModelCommands, TrainWritesAModelThatEvalAndAnalyzeUse) {
  const std::string corpus = WriteCorpus();
  const std::string model = dir_ + "/model.bin";
  auto train = Credence({"train", "--corpus", corpus, "--out", model, "--buckets", "4096", "--threads", "2"});
  ASSERT_EQ(train.exit_code, 0) << train.err;
  EXPECT_NE(train.out.find("validation: AUC"), std::string::npos) << train.out;
  // Header, float16 weights for 4096 buckets and 20 dense features, one head entry.
  EXPECT_EQ(std::filesystem::file_size(model), 160 + 2 * (4096 + 20u) + 64);

  auto eval = Credence({"eval", "--model", model, "--test", corpus + "/splits/site/test.jsonl", "--format", "json",
                        "--predictions", dir_ + "/pred.jsonl"});
  ASSERT_EQ(eval.exit_code, 0) << eval.err;
  Json j = Json::parse(eval.out);
  ASSERT_EQ(j.size(), 1u);
  const Json& all = j[0]["rows"][0];
  EXPECT_EQ(all["subset"], "all");
  EXPECT_EQ(all["count"], 12);
  EXPECT_GT(all["roc_auc"].get<double>(), 0.9);  // the invented classes are easy to tell apart
  EXPECT_GT(j[0]["speed_one_thread"]["model_articles_per_second"].get<double>(), 0.0);
  std::string predictions = testing::ReadFileOrEmpty(dir_ + "/pred.jsonl");
  EXPECT_EQ(std::count(predictions.begin(), predictions.end(), '\n'), 12);

  const std::string article = Write("a.txt", "SHOCKING: what they are hiding about the bridge! Share this now!\n");
  auto analyze = Credence({"analyze", article, "--format", "json", "--model", model});
  ASSERT_EQ(analyze.exit_code, 0) << analyze.err;
  Json report = Json::parse(analyze.out);
  ASSERT_TRUE(report["verdict"].is_object());
  EXPECT_GT(report["verdict"]["probability_unreliable"].get<double>(), 0.5);
  double sum = report["verdict"]["bias"].get<double>() + report["verdict"]["rest"].get<double>();
  for (const Json& f : report["verdict"]["top_features"]) sum += f["contribution"].get<double>();
  EXPECT_NEAR(sum, report["verdict"]["logit"].get<double>(), 1e-5);

  auto off = Credence({"analyze", article, "--format", "json", "--model", ""});
  ASSERT_EQ(off.exit_code, 0) << off.err;
  EXPECT_TRUE(Json::parse(off.out)["verdict"].is_null());
}

TEST_F(ModelCommands, EvalCorpusRunsEverySplitAndWritesTheHtmlReport) {
  const std::string corpus = WriteCorpus();
  auto eval = Credence({"eval", "--corpus", corpus, "--buckets", "4096", "--report", dir_ + "/report", "--format", "json"});
  ASSERT_EQ(eval.exit_code, 0) << eval.err;
  Json j = Json::parse(eval.out);
  std::vector<std::string> seen;
  for (const Json& row : j["rows"]) seen.push_back(row["trained"].get<std::string>() + ">" + row["tested"].get<std::string>());
  for (const char* want : {"site/train>site/test", "site/train>eval_only", "random/train>random/test"})
    EXPECT_NE(std::find(seen.begin(), seen.end(), want), seen.end()) << want;
  EXPECT_FALSE(j["cross"].empty());
  const std::string html = testing::ReadFileOrEmpty(dir_ + "/report/index.html");
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_NE(html.find("Reliability diagram"), std::string::npos);
  EXPECT_TRUE(Json::parse(testing::ReadFileOrEmpty(dir_ + "/report/results.json")).contains("rows"));
}

TEST_F(ModelCommands, BadLinesAreReportedAndTheRestIsUsed) {
  const std::string corpus = WriteCorpus();
  const std::string train = corpus + "/splits/site/train.jsonl";
  Write("corpus/splits/site/train.jsonl", testing::ReadFileOrEmpty(train) + "{not json\n" +
                                              "{\"id\":\"x\",\"text\":\"t\",\"label\":\"maybe\"}\n");
  auto run = Credence({"train", "--corpus", corpus, "--out", dir_ + "/m.bin", "--buckets", "4096"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.err.find("line 41: bad JSON"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("line 42: field 'label'"), std::string::npos) << run.err;
}

TEST_F(ModelCommands, ErrorsHaveTheirExitCodes) {
  const std::string corpus = WriteCorpus();
  // A missing corpus: 3.
  auto missing = Credence({"train", "--corpus", dir_ + "/nowhere", "--out", dir_ + "/m.bin"});
  EXPECT_EQ(missing.exit_code, 3);
  EXPECT_NE(missing.err.find("cannot open"), std::string::npos) << missing.err;
  // One label only in training: 2.
  std::string one_label;
  for (int i = 0; i < 10; ++i) one_label += Record(100 + i, false, "set_a");
  const std::string only = Write("only_reliable.jsonl", one_label);
  auto one = Credence({"train", "--train", only, "--valid", corpus + "/splits/site/valid.jsonl", "--out", dir_ + "/m.bin"});
  EXPECT_EQ(one.exit_code, 2);
  EXPECT_NE(one.err.find("both labels"), std::string::npos) << one.err;
  // Bad options: 2.
  EXPECT_EQ(Credence({"train", "--corpus", corpus, "--out", dir_ + "/m.bin", "--buckets", "1000"}).exit_code, 2);
  EXPECT_EQ(Credence({"train", "--corpus", corpus}).exit_code, 2);  // no --out
  EXPECT_EQ(Credence({"eval", "--model", dir_ + "/m.bin"}).exit_code, 2);  // no --test
  // A file that is not a model: 7; a missing model: 3.
  const std::string not_model = Write("not_model.bin", std::string(200, 'x'));
  auto bad = Credence({"eval", "--model", not_model, "--test", corpus + "/splits/site/test.jsonl"});
  EXPECT_EQ(bad.exit_code, 7);
  EXPECT_NE(bad.err.find("not a credence model"), std::string::npos) << bad.err;
  EXPECT_EQ(Credence({"analyze", not_model, "--model", dir_ + "/absent.bin"}).exit_code, 3);
  // Nothing written where training failed.
  EXPECT_FALSE(std::filesystem::exists(dir_ + "/m.bin"));
}

}  // namespace
}  // namespace credence
