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
// Each block keeps what a content scorer needs: its tag, its links, and the
// block element that holds it, within a tree of the page's block elements
// (tag, parent, class and id words). The <head> signals (title, meta,
// JSON-LD wherever it is, canonical link, language) are collected on the
// way for ReadPageMetadata. Thread-safe: each call parses with its own tree.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "credence/status.h"
#include "html/page_metadata.h"

namespace credence::internal {

// A link inside a block: the anchor text is text[start, end) of the block.
struct HtmlLink {
  std::size_t start = 0;
  std::size_t end = 0;
  std::string href;  // as written
};

// A block-level element of the page (div, p, article, li, ...). Inline
// elements are not kept; element 0 is the document itself.
struct HtmlElement {
  std::string tag;           // lower case; "#document" for element 0
  std::size_t parent = 0;    // index of the enclosing block element (0 for element 0 itself)
  std::size_t depth = 0;     // block-element depth: 0 for the document
  std::string words;         // its own class, id and role attribute words, lower case, space-separated, <= 128 bytes
  std::string itemprop;      // its itemprop attribute, lower case ("articlebody", "author", ...)
};

struct HtmlBlock {
  std::string text;          // UTF-8, white space collapsed ("\n" for <br> inside the block)
  std::string tag;           // the innermost block element: "p", "h2", "li", "div", ...
  std::size_t element = 0;   // index of that element in HtmlPage::elements
  std::size_t link_chars = 0;    // bytes of `text` that sit inside <a> elements
  std::vector<HtmlLink> links;   // the links in `text`, in order
};

struct HtmlPage {
  std::string encoding;              // what the bytes were decoded as: "utf-8", "windows-1252", ...
  std::string encoding_source;       // "bom", "meta", "utf-8 check" or "fallback"
  HeadSignals head;                  // <title>, <meta>, JSON-LD, canonical link, <html lang>
  std::vector<HtmlBlock> blocks;     // in document order
  std::vector<HtmlElement> elements; // block-level elements; blocks point into it
  std::size_t element_count = 0;     // all elements in the parsed tree
  std::vector<std::string> warnings; // e.g. a declared charset the bytes contradict, nesting flattened

  // Returns the class/id words of `element` and its ancestors, innermost
  // first, space-separated; from at most `levels` elements that have words.
  std::string Ancestry(std::size_t element, std::size_t levels = 64) const;
};

// Elements nested deeper than this are flattened before parsing (their tags
// dropped, their text kept), as browsers cap the depth of the tree: HTML5
// tree building costs time quadratic in the depth of nesting.
inline constexpr std::size_t kMaxHtmlNesting = 512;

// Returns the visible text blocks of the HTML document in `bytes`. Fails
// with kEmptyInput when there is no byte, and kInternal when the parser
// cannot be set up; any other bytes (broken HTML, garbage) give a page.
[[nodiscard]] Result<HtmlPage> ParseHtmlPage(std::string_view bytes);

}  // namespace credence::internal
