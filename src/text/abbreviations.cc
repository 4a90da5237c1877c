// Loads data/abbreviations.txt once into a hash set.
#include "text/abbreviations.h"

#include <string>
#include <unordered_set>

#include "data/embedded_data.h"

namespace credence::internal {

bool IsAbbreviation(std::string_view word) {
  static const auto* set = [] {
    auto* s = new std::unordered_set<std::string>();
    std::string_view file = EmbeddedFile("abbreviations.txt").value_or("");
    std::size_t pos = 0;
    while (pos < file.size()) {
      std::size_t nl = file.find('\n', pos);
      std::string_view line = file.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
      pos = nl == std::string_view::npos ? file.size() : nl + 1;
      if (!line.empty() && line[0] != '#') s->emplace(line);
    }
    return s;
  }();
  if (word.size() > 8) return false;
  std::string lower(word);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return set->count(lower) > 0;
}

}  // namespace credence::internal
