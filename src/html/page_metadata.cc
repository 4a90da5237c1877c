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
// repaired before parsing (json_ld.h: raw control characters in strings,
// trailing commas, comment and CDATA wrappers, invalid UTF-8), because sites
// emit them by hand; a block that still does not parse is skipped.
#include "html/page_metadata.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <exception>
#include <initializer_list>
#include <string_view>
#include <tuple>
#include <unordered_set>

#include "html/author_names.h"
#include "html/json_ld.h"
#include "html/markup_text.h"
#include "text/utf8.h"

namespace credence::internal {
namespace {

using Json = nlohmann::json;

constexpr std::size_t kMaxFieldBytes = 2000;

// A metadata value as a field: white space collapsed, at most kMaxFieldBytes.
std::string Clean(std::string_view s) {
  std::string out = CollapseWhiteSpace(s);
  TruncateUtf8(&out, kMaxFieldBytes);
  return out;
}

// A JSON-LD string as a field: entities decoded, tags removed, white space collapsed.
std::string CleanJsonText(std::string_view s) {
  std::string out = MarkupToText(s);
  TruncateUtf8(&out, kMaxFieldBytes);
  return out;
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

// Whether `s` starts "YYYY-MM" with a real date: content management systems
// fill an unset date with a placeholder ("0000-00-00", "1970-01-01T00:00",
// "2019-00-00"), which says no more than no date at all.
bool IsIsoDate(std::string_view s) {
  if (!(s.size() >= 7 && IsAsciiDigit(s[0]) && IsAsciiDigit(s[1]) && IsAsciiDigit(s[2]) && IsAsciiDigit(s[3]) &&
        s[4] == '-' && IsAsciiDigit(s[5]) && IsAsciiDigit(s[6])))
    return false;
  const int year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  const int month = (s[5] - '0') * 10 + (s[6] - '0');
  if (year < 1990 || month < 1 || month > 12) return false;
  if (s.size() >= 10 && s[7] == '-' && s[8] == '0' && s[9] == '0')
    return false;  // day 00
  return true;
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
    if (v.ends_with(tld)) v.remove_suffix(tld.size());
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
      if (!tail.empty() && tail.size() <= 40 && tail.size() < at && CountSpacedWords(tail) <= 5 &&
          !IsLower(DecodeAt(tail, 0).value))
        title.resize(at);
    }
  }
  return title;
}

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
  int best = 2 * static_cast<int>(JsonLdRank::kOther);
  for (const Json* node : ld.nodes) {
    JsonLdRank rank = RankOf(*node);
    if (rank == JsonLdRank::kPage && s.page == nullptr) s.page = node;
    if (rank == JsonLdRank::kOther) continue;
    bool described = Field(node, "headline") || Field(node, "articleBody");
    int score = 2 * static_cast<int>(rank) + (described ? 0 : 1);
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
  if (title.empty() && subj.article && RankOf(*subj.article) == JsonLdRank::kArticle) title = CleanJsonText(FieldText(subj.article, "name"));
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
  m->json_ld_body = MarkupToText(body, /*keep_lines=*/true);
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
