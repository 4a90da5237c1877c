// Line iteration over the bundled data files, shared by every loader.
#include "data/embedded_data.h"

namespace credence::internal {

void ForEachDataLine(std::string_view contents, const std::function<void(std::string_view line)>& fn) {
  std::size_t pos = 0;
  while (pos < contents.size()) {
    std::size_t nl = contents.find('\n', pos);
    std::string_view line = contents.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? contents.size() : nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty() && line[0] != '#') fn(line);
  }
}

}  // namespace credence::internal
