// Tests for ReadPageMetadata (src/html/page_metadata.cc): each field's
// sources and their priority, JSON-LD shapes (@graph, arrays, references,
// author forms), repairs and skips, and hostile input. The sites are made up.
#include "html/page_metadata.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace credence::internal {
namespace {

using Names = std::vector<std::string>;

HeadSignals Head(std::vector<std::pair<std::string, std::string>> meta, std::vector<std::string> json_ld = {},
                 std::string title = "") {
  HeadSignals h;
  h.meta = std::move(meta);
  h.json_ld = std::move(json_ld);
  h.title = std::move(title);
  return h;
}

const char kArticle[] = R"({
  "@context": "https://schema.org",
  "@type": "NewsArticle",
  "headline": "Harbour bridge reopens after repairs",
  "author": {"@type": "Person", "name": "Jane Doe"},
  "publisher": {"@type": "Organization", "name": "The Daily Example"},
  "datePublished": "2021-03-04T08:00:00Z",
  "dateModified": "2021-03-05",
  "inLanguage": "en-GB",
  "mainEntityOfPage": {"@type": "WebPage", "@id": "https://dailyexample.test/news/bridge"},
  "articleSection": ["Local", "Transport"],
  "description": "From JSON-LD.",
  "articleBody": "The bridge reopened on Monday.\n\nTraffic was light."
})";

TEST(PageMetadata, EmptyHeadGivesEmptyFields) {
  PageMetadata m = ReadPageMetadata(HeadSignals{});
  EXPECT_EQ(m.title, "");
  EXPECT_EQ(m.authors, Names{});
  EXPECT_EQ(m.published, "");
  EXPECT_EQ(m.modified, "");
  EXPECT_EQ(m.site_name, "");
  EXPECT_EQ(m.language, "");
  EXPECT_EQ(m.canonical_url, "");
  EXPECT_EQ(m.description, "");
  EXPECT_EQ(m.section, "");
  EXPECT_EQ(m.json_ld_body, "");
}

TEST(PageMetadata, ReadsEveryFieldFromANewsArticle) {
  PageMetadata m = ReadPageMetadata(Head({}, {kArticle}));
  EXPECT_EQ(m.title, "Harbour bridge reopens after repairs");
  EXPECT_EQ(m.authors, (Names{"Jane Doe"}));
  EXPECT_EQ(m.published, "2021-03-04T08:00:00Z");
  EXPECT_EQ(m.modified, "2021-03-05");
  EXPECT_EQ(m.site_name, "The Daily Example");
  EXPECT_EQ(m.language, "en-gb");
  EXPECT_EQ(m.canonical_url, "https://dailyexample.test/news/bridge");
  EXPECT_EQ(m.description, "From JSON-LD.");
  EXPECT_EQ(m.section, "Local");
  EXPECT_EQ(m.json_ld_body, "The bridge reopened on Monday.\n\nTraffic was light.");
}

TEST(PageMetadata, TitlePriority) {
  std::vector<std::pair<std::string, std::string>> meta = {{"twitter:title", "Twitter title"},
                                                           {"og:title", "OG title"}};
  EXPECT_EQ(ReadPageMetadata(Head(meta, {kArticle}, "Tag title")).title, "Harbour bridge reopens after repairs");
  EXPECT_EQ(ReadPageMetadata(Head(meta, {}, "Tag title")).title, "OG title");
  EXPECT_EQ(ReadPageMetadata(Head({meta[0]}, {}, "Tag title")).title, "Twitter title");
  EXPECT_EQ(ReadPageMetadata(Head({}, {}, "  Tag \n title ")).title, "Tag title");
}

TEST(PageMetadata, TitleLosesTheSiteNameSuffix) {
  std::vector<std::pair<std::string, std::string>> site = {{"og:site_name", "The Daily Example"}};
  auto with = [&](std::string og_title) {
    auto meta = site;
    meta.push_back({"og:title", std::move(og_title)});
    return ReadPageMetadata(Head(meta)).title;
  };
  EXPECT_EQ(with("Storm closes schools | The Daily Example"), "Storm closes schools");
  EXPECT_EQ(with("Storm closes schools - The Daily Example"), "Storm closes schools");
  EXPECT_EQ(with("Storm closes schools \u2014 The Daily Example"), "Storm closes schools");
  EXPECT_EQ(with("Storm closes schools :: Daily Example"), "Storm closes schools");
  EXPECT_EQ(with("Storm closes schools | dailyexample.com"), "Storm closes schools");
  EXPECT_EQ(with("The Daily Example | Storm closes schools"), "Storm closes schools");
  // A tail that is not the site stays on og:title.
  EXPECT_EQ(with("Storm closes schools - Live"), "Storm closes schools - Live");
  // A title that is only the site name is kept.
  EXPECT_EQ(with("The Daily Example"), "The Daily Example");
}

TEST(PageMetadata, TitleTagLosesAShortTail) {
  EXPECT_EQ(ReadPageMetadata(Head({}, {}, "Storm closes schools across the county | Example Herald")).title,
            "Storm closes schools across the county");
  EXPECT_EQ(ReadPageMetadata(Head({}, {}, "Storm closes schools | Local | Example Herald")).title,
            "Storm closes schools | Local");
  // A lower-case or long tail is part of the headline.
  EXPECT_EQ(ReadPageMetadata(Head({}, {}, "Storm closes schools - what parents need to know")).title,
            "Storm closes schools - what parents need to know");
  EXPECT_EQ(ReadPageMetadata(Head({}, {}, "Short - A Much Longer Tail Than The Head")).title,
            "Short - A Much Longer Tail Than The Head");
  // With a known site name, its suffix goes first, then one short tail.
  EXPECT_EQ(ReadPageMetadata(Head({{"og:site_name", "Example Herald"}}, {},
                                  "Storm closes schools | Local News | Example Herald"))
                .title,
            "Storm closes schools");
}

TEST(PageMetadata, AuthorsFromJsonLdForms) {
  auto authors = [](const std::string& author_json) {
    std::string ld = R"({"@type": "Article", "headline": "H", "author": )" + author_json + "}";
    return ReadPageMetadata(Head({}, {ld})).authors;
  };
  EXPECT_EQ(authors(R"("Jane Doe")"), (Names{"Jane Doe"}));
  EXPECT_EQ(authors(R"("By Jane Doe and John Roe")"), (Names{"Jane Doe", "John Roe"}));
  EXPECT_EQ(authors(R"({"name": "Jane Doe"})"), (Names{"Jane Doe"}));
  EXPECT_EQ(authors(R"([{"@type": "Person", "name": "Jane Doe"}, "John Roe", {"name": "Jane Doe"}])"), (Names{"Jane Doe", "John Roe"}));
  EXPECT_EQ(authors(R"({"@type": "Person", "givenName": "Ana", "familyName": "Silva"})"), (Names{"Ana Silva"}));
  EXPECT_EQ(authors(R"({"@type": "Person", "url": "https://dailyexample.test/staff/jd"})"), Names{});
  EXPECT_EQ(authors(R"("https://www.facebook.com/janedoe")"), Names{});
}

TEST(PageMetadata, AuthorPriorityAndFallbacks) {
  std::vector<std::pair<std::string, std::string>> meta = {
      {"parsely-author", "Parsely Person"}, {"author", "Meta Person"}, {"article:author", "Second Person"}};
  EXPECT_EQ(ReadPageMetadata(Head(meta, {kArticle})).authors, (Names{"Jane Doe"}));
  EXPECT_EQ(ReadPageMetadata(Head(meta)).authors, (Names{"Meta Person", "Second Person"}));
  EXPECT_EQ(ReadPageMetadata(Head({meta[0]})).authors, (Names{"Parsely Person"}));
  EXPECT_EQ(ReadPageMetadata(Head({{"dc.creator", "Dee Creator"}, {"sailthru.author", "Sail Thru"}})).authors, (Names{"Dee Creator", "Sail Thru"}));
}

TEST(PageMetadata, UrlValuedAuthorIsIgnored) {
  PageMetadata m = ReadPageMetadata(Head({{"article:author", "https://www.facebook.com/dailyexample"},
                                          {"parsely-author", "Jane Doe"}}));
  EXPECT_EQ(m.authors, (Names{"Jane Doe"}));
  EXPECT_EQ(ReadPageMetadata(Head({{"author", "www.example.test/jane"}, {"author", "@janedoe"}})).authors, Names{});
}

TEST(PageMetadata, BylinesSplitAndClean) {
  auto authors = [](const std::string& byline) { return ReadPageMetadata(Head({{"author", byline}})).authors; };
  EXPECT_EQ(authors("By Jane Doe"), (Names{"Jane Doe"}));
  EXPECT_EQ(authors("BY: Jane Doe"), (Names{"Jane Doe"}));
  EXPECT_EQ(authors("Jane Doe, John Roe and Ana Silva"), (Names{"Jane Doe", "John Roe", "Ana Silva"}));
  EXPECT_EQ(authors("Jane Doe & John Roe"), (Names{"Jane Doe", "John Roe"}));
  EXPECT_EQ(authors("Doe, Jane"), (Names{"Doe, Jane"}));
  EXPECT_EQ(authors("Example staff and agencies"), (Names{"Example staff and agencies"}));
  EXPECT_EQ(authors("Jane Doe, Staff Writer"), (Names{"Jane Doe"}));
  EXPECT_EQ(authors("Jane   Doe,  jane doe"), (Names{"Jane Doe"}));
}

TEST(PageMetadata, AuthorsAreBounded) {
  std::string many;
  for (int i = 0; i < 50; ++i) many += "Person Number" + std::string(1, static_cast<char>('A' + i % 26)) +
                                       std::string(1, static_cast<char>('a' + i / 26)) + ", ";
  EXPECT_EQ(ReadPageMetadata(Head({{"author", many}})).authors.size(), 20u);
  EXPECT_EQ(ReadPageMetadata(Head({{"author", "Jane " + std::string(300, 'x')}})).authors, Names{});
}

TEST(PageMetadata, GraphWithReferences) {
  const char* graph = R"({"@context": "https://schema.org", "@graph": [
    {"@type": "Organization", "@id": "https://dailyexample.test/#org", "name": "The Daily Example"},
    {"@type": "WebPage", "@id": "https://dailyexample.test/story/#page", "url": "https://dailyexample.test/story/",
     "name": "Ferry timetable changes - The Daily Example", "inLanguage": "fr-FR",
     "datePublished": "2022-01-02T10:00:00+00:00"},
    {"@type": ["Article", "NewsArticle"], "@id": "https://dailyexample.test/story/#article",
     "headline": "Ferry timetable changes", "isPartOf": {"@id": "https://dailyexample.test/story/#page"},
     "mainEntityOfPage": {"@id": "https://dailyexample.test/story/#page"},
     "author": [{"@id": "https://dailyexample.test/#/person/1"}, {"@id": "https://dailyexample.test/#org"}],
     "publisher": {"@id": "https://dailyexample.test/#org"}},
    {"@type": "Person", "@id": "https://dailyexample.test/#/person/1", "name": "Ana Silva"}
  ]})";
  PageMetadata m = ReadPageMetadata(Head({}, {graph}));
  EXPECT_EQ(m.title, "Ferry timetable changes");
  EXPECT_EQ(m.site_name, "The Daily Example");
  // The publisher is not a byline; the page's fields fill the article's gaps.
  EXPECT_EQ(m.authors, (Names{"Ana Silva"}));
  EXPECT_EQ(m.published, "2022-01-02T10:00:00+00:00");
  EXPECT_EQ(m.language, "fr-fr");
  EXPECT_EQ(m.canonical_url, "https://dailyexample.test/story/");
}

TEST(PageMetadata, PicksTheArticleAmongSeveralObjects) {
  std::vector<std::string> blocks = {
      R"({"@type": "BreadcrumbList", "itemListElement": []})",
      R"([{"@type": "WebSite", "name": "Example Herald"},
          {"@type": "WebPage", "headline": "Page headline", "url": "https://herald.test/a"},
          {"@type": "http://schema.org/BlogPosting", "headline": "Post headline"}])"};
  PageMetadata m = ReadPageMetadata(Head({}, blocks));
  EXPECT_EQ(m.title, "Post headline");
  // WebPage is the last resort.
  EXPECT_EQ(ReadPageMetadata(Head({}, {blocks[0], R"({"@type": "WebPage", "headline": "Page headline"})"})).title,
            "Page headline");
  // The article a WebPage names as its mainEntity counts too.
  EXPECT_EQ(ReadPageMetadata(Head({}, {R"({"@type": "WebPage", "mainEntity": {"@type": "ReportageNewsArticle",
                                          "headline": "Inside story", "articleBody": "Body."}})"}))
                .json_ld_body,
            "Body.");
}

TEST(PageMetadata, MalformedJsonLdIsSkipped) {
  std::vector<std::string> blocks = {R"({"@type": "NewsArticle", "headline": "Broken)", "not json at all", "",
                                     R"({"@type": "NewsArticle", "headline": "Good one"})"};
  EXPECT_EQ(ReadPageMetadata(Head({}, blocks)).title, "Good one");
  // Non-object shapes are ignored.
  PageMetadata m = ReadPageMetadata(Head({}, {"42", "[1, 2, null]", R"({"@type": 7, "headline": ["x"]})",
                                              R"({"@type": "NewsArticle", "headline": 5, "author": 3})"}));
  EXPECT_EQ(m.title, "");
  EXPECT_EQ(m.authors, Names{});
}

TEST(PageMetadata, RepairsCommonJsonLdMistakes) {
  // A raw line break and tab in a string, a trailing comma, a comment wrapper
  // and a stray byte that is not UTF-8.
  std::string ld = "<!--\n{\"@type\": \"NewsArticle\", \"headline\": \"Line\tone\", "
                   "\"articleBody\": \"First.\nSecond \xE9t\xE9.\",}\n-->";
  PageMetadata m = ReadPageMetadata(Head({}, {ld}));
  EXPECT_EQ(m.title, "Line one");
  EXPECT_EQ(m.json_ld_body, "First.\nSecond \xEF\xBF\xBDt\xEF\xBF\xBD.");
  EXPECT_EQ(ReadPageMetadata(Head({}, {"//<![CDATA[\n{\"@type\": \"Article\", \"headline\": \"In CDATA\"}\n//]]>"}))
                .title,
            "In CDATA");
}

TEST(PageMetadata, DecodesEntitiesInJsonLd) {
  const char* ld = R"({"@type": "NewsArticle",
    "headline": "Fish &amp; chips: &quot;best&quot; isn&#39;t &#x27;cheap&#x27;&nbsp;now &mdash; &#8220;ok&#8221; &#146; &bogus; &",
    "author": "Zo&euml; Roe and Ren&#233;e Doe"})";
  PageMetadata m = ReadPageMetadata(Head({}, {ld}));
  EXPECT_EQ(m.title,
            "Fish & chips: \"best\" isn't 'cheap' now \u2014 \u201Cok\u201D \u2019 &bogus; &");
  EXPECT_EQ(m.authors, (Names{"Zo\u00EB Roe", "Ren\u00E9e Doe"}));
  // An entity left undecoded does not split a name at its ';'.
  EXPECT_EQ(ReadPageMetadata(Head({{"author", "Zo&emacr; Roe; John Roe"}})).authors,
            (Names{"Zo&emacr; Roe", "John Roe"}));
}

TEST(PageMetadata, StripsTagsInArticleBody) {
  const char* ld = R"({"@type": "NewsArticle", "headline": "<em>Tagged</em> headline",
    "articleBody": "<p>First <a href=\"/x?a=1&amp;b=2\">link</a> paragraph.</p><p>Second<br/>line &lt; 3 and a<b ok.</p><script>var x = '<p>';</script><!-- note --><p>Third.</p>"})";
  PageMetadata m = ReadPageMetadata(Head({}, {ld}));
  EXPECT_EQ(m.title, "Tagged headline");
  EXPECT_EQ(m.json_ld_body, "First link paragraph.\n\nSecond\nline < 3 and a<b ok.\n\nThird.");
}

TEST(PageMetadata, BodyFallsBackToText) {
  PageMetadata m = ReadPageMetadata(Head({}, {R"({"@type": "BlogPosting", "text": "  Just   text. "})"}));
  EXPECT_EQ(m.json_ld_body, "Just text.");
  std::string big(100000, 'a');
  std::string ld = R"({"@type": "Article", "articleBody": ")" + big + "\"}";
  EXPECT_EQ(ReadPageMetadata(Head({}, {ld})).json_ld_body.size(), big.size());
}

TEST(PageMetadata, PublishedPriority) {
  std::vector<std::pair<std::string, std::string>> meta = {{"pubdate", "2020-01-03"},
                                                           {"article:published_time", "2020-01-02T09:00:00Z"}};
  EXPECT_EQ(ReadPageMetadata(Head(meta, {kArticle})).published, "2021-03-04T08:00:00Z");
  EXPECT_EQ(ReadPageMetadata(Head(meta)).published, "2020-01-02T09:00:00Z");
  EXPECT_EQ(ReadPageMetadata(Head({meta[0]})).published, "2020-01-03");
  EXPECT_EQ(ReadPageMetadata(Head({{"sailthru.date", "2020-01-04 10:00:00"}})).published, "2020-01-04 10:00:00");
  EXPECT_EQ(ReadPageMetadata(Head({{"datepublished", "2020-01-05"}})).published, "2020-01-05");
  // Dates that are not ISO 8601 are passed over.
  EXPECT_EQ(ReadPageMetadata(Head({{"date", "March 4, 2021"}, {"dc.date", "2021-03-04"}})).published, "2021-03-04");
  EXPECT_EQ(ReadPageMetadata(Head({{"date", "yesterday"}})).published, "");
}

TEST(PageMetadata, ModifiedPriority) {
  EXPECT_EQ(ReadPageMetadata(Head({{"og:updated_time", "2020-02-02"}, {"article:modified_time", "2020-02-01"}})).modified,
            "2020-02-01");
  EXPECT_EQ(ReadPageMetadata(Head({{"og:updated_time", "2020-02-02"}})).modified, "2020-02-02");
}

TEST(PageMetadata, SiteNamePriority) {
  std::vector<std::pair<std::string, std::string>> meta = {{"application-name", "Example App"},
                                                           {"og:site_name", "Example Herald"}};
  EXPECT_EQ(ReadPageMetadata(Head(meta, {kArticle})).site_name, "Example Herald");
  EXPECT_EQ(ReadPageMetadata(Head({meta[0]}, {kArticle})).site_name, "The Daily Example");
  EXPECT_EQ(ReadPageMetadata(Head({meta[0]})).site_name, "Example App");
}

TEST(PageMetadata, LanguagePriorityAndForm) {
  HeadSignals h = Head({{"content-language", "de"}, {"og:locale", "en_US"}}, {kArticle});
  h.html_lang = "pt-BR";
  EXPECT_EQ(ReadPageMetadata(h).language, "pt-br");
  h.html_lang = "not a language";
  EXPECT_EQ(ReadPageMetadata(h).language, "en-us");
  h.meta.pop_back();
  EXPECT_EQ(ReadPageMetadata(h).language, "en-gb");
  h.json_ld.clear();
  EXPECT_EQ(ReadPageMetadata(h).language, "de");
  h.meta = {{"content-language", "es, en"}};
  EXPECT_EQ(ReadPageMetadata(h).language, "es");
  h.meta = {{"content-language", "english"}};
  EXPECT_EQ(ReadPageMetadata(h).language, "");
  h.html_lang = "EN";
  EXPECT_EQ(ReadPageMetadata(h).language, "en");
}

TEST(PageMetadata, CanonicalPriorityAndAbsoluteUrlsOnly) {
  HeadSignals h = Head({{"og:url", "https://dailyexample.test/og"}}, {kArticle});
  h.canonical = "https://dailyexample.test/canonical";
  EXPECT_EQ(ReadPageMetadata(h).canonical_url, "https://dailyexample.test/canonical");
  h.canonical = "/relative/path";
  EXPECT_EQ(ReadPageMetadata(h).canonical_url, "https://dailyexample.test/og");
  h.meta = {{"og:url", "//dailyexample.test/protocol-relative"}};
  EXPECT_EQ(ReadPageMetadata(h).canonical_url, "https://dailyexample.test/news/bridge");
  h.json_ld = {R"j({"@type": "NewsArticle", "mainEntityOfPage": "javascript:void(0)", "url": "http://dailyexample.test/u"})j"};
  EXPECT_EQ(ReadPageMetadata(h).canonical_url, "http://dailyexample.test/u");
  h.json_ld = {R"({"@type": "NewsArticle", "url": "https:// spaced.test"})"};
  EXPECT_EQ(ReadPageMetadata(h).canonical_url, "");
}

TEST(PageMetadata, DescriptionPriority) {
  std::vector<std::pair<std::string, std::string>> meta = {
      {"twitter:description", "Twitter."}, {"description", "Plain."}, {"og:description", "OG."}};
  EXPECT_EQ(ReadPageMetadata(Head(meta, {kArticle})).description, "OG.");
  EXPECT_EQ(ReadPageMetadata(Head({meta[0], meta[1]})).description, "Plain.");
  EXPECT_EQ(ReadPageMetadata(Head({meta[0]})).description, "Twitter.");
  EXPECT_EQ(ReadPageMetadata(Head({{"description", "   "}}, {kArticle})).description, "From JSON-LD.");
}

TEST(PageMetadata, SectionPriority) {
  EXPECT_EQ(ReadPageMetadata(Head({{"article:section", "World"}}, {kArticle})).section, "World");
  EXPECT_EQ(ReadPageMetadata(Head({}, {kArticle})).section, "Local");
  EXPECT_EQ(ReadPageMetadata(Head({}, {R"({"@type": "Article", "articleSection": "Sport"})"})).section, "Sport");
}

TEST(PageMetadata, FieldsAreCollapsedAndBounded) {
  PageMetadata m = ReadPageMetadata(Head({{"og:description", " a \t b\u00A0\u00A0c\n"}}));
  EXPECT_EQ(m.description, "a b c");
  // 3,000 two-byte characters are cut to 2,000 bytes at a character boundary.
  std::string long_text;
  for (int i = 0; i < 3000; ++i) long_text += "\u00E9";
  m = ReadPageMetadata(Head({{"og:description", long_text}, {"og:title", long_text + "x"}}));
  EXPECT_EQ(m.description.size(), 2000u);
  EXPECT_EQ(m.title.size(), 2000u);
}

TEST(PageMetadata, HostileInputNeverThrows) {
  std::mt19937 rng(7);
  std::string alphabet = "{}[]\":,@&#;<>/\\ abcTtypeNewsArticlgraphd0123\n\xC3\xA9\xFF";
  for (int round = 0; round < 300; ++round) {
    std::string ld, meta_value;
    for (int i = 0; i < 200; ++i) ld.push_back(alphabet[rng() % alphabet.size()]);
    for (int i = 0; i < 60; ++i) meta_value.push_back(alphabet[rng() % alphabet.size()]);
    HeadSignals h = Head({{"author", meta_value}, {"og:title", meta_value}, {"og:locale", meta_value}},
                         {ld, R"({"@type": "NewsArticle", "headline": ")" + meta_value + "\"}"}, meta_value);
    h.html_lang = meta_value;
    h.canonical = meta_value;
    PageMetadata m = ReadPageMetadata(h);
    EXPECT_LE(m.authors.size(), 20u);
  }
  // Deep nesting parses without recursion and is not walked far.
  std::string deep = R"({"@graph": )" + std::string(100000, '[') + std::string(100000, ']') + "}";
  EXPECT_EQ(ReadPageMetadata(Head({}, {deep})).title, "");
  std::string tags;
  for (int i = 0; i < 20000; ++i) tags += "<p <!-- <script ";
  std::string ld = R"({"@type": "Article", "articleBody": ")" + tags + "\"}";
  EXPECT_FALSE(ReadPageMetadata(Head({}, {ld})).json_ld_body.empty());
}

}  // namespace
}  // namespace credence::internal
