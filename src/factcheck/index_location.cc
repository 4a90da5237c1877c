// Default locations of the fact-check index and re-ranker (index_location.h).
#include "factcheck/index_location.h"

#include <cstdlib>
#include <filesystem>

#include "model/shipped_files.h"

namespace credence::internal {

std::string UserIndexPath() {
  namespace fs = std::filesystem;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg != nullptr && *xdg != '\0')
    return (fs::path(xdg) / "credence" / kBuiltInIndexName).string();
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0')
    return (fs::path(home) / ".local" / "share" / "credence" / kBuiltInIndexName).string();
  return "";
}

std::string BuiltInIndexPath() {
  const std::string dir = FindShippedFolder(kBuiltInIndexName);
  if (!dir.empty()) return (std::filesystem::path(dir) / kBuiltInIndexName).string();
#ifdef CREDENCE_BUILD_DIR
  // The build tree's index, for programs that run from elsewhere (the
  // Python module under /usr/bin/python3, the tests).
  std::error_code ec;
  const std::filesystem::path built = std::filesystem::path(CREDENCE_BUILD_DIR) / kBuiltInIndexName;
  if (std::filesystem::is_regular_file(built, ec)) return built.string();
#endif
  return "";
}

std::string FindFactCheckIndex(const std::string& given) {
  if (!given.empty()) return given;
  if (const char* env = std::getenv("CREDENCE_FACTCHECKS"); env != nullptr && *env != '\0') return env;
  std::error_code ec;
  const std::string user = UserIndexPath();
  if (!user.empty() && std::filesystem::is_regular_file(user, ec)) return user;
  return BuiltInIndexPath();
}

std::string ShippedRerankerPath() {
  const std::string dir = FindShippedFolder(kRerankerName);
  return dir.empty() ? "" : (std::filesystem::path(dir) / kRerankerName).string();
}

}  // namespace credence::internal
