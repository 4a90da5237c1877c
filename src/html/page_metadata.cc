// Reading a page's metadata from its head signals. Each field takes the
// first source, in this order, that gives a usable value:
//
//   title        JSON-LD headline (or name) > og:title > twitter:title > <title>;
//                then " | Site", " - Site", " – Site", " — Site", " :: Site",
//                " · Site" is cut (as a suffix or a prefix) when Site names the
//                site, and for <title> also one short capitalised tail (≤ 5
//                words, ≤ 40 bytes, shorter than the rest), which is usually a
//                site or section name the page does not state elsewhere
//   authors      JSON-LD author (else creator) names > meta author /
//                article:author > dc.creator / dcterms.creator /
//                parsely-author / sailthru.author / byl; URLs, handles, e-mail
//                addresses and the site's own organisation are not names
//   published    JSON-LD datePublished > article:published_time >
//                og:published_time / pubdate / publishdate / date / dc.date /
//                dc.date.issued / dcterms.created / parsely-pub-date /
//                sailthru.date / itemprop datePublished; only "YYYY-MM..." values
//   modified     JSON-LD dateModified > article:modified_time > og:updated_time >
//                dc.date.modified / dcterms.modified / last-modified / itemprop
//                dateModified
//   site_name    og:site_name > JSON-LD publisher name > application-name
//   language     <html lang> > og:locale ("en_US" -> "en-us") > JSON-LD
//                inLanguage > content-language / language / dc.language meta
//   canonical    <link rel=canonical> > og:url > JSON-LD mainEntityOfPage > url;
//                absolute http(s) URLs only
//   description  og:description > description > twitter:description > JSON-LD
//   section      article:section > JSON-LD articleSection > parsely-section
//
// JSON-LD dates, inLanguage and publisher fall back from the article object
// to the page's WebPage object, where Yoast-style @graphs often keep them;
// {"@id": ...} references are resolved within the page's blocks. Blocks are
// repaired before parsing (raw control characters in strings, trailing
// commas, comment and CDATA wrappers, invalid UTF-8), because sites emit them
// by hand; a block that still does not parse is skipped.
#include "html/page_metadata.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <exception>
#include <initializer_list>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "text/utf8.h"

namespace credence::internal {
namespace {

using Json = nlohmann::json;

constexpr std::size_t kMaxFieldBytes = 2000;
constexpr std::size_t kMaxAuthors = 20;
constexpr std::size_t kMaxAuthorBytes = 100;
constexpr std::size_t kMaxNodes = 4096;  // JSON-LD objects examined per page
constexpr int kMaxDepth = 6;             // how deep @graph / mainEntity nesting is followed

bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c; }

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (AsciiLower(s[i]) != AsciiLower(prefix[i])) return false;
  return true;
}

// Cuts `s` to at most `max` bytes without splitting a UTF-8 sequence.
void Bound(std::string* s, std::size_t max) {
  if (s->size() <= max) return;
  std::size_t end = max;
  while (end > 0 && (static_cast<unsigned char>((*s)[end]) & 0xC0) == 0x80) --end;
  s->resize(end);
}

// Collapses white space (Unicode spaces too; zero-width ones vanish) and
// trims. With `keep_lines`, a run holding one line break becomes "\n" and a
// run holding more becomes "\n\n", so an article body keeps its paragraphs.
std::string Collapse(std::string_view s, bool keep_lines = false) {
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

std::string Clean(std::string_view s) {
  std::string out = Collapse(s);
  Bound(&out, kMaxFieldBytes);
  return out;
}

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

// Decodes the common named entities and all numeric ones; anything else
// stays as written.
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

// Removes HTML tags, comments and script/style elements; block tags become
// paragraph breaks and <br>, <li>, <hr> line breaks (for Collapse to keep).
// A tag's '>' is looked for within kMaxTagBytes, and a missing "-->" or end
// tag is remembered, so that hostile input stays linear.
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

// A JSON-LD string as text: entities decoded, tags removed, white space collapsed.
std::string CleanJsonText(std::string_view s) { return Clean(StripTags(DecodeEntities(s))); }

// Returns the text of a JSON-LD value: a string, the first string of an
// array, or a {"@value": ...} object's string; "" otherwise.
std::string_view TextOf(const Json& v) {
  if (v.is_string()) return v.get_ref<const std::string&>();
  if (v.is_array()) {
    for (const Json& e : v)
      if (e.is_string() && !e.get_ref<const std::string&>().empty()) return e.get_ref<const std::string&>();
  }
  if (v.is_object()) {
    auto it = v.find("@value");
    if (it != v.end() && it->is_string()) return it->get_ref<const std::string&>();
  }
  return {};
}

const Json* Field(const Json* node, const char* key) {
  if (node == nullptr || !node->is_object()) return nullptr;
  auto it = node->find(key);
  return it == node->end() || it->is_null() ? nullptr : &*it;
}

std::string_view FieldText(const Json* node, const char* key) {
  const Json* v = Field(node, key);
  return v ? TextOf(*v) : std::string_view();
}

// "http://schema.org/NewsArticle" and "schema:NewsArticle" are NewsArticle.
std::string_view LocalName(std::string_view type) {
  std::size_t cut = type.find_last_of("/:#");
  return cut == std::string_view::npos ? type : type.substr(cut + 1);
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

enum TypeRank { kArticle = 0, kPage = 1, kOther = 2 };

TypeRank RankOfType(std::string_view type) {
  std::string_view t = LocalName(type);
  if (EndsWith(t, "Article") || EndsWith(t, "BlogPosting") || t == "Report") return kArticle;
  if (t == "WebPage" || t == "ItemPage") return kPage;
  return kOther;
}

TypeRank RankOf(const Json& node) {
  const Json* type = Field(&node, "@type");
  if (type == nullptr) return kOther;
  TypeRank best = kOther;
  if (type->is_string()) best = RankOfType(type->get_ref<const std::string&>());
  if (type->is_array())
    for (const Json& t : *type)
      if (t.is_string()) best = std::min(best, RankOfType(t.get_ref<const std::string&>()));
  return best;
}

bool HasTypeEnding(const Json& node, std::string_view suffix) {
  const Json* type = Field(&node, "@type");
  if (type == nullptr) return false;
  if (type->is_string()) return EndsWith(type->get_ref<const std::string&>(), suffix);
  if (type->is_array())
    for (const Json& t : *type)
      if (t.is_string() && EndsWith(t.get_ref<const std::string&>(), suffix)) return true;
  return false;
}

// Returns a JSON-LD block as JSON text nlohmann accepts: without comment or
// CDATA wrappers, with raw control characters in strings escaped, trailing
// commas dropped and invalid UTF-8 replaced. Valid JSON passes unchanged.
std::string RepairJson(std::string_view s) {
  auto trim = [](std::string_view* v) {
    while (!v->empty() && IsAsciiSpace(v->front())) v->remove_prefix(1);
    while (!v->empty() && (IsAsciiSpace(v->back()) || v->back() == ';')) v->remove_suffix(1);
  };
  trim(&s);
  for (std::string_view open : {"<!--", "//<![CDATA[", "<![CDATA["})
    if (s.substr(0, open.size()) == open) s.remove_prefix(open.size()), trim(&s);
  for (std::string_view close : {"-->", "//]]>", "]]>"})
    if (EndsWith(s, close)) s.remove_suffix(close.size()), trim(&s);
  std::string out;
  out.reserve(s.size());
  bool in_string = false;
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      std::size_t len = ValidUtf8SequenceLength(s, i);
      out.append(len ? s.substr(i, len) : std::string_view("\xEF\xBF\xBD"));
      i += len ? len : 1;
      continue;
    }
    if (in_string) {
      if (c == '\\' && i + 1 < s.size()) {
        out.append(s.substr(i, 2));
        i += 2;
        continue;
      }
      if (c == '"') in_string = false;
      if (c == '\n') out.append("\\n");
      else if (c == '\t') out.append("\\t");
      else if (c < 0x20) out.push_back(' ');
      else out.push_back(static_cast<char>(c));
    } else if (c == ',') {
      std::size_t j = i + 1;
      while (j < s.size() && IsAsciiSpace(s[j])) ++j;
      if (j == s.size() || (s[j] != '}' && s[j] != ']')) out.push_back(',');
    } else {
      if (c == '"') in_string = true;
      out.push_back(static_cast<char>(c));
    }
    ++i;
  }
  return out;
}

// The parsed JSON-LD of a page: its objects in document order (those inside
// @graph, arrays and mainEntity included) and an index of them by @id.
struct JsonLd {
  std::vector<Json> blocks;
  std::vector<const Json*> nodes;
  std::unordered_map<std::string, const Json*> by_id;

  // Returns the object `v` refers to when it is a bare {"@id": ...} reference.
  const Json* Resolve(const Json* v) const {
    if (v == nullptr || !v->is_object()) return v;
    auto id = v->find("@id");
    if (id == v->end() || !id->is_string() || v->contains("name")) return v;
    auto it = by_id.find(id->get_ref<const std::string&>());
    return it == by_id.end() ? v : it->second;
  }
};

void Collect(const Json& root, JsonLd* ld) {
  std::vector<std::pair<const Json*, int>> stack = {{&root, 0}};
  while (!stack.empty() && ld->nodes.size() < kMaxNodes) {
    auto [v, depth] = stack.back();
    stack.pop_back();
    if (depth > kMaxDepth) continue;
    if (v->is_array()) {
      for (auto it = v->rbegin(); it != v->rend(); ++it) stack.push_back({&*it, depth + 1});
      continue;
    }
    if (!v->is_object()) continue;
    ld->nodes.push_back(v);
    auto id = v->find("@id");
    if (id != v->end() && id->is_string() && v->size() > 1) ld->by_id.emplace(id->get_ref<const std::string&>(), v);
    for (const char* key : {"mainEntity", "@graph"}) {
      const Json* child = Field(v, key);
      if (child && (child->is_object() || child->is_array())) stack.push_back({child, depth + 1});
    }
  }
}

JsonLd ParseJsonLd(const std::vector<std::string>& texts) {
  JsonLd ld;
  ld.blocks.reserve(texts.size());  // nodes point into the blocks
  for (const std::string& text : texts) {
    Json j = Json::parse(RepairJson(text), nullptr, /*allow_exceptions=*/false, /*ignore_comments=*/true);
    if (!j.is_discarded()) ld.blocks.push_back(std::move(j));
  }
  for (const Json& b : ld.blocks) Collect(b, &ld);
  return ld;
}

// The values of the meta entries whose key is one of `keys`, in document order.
std::vector<std::string_view> MetaValues(const HeadSignals& head, std::initializer_list<std::string_view> keys) {
  std::vector<std::string_view> out;
  for (const auto& [key, value] : head.meta)
    for (std::string_view k : keys)
      if (key.size() == k.size() && StartsWithNoCase(key, k)) out.push_back(value);
  return out;
}

// Returns the first meta value under `keys` (in document order) that is
// non-empty after cleaning and that `ok` accepts.
template <typename Pred>
std::string FirstMeta(const HeadSignals& head, std::initializer_list<std::string_view> keys, Pred ok) {
  for (std::string_view v : MetaValues(head, keys)) {
    std::string s = Clean(v);
    if (!s.empty() && ok(s)) return s;
  }
  return {};
}

std::string FirstMeta(const HeadSignals& head, std::initializer_list<std::string_view> keys) {
  return FirstMeta(head, keys, [](const std::string&) { return true; });
}

bool IsIsoDate(std::string_view s) {
  return s.size() >= 7 && IsAsciiDigit(s[0]) && IsAsciiDigit(s[1]) && IsAsciiDigit(s[2]) && IsAsciiDigit(s[3]) &&
         s[4] == '-' && IsAsciiDigit(s[5]) && IsAsciiDigit(s[6]);
}

bool IsHttpUrl(std::string_view s) {
  std::size_t host;
  if (StartsWithNoCase(s, "https://")) host = 8;
  else if (StartsWithNoCase(s, "http://")) host = 7;
  else return false;
  if (s.size() <= host || s[host] == '/' || s[host] == '?' || s[host] == '#') return false;
  return std::none_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) <= ' '; });
}

// Returns `s` as a BCP 47 tag in lower case ("en_US" -> "en-us"), or "" when
// it does not look like one. Only the first of a list ("en, fr") counts.
std::string NormalizeLanguage(std::string_view s) {
  std::string tag;
  for (char c : Clean(s)) {
    if (c == ',' || c == ';') break;
    tag.push_back(c == '_' ? '-' : AsciiLower(c));
  }
  while (!tag.empty() && tag.back() == ' ') tag.pop_back();
  std::size_t start = 0, subtags = 0;
  while (start <= tag.size()) {
    std::size_t end = std::min(tag.find('-', start), tag.size());
    std::string_view sub(tag.data() + start, end - start);
    bool primary = subtags == 0;
    if (sub.empty() || sub.size() > 8 || (primary && (sub.size() < 2 || sub.size() > 3))) return {};
    for (char c : sub)
      if (!IsAsciiAlpha(c) && (primary || !IsAsciiDigit(c))) return {};
    if (++subtags > 8) return {};
    start = end + 1;
  }
  return tag;
}

// "The Daily Example", "Daily Example" and "dailyexample.com" name one site.
std::string SiteKey(std::string_view s) {
  std::string lower = ToLower(Clean(s));
  std::string_view v = lower;
  if (StartsWithNoCase(v, "www.")) v.remove_prefix(4);
  for (std::string_view tld : {".com", ".co.uk", ".org", ".net", ".news"})
    if (EndsWith(v, tld)) v.remove_suffix(tld.size());
  if (StartsWithNoCase(v, "the ")) v.remove_prefix(4);
  std::string key;
  for (char c : v)
    if (!IsAsciiSpace(c) && !(static_cast<unsigned char>(c) < 0x80 && !IsAsciiAlpha(c) && !IsAsciiDigit(c))) key.push_back(c);
  return key;
}

bool SameSite(std::string_view a, std::string_view b) {
  std::string ka = SiteKey(a);
  return !ka.empty() && ka == SiteKey(b);
}

constexpr std::array<std::string_view, 7> kTitleSeparators = {" | ", " - ", " \u2013 ", " \u2014 ", " :: ", " \u00B7 ", " \u2022 "};

// Finds the last (or first) title separator; returns its position and length.
std::pair<std::size_t, std::size_t> FindSeparator(std::string_view title, bool last) {
  std::pair<std::size_t, std::size_t> best = {std::string_view::npos, 0};
  for (std::string_view sep : kTitleSeparators) {
    std::size_t at = last ? title.rfind(sep) : title.find(sep);
    if (at == std::string_view::npos) continue;
    if (best.first == std::string_view::npos || (last ? at > best.first : at < best.first)) best = {at, sep.size()};
  }
  return best;
}

std::size_t CountWords(std::string_view s) {
  return s.empty() ? 0 : static_cast<std::size_t>(std::count(s.begin(), s.end(), ' ')) + 1;
}

std::string StripSiteName(std::string title, std::string_view site_name, bool from_title_tag) {
  if (!site_name.empty()) {
    auto [at, len] = FindSeparator(title, /*last=*/true);
    if (at != std::string::npos && at > 0 && SameSite(std::string_view(title).substr(at + len), site_name)) {
      title.resize(at);
    } else {
      std::tie(at, len) = FindSeparator(title, /*last=*/false);
      if (at != std::string::npos && at + len < title.size() && SameSite(std::string_view(title).substr(0, at), site_name))
        title.erase(0, at + len);
    }
  }
  if (from_title_tag) {
    auto [at, len] = FindSeparator(title, /*last=*/true);
    if (at != std::string::npos && at > 0) {
      std::string_view tail = std::string_view(title).substr(at + len);
      if (!tail.empty() && tail.size() <= 40 && tail.size() < at && CountWords(tail) <= 5 &&
          !IsLower(DecodeAt(tail, 0).value))
        title.resize(at);
    }
  }
  return title;
}

// Bylines that are roles, not people: "Staff Writer", "News Desk".
bool IsRoleOnly(std::string_view name) {
  static const std::unordered_set<std::string_view> kRoleWords = {
      "staff", "writer", "writers", "reporter", "reporters", "correspondent", "editor", "editors", "senior",
      "chief", "contributor", "contributing", "columnist", "political", "special", "news", "desk"};
  std::string lower = ToLower(name);
  std::string_view rest = lower;
  while (!rest.empty()) {
    std::size_t sp = std::min(rest.find(' '), rest.size());
    if (!kRoleWords.count(rest.substr(0, sp))) return false;
    rest.remove_prefix(std::min(sp + 1, rest.size()));
  }
  return true;
}

std::string_view DropBy(std::string_view s) {
  for (std::string_view by : {"by:", "by "})
    if (StartsWithNoCase(s, by)) {
      s.remove_prefix(by.size());
      while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    }
  return s;
}

class AuthorList {
 public:
  explicit AuthorList(std::vector<std::string>* out) : out_(out) {}

  // Adds the names in a byline: "By A and B", "A, B & C".
  void AddByline(std::string_view raw) {
    std::string s = Collapse(raw);
    std::string_view rest = DropBy(s);
    if (IsUrlLike(rest)) return;
    // "Doe, Jane" is one name, inverted; "Jane Doe, John Roe" are two.
    std::size_t comma = rest.find(',');
    bool inverted = comma != std::string_view::npos && rest.find(',', comma + 1) == std::string_view::npos &&
                    CountWords(Trim(rest.substr(0, comma))) == 1 && CountWords(Trim(rest.substr(comma + 1))) == 1;
    std::vector<std::string_view> parts;
    SplitOn(rest, inverted ? std::string_view() : std::string_view(","), &parts);
    for (std::string_view p : parts) {
      std::vector<std::string_view> names;
      SplitAnd(p, &names);
      for (std::string_view n : names) AddName(n);
    }
  }

 private:
  static std::string_view Trim(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
  }
  static bool IsUrlLike(std::string_view s) {
    return s.find("://") != std::string_view::npos || StartsWithNoCase(s, "www.") || s.find('/') != std::string_view::npos ||
           s.find('@') != std::string_view::npos;
  }
  // Whether the ';' at s[i] ends an entity ("&eacute;") rather than a name.
  static bool EndsEntity(std::string_view s, std::size_t i) {
    std::size_t amp = s.rfind('&', i);
    if (amp == std::string_view::npos || i - amp > 10 || i - amp < 2) return false;
    for (std::size_t k = amp + 1; k < i; ++k)
      if (!IsAsciiAlpha(s[k]) && !IsAsciiDigit(s[k]) && s[k] != '#') return false;
    return true;
  }
  static void SplitOn(std::string_view s, std::string_view seps, std::vector<std::string_view>* out) {
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
      if (i == s.size() || seps.find(s[i]) != std::string_view::npos || (s[i] == ';' && !EndsEntity(s, i)) ||
          s[i] == '|') {
        out->push_back(Trim(s.substr(start, i - start)));
        start = i + 1;
      }
    }
  }
  // Splits on " and " / " & " only between capitalised names, so "Guardian
  // staff and agencies" stays whole.
  static void SplitAnd(std::string_view s, std::vector<std::string_view>* out) {
    for (std::string_view sep : {" and ", " & "}) {
      std::size_t at = s.find(sep);
      if (at == std::string_view::npos) continue;
      std::string_view left = Trim(s.substr(0, at)), right = Trim(s.substr(at + sep.size()));
      if (!left.empty() && !right.empty() && !IsLower(DecodeAt(left, 0).value) && !IsLower(DecodeAt(right, 0).value)) {
        SplitAnd(left, out);
        SplitAnd(right, out);
        return;
      }
    }
    out->push_back(s);
  }
  void AddName(std::string_view n) {
    n = Trim(DropBy(Trim(n)));
    if (StartsWithNoCase(n, "and ")) n = Trim(n.substr(4));
    if (n.empty() || n.size() > kMaxAuthorBytes || out_->size() >= kMaxAuthors || IsUrlLike(n)) return;
    if (IsLower(DecodeAt(n, 0).value) || IsRoleOnly(n)) return;
    bool letter = false;
    for (std::size_t i = 0; i < n.size() && !letter; i += DecodeAt(n, i).length) letter = IsLetter(DecodeAt(n, i).value);
    if (!letter) return;
    std::string key = ToLower(n);
    if (!seen_.insert(key).second) return;
    out_->emplace_back(n);
  }

  std::vector<std::string>* out_;
  std::unordered_set<std::string> seen_;
};

// Adds the names a JSON-LD author value gives: a string, a Person (or a
// reference to one), or an array of those. Organisations that are the site
// itself are not authors.
void AddJsonAuthors(const Json& v, const JsonLd& ld, std::string_view site_name, AuthorList* list, int depth = 0) {
  if (v.is_string()) {
    list->AddByline(CleanJsonText(v.get_ref<const std::string&>()));
  } else if (v.is_array() && depth == 0) {
    for (const Json& e : v) AddJsonAuthors(e, ld, site_name, list, depth + 1);
  } else if (v.is_object()) {
    const Json* node = ld.Resolve(&v);
    std::string name = CleanJsonText(FieldText(node, "name"));
    if (name.empty()) {
      name = CleanJsonText(std::string(FieldText(node, "givenName")) + " " + std::string(FieldText(node, "familyName")));
    }
    if (HasTypeEnding(*node, "Organization") && !site_name.empty() && SameSite(name, site_name)) return;
    list->AddByline(name);
  }
}

std::string JsonUrl(const Json* v, const JsonLd& ld) {
  if (v == nullptr) return {};
  std::string s = Clean(TextOf(*v));
  if (s.empty() && v->is_object()) {
    // A WebPage's url is its address; its @id may be a "#webpage" name.
    const Json* node = ld.Resolve(v);
    s = Clean(FieldText(node, "url"));
    if (!IsHttpUrl(s)) s = Clean(FieldText(node, "@id"));
  }
  return IsHttpUrl(s) ? s : std::string();
}

// The JSON-LD object that describes the article, and the page's WebPage.
struct Subjects {
  const Json* article = nullptr;
  const Json* page = nullptr;

  // A field of the article, else of the page.
  const Json* Get(const char* key) const {
    const Json* v = Field(article, key);
    return v ? v : Field(page, key);
  }
};

Subjects FindSubjects(const JsonLd& ld) {
  Subjects s;
  int best = 2 * kOther;
  for (const Json* node : ld.nodes) {
    TypeRank rank = RankOf(*node);
    if (rank == kPage && s.page == nullptr) s.page = node;
    if (rank == kOther) continue;
    bool described = Field(node, "headline") || Field(node, "articleBody");
    int score = 2 * rank + (described ? 0 : 1);
    if (score < best) best = score, s.article = node;
  }
  if (s.page == s.article) s.page = nullptr;
  return s;
}

void Read(const HeadSignals& head, PageMetadata* m) {
  JsonLd ld = ParseJsonLd(head.json_ld);
  Subjects subj = FindSubjects(ld);

  m->site_name = FirstMeta(head, {"og:site_name"});
  if (m->site_name.empty()) {
    const Json* pub = subj.Get("publisher");
    if (pub && pub->is_array() && !pub->empty()) pub = &pub->front();
    if (pub) m->site_name = pub->is_string() ? CleanJsonText(TextOf(*pub)) : CleanJsonText(FieldText(ld.Resolve(pub), "name"));
  }
  if (m->site_name.empty()) m->site_name = FirstMeta(head, {"application-name"});

  bool from_title_tag = false;
  std::string title = CleanJsonText(FieldText(subj.article, "headline"));
  if (title.empty() && subj.article && RankOf(*subj.article) == kArticle) title = CleanJsonText(FieldText(subj.article, "name"));
  if (title.empty()) title = FirstMeta(head, {"og:title"});
  if (title.empty()) title = FirstMeta(head, {"twitter:title"});
  if (title.empty()) title = Clean(head.title), from_title_tag = true;
  m->title = StripSiteName(title, m->site_name, from_title_tag);
  if (m->title.empty()) m->title = title;

  AuthorList authors(&m->authors);
  const Json* author = Field(subj.article, "author");
  if (author == nullptr) author = Field(subj.article, "creator");
  if (author) AddJsonAuthors(*author, ld, m->site_name, &authors);
  if (m->authors.empty())
    for (std::string_view v : MetaValues(head, {"author", "article:author"})) authors.AddByline(v);
  if (m->authors.empty())
    for (std::string_view v : MetaValues(head, {"dc.creator", "dcterms.creator", "parsely-author", "sailthru.author", "byl"}))
      authors.AddByline(v);

  auto iso = [](const std::string& s) { return IsIsoDate(s); };
  const Json* published = subj.Get("datePublished");
  if (published) m->published = CleanJsonText(TextOf(*published));
  if (!IsIsoDate(m->published)) m->published = FirstMeta(head, {"article:published_time"}, iso);
  if (m->published.empty())
    m->published = FirstMeta(head,
                             {"og:published_time", "pubdate", "publishdate", "date", "dc.date", "dc.date.issued",
                              "dcterms.created", "parsely-pub-date", "sailthru.date", "datepublished"},
                             iso);
  const Json* modified = subj.Get("dateModified");
  if (modified) m->modified = CleanJsonText(TextOf(*modified));
  if (!IsIsoDate(m->modified)) m->modified = FirstMeta(head, {"article:modified_time"}, iso);
  if (m->modified.empty()) m->modified = FirstMeta(head, {"og:updated_time"}, iso);
  if (m->modified.empty())
    m->modified = FirstMeta(head, {"dc.date.modified", "dcterms.modified", "last-modified", "datemodified"}, iso);

  m->language = NormalizeLanguage(head.html_lang);
  for (std::string_view v : MetaValues(head, {"og:locale"}))
    if (m->language.empty()) m->language = NormalizeLanguage(v);
  if (m->language.empty()) {
    const Json* lang = subj.Get("inLanguage");
    if (lang && lang->is_object()) lang = ld.Resolve(lang);
    if (lang) m->language = NormalizeLanguage(lang->is_object() ? FieldText(lang, "alternateName") : TextOf(*lang));
  }
  for (std::string_view v : MetaValues(head, {"content-language", "language", "dc.language"}))
    if (m->language.empty()) m->language = NormalizeLanguage(v);

  m->canonical_url = Clean(head.canonical);
  if (!IsHttpUrl(m->canonical_url)) m->canonical_url = FirstMeta(head, {"og:url"}, IsHttpUrl);
  if (m->canonical_url.empty()) m->canonical_url = JsonUrl(Field(subj.article, "mainEntityOfPage"), ld);
  if (m->canonical_url.empty()) m->canonical_url = JsonUrl(Field(subj.article, "url"), ld);

  m->description = FirstMeta(head, {"og:description"});
  if (m->description.empty()) m->description = FirstMeta(head, {"description"});
  if (m->description.empty()) m->description = FirstMeta(head, {"twitter:description"});
  if (m->description.empty()) m->description = CleanJsonText(FieldText(subj.article, "description"));

  m->section = FirstMeta(head, {"article:section"});
  if (m->section.empty()) m->section = CleanJsonText(FieldText(subj.article, "articleSection"));
  if (m->section.empty()) m->section = FirstMeta(head, {"parsely-section"});

  std::string_view body = FieldText(subj.article, "articleBody");
  if (body.empty()) body = FieldText(subj.article, "text");
  m->json_ld_body = Collapse(StripTags(DecodeEntities(body)), /*keep_lines=*/true);
}

}  // namespace

PageMetadata ReadPageMetadata(const HeadSignals& head) {
  PageMetadata m;
  // nlohmann is asked not to throw, and nothing here should; the catch keeps
  // the contract (malformed input gives empty fields) if anything does.
  try {
    Read(head, &m);
  } catch (const std::exception&) {
    return PageMetadata{};
  }
  return m;
}

}  // namespace credence::internal
