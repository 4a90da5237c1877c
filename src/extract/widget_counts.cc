// Number parsing for widget lines; the line shapes come from the widget
// rules in data/page_leftovers.tsv.
#include "extract/widget_counts.h"

#include <cctype>
#include <optional>
#include <string>

namespace credence::internal {
namespace {

// Parses the first number in `s` ("1,234", "92.207792", "1.2k").
std::optional<double> FirstNumber(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && !std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
  if (i == s.size()) return std::nullopt;
  std::string digits;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '.') digits.push_back(c);
    else if (c != ',') break;
  }
  double value = 0;
  double scale = 1;
  bool seen_point = false;
  for (char c : digits) {
    if (c == '.') {
      if (seen_point) break;
      seen_point = true;
      continue;
    }
    if (seen_point) {
      scale /= 10;
      value += (c - '0') * scale;
    } else {
      value = value * 10 + (c - '0');
    }
  }
  if (i < s.size() && s[i] == 'k') value *= 1000;
  return value;
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool Contains(std::string_view s, std::string_view p) { return s.find(p) != std::string_view::npos; }

}  // namespace

void ReadWidgetLine(std::string_view line, WidgetCounts* counts) {
  std::optional<double> n = FirstNumber(line);
  if (!n) return;
  bool percent = Contains(line, "percentage") || Contains(line, "%");
  bool down = Contains(line, "downvote") || Contains(line, "dislike");
  bool up = !down && (Contains(line, "upvote") || Contains(line, "like"));
  if (percent && up) counts->up_percent = n;
  else if (percent && down) counts->down_percent = n;
  else if (up) counts->up = n;
  else if (down) counts->down = n;
  else if (Contains(line, "point")) counts->points = n;
  else if (StartsWith(line, "total") || Contains(line, "vote")) counts->total = n;
}

}  // namespace credence::internal
