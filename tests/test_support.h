// Helpers shared by the tests: where ../shared is, reading files, running
// the credence binary.
#pragma once

#include <fcntl.h>
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace credence::testing {

// Returns the shared data folder: $CREDENCE_SHARED, else ../shared beside the source tree.
inline std::string SharedDir() {
  if (const char* env = std::getenv("CREDENCE_SHARED"); env != nullptr && *env != '\0') return env;
  return CREDENCE_SHARED_DEFAULT;
}

// Returns the contents of `path`, or "" when it cannot be read.
inline std::string ReadFileOrEmpty(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "";
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

struct CommandOutcome {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs the credence binary with `args` and standard input from `stdin_path`;
// standard output and error go to files in `dir` (not pipes, so a large
// report cannot block the child) and come back in the outcome.
inline CommandOutcome RunCredence(const std::string& dir, const std::vector<std::string>& args,
                                  const std::string& stdin_path = "/dev/null") {
  std::string out_path = dir + "/stdout", err_path = dir + "/stderr";
  pid_t pid = ::fork();
  if (pid == 0) {
    int in = ::open(stdin_path.c_str(), O_RDONLY);
    int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (in < 0 || out < 0 || err < 0) ::_exit(126);
    ::dup2(in, 0), ::dup2(out, 1), ::dup2(err, 2);
    std::vector<char*> argv{const_cast<char*>(CREDENCE_BINARY)};
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::unsetenv("NO_COLOR");
    ::execv(CREDENCE_BINARY, argv.data());
    ::_exit(127);
  }
  CommandOutcome run;
  int status = 0;
  EXPECT_EQ(::waitpid(pid, &status, 0), pid);
  EXPECT_TRUE(WIFEXITED(status)) << "killed by signal " << (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.out = ReadFileOrEmpty(out_path);
  run.err = ReadFileOrEmpty(err_path);
  return run;
}

// A fixture with a fresh temporary folder, `dir_`, removed after each test.
class TempDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string templ = ::testing::TempDir() + "/credence_test_XXXXXX";
    ASSERT_NE(::mkdtemp(templ.data()), nullptr);
    dir_ = templ;
  }
  void TearDown() override { std::system(("rm -rf '" + dir_ + "'").c_str()); }

  // Writes `bytes` to dir_/name and returns the path.
  std::string Write(const std::string& name, const std::string& bytes) {
    std::string path = dir_ + "/" + name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }

  std::string dir_;
};

}  // namespace credence::testing
