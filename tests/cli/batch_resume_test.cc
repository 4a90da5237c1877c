// The resume test of `credence batch` (src/cli/batch_command.cc,
// src/io/resume_state.cc): a run is killed with SIGKILL part-way, resumed
// into the same output, and the output then holds every record exactly
// once, in input order. Also: a half-written last line is cut, and CSV
// output resumes without a second header.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/test_support.h"

namespace credence {
namespace {

using Json = nlohmann::json;

class BatchResume : public testing::TempDirTest {
 protected:
  std::string Input(int records) {
    std::string s;
    for (int i = 0; i < records; ++i)
      s += Json{{"id", "r" + std::to_string(i)},
                {"text", "Record " + std::to_string(i) + " says the council, after a long debate, voted to repair "
                         "the bridge. Officials said the work would start in May, according to a statement."}}
               .dump() + "\n";
    return Write("in.jsonl", s);
  }
  std::vector<std::string> Lines(const std::string& path) {
    std::vector<std::string> lines;
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
  }
};

TEST_F(BatchResume, KilledRunResumesWithoutLossOrDuplicates) {
  constexpr int kRecords = 3000;
  const std::string in = Input(kRecords), out = dir_ + "/out.jsonl";
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::freopen("/dev/null", "w", stderr);
    ::execl(CREDENCE_BINARY, CREDENCE_BINARY, "batch", "--model", "", "--threads", "2", in.c_str(), "-o",
            out.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  // Kill it once some output is there (or after 20 s, whatever it wrote).
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < deadline && testing::ReadFileOrEmpty(out).size() < 200000)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  ::kill(pid, SIGKILL);
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  const std::size_t before = Lines(out).size();
  ASSERT_LT(before, static_cast<std::size_t>(kRecords)) << "the run finished before it could be killed";

  const auto resumed = testing::RunCredence(dir_, {"batch", "--model", "", "--threads", "2", in, "-o", out, "--resume"});
  ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
  EXPECT_NE(resumed.err.find("records already there"), std::string::npos) << resumed.err;
  const std::vector<std::string> lines = Lines(out);
  ASSERT_EQ(lines.size(), static_cast<std::size_t>(kRecords));
  for (int i = 0; i < kRecords; ++i) {
    const Json j = Json::parse(lines[i], nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << "line " << i + 1 << " is not JSON";
    EXPECT_EQ(j["id"], "r" + std::to_string(i));
    EXPECT_EQ(j["position"], i + 1);
  }
}

TEST_F(BatchResume, AHalfWrittenLineIsCutAndRedone) {
  const std::string in = Input(5), out = dir_ + "/out.jsonl";
  ASSERT_EQ(testing::RunCredence(dir_, {"batch", "--model", "", in, "-o", out}).exit_code, 0);
  std::vector<std::string> lines = Lines(out);
  ASSERT_EQ(lines.size(), 5u);
  // Keep two lines and half of the third, as a killed run may leave it.
  Write("out.jsonl", lines[0] + "\n" + lines[1] + "\n" + lines[2].substr(0, lines[2].size() / 2));
  ASSERT_EQ(testing::RunCredence(dir_, {"batch", "--model", "", in, "-o", out, "--resume"}).exit_code, 0);
  lines = Lines(out);
  ASSERT_EQ(lines.size(), 5u);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(Json::parse(lines[i])["id"], "r" + std::to_string(i));
}

TEST_F(BatchResume, CsvResumesWithoutASecondHeader) {
  const std::string in = Input(4), out = dir_ + "/out.csv";
  ASSERT_EQ(testing::RunCredence(dir_, {"batch", "--model", "", in, "-o", out, "--format", "csv"}).exit_code, 0);
  std::vector<std::string> lines = Lines(out);
  ASSERT_EQ(lines.size(), 5u);
  Write("out.csv", lines[0] + "\n" + lines[1] + "\n");
  ASSERT_EQ(testing::RunCredence(dir_, {"batch", "--model", "", in, "-o", out, "--format", "csv", "--resume"}).exit_code,
            0);
  lines = Lines(out);
  ASSERT_EQ(lines.size(), 5u);
  EXPECT_EQ(lines[0].rfind("id,source,position", 0), 0u);
  for (int i = 1; i <= 4; ++i) EXPECT_EQ(lines[i].rfind("r" + std::to_string(i - 1) + ",", 0), 0u);
}

TEST_F(BatchResume, ResumeNeedsAnOutputFile) {
  EXPECT_EQ(testing::RunCredence(dir_, {"batch", "--model", "", Input(1), "--resume"}).exit_code, 2);
  Write("other.jsonl", "this is not a batch output\n");
  EXPECT_EQ(testing::RunCredence(dir_, {"batch", "--model", "", Input(1), "-o", dir_ + "/other.jsonl", "--resume"})
                .exit_code,
            7);
  // A line that looks like a report but whose position is not a number.
  Write("typed.jsonl", R"({"id": "r0", "source": "in.jsonl", "position": "one"})" "\n");
  const auto typed = testing::RunCredence(dir_, {"batch", "--model", "", Input(1), "-o", dir_ + "/typed.jsonl",
                                                 "--resume"});
  EXPECT_EQ(typed.exit_code, 7) << typed.err;
  EXPECT_NE(typed.err.find("cannot resume"), std::string::npos) << typed.err;
}

}  // namespace
}  // namespace credence
