// Looking for shipped files (shipped_files.h): a build tree, an install
// (bin/ and share/credence/), or the source tree's data/ for development.
#include "model/shipped_files.h"

#include <filesystem>
#include <vector>

namespace credence::internal {

std::string FindShippedFolder(const std::string& file_name) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<fs::path> candidates;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    candidates.push_back(exe.parent_path());
    candidates.push_back(exe.parent_path() / ".." / "share" / "credence");
  }
#ifdef CREDENCE_SOURCE_DIR
  candidates.push_back(fs::path(CREDENCE_SOURCE_DIR) / "data");
#endif
  for (const fs::path& dir : candidates)
    if (fs::is_regular_file(dir / file_name, ec)) return dir.string();
  return "";
}

}  // namespace credence::internal
