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

#include "html/markup_text.h"
#include "html/nesting_cap.h"
#include "html/page_encoding.h"
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

// What the walk needs to know of each standard tag, by myhtml's tag id;
// custom tags (ids from MyHTML_TAG_LAST_ENTRY on) are inline and kept.
struct TagInfo {
  std::string name;
  bool dropped = false;
  bool block = false;
};

const std::vector<TagInfo>& TagTable(myhtml_tree_t* tree) {
  static const std::vector<TagInfo> table = [tree] {
    std::vector<TagInfo> t(MyHTML_TAG_LAST_ENTRY);
    for (std::size_t id = MyHTML_TAG__COMMENT + 1; id < t.size(); ++id) {
      std::size_t len = 0;
      const char* name = myhtml_tag_name_by_id(tree, static_cast<myhtml_tag_id_t>(id), &len);
      if (!name) continue;
      t[id].name = AsciiLower(std::string_view(name, len));
      t[id].dropped = kDropped.count(t[id].name) > 0;
      t[id].block = kBlocks.count(t[id].name) > 0;
    }
    return t;
  }();
  return table;
}

std::string_view Attribute(myhtml_tree_node_t* node, const char* key) {
  myhtml_tree_attr_t* attr = myhtml_attribute_by_key(node, key, std::strlen(key));
  if (!attr) return {};
  std::size_t len = 0;
  const char* v = myhtml_attribute_value(attr, &len);
  return v ? std::string_view(v, len) : std::string_view();
}

bool Hidden(myhtml_tree_node_t* node) {
  if (myhtml_attribute_by_key(node, "hidden", 6) != nullptr) return true;
  if (AsciiLower(Attribute(node, "aria-hidden")) == "true") return true;
  std::string style = AsciiLower(Attribute(node, "style"));
  style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
  return style.find("display:none") != std::string::npos || style.find("visibility:hidden") != std::string::npos;
}


// The text of an element's children, concatenated (for <title> and JSON-LD).
std::string ChildText(myhtml_tree_node_t* node) {
  std::string out;
  for (myhtml_tree_node_t* c = myhtml_node_child(node); c; c = myhtml_node_next(c)) {
    std::size_t len = 0;
    const char* text = myhtml_node_text(c, &len);
    if (text) out.append(text, len);
  }
  return out;
}

std::string CollapseSpace(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

// Reads the metadata elements: <title>, <meta>, <link rel=canonical>,
// <script type=application/ld+json>. Returns whether `tag` was one of them.
bool ReadHeadSignal(myhtml_tree_node_t* node, const std::string& tag, HeadSignals* head) {
  if (tag == "title") {
    if (head->title.empty()) head->title = CollapseSpace(ChildText(node));
    return true;
  }
  if (tag == "meta") {
    std::string_view content = Attribute(node, "content");
    if (content.empty()) return true;
    std::string key = AsciiLower(Attribute(node, "name"));
    if (key.empty()) key = AsciiLower(Attribute(node, "property"));
    if (key.empty()) key = AsciiLower(Attribute(node, "itemprop"));
    if (key.empty()) key = AsciiLower(Attribute(node, "http-equiv"));
    if (!key.empty() && head->meta.size() < 1000) head->meta.emplace_back(std::move(key), std::string(content));
    return true;
  }
  if (tag == "link") {
    if (head->canonical.empty() && AsciiLower(Attribute(node, "rel")) == "canonical")
      head->canonical = std::string(Attribute(node, "href"));
    return true;
  }
  if (tag == "script") {
    if (AsciiLower(Attribute(node, "type")) == "application/ld+json" && head->json_ld.size() < 100)
      head->json_ld.push_back(ChildText(node));
    return true;
  }
  return false;
}

// Collects text into blocks as the walk enters and leaves elements.
class BlockCollector {
 public:
  explicit BlockCollector(HtmlPage* page) : page_(page) {}

  void Text(std::string_view s, bool preformatted) {
    for (char c : s) {
      const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
      if (space && !preformatted) {
        if (!current_.text.empty() && !pending_space_) {
          pending_space_ = true;
          pending_space_in_link_ = link_open_ && link_start_ != kNone;  // the space belongs where it was written
        }
        continue;
      }
      if (pending_space_) {
        current_.text.push_back(' ');
        if (pending_space_in_link_) ++current_.link_chars;
        pending_space_ = false;
      }
      if (link_open_) {
        if (link_start_ == kNone) link_start_ = current_.text.size();
        ++current_.link_chars;
      }
      current_.text.push_back(c);
    }
  }
  void LineBreak() {
    if (!current_.text.empty()) current_.text.push_back('\n');
    pending_space_ = false;
  }
  void OpenLink(std::string_view href) {
    link_open_ = true;
    link_start_ = kNone;
    href_ = std::string(href);
  }
  void CloseLink() {
    EndLink();
    link_open_ = false;
  }
  // Ends the current block; the next one belongs to block element `element`.
  void Flush(const std::string& tag, std::size_t element) {
    EndLink();
    while (!current_.text.empty() && (current_.text.back() == ' ' || current_.text.back() == '\n'))
      current_.text.pop_back();
    for (HtmlLink& link : current_.links) link.end = std::min(link.end, current_.text.size());
    if (!current_.text.empty()) page_->blocks.push_back(std::move(current_));
    current_ = HtmlBlock{};
    current_.tag = tag;
    current_.element = element;
    pending_space_ = false;
  }

 private:
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  // Records the open link's text so far (a block boundary inside a link
  // splits it in two).
  void EndLink() {
    if (link_open_ && link_start_ != kNone && current_.text.size() > link_start_)
      current_.links.push_back({link_start_, current_.text.size(), href_});
    link_start_ = kNone;
  }

  HtmlPage* page_;
  HtmlBlock current_;
  bool pending_space_ = false;
  bool pending_space_in_link_ = false;
  bool link_open_ = false;
  std::size_t link_start_ = kNone;
  std::string href_;
};

// One parser and one tree per thread, made on first use: setting myhtml up
// costs more than parsing a small page.
struct ParserSlot {
  std::unique_ptr<myhtml_t, decltype(&myhtml_destroy)> engine{nullptr, myhtml_destroy};
  std::unique_ptr<myhtml_tree_t, decltype(&myhtml_tree_destroy)> tree{nullptr, myhtml_tree_destroy};
};

Result<ParserSlot*> ThreadParser() {
  thread_local ParserSlot slot;
  if (!slot.engine) {
    slot.engine.reset(myhtml_create());
    if (!slot.engine || myhtml_init(slot.engine.get(), MyHTML_OPTIONS_PARSE_MODE_SINGLE, 1, 0) != MyHTML_STATUS_OK) {
      slot.engine.reset();
      return Error(StatusCode::kInternal, "cannot set up the HTML parser");
    }
  }
  if (!slot.tree) {
    slot.tree.reset(myhtml_tree_create());
    if (!slot.tree || myhtml_tree_init(slot.tree.get(), slot.engine.get()) != MyHTML_STATUS_OK) {
      slot.tree.reset();
      return Error(StatusCode::kInternal, "cannot set up the HTML tree");
    }
  }
  return &slot;
}

struct Frame {
  myhtml_tree_node_t* node;
  bool leaving;
};

// The class, id and ARIA role words of an element, lower case, at most 128 bytes.
std::string ElementWords(myhtml_tree_node_t* node) {
  std::string words = CollapseSpace(AsciiLower(Attribute(node, "class")));
  const std::string id = CollapseSpace(AsciiLower(Attribute(node, "id")));
  if (!id.empty()) words += (words.empty() ? "" : " ") + id;
  const std::string role = CollapseSpace(AsciiLower(Attribute(node, "role")));
  if (!role.empty()) words += (words.empty() ? "" : " ") + role;
  if (words.size() > 128) words.resize(128);
  return words;
}

}  // namespace

std::string HtmlPage::Ancestry(std::size_t element, std::size_t levels) const {
  std::string out;
  for (std::size_t e = element; e != 0 && e < elements.size() && levels > 0; e = elements[e].parent) {
    if (elements[e].words.empty()) continue;
    --levels;
    if (!out.empty()) out.push_back(' ');
    out += elements[e].words;
  }
  return out;
}

Result<HtmlPage> ParseHtmlPage(std::string_view bytes) {
  if (bytes.empty()) return Error(StatusCode::kEmptyInput, "the page is empty");
  HtmlPage page;
  const PageBytes decoded = DecodePageBytes(bytes);
  page.encoding = decoded.encoding;
  page.encoding_source = decoded.source;
  page.warnings = decoded.warnings;
  std::string_view body = decoded.Bytes();
  const auto enc = static_cast<myencoding_t>(decoded.parser_encoding);
  std::string flattened;
  if (CapNesting(body, kMaxHtmlNesting, &flattened)) {
    body = flattened;
    page.warnings.push_back("elements nested deeper than " + std::to_string(kMaxHtmlNesting) +
                            " levels were flattened (their text is kept)");
  }

  Result<ParserSlot*> slot = ThreadParser();
  if (!slot) return tl::unexpected(slot.error());
  myhtml_tree_t* tree = (*slot)->tree.get();
  // The tree is reused by the next call on this thread; one that held a
  // large page is rebuilt, so its memory does not stay with the thread.
  struct Reset {
    ParserSlot* slot;
    std::size_t bytes;
    ~Reset() {
      if (bytes > (std::size_t{8} << 20)) slot->tree.reset();
      else myhtml_tree_clean(slot->tree.get());
    }
  } reset{*slot, body.size()};
  myhtml_parse(tree, enc, body.data(), body.size());

  const std::vector<TagInfo>& tags = TagTable(tree);
  BlockCollector collector(&page);
  page.elements.push_back({"#document", 0, 0, "", ""});
  std::vector<Frame> stack{{myhtml_tree_get_document(tree), false}};
  std::vector<std::size_t> open_blocks{0};  // indices into page.elements
  std::size_t pre = 0;
  std::vector<myhtml_tree_node_t*> children;
  while (!stack.empty()) {
    const Frame f = stack.back();
    stack.pop_back();
    myhtml_tree_node_t* node = f.node;
    const myhtml_tag_id_t id = myhtml_node_tag_id(node);
    if (id == MyHTML_TAG__TEXT) {
      std::size_t len = 0;
      const char* text = myhtml_node_text(node, &len);
      if (text) collector.Text(std::string_view(text, len), pre > 0);
      continue;
    }
    if (id == MyHTML_TAG__COMMENT || id == MyHTML_TAG__DOCTYPE) continue;
    static const TagInfo kCustom;
    const TagInfo& info = id < tags.size() ? tags[id] : kCustom;
    const std::string& tag = info.name;
    const bool is_block = info.block;
    if (f.leaving) {
      if (tag == "pre") --pre;
      if (tag == "a") collector.CloseLink();
      if (is_block) {
        open_blocks.pop_back();
        const std::size_t outer = open_blocks.back();
        collector.Flush(page.elements[outer].tag, outer);
      }
      continue;
    }
    if (id > MyHTML_TAG__COMMENT) {
      ++page.element_count;
      const bool head_signal = id == MyHTML_TAG_TITLE || id == MyHTML_TAG_META || id == MyHTML_TAG_LINK ||
                               id == MyHTML_TAG_SCRIPT;
      if (head_signal && ReadHeadSignal(node, tag, &page.head)) continue;
      if (tag == "html" && page.head.html_lang.empty()) page.head.html_lang = std::string(Attribute(node, "lang"));
      if (tag == "head") {  // only its metadata elements are read, in document order
        children.clear();
        for (myhtml_tree_node_t* c = myhtml_node_child(node); c; c = myhtml_node_next(c)) children.push_back(c);
        for (auto it = children.rbegin(); it != children.rend(); ++it) stack.push_back({*it, false});
        continue;
      }
      if (info.dropped || Hidden(node)) continue;
      if (tag == "br") {
        collector.LineBreak();
        continue;
      }
      if (tag == "pre") ++pre;
      if (tag == "a") collector.OpenLink(Attribute(node, "href"));
      if (is_block) {
        const std::size_t parent = open_blocks.back();
        page.elements.push_back({tag, parent, page.elements[parent].depth + 1, ElementWords(node),
                                 AsciiLower(Attribute(node, "itemprop"))});
        open_blocks.push_back(page.elements.size() - 1);
        collector.Flush(tag, page.elements.size() - 1);
      }
      stack.push_back({node, true});
    }
    // Children in reverse, so the first child is visited first.
    children.clear();
    for (myhtml_tree_node_t* c = myhtml_node_child(node); c; c = myhtml_node_next(c)) children.push_back(c);
    for (auto it = children.rbegin(); it != children.rend(); ++it) stack.push_back({*it, false});
  }
  collector.Flush("", 0);
  return page;
}

}  // namespace credence::internal
