// Tests for the `credence` binary (src/cli/): runs it as a user would, with
// standard input from a file, and checks the exit code, standard output and
// standard error for good input and for each kind of bad input.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "credence/report.h"
#include "tests/test_support.h"

namespace credence {
namespace {

using Json = nlohmann::ordered_json;

using Outcome = testing::CommandOutcome;

class AnalyzeCommand : public testing::TempDirTest {
 protected:
  Outcome Credence(const std::vector<std::string>& args, const std::string& stdin_path = "/dev/null") {
    return testing::RunCredence(dir_, args, stdin_path);
  }
};

// Calls `check` on every {"start","end","text"} object inside `j`.
void ForEachSpan(const Json& j, const std::function<void(const Json&)>& check) {
  if (j.is_object() && j.contains("start") && j.contains("end") && j.contains("text")) check(j);
  if (j.is_structured())
    for (const Json& child : j) ForEachSpan(child, check);
}

const char* const kArticle =
    "Storm closes schools\n\nA summary line for the story.\n\n"
    "Officials said on Monday that schools would close. \"We are being careful,\" said Jane Doe, a spokeswoman.\n";

TEST_F(AnalyzeCommand, VersionAndHelpExitZero) {
  Outcome version = Credence({"--version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.out.rfind("credence " CREDENCE_VERSION "\n", 0), 0u) << version.out;
  EXPECT_NE(version.out.find(std::string("report schema ") + kReportSchemaVersion + "\n"), std::string::npos);
  for (const char* line : {"build: ", "content model: ", "learned detectors: ", "fact-check index: ", "fact-check re-ranker: "})
    EXPECT_NE(version.out.find(std::string("\n") + line), std::string::npos) << line;
  Outcome help = Credence({"analyze", "--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("--max-bytes"), std::string::npos);
}

TEST_F(AnalyzeCommand, JsonOutputParsesWithEveryKeyAndExactSpans) {
  std::string input = kArticle;
  std::string path = Write("article.txt", input);
  Outcome run = Credence({"analyze", path, "--format", "json", "--url", "https://example.com/x"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  Json j = Json::parse(run.out);
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"schema_version", "credence_version", "input", "verdict", "site", "page",
                                            "article", "removed", "structure", "quotes", "attributions", "cues", "techniques", "claims", "headline", "fact_checks",
                                            "warnings"}));
  EXPECT_EQ(j["schema_version"], "1.5");
  EXPECT_EQ(j["input"]["bytes"], input.size());
  EXPECT_EQ(j["input"]["url"], "https://example.com/x");
  int spans = 0;
  ForEachSpan(j, [&](const Json& s) {
    std::size_t start = s["start"], end = s["end"];
    ASSERT_LE(start, end);
    ASSERT_LE(end, input.size());
    EXPECT_EQ(s["text"].get<std::string>(), input.substr(start, end - start));
    ++spans;
  });
  EXPECT_GT(spans, 3);
}

TEST_F(AnalyzeCommand, ReferenceSampleFromStandardInputAsText) {
  std::string sample = testing::SharedDir() + "/samples/theduran-deir-ez-zor.txt";
  if (testing::ReadFileOrEmpty(sample).empty()) GTEST_SKIP() << "no reference sample under " << testing::SharedDir();
  Outcome run = Credence({"analyze", "--color", "never"}, sample);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("US colluded with ISIS in Deir ez-Zor"), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find('\x1b'), std::string::npos);
  EXPECT_NE(Credence({"analyze", "--color", "always"}, sample).out.find("\x1b["), std::string::npos);
}

TEST_F(AnalyzeCommand, MissingFileExits3) {
  Outcome run = Credence({"analyze", dir_ + "/missing.txt"});
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_NE(run.err.find("credence: error:"), std::string::npos);
  EXPECT_NE(run.err.find("missing.txt"), std::string::npos) << run.err;
}

TEST_F(AnalyzeCommand, DirectoryExits3) {
  Outcome run = Credence({"analyze", dir_});
  EXPECT_EQ(run.exit_code, 3) << run.err;
  EXPECT_NE(run.err.find("directory"), std::string::npos) << run.err;
}

TEST_F(AnalyzeCommand, EmptyFileExits4) {
  Outcome run = Credence({"analyze", Write("empty.txt", "")});
  EXPECT_EQ(run.exit_code, 4) << run.err;
  EXPECT_TRUE(run.out.empty());
}

TEST_F(AnalyzeCommand, WhiteSpaceOnlyStandardInputExits4) {
  Outcome run = Credence({"analyze", "-"}, Write("blank.txt", "  \n\t\r\n   \n"));
  EXPECT_EQ(run.exit_code, 4) << run.err;
}

TEST_F(AnalyzeCommand, NulBytesInTextAreRepairedAndWarned) {
  constexpr char kTail[] = "Trailing\0words here.\n";
  std::string input = std::string(kArticle) + std::string(kTail, sizeof kTail - 1);
  Outcome run = Credence({"analyze", Write("nul.txt", input), "--format", "json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.err.find("credence: warning: 1 NUL"), std::string::npos) << run.err;
  EXPECT_EQ(Json::parse(run.out)["input"]["nul_bytes"], 1);
}

TEST_F(AnalyzeCommand, BinaryInputExits5) {
  constexpr char kPng[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0";
  std::string png(kPng, sizeof kPng - 1);
  std::string bytes = png;
  uint32_t x = 12345;
  for (int i = 0; i < 4000; ++i) {
    x = x * 1103515245u + 12345u;
    bytes.push_back(static_cast<char>(i % 3 == 0 ? 0 : x >> 24));
  }
  Outcome run = Credence({"analyze", Write("image.png", bytes)});
  EXPECT_EQ(run.exit_code, 5) << run.err;
  EXPECT_NE(run.err.find("credence: error:"), std::string::npos) << run.err;
}

TEST_F(AnalyzeCommand, InvalidUtf8IsRepairedAndJsonStaysValid) {
  std::string input = std::string(kArticle) + "Caf\xE9 au lait \xFF\xFE costs \xC3 more.\n";
  Outcome run = Credence({"analyze", Write("latin1.txt", input), "--format", "json", "--compact"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.err.find("credence: warning: 4 bytes of invalid UTF-8"), std::string::npos) << run.err;
  Json j = Json::parse(run.out);  // nlohmann rejects invalid UTF-8
  EXPECT_EQ(j["input"]["invalid_utf8_bytes"], 4);
  EXPECT_NE(run.out.find("\xEF\xBF\xBD"), std::string::npos);
  EXPECT_EQ(std::count(run.out.begin(), run.out.end(), '\n'), 1);
}

TEST_F(AnalyzeCommand, FileOverMaxBytesExits6) {
  std::string path = Write("big.txt", std::string(kArticle) + std::string(2000, 'a'));
  Outcome run = Credence({"analyze", path, "--max-bytes", "1K"});
  EXPECT_EQ(run.exit_code, 6) << run.err;
  EXPECT_NE(run.err.find("1024 bytes"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("--max-bytes"), std::string::npos) << run.err;
  EXPECT_EQ(Credence({"analyze", path, "--max-bytes", "1M"}).exit_code, 0);
}

TEST_F(AnalyzeCommand, StandardInputOverMaxBytesExits6) {
  Outcome run = Credence({"analyze", "--max-bytes", "64K"}, "/dev/zero");
  EXPECT_EQ(run.exit_code, 6) << run.err;
}

TEST_F(AnalyzeCommand, UsageErrorsExit2) {
  std::string path = Write("a.txt", kArticle);
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"analyze", path, "--format", "xml"}, {"analyze", path, "--no-such-option"},
        {"analyze", path, "--max-bytes", "lots"}, {"analyze", path, "--color", "sometimes"}, {"frobnicate"}, {}}) {
    Outcome run = Credence(args);
    EXPECT_EQ(run.exit_code, 2) << (args.empty() ? "(no args)" : args.back()) << ": " << run.err;
    EXPECT_NE(run.err.find("credence: error:"), std::string::npos) << run.err;
  }
}

TEST_F(AnalyzeCommand, AUrlIsNotAMissingFile) {
  Outcome run = Credence({"analyze", "https://news.example/2024/ferry-story"});
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_NE(run.err.find("reads files, not URLs"), std::string::npos) << run.err;
  EXPECT_EQ(run.err.find("not found"), std::string::npos) << run.err;
}

TEST_F(AnalyzeCommand, MissingDictionaryExits3) {
  Outcome run = Credence({"analyze", Write("a.txt", kArticle), "--dictionary", dir_ + "/nope"});
  EXPECT_EQ(run.exit_code, 3) << run.err;
  EXPECT_NE(run.err.find("nope.aff"), std::string::npos) << run.err;
}

TEST_F(AnalyzeCommand, BrokenPipeExitsWithoutSignal) {
  // `credence analyze big | head -c1`: the report is larger than a pipe
  // buffer and the reader is gone, so the write fails with EPIPE.
  std::string words;
  for (int i = 0; i < 20000; ++i) words += "Officials said the word number " + std::to_string(i) + " matters. ";
  std::string path = Write("long.txt", "Headline\n\n" + words + "\n");
  std::string cmd = "'" + std::string(CREDENCE_BINARY) + "' analyze --format json '" + path +
                    "' 2>/dev/null | head -c 1 >/dev/null; echo ${PIPESTATUS[0]}";
  std::string script = Write("pipe.sh", cmd);
  FILE* p = ::popen(("bash '" + script + "'").c_str(), "r");
  ASSERT_NE(p, nullptr);
  char buf[16] = {};
  ASSERT_NE(std::fgets(buf, sizeof buf, p), nullptr);
  ::pclose(p);
  EXPECT_EQ(std::string(buf), "1\n");  // 141 would mean killed by SIGPIPE
}

// The size of the one-line input below. The sanitized build runs the
// sanitized binary, several times slower and hungrier, so it checks a
// smaller line; the normal build checks the full 50 MB.
#if defined(__SANITIZE_ADDRESS__)
constexpr std::size_t kHugeLineBytes = std::size_t{8} << 20;
#else
constexpr std::size_t kHugeLineBytes = std::size_t{50} << 20;
#endif

TEST_F(AnalyzeCommand, HugeSingleLineIsAnalyzedWhole) {
  // Plain words: a line of "X said" would make a million attributions and a
  // report of several GB, which tests memory, not the absence of truncation.
  const char* const kWords[] = {"the", "council", "met", "on", "Tuesday", "to", "discuss",
                                "the", "town", "budget", "and", "a", "new", "library"};
  std::string input;
  input.reserve(kHugeLineBytes + 16);
  for (std::size_t i = 0; input.size() < kHugeLineBytes; ++i) input.append(kWords[i % 14]).push_back(' ');
  input.back() = '\n';
  Outcome run = Credence({"analyze", Write("huge.txt", input), "--format", "json", "--compact"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  Json j = Json::parse(run.out);
  EXPECT_EQ(j["input"]["bytes"], input.size());
  // No silent truncation: headline, standfirst and body together cover the
  // whole line but for its final newline.
  std::size_t covered = 0;
  auto add = [&covered](const Json& span) {
    if (!span.is_null()) covered += span["end"].get<std::size_t>() - span["start"].get<std::size_t>();
  };
  add(j["article"]["headline"]);
  add(j["article"]["standfirst"]);
  for (const Json& block : j["article"]["body"]) add(block);
  EXPECT_GE(covered, input.size() - 2);
  EXPECT_GE(j["structure"]["counts"]["words"].get<std::size_t>(), input.size() / 8);
}

TEST_F(AnalyzeCommand, FactChecksOfTheClaimsAreInTheReport) {
  // An invented article that repeats a claim Snopes checked (CheckThat! 2020 vclaim 0).
  const std::string path = Write("claim.txt",
                                 "Council row over prisoners\n\nThe mayor said on Tuesday that 122 detainees released from "
                                 "Guantanamo Bay under President Obama have re-engaged in terrorist activities, a claim repeated "
                                 "by several council members. Officials at the harbour office said they would review the figures "
                                 "before the next meeting of the council, which is due to vote on the budget in March.\n");
  Outcome json = Credence({"analyze", path, "--format", "json"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const nlohmann::json j = nlohmann::json::parse(json.out);
  ASSERT_TRUE(j["fact_checks"]["searched"].get<bool>());
  ASSERT_FALSE(j["fact_checks"]["matches"].empty());
  const nlohmann::json& best = j["fact_checks"]["matches"][0];
  EXPECT_EQ(best["publisher"], "Snopes");
  EXPECT_NE(best["claim"].get<std::string>().find("122 detainees"), std::string::npos);
  EXPECT_NE(best["passage"]["text"].get<std::string>().find("122 detainees"), std::string::npos);
  EXPECT_FALSE(j["claims"][0]["fact_checks"].empty());
  Outcome text = Credence({"analyze", path});
  EXPECT_NE(text.out.find("Snopes checked a similar claim"), std::string::npos) << text.out;

  Outcome off = Credence({"analyze", path, "--format", "json", "--factchecks", ""});
  ASSERT_EQ(off.exit_code, 0) << off.err;
  const nlohmann::json k = nlohmann::json::parse(off.out);
  EXPECT_FALSE(k["fact_checks"]["searched"].get<bool>());
  EXPECT_EQ(k["fact_checks"]["note"], "fact-check matching turned off");
  EXPECT_NE(Credence({"analyze", path, "--factchecks", ""}).out.find("Fact-checks: not searched"), std::string::npos);

  Outcome missing = Credence({"analyze", path, "--factchecks", dir_ + "/none.idx"});
  EXPECT_EQ(missing.exit_code, 3);
  EXPECT_NE(missing.err.find("fact-check index"), std::string::npos) << missing.err;
}

}  // namespace
}  // namespace credence
