// HtmlPage: a web page's visible text as blocks, the first step of reading
// raw HTML (issue 4). The bytes are decoded (BOM, then <meta charset> or
// http-equiv as the HTML5 prescan finds them, else UTF-8 when the bytes are
// valid UTF-8, else windows-1252), parsed by myhtml into an HTML5 tree, and
// walked without recursion. Scripts, styles, templates, <head> (but its
// <title>), hidden and aria-hidden elements and display:none styles are
// dropped; block elements and <br> end a block; white space is collapsed
// except inside <pre>; entities are decoded by the parser.
//
//   Result<HtmlPage> page = ParseHtmlPage(bytes);
//   for (const HtmlBlock& b : page->blocks) std::cout << b.text << "\n\n";
//
// Each block keeps what a content scorer needs: its tag, the characters
// inside links, its depth, the class and id words of its ancestors, and which
// element holds it. Thread-safe: each call parses with its own tree.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "credence/status.h"

namespace credence::internal {

struct HtmlBlock {
  std::string text;         // UTF-8, white space collapsed ("\n" for <br> inside the block)
  std::string tag;          // the innermost block element: "p", "h2", "li", "div", ...
  std::size_t link_chars = 0;   // bytes of `text` that sit inside <a> elements
  std::size_t depth = 0;        // element depth of that block element
  std::size_t container = 0;    // an id of the block element's parent, equal for siblings
  std::string ancestry;         // class and id words of the ancestors, innermost first, lower case, ≤ 256 bytes
};

struct HtmlPage {
  std::string encoding;              // what the bytes were decoded as: "utf-8", "windows-1252", ...
  std::string encoding_source;       // "bom", "meta", "utf-8 check" or "fallback"
  std::string title;                 // <title>, white space collapsed
  std::vector<HtmlBlock> blocks;     // in document order
  std::size_t elements = 0;          // elements in the parsed tree
  std::vector<std::string> warnings; // e.g. a declared charset the bytes contradict
};

// Returns the visible text blocks of the HTML document in `bytes`. Fails
// with kEmptyInput when there is no byte, and kInternal when the parser
// cannot be set up; any other bytes (broken HTML, garbage) give a page.
[[nodiscard]] Result<HtmlPage> ParseHtmlPage(std::string_view bytes);

}  // namespace credence::internal
