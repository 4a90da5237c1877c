// The nesting pre-pass: one scan that tracks the depth of open elements and
// records the byte ranges of tags beyond the limit; only when there is one
// is the input copied without them.
#include "html/nesting_cap.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace credence::internal {
namespace {

bool IsVoid(std::string_view name) {
  static constexpr std::string_view kVoid[] = {"area", "base", "br",   "col",   "embed", "hr",    "img",
                                               "input", "link", "meta", "param", "source", "track", "wbr"};
  return std::find(std::begin(kVoid), std::end(kVoid), name) != std::end(kVoid);
}

// Elements whose start tag closes an open <p> (HTML5's "close a p element").
bool ClosesParagraph(std::string_view name) {
  static constexpr std::string_view kBlocks[] = {
      "address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset", "figcaption", "figure",
      "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "main", "nav", "ol", "p",
      "pre", "section", "table", "ul", "li", "dd", "dt"};
  return std::find(std::begin(kBlocks), std::end(kBlocks), name) != std::end(kBlocks);
}

// Elements whose start tag closes an open one of the same name.
bool ClosesItsSibling(std::string_view name) {
  return name == "li" || name == "dt" || name == "dd" || name == "tr" || name == "td" || name == "th" ||
         name == "option";
}

// HTML elements that end foreign content (HTML5 "any other start tag" rule
// in foreign content).
bool BreaksOutOfForeign(std::string_view name) {
  static constexpr std::string_view kBreakout[] = {
      "b",  "big", "blockquote", "body", "br", "center", "code", "dd",      "div",   "dl",     "dt",    "em",
      "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing", "menu", "meta",
      "nobr", "ol", "p", "pre", "ruby", "s", "small", "span", "strong", "strike", "sub", "sup", "table", "tt",
      "u", "ul", "var"};
  return std::find(std::begin(kBreakout), std::end(kBreakout), name) != std::end(kBreakout);
}

bool IsRawText(std::string_view name) {
  return name == "script" || name == "style" || name == "textarea" || name == "title" || name == "xmp";
}

// Reads a lower-cased tag name starting at html[i]; returns it and moves i past it.
std::string ReadName(std::string_view html, std::size_t* i) {
  std::string name;
  while (*i < html.size() && (std::isalnum(static_cast<unsigned char>(html[*i])) || html[*i] == '-' ||
                              html[*i] == ':')) {
    if (name.size() < 16) name.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(html[*i]))));
    ++*i;
  }
  return name;
}

// Moves i to just past the '>' that ends the tag (quotes respected); returns
// whether the tag ends with "/>".
bool SkipTag(std::string_view html, std::size_t* i) {
  char quote = 0;
  bool self_closing = false;
  for (; *i < html.size(); ++*i) {
    const char c = html[*i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      ++*i;
      return self_closing;
    } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
      self_closing = c == '/';
    }
  }
  return self_closing;
}

// Finds the end tag "</name" case-insensitively from `from`; returns its start or npos.
std::size_t FindEndTag(std::string_view html, std::string_view name, std::size_t from) {
  for (std::size_t i = html.find("</", from); i != std::string_view::npos; i = html.find("</", i + 2)) {
    if (i + 2 + name.size() > html.size()) return std::string_view::npos;
    bool same = true;
    for (std::size_t k = 0; k < name.size() && same; ++k)
      same = std::tolower(static_cast<unsigned char>(html[i + 2 + k])) == name[k];
    if (same) return i;
  }
  return std::string_view::npos;
}

// How far below the top of the stack an implied end tag is looked for.
constexpr std::size_t kImpliedReach = 256;

}  // namespace

bool CapNesting(std::string_view html, std::size_t max_depth, std::string* out) {
  std::vector<std::pair<std::size_t, std::size_t>> dropped;  // byte ranges of tags to leave out
  std::vector<std::pair<std::string, bool>> open;            // name, whether its tags are dropped
  std::unordered_map<std::string, std::size_t> open_count;   // open elements by name
  // Counts asked for at every tag, looked up once (map nodes do not move).
  const std::size_t& open_svg = open_count["svg"];
  const std::size_t& open_math = open_count["math"];
  std::size_t kept_depth = 0;
  // Pops the open elements from the top down to index `k` included.
  auto pop_to = [&](std::size_t k) {
    while (open.size() > k) {
      if (!open.back().second) --kept_depth;
      --open_count[open.back().first];
      open.pop_back();
    }
  };
  // Index of the innermost open `name` reachable from the top without
  // crossing an element that `stops` (at most kImpliedReach down), or npos.
  auto find_open = [&](std::string_view name, auto stops) -> std::size_t {
    if (open_count[std::string(name)] == 0) return std::string::npos;
    for (std::size_t k = open.size(), seen = 0; k-- > 0 && seen < kImpliedReach; ++seen) {
      if (open[k].first == name) return k;
      if (stops(open[k].first)) break;
    }
    return std::string::npos;
  };
  std::size_t i = 0;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    const std::size_t tag_start = i;
    if (html.compare(i, 4, "<!--") == 0) {
      const std::size_t end = html.find("-->", i + 4);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    ++i;
    const bool closing = i < html.size() && html[i] == '/';
    if (closing) ++i;
    if (i >= html.size() || !std::isalpha(static_cast<unsigned char>(html[i]))) continue;
    const std::string name = ReadName(html, &i);
    const bool self_closing = SkipTag(html, &i);
    if (closing) {
      // Close the innermost open element of that name and everything inside
      // it. Each element is popped once, so this is linear overall; a stray
      // end tag costs one lookup.
      if (open_count[name] == 0) continue;
      std::size_t k = open.size();
      while (open[--k].first != name) {}
      const bool was_dropped = open[k].second;
      pop_to(k);
      if (was_dropped) dropped.emplace_back(tag_start, i);
      continue;
    }
    // An HTML element inside <svg> or <math> breaks out of it, as the HTML5
    // tree builder does; "/>" closes only foreign (SVG, MathML, prefixed
    // XML) elements: <div/> opens a div.
    if (open_svg + open_math > 0 && BreaksOutOfForeign(name)) {
      std::size_t k = open.size();
      for (std::size_t j = 0; j < open.size(); ++j)
        if (open[j].first == "svg" || open[j].first == "math") {
          k = j;
          break;
        }
      pop_to(k);
    }
    const bool foreign = open_svg + open_math > 0 || name == "svg" || name == "math" ||
                         name.find(':') != std::string::npos;
    if (IsVoid(name) || (self_closing && foreign)) continue;
    if (IsRawText(name)) {  // its content is text, not tags
      const std::size_t end = FindEndTag(html, name, i);
      i = end == std::string_view::npos ? html.size() : end;
      continue;
    }
    // Implied end tags: a block closes an open <p> (inline elements inside
    // it close with it), <li> closes the open <li> of its list, ...
    if (ClosesParagraph(name)) {
      const std::size_t p = find_open("p", [](std::string_view n) { return ClosesParagraph(n) && n != "p"; });
      if (p != std::string::npos) pop_to(p);
    }
    if (ClosesItsSibling(name)) {
      const std::size_t same = find_open(name, [](std::string_view n) {
        return n == "ul" || n == "ol" || n == "dl" || n == "table" || n == "select" || n == "div";
      });
      if (same != std::string::npos) pop_to(same);
    }
    const bool drop = kept_depth >= max_depth;
    if (drop) dropped.emplace_back(tag_start, i);
    else ++kept_depth;
    open.emplace_back(name, drop);
    ++open_count[name];
  }
  if (dropped.empty()) return false;
  out->clear();
  out->reserve(html.size());
  std::size_t from = 0;
  for (const auto& [start, end] : dropped) {
    out->append(html.substr(from, start - from));
    from = end;
  }
  out->append(html.substr(from));
  return true;
}

}  // namespace credence::internal
