// Laying out the text report for a terminal: widths in code points (a fair
// stand-in for columns for the text news articles hold), cuts on code-point
// boundaries, word wrapping at kWidth, ANSI colours only when asked for.
// Shared by the report's sections (text_report_writer.cc,
// text_detection_sections.cc).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace credence::internal {

inline constexpr std::size_t kWidth = 80;

inline constexpr std::string_view kBold = "1";
inline constexpr std::string_view kDim = "2";
inline constexpr std::string_view kRed = "31";
inline constexpr std::string_view kGreen = "32";
inline constexpr std::string_view kYellow = "33";
inline constexpr std::string_view kCyan = "36";

// Wraps text in an ANSI colour when on (the CLI's --color).
class Painter {
 public:
  explicit Painter(bool on) : on_(on) {}
  std::string operator()(std::string_view code, std::string_view s) const {
    if (!on_) return std::string(s);
    return "\x1b[" + std::string(code) + "m" + std::string(s) + "\x1b[0m";
  }

 private:
  bool on_;
};

// Returns the code points of `s`.
std::size_t Columns(std::string_view s);
// Returns `s` on one line: each run of white space and control bytes (which
// could be escape sequences from a user-given title) as one space, trimmed.
std::string OneLine(std::string_view s);
// Returns `s` cut to at most `max_cols` code points, ending in "…" when cut.
std::string Truncate(std::string_view s, std::size_t max_cols);
// Returns `s` padded with spaces to `cols` code points.
std::string PadRight(std::string s, std::size_t cols);
// Appends `text` word-wrapped at kWidth, each line starting with `indent`.
void AppendWrapped(std::string& out, std::string_view text, std::string_view indent);
// Returns a ten-cell bar for a strength in [0, 1], green to red, and its value.
std::string Bar(double strength, const Painter& paint);
// Appends a blank line and `title` in bold.
void Section(std::string& out, const Painter& paint, std::string_view title);

}  // namespace credence::internal
