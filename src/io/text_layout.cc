// Text layout helpers (text_layout.h). Every cut skips continuation bytes,
// so a line never ends inside a UTF-8 code point.
#include "io/text_layout.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace credence::internal {
namespace {

constexpr int kBarCells = 10;

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

std::size_t Columns(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return !IsContinuation(c); }));
}

std::string OneLine(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    auto b = static_cast<unsigned char>(c);
    if (b <= 0x20 || b == 0x7F) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::string Truncate(std::string_view s, std::size_t max_cols) {
  if (Columns(s) <= max_cols) return std::string(s);
  if (max_cols == 0) return "";
  std::size_t cols = 0;
  std::size_t i = 0;
  for (; i < s.size(); ++i) {
    if (IsContinuation(s[i])) continue;
    if (cols == max_cols - 1) break;
    ++cols;
  }
  std::string out(s.substr(0, i));
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out + "…";
}

std::string PadRight(std::string s, std::size_t cols) {
  std::size_t have = Columns(s);
  if (have < cols) s.append(cols - have, ' ');
  return s;
}

void AppendWrapped(std::string& out, std::string_view text, std::string_view indent) {
  const std::size_t room = kWidth - Columns(indent);
  std::string one = OneLine(text);
  std::string line;
  std::size_t cols = 0;  // of `line`
  for (std::size_t pos = 0; pos < one.size();) {
    std::size_t cut = std::min(one.find(' ', pos), one.size());
    std::string word = Truncate(std::string_view(one).substr(pos, cut - pos), room);
    pos = cut + 1;
    std::size_t w = Columns(word);
    if (cols > 0 && cols + 1 + w > room) {
      out.append(indent).append(line).append("\n");
      line.clear();
      cols = 0;
    }
    if (cols > 0) line.push_back(' '), ++cols;
    line += word;
    cols += w;
  }
  if (cols > 0) out.append(indent).append(line).append("\n");
}

std::string Bar(double strength, const Painter& paint) {
  double s = std::clamp(strength, 0.0, 1.0);
  int full = static_cast<int>(std::lround(s * kBarCells));
  std::string filled, empty;
  for (int i = 0; i < full; ++i) filled += "█";
  for (int i = full; i < kBarCells; ++i) empty += "░";
  std::string_view colour = s >= 0.66 ? kRed : s >= 0.33 ? kYellow : kGreen;
  char num[16];
  std::snprintf(num, sizeof num, " %.2f", s);
  return paint(colour, filled) + paint(kDim, empty) + num;
}

void Section(std::string& out, const Painter& paint, std::string_view title) {
  out += "\n" + paint(kBold, std::string(title)) + "\n";
}

}  // namespace credence::internal
