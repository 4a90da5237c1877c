// Loads data/abbreviations.txt once into a hash set.
#include "text/abbreviations.h"

#include <string>
#include <unordered_set>

#include "data/embedded_data.h"

namespace credence::internal {

bool IsAbbreviation(std::string_view word) {
  static const auto* set = [] {
    auto* s = new std::unordered_set<std::string>();
    ForEachDataLine(EmbeddedFile("abbreviations.txt").value_or(""), [&](std::string_view line) { s->emplace(line); });
    return s;
  }();
  if (word.size() > 8) return false;
  std::string lower(word);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return set->count(lower) > 0;
}

}  // namespace credence::internal
