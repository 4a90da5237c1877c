// Byline and date recognition with RE2. The patterns are general: English
// month names, ISO and numeric dates, "By" plus capitalised names.
#include "extract/metadata_finder.h"

#include <re2/re2.h>

namespace credence::internal {
namespace {

std::size_t CountWords(std::string_view s) {
  std::size_t words = 0;
  bool in = false;
  for (char c : s) {
    bool space = c == ' ' || c == '\t';
    if (!space && !in) ++words;
    in = !space;
  }
  return words;
}

std::optional<Span> SpanOfMatch(std::string_view line, std::size_t offset, re2::StringPiece m) {
  return Span{offset + static_cast<std::size_t>(m.data() - line.data()),
              offset + static_cast<std::size_t>(m.data() - line.data()) + m.size()};
}

}  // namespace

std::optional<Span> FindByline(std::string_view line, std::size_t offset) {
  if (CountWords(line) > 12) return std::nullopt;
  // A name is one to four capitalised words (initials, hyphens, apostrophes),
  // optionally joined by "and" or a comma for co-authors.
  static const RE2 kByline(
      R"(^(?:(?:By:?|BY:?|by:|Byline:?|BYLINE:?|Written by|Posted by|Authors?:|Reporting by|Story by)\s+)()"
      R"((?:[A-Z][\p{L}'’.-]*\.?)(?:\s+(?:[A-Z][\p{L}'’.-]*|de|van|von|da|al|bin))*)"
      R"((?:\s*(?:,|and|&)\s*(?:[A-Z][\p{L}'’.-]*)(?:\s+[A-Z][\p{L}'’.-]*)*)*))");
  re2::StringPiece name;
  if (!RE2::PartialMatch(re2::StringPiece(line.data(), line.size()), kByline, &name)) return std::nullopt;
  if (name.empty()) return std::nullopt;
  return SpanOfMatch(line, offset, name);
}

std::optional<Span> FindDateLine(std::string_view line, std::size_t offset) {
  if (CountWords(line) > 14) return std::nullopt;
  static const RE2 kDate(
      R"((?i)((?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d)"
      R"(|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s+(?:19|20)\d\d)"
      R"(|(?:19|20)\d\d-\d\d-\d\d)"
      R"(|\d{1,2}/\d{1,2}/(?:19|20)\d\d))");
  re2::StringPiece date;
  if (!RE2::PartialMatch(re2::StringPiece(line.data(), line.size()), kDate, &date)) return std::nullopt;
  return SpanOfMatch(line, offset, date);
}

}  // namespace credence::internal
