// Helpers shared by the tests: where ../shared is, reading files.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

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
