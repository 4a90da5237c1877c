// Decoding, parsing and walking a web page. The walk keeps an explicit stack
// (no recursion), so deep nesting cannot overflow the C++ stack; myhtml's own
// tree building is what costs time on extreme nesting (docs/results.md §5).
#include "html/html_page.h"

#include <myencoding/encoding.h>
#include <myhtml/api.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <unordered_set>

#include "text/utf8.h"

namespace credence::internal {
namespace {

// Elements whose whole subtree is never visible text.
const std::unordered_set<std::string_view> kDropped = {
    "script", "style", "template", "noscript", "head", "svg", "math", "iframe", "object", "embed",
    "canvas", "select", "option", "textarea", "button", "input", "audio", "video", "map", "dialog"};
// Elements that end a block of text before and after them.
const std::unordered_set<std::string_view> kBlocks = {
    "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
    "tfoot", "th", "thead", "tr", "ul", "center", "html"};

std::string_view Attribute(myhtml_tree_node_t* node, const char* key) {
  myhtml_tree_attr_t* attr = myhtml_attribute_by_key(node, key, std::strlen(key));
  if (!attr) return {};
  std::size_t len = 0;
  const char* v = myhtml_attribute_value(attr, &len);
  return v ? std::string_view(v, len) : std::string_view();
}

bool Hidden(myhtml_tree_node_t* node) {
  if (myhtml_attribute_by_key(node, "hidden", 6) != nullptr) return true;
  if (ToLower(Attribute(node, "aria-hidden")) == "true") return true;
  std::string style = ToLower(Attribute(node, "style"));
  style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
  return style.find("display:none") != std::string::npos || style.find("visibility:hidden") != std::string::npos;
}

// Chooses the encoding: BOM, then the HTML5 prescan of the first 4 KiB for
// <meta charset> / http-equiv, then UTF-8 if the bytes are valid UTF-8,
// else windows-1252 (what browsers fall back to for Western pages).
myencoding_t ChooseEncoding(std::string_view bytes, HtmlPage* page, std::string_view* body) {
  myencoding_t enc = MyENCODING_DEFAULT;
  const char* rest = nullptr;
  std::size_t rest_size = 0;
  if (myencoding_detect_and_cut_bom(bytes.data(), bytes.size(), &enc, &rest, &rest_size)) {
    *body = std::string_view(rest, rest_size);
    page->encoding_source = "bom";
    return enc;
  }
  const bool valid_utf8 = IsValidUtf8(bytes);
  enc = myencoding_prescan_stream_to_determine_encoding(bytes.data(), std::min<std::size_t>(bytes.size(), 4096));
  if (enc != MyENCODING_NOT_DETERMINED && enc != MyENCODING_DEFAULT) {
    page->encoding_source = "meta";
    // A page declared as a legacy charset whose bytes are valid UTF-8 with
    // non-ASCII in them is UTF-8 mislabelled: decoding it as declared would
    // turn every "é" into "Ã©".
    const bool has_non_ascii =
        std::any_of(bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    if (valid_utf8 && has_non_ascii) {
      page->warnings.push_back("declared charset contradicted by the bytes: read as UTF-8");
      page->encoding_source = "utf-8 check";
      return MyENCODING_UTF_8;
    }
    return enc;
  }
  if (enc == MyENCODING_DEFAULT) {  // the prescan found utf-8 declared
    page->encoding_source = "meta";
    if (valid_utf8) return MyENCODING_UTF_8;
    page->warnings.push_back("declared UTF-8 but the bytes are not: read as windows-1252");
    page->encoding_source = "fallback";
    return MyENCODING_WINDOWS_1252;
  }
  page->encoding_source = valid_utf8 ? "utf-8 check" : "fallback";
  return valid_utf8 ? MyENCODING_UTF_8 : MyENCODING_WINDOWS_1252;
}

// Collects text into blocks as the walk enters and leaves elements.
class BlockCollector {
 public:
  explicit BlockCollector(HtmlPage* page) : page_(page) {}

  void Text(std::string_view s, bool preformatted, bool in_link) {
    for (char c : s) {
      const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
      if (space && !preformatted) {
        if (!current_.text.empty() && !pending_space_) {
          pending_space_ = true;
          pending_space_in_link_ = in_link;  // the space belongs where it was written
        }
        continue;
      }
      if (pending_space_) {
        current_.text.push_back(' ');
        if (pending_space_in_link_) ++current_.link_chars;
        pending_space_ = false;
      }
      current_.text.push_back(c);
      if (in_link) ++current_.link_chars;
    }
  }
  void LineBreak() {
    if (!current_.text.empty()) current_.text.push_back('\n');
    pending_space_ = false;
  }
  // Ends the current block; the next one belongs to `owner` (a block element).
  void Flush(const std::string& tag, std::size_t depth, std::size_t container, const std::string& ancestry) {
    while (!current_.text.empty() && (current_.text.back() == ' ' || current_.text.back() == '\n'))
      current_.text.pop_back();
    if (!current_.text.empty()) page_->blocks.push_back(std::move(current_));
    current_ = HtmlBlock{};
    current_.tag = tag;
    current_.depth = depth;
    current_.container = container;
    current_.ancestry = ancestry;
    pending_space_ = false;
  }

 private:
  HtmlPage* page_;
  HtmlBlock current_;
  bool pending_space_ = false;
  bool pending_space_in_link_ = false;
};

struct Frame {
  myhtml_tree_node_t* node;
  bool leaving;
};

struct BlockContext {
  std::string tag;
  std::size_t depth;
  std::size_t container;
  std::string ancestry;
};

}  // namespace

Result<HtmlPage> ParseHtmlPage(std::string_view bytes) {
  if (bytes.empty()) return Error(StatusCode::kEmptyInput, "the page is empty");
  HtmlPage page;
  std::string_view body = bytes;
  const myencoding_t enc = ChooseEncoding(bytes, &page, &body);
  std::size_t name_len = 0;
  const char* name = myencoding_name_by_id(enc, &name_len);
  page.encoding = name ? ToLower(std::string_view(name, name_len)) : "utf-8";

  std::unique_ptr<myhtml_t, decltype(&myhtml_destroy)> engine(myhtml_create(), myhtml_destroy);
  if (!engine || myhtml_init(engine.get(), MyHTML_OPTIONS_PARSE_MODE_SINGLE, 1, 0) != MyHTML_STATUS_OK)
    return Error(StatusCode::kInternal, "cannot set up the HTML parser");
  std::unique_ptr<myhtml_tree_t, decltype(&myhtml_tree_destroy)> tree(myhtml_tree_create(), myhtml_tree_destroy);
  if (!tree || myhtml_tree_init(tree.get(), engine.get()) != MyHTML_STATUS_OK)
    return Error(StatusCode::kInternal, "cannot set up the HTML tree");
  myhtml_parse(tree.get(), enc, body.data(), body.size());

  BlockCollector collector(&page);
  std::vector<Frame> stack{{myhtml_tree_get_document(tree.get()), false}};
  std::vector<BlockContext> blocks{{"body", 0, 0, ""}};
  std::size_t depth = 0, pre = 0, links = 0;
  while (!stack.empty()) {
    const Frame f = stack.back();
    stack.pop_back();
    myhtml_tree_node_t* node = f.node;
    const myhtml_tag_id_t id = myhtml_node_tag_id(node);
    if (id == MyHTML_TAG__TEXT) {
      std::size_t len = 0;
      const char* text = myhtml_node_text(node, &len);
      if (text) collector.Text(std::string_view(text, len), pre > 0, links > 0);
      continue;
    }
    if (id == MyHTML_TAG__COMMENT || id == MyHTML_TAG__DOCTYPE) continue;
    std::size_t tag_len = 0;
    const char* tag_name = id > MyHTML_TAG__COMMENT ? myhtml_tag_name_by_id(tree.get(), id, &tag_len) : nullptr;
    const std::string tag = tag_name ? ToLower(std::string_view(tag_name, tag_len)) : "";
    const bool is_block = kBlocks.count(tag) > 0;
    if (f.leaving) {
      --depth;
      if (tag == "pre") --pre;
      if (tag == "a") --links;
      if (is_block) {
        blocks.pop_back();
        const BlockContext& outer = blocks.back();
        collector.Flush(outer.tag, outer.depth, outer.container, outer.ancestry);
      }
      continue;
    }
    if (!tag.empty()) {
      ++page.elements;
      if (tag == "title" && page.title.empty()) {
        for (myhtml_tree_node_t* c = myhtml_node_child(node); c; c = myhtml_node_next(c)) {
          std::size_t len = 0;
          const char* text = myhtml_node_text(c, &len);
          if (text) page.title.append(text, len);
        }
        HtmlPage scratch;
        BlockCollector tidy(&scratch);
        tidy.Text(page.title, false, false);
        tidy.Flush("", 0, 0, "");
        page.title = scratch.blocks.empty() ? "" : scratch.blocks.front().text;
        continue;
      }
      if (tag == "head") {  // only its <title> is read
        for (myhtml_tree_node_t* c = myhtml_node_child(node); c; c = myhtml_node_next(c))
          if (myhtml_node_tag_id(c) == MyHTML_TAG_TITLE) stack.push_back({c, false});
        continue;
      }
      if (kDropped.count(tag) > 0 || Hidden(node)) continue;
      if (tag == "br") {
        collector.LineBreak();
        continue;
      }
      ++depth;
      if (tag == "pre") ++pre;
      if (tag == "a") ++links;
      if (is_block) {
        std::string ancestry = ToLower(Attribute(node, "class"));
        const std::string element_id = ToLower(Attribute(node, "id"));
        if (!element_id.empty()) ancestry += (ancestry.empty() ? "" : " ") + element_id;
        const std::string& outer = blocks.back().ancestry;
        if (!outer.empty()) ancestry += (ancestry.empty() ? "" : " ") + outer;
        if (ancestry.size() > 256) ancestry.resize(256);
        const auto container = reinterpret_cast<std::size_t>(myhtml_node_parent(node));
        blocks.push_back({tag, depth, container, ancestry});
        collector.Flush(tag, depth, container, ancestry);
      }
      stack.push_back({node, true});
    }
    // Children in reverse, so the first child is visited first.
    std::vector<myhtml_tree_node_t*> children;
    for (myhtml_tree_node_t* c = myhtml_node_child(node); c; c = myhtml_node_next(c)) children.push_back(c);
    for (auto it = children.rbegin(); it != children.rend(); ++it) stack.push_back({*it, false});
  }
  collector.Flush("", 0, 0, "");
  return page;
}

}  // namespace credence::internal
