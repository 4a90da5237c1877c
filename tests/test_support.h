// Helpers shared by the tests: where ../shared is, reading files.
#pragma once

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

}  // namespace credence::testing
