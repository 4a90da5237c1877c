// Plain text from the markup in a page's metadata. The entity table is
// short on purpose: it holds what sites put in titles, bylines and JSON-LD
// strings, since the HTML parser has already decoded element text in full.
#include "html/markup_text.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <unordered_set>

#include "text/utf8.h"

namespace credence::internal {
namespace {

struct Entity {
  std::string_view name;
  int32_t cp;
};
constexpr std::array<Entity, 26> kEntities = {{
    {"amp", '&'},      {"lt", '<'},        {"gt", '>'},        {"quot", '"'},      {"apos", '\''},
    {"nbsp", 0xA0},    {"shy", 0xAD},      {"ndash", 0x2013},  {"mdash", 0x2014},  {"lsquo", 0x2018},
    {"rsquo", 0x2019}, {"sbquo", 0x201A},  {"ldquo", 0x201C},  {"rdquo", 0x201D},  {"bdquo", 0x201E},
    {"hellip", 0x2026}, {"laquo", 0xAB},   {"raquo", 0xBB},    {"copy", 0xA9},     {"reg", 0xAE},
    {"trade", 0x2122}, {"bull", 0x2022},   {"middot", 0xB7},   {"deg", 0xB0},      {"euro", 0x20AC},
    {"pound", 0xA3},
}};

// The names of U+00C0..U+00FF, for accented names in bylines.
constexpr std::array<std::string_view, 64> kLatin1Letters = {
    "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute", "Ecirc",
    "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute", "Ocirc", "Otilde",
    "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute", "THORN", "szlig", "agrave",
    "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil", "egrave", "eacute", "ecirc", "euml",
    "igrave", "iacute", "icirc", "iuml", "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml",
    "divide", "oslash", "ugrave", "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml"};

int32_t NamedEntity(std::string_view name) {
  for (const Entity& e : kEntities)
    if (e.name == name) return e.cp;
  for (std::size_t k = 0; k < kLatin1Letters.size(); ++k)
    if (kLatin1Letters[k] == name) return static_cast<int32_t>(0xC0 + k);
  return -1;
}

// What &#128;..&#159; mean in practice: windows-1252, as HTML5 decodes them.
constexpr std::array<int32_t, 32> kCp1252 = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

// Elements whose tags are markup, not text; "a<b" or "x < y" stay as written.
const std::unordered_set<std::string_view> kInlineTags = {
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "del", "dfn", "em", "font", "i", "img", "ins", "kbd",
    "mark", "q", "s", "samp", "small", "source", "span", "strong", "sub", "sup", "time", "u", "var",
    "wbr", "picture", "video", "audio", "iframe", "embed", "object", "param", "track", "input", "label"};
const std::unordered_set<std::string_view> kBlockTags = {
    "address", "article", "aside", "blockquote", "center", "dd", "div", "dl", "dt", "figcaption", "figure",
    "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "main", "nav", "ol", "p", "pre", "section",
    "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "caption", "form", "noscript"};
const std::unordered_set<std::string_view> kLineTags = {"br", "li", "hr"};

// Returns the position of `needle` (lower case ASCII) in `s` from `from`,
// ignoring ASCII case, or npos.
std::size_t FindNoCase(std::string_view s, std::string_view needle, std::size_t from) {
  for (std::size_t i = from; i + needle.size() <= s.size(); ++i)
    if (StartsWithNoCase(s.substr(i), needle)) return i;
  return std::string_view::npos;
}

}  // namespace

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (AsciiLower(s[i]) != AsciiLower(prefix[i])) return false;
  return true;
}

void TruncateUtf8(std::string* s, std::size_t max_bytes) {
  if (s->size() <= max_bytes) return;
  std::size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>((*s)[end]) & 0xC0) == 0x80) --end;
  s->resize(end);
}

std::string CollapseWhiteSpace(std::string_view s, bool keep_lines) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  int breaks = 0;
  for (std::size_t i = 0; i < s.size();) {
    CodePoint cp = DecodeAt(s, i);
    if (cp.value == 0x200B || cp.value == 0xFEFF) {
      i += cp.length;
      continue;
    }
    if (cp.value == '\n' || cp.value == 0x2028 || cp.value == 0x2029) {
      space = true;
      breaks += cp.value == 0x2029 ? 2 : 1;
    } else if (IsSpace(cp.value)) {
      space = true;
    } else {
      if (!out.empty() && space) {
        if (keep_lines && breaks > 0) out.append(breaks > 1 ? "\n\n" : "\n");
        else out.push_back(' ');
      }
      space = false;
      breaks = 0;
      out.append(s.substr(i, cp.length));  // the bytes as given, even if invalid
    }
    i += cp.length;
  }
  return out;
}

std::string DecodeEntities(std::string_view s) {
  if (s.find('&') == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] != '&') {
      out.push_back(s[i++]);
      continue;
    }
    std::size_t j = i + 1;
    if (j < s.size() && s[j] == '#') {
      bool hex = j + 1 < s.size() && (s[j + 1] == 'x' || s[j + 1] == 'X');
      j += hex ? 2 : 1;
      std::size_t start = j;
      int64_t v = 0;
      while (j < s.size() && j - start < 8) {
        char c = AsciiLower(s[j]);
        int d = IsAsciiDigit(c) ? c - '0' : (hex && c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
        if (d < 0) break;
        v = v * (hex ? 16 : 10) + d;
        ++j;
      }
      if (j > start) {
        if (j < s.size() && s[j] == ';') ++j;
        int32_t cp = static_cast<int32_t>(v);
        if (v >= 0x80 && v <= 0x9F) cp = kCp1252[static_cast<std::size_t>(v - 0x80)];
        else if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) cp = 0xFFFD;
        AppendUtf8(cp, &out);
        i = j;
        continue;
      }
    } else {
      while (j < s.size() && j - i <= 8 && (IsAsciiAlpha(s[j]) || IsAsciiDigit(s[j]))) ++j;
      if (j < s.size() && s[j] == ';') {
        std::string_view name = s.substr(i + 1, j - i - 1);
        int32_t cp = NamedEntity(name);
        if (cp >= 0) {
          AppendUtf8(cp, &out);
          i = j + 1;
          continue;
        }
      }
    }
    out.push_back(s[i++]);
  }
  return out;
}

// Once a "-->" or an end tag has not been found, it is not looked for
// again: a page of many "<!--" or "<script>" without ends stays linear.
std::string StripTags(std::string_view s) {
  constexpr std::size_t kMaxTagBytes = 2048;
  if (s.find('<') == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size());
  bool comment_ends = true, script_ends = true, style_ends = true;
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] != '<') {
      out.push_back(s[i++]);
      continue;
    }
    if (comment_ends && s.compare(i, 4, "<!--") == 0) {
      std::size_t end = s.find("-->", i + 4);
      comment_ends = end != std::string_view::npos;
      if (comment_ends) {
        i = end + 3;
        continue;
      }
    }
    bool closing = i + 1 < s.size() && s[i + 1] == '/';
    std::size_t j = i + (closing ? 2 : 1);
    std::size_t name_start = j;
    std::string name;
    while (j < s.size() && (IsAsciiAlpha(s[j]) || (j > name_start && IsAsciiDigit(s[j])))) name.push_back(AsciiLower(s[j++]));
    bool name_ends = j < s.size() && (s[j] == '>' || s[j] == '/' || IsAsciiSpace(s[j]));
    std::size_t end = name_ends ? s.substr(0, std::min(s.size(), j + kMaxTagBytes)).find_first_of("<>", j) : std::string_view::npos;
    if (end != std::string_view::npos && s[end] == '<') end = std::string_view::npos;  // "a<b and c<d>" is text
    bool script = name == "script" || name == "style";
    if (end == std::string_view::npos ||
        !(script || kInlineTags.count(name) || kBlockTags.count(name) || kLineTags.count(name))) {
      out.push_back(s[i++]);
      continue;
    }
    i = end + 1;
    if (script && !closing) {
      // Skip the element's content up to its end tag.
      bool& ends = name == "script" ? script_ends : style_ends;
      std::size_t close = ends ? FindNoCase(s, name == "script" ? "</script" : "</style", i) : std::string_view::npos;
      std::size_t close_end = close == std::string_view::npos ? close : s.find('>', close);
      ends = close_end != std::string_view::npos;
      if (ends) i = close_end + 1;
    } else if (kBlockTags.count(name)) {
      out.append("\n\n");
    } else if (kLineTags.count(name)) {
      out.push_back('\n');
    }
  }
  return out;
}

std::string MarkupToText(std::string_view s, bool keep_lines) {
  return CollapseWhiteSpace(StripTags(DecodeEntities(s)), keep_lines);
}

std::size_t CountSpacedWords(std::string_view s) {
  return s.empty() ? 0 : static_cast<std::size_t>(std::count(s.begin(), s.end(), ' ')) + 1;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

}  // namespace credence::internal
