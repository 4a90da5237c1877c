// Hostile and broken HTML through ExtractHtml and ParseHtmlPage: truncated
// pages, a very large page, extreme nesting (and the CapNesting pre-pass
// that bounds it), binary garbage, lying charsets; and LooksLikeHtml. Every
// case must give a result or a clear error, never a crash or silent loss of
// text. The pages are small invented ones ("The Daily Example").
#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "credence/html.h"
#include "html/html_page.h"
#include "html/nesting_cap.h"

namespace credence {
namespace {

using internal::CapNesting;
using internal::HtmlPage;
using internal::kMaxHtmlNesting;
using internal::ParseHtmlPage;

constexpr std::string_view kFlattened = "flattened";

std::string Repeat(std::string_view s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

std::size_t Count(std::string_view haystack, std::string_view needle) {
  std::size_t n = 0;
  for (std::size_t i = haystack.find(needle); i != std::string_view::npos; i = haystack.find(needle, i + 1)) ++n;
  return n;
}

bool HasWarning(const std::vector<std::string>& warnings, std::string_view word) {
  return std::any_of(warnings.begin(), warnings.end(),
                     [&](const std::string& w) { return w.find(word) != std::string::npos; });
}

bool Contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

// All the page's text, blocks joined by blank lines.
std::string AllText(const HtmlPage& page) {
  std::string out;
  for (const internal::HtmlBlock& b : page.blocks) out += b.text + "\n\n";
  return out;
}

// The text of the article's body spans, joined by blank lines.
std::string BodyOf(const HtmlArticle& html) {
  std::string out;
  for (const Span& s : html.article.body) out += html.text.substr(s.start, s.size()) + "\n\n";
  return out;
}

const char* const kPage =
    "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
    "<title>Library opens late | The Daily Example</title>"
    "<script>var tracker = '<p>not visible</p>';</script></head><body>"
    "<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>"
    "<article><h1>Library opens late</h1>"
    "<p class=\"lead\" data-note=\"attribute words\">The town library in Exampleton opened two hours late on Monday, "
    "after a burst pipe flooded the reading room, staff said.</p>"
    "<!-- editor's comment: check the time -->"
    "<p>Head librarian Wilma Thornbury said the books were safe, and that the children's corner, "
    "which had been refurbished in the spring, would reopen on Wednesday.</p>"
    "<p>Visitors were asked to use the side entrance, near the car park, until repairs are finished.</p>"
    "</article><footer>\xC2\xA9 2024 The Daily Example</footer></body></html>";

// --- Truncated pages -------------------------------------------------------

TEST(HostileHtml, TruncatedAtChosenPointsKeepsTheTextBeforeTheCut) {
  const std::string page = kPage;
  struct Cut {
    const char* name;
    std::string at;  // the page is cut just after the first occurrence of this
  };
  const std::vector<Cut> cuts = {
      {"mid-tag", "<p cl"},
      {"mid-attribute", "data-note=\"attri"},
      {"mid-comment", "<!-- editor's com"},
      {"mid-script", "var tracker = '<p>not vis"},
      {"mid-text", "children's cor"},
      {"mid-end-tag", "car park, until repairs are finished.</p"},
  };
  for (const Cut& cut : cuts) {
    SCOPED_TRACE(cut.name);
    const std::size_t at = page.find(cut.at);
    ASSERT_NE(at, std::string::npos);
    const std::string truncated = page.substr(0, at + cut.at.size());
    Result<HtmlPage> parsed = ParseHtmlPage(truncated);
    ASSERT_TRUE(parsed) << parsed.error().ToString();
    Result<HtmlArticle> html = ExtractHtml(truncated);
    if (cut.name == std::string("mid-script")) {
      // Nothing visible before the cut but <title>, which is not body text.
      if (html) EXPECT_FALSE(Contains(html->text, "not vis"));
      else EXPECT_EQ(html.error().code(), StatusCode::kEmptyInput);
      continue;
    }
    ASSERT_TRUE(html) << html.error().ToString();
    EXPECT_TRUE(Contains(html->text, "Library opens late")) << html->text;
    EXPECT_FALSE(Contains(html->text, "not visible")) << html->text;
    EXPECT_FALSE(Contains(html->text, "attribute words")) << html->text;
    EXPECT_FALSE(Contains(html->text, "editor's com")) << html->text;
  }
  // Cut mid-comment: the rest of the page is comment, the lead paragraph stays.
  Result<HtmlArticle> comment = ExtractHtml(page.substr(0, page.find("<!--") + 10));
  ASSERT_TRUE(comment);
  EXPECT_TRUE(Contains(comment->text, "burst pipe flooded the reading room")) << comment->text;
  // Cut at the end: the last paragraph is read whole even without its end tag.
  Result<HtmlArticle> end = ExtractHtml(page.substr(0, page.find("finished.") + 9));
  ASSERT_TRUE(end);
  EXPECT_TRUE(Contains(BodyOf(*end), "until repairs are finished.")) << end->text;
}

TEST(HostileHtml, TruncatedAtEveryByteNeverFails) {
  // Every prefix: a page or, when nothing visible has arrived yet, kEmptyInput.
  const std::string page = kPage;
  for (std::size_t n = 0; n <= page.size(); ++n) {
    Result<HtmlArticle> html = ExtractHtml(std::string_view(page).substr(0, n));
    if (!html) {
      EXPECT_EQ(html.error().code(), StatusCode::kEmptyInput) << "cut at " << n << ": " << html.error().ToString();
      continue;
    }
    EXPECT_FALSE(html->text.empty()) << "cut at " << n;
    for (const Span& s : html->article.body) EXPECT_LE(s.end, html->text.size()) << "cut at " << n;
  }
}

TEST(HostileHtml, UnterminatedScriptStyleAndCommentHideTheirContent) {
  for (const char* tail : {"<script>document.write('<p>script words</p>')", "<style>p::after{content:'style words'}",
                           "<!-- comment words <p>in a comment</p>", "<textarea>textarea words", "<title>"}) {
    SCOPED_TRACE(tail);
    Result<HtmlPage> page = ParseHtmlPage(std::string("<body><p>Visible words.</p>") + tail);
    ASSERT_TRUE(page) << page.error().ToString();
    const std::string text = AllText(*page);
    EXPECT_TRUE(Contains(text, "Visible words.")) << text;
    EXPECT_FALSE(Contains(text, "script words")) << text;
    EXPECT_FALSE(Contains(text, "style words")) << text;
    EXPECT_FALSE(Contains(text, "comment words")) << text;
    EXPECT_FALSE(Contains(text, "textarea words")) << text;
  }
}

// --- A very large page -----------------------------------------------------

TEST(HostileHtml, TwentyMegabytePageIsReadToItsLastParagraph) {
  std::string html =
      "<!DOCTYPE html><html><head><title>The long report | The Daily Example</title></head><body>"
      "<nav><a href=\"/\">Home</a></nav><article><h1>The long report</h1>";
  const std::string filler =
      " of the long report, in which the council, the ferry operator and the residents of Port Example each give "
      "their account of the week at some length, with <a href=\"/notes\">a note</a> and <em>some emphasis</em>, "
      "so that the page grows to twenty megabytes or so without any trick: the sentences are plain, the commas are "
      "many, and nothing here is hidden, scripted or repeated in a way a parser could skip. Councillor Odile "
      "Fenwright and the harbour master, Piet Lanyard, answered questions from the floor.</p>\n";
  constexpr int kParagraphs = 40000;
  html.reserve(std::size_t{21} << 20);
  for (int i = 0; i < kParagraphs; ++i) {
    if (i % 100 == 0) html += "<section class=\"part\"><div class=\"col\"><div class=\"inner\"><div class=\"box\">";
    html += "<p>Paragraph " + std::to_string(i) + filler;
    if (i % 100 == 99) html += "</div></div></div></section>\n";
  }
  html += "<p>The very last paragraph, signed by Quentin Marlowe, ends the report here.</p></article></body></html>";
  ASSERT_GE(html.size(), std::size_t{19} << 20);

  Result<HtmlArticle> page = ExtractHtml(html);
  ASSERT_TRUE(page) << page.error().ToString();
  EXPECT_EQ(page->page.html_bytes, html.size());
  EXPECT_TRUE(page->warnings.empty());
  const std::string body = BodyOf(*page);
  EXPECT_TRUE(Contains(body, "Paragraph 0 of the long report")) << body.substr(0, 300);
  EXPECT_TRUE(Contains(body, "Paragraph 20000 of the long report"));
  EXPECT_TRUE(Contains(body, "Paragraph 39999 of the long report"));
  ASSERT_FALSE(page->article.body.empty());
  const Span last = page->article.body.back();
  EXPECT_EQ(page->text.substr(last.start, last.size()),
            "The very last paragraph, signed by Quentin Marlowe, ends the report here.");
  EXPECT_EQ(page->article.body.size(), std::size_t{kParagraphs} + 1);
  EXPECT_EQ(Count(page->text, "Paragraph "), std::size_t{kParagraphs});
}

// --- Extreme nesting -------------------------------------------------------

TEST(HostileHtml, HundredThousandNestedDivsAreFlattenedAndTheTextKept) {
  const std::string html = Repeat("<div>", 100000) + "Deep text, written by Ada Pennywhistle, survives." +
                           Repeat("</div>", 100000);
  Result<HtmlPage> page = ParseHtmlPage(html);
  ASSERT_TRUE(page) << page.error().ToString();
  EXPECT_TRUE(HasWarning(page->warnings, kFlattened));
  EXPECT_TRUE(Contains(page->warnings.front(), std::to_string(kMaxHtmlNesting)));
  ASSERT_EQ(page->blocks.size(), 1u);
  EXPECT_EQ(page->blocks[0].text, "Deep text, written by Ada Pennywhistle, survives.");
  EXPECT_LE(page->elements.size(), kMaxHtmlNesting + 8);  // the tree the parser built is bounded

  Result<HtmlArticle> article = ExtractHtml(html);
  ASSERT_TRUE(article) << article.error().ToString();
  EXPECT_TRUE(HasWarning(article->warnings, kFlattened));
  EXPECT_EQ(article->text, "Deep text, written by Ada Pennywhistle, survives.");
}

TEST(HostileHtml, HundredThousandNestedInlineElementsAreFlattened) {
  for (const char* open : {"<span>", "<b>", "<span class=\"x\">", "<em><strong>"}) {
    SCOPED_TRACE(open);
    const std::string html = "<p>Start of the paragraph, " + Repeat(open, 100000) + "deep inline words.</p>";
    Result<HtmlArticle> article = ExtractHtml(html);
    ASSERT_TRUE(article) << article.error().ToString();
    EXPECT_TRUE(HasWarning(article->warnings, kFlattened));
    EXPECT_EQ(article->text, "Start of the paragraph, deep inline words.");
  }
}

TEST(HostileHtml, HundredThousandUnclosedParagraphsAreSiblingsNotNested) {
  // An open <p> is closed by the next one: no nesting, nothing to flatten.
  std::string html = "<body>";
  for (int i = 0; i < 100000; ++i) html += "<p>Item " + std::to_string(i) + ", unclosed";
  Result<HtmlPage> page = ParseHtmlPage(html);
  ASSERT_TRUE(page) << page.error().ToString();
  EXPECT_FALSE(HasWarning(page->warnings, kFlattened));
  ASSERT_EQ(page->blocks.size(), 100000u);
  EXPECT_EQ(page->blocks.front().text, "Item 0, unclosed");
  EXPECT_EQ(page->blocks.back().text, "Item 99999, unclosed");

  Result<HtmlArticle> article = ExtractHtml(html);
  ASSERT_TRUE(article) << article.error().ToString();
  EXPECT_TRUE(Contains(article->text, "Item 99999, unclosed"));
}

TEST(HostileHtml, NestingJustUnderTheCapIsLeftAlone) {
  const std::string html =
      Repeat("<div>", kMaxHtmlNesting - 3) + "<p>Inner words.</p>" + Repeat("</div>", kMaxHtmlNesting - 3);
  Result<HtmlPage> page = ParseHtmlPage(html);
  ASSERT_TRUE(page);
  EXPECT_FALSE(HasWarning(page->warnings, kFlattened));
  ASSERT_EQ(page->blocks.size(), 1u);
  EXPECT_EQ(page->blocks[0].tag, "p");
}

TEST(CapNesting, ShallowPageIsNotChanged) {
  std::string out = "untouched";
  EXPECT_FALSE(CapNesting(kPage, kMaxHtmlNesting, &out));
  EXPECT_EQ(out, "untouched");
  EXPECT_FALSE(CapNesting("", kMaxHtmlNesting, &out));
  EXPECT_FALSE(CapNesting("plain text, no tags < at all > here", 2, &out));
  EXPECT_EQ(out, "untouched");
  // Exactly at the limit is allowed.
  EXPECT_FALSE(CapNesting(Repeat("<div>", 10) + "x" + Repeat("</div>", 10), 10, &out));
  EXPECT_EQ(out, "untouched");
}

TEST(CapNesting, DropsTheTagsBeyondTheLimitAndKeepsTheText) {
  std::string out;
  const std::string html = Repeat("<div>", 8) + "<p class=\"deep\">kept words</p>" + Repeat("</div>", 8) + "<p>after</p>";
  ASSERT_TRUE(CapNesting(html, 5, &out));
  EXPECT_EQ(out, Repeat("<div>", 5) + "kept words" + Repeat("</div>", 5) + "<p>after</p>");
  // Siblings after a deep branch are back under the limit and keep their tags.
  const std::string two = Repeat("<div>", 4) + "a" + Repeat("</div>", 4) + "<div><p>b</p></div>";
  ASSERT_TRUE(CapNesting(two, 3, &out));
  EXPECT_EQ(out, Repeat("<div>", 3) + "a" + Repeat("</div>", 3) + "<div><p>b</p></div>");
}

TEST(CapNesting, CommentsScriptsAndRawTextDoNotCount) {
  const std::string divs = Repeat("<div>", 50);
  std::string out;
  for (const std::string& wrapper :
       {"<!-- " + divs + " -->", "<script>var s = '" + divs + "';</script>", "<style>/* " + divs + " */</style>",
        "<textarea>" + divs + "</textarea>", "<title>" + divs + "</title>", "<SCRIPT type=\"x\">" + divs + "</Script>"}) {
    SCOPED_TRACE(wrapper.substr(0, 12));
    const std::string html = Repeat("<div>", 5) + wrapper + "<p>text</p>" + Repeat("</div>", 5);
    EXPECT_FALSE(CapNesting(html, 10, &out));
  }
  // An unterminated comment or script ends the scan without counting.
  EXPECT_FALSE(CapNesting("<div><!-- " + divs, 10, &out));
  EXPECT_FALSE(CapNesting("<div><script>" + divs, 10, &out));
}

TEST(CapNesting, VoidAndSelfClosingElementsDoNotCount) {
  std::string out;
  std::string html = "<div>";
  for (int i = 0; i < 200; ++i)
    html += "<br><img src=\"a.png\" alt=\"x\"><hr><input type=\"text\"><meta name=\"a\" content=\"b\"><wbr>"
            "<link rel=\"x\" href=\"y\"><source src=\"v\"><BR/><svg:path d=\"M0 0\"/>";
  html += "</div>";
  EXPECT_FALSE(CapNesting(html, 4, &out));
}

TEST(CapNesting, QuotedGreaterThanAndStrayEndTagsAreHandled) {
  std::string out;
  // A '>' inside a quoted attribute does not end the tag.
  EXPECT_FALSE(CapNesting("<div title=\"a > b\"><p data-x='<div><div><div>'>t</p></div>", 2, &out));
  // Stray end tags for elements never opened change nothing.
  EXPECT_FALSE(CapNesting(Repeat("</span></div>", 1000) + "<div><p>x</p></div>", 3, &out));
  // Implied end tags: each <li> closes the previous one.
  EXPECT_FALSE(CapNesting("<ul>" + Repeat("<li>item", 1000) + "</ul>", 3, &out));
}

// HTML5 ignores "/>" on non-void HTML elements: <div/> opens a div, so
// 100,000 of them must be flattened (unflattened, myhtml spends about 30 s
// building the tree in a release build).
TEST(CapNesting, SelfClosingSyntaxOnNonVoidElementsStillNests) {
  std::string out;
  EXPECT_TRUE(CapNesting(Repeat("<div/>", 1000) + "text", 512, &out));
  Result<HtmlPage> page = ParseHtmlPage(Repeat("<div/>", 100000) + "deep self-closed text");
  ASSERT_TRUE(page);
  EXPECT_TRUE(HasWarning(page->warnings, kFlattened));
}

// A <p> closes an open <p> in scope even when inline elements are open inside
// it, and an end tag closes its element however deep below the top of the
// stack it is: ordinary sloppy pages are shallow and must not be flattened
// (flattening glued their paragraphs together: "...hereLead...").
TEST(CapNesting, SloppyButShallowPagesAreNotFlattened) {
  std::string out;
  const std::string paragraphs = Repeat("<p><em>Lead words, unclosed. Body continues here", 400);
  EXPECT_FALSE(CapNesting(paragraphs, kMaxHtmlNesting, &out));
  Result<HtmlPage> page = ParseHtmlPage(paragraphs);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->blocks.size(), 400u);
  const std::string spans = Repeat("<div>" + Repeat("<span>", 70) + "text</div>", 10);
  EXPECT_FALSE(CapNesting(spans, kMaxHtmlNesting, &out));
}

// Inside <svg> or <math>, "/>" is honoured only for foreign elements; an
// HTML element such as <div> breaks out of foreign content and opens as
// usual, so <svg> followed by 100,000 <div/> nests 100,000 deep and must be
// flattened (unflattened, myhtml spends about 20 s on the tree in a release
// build).
TEST(CapNesting, HtmlElementsInsideSvgBreakOutAndStillNest) {
  std::string out;
  EXPECT_TRUE(CapNesting("<svg>" + Repeat("<div/>", 1000) + "text", 512, &out));
  EXPECT_TRUE(CapNesting("<math>" + Repeat("<p/><div/>", 1000) + "text", 512, &out));
  // Foreign elements themselves still close with "/>".
  EXPECT_FALSE(CapNesting("<svg>" + Repeat("<path d=\"M0 0\"/><circle r=\"1\"/>", 1000) + "</svg>", 4, &out));
  Result<HtmlPage> page = ParseHtmlPage("<svg>" + Repeat("<div/>", 100000) + "deep text");
  ASSERT_TRUE(page);
  EXPECT_TRUE(HasWarning(page->warnings, kFlattened));
}

// --- Binary garbage --------------------------------------------------------

TEST(HostileHtml, RandomBytesNeverCrash) {
  std::mt19937 rng(20240305);
  for (int round = 0; round < 40; ++round) {
    std::string bytes(1000 + rng() % 50000, '\0');
    for (char& c : bytes) {
      const unsigned r = rng();
      // A third NUL bytes, some '<' and '>' to tempt the tokenizer.
      c = r % 3 == 0 ? '\0' : r % 17 == 0 ? '<' : r % 19 == 0 ? '>' : static_cast<char>(r >> 8);
    }
    Result<HtmlArticle> html = ExtractHtml(bytes);
    if (!html) {
      EXPECT_EQ(html.error().code(), StatusCode::kEmptyInput) << html.error().ToString();
      continue;
    }
    EXPECT_FALSE(html->text.empty());
    EXPECT_EQ(html->page.html_bytes, bytes.size());
  }
}

TEST(HostileHtml, NulsAndBlanksAloneAreEmptyInput) {
  for (const std::string& bytes : {std::string(), std::string(4096, '\0'), std::string(" \n\t\r\f  \n"),
                                   std::string("<html><head><title>Only a title</title></head><body> </body></html>"),
                                   std::string("<script>var a = 1;</script><style>p{}</style><!-- c -->")}) {
    Result<HtmlArticle> html = ExtractHtml(bytes);
    ASSERT_FALSE(html) << "'" << bytes << "' gave text: " << html->text;
    EXPECT_EQ(html.error().code(), StatusCode::kEmptyInput);
    EXPECT_FALSE(html.error().message().empty());
  }
}

TEST(HostileHtml, NulBytesInsideAPageDoNotCutItShort) {
  constexpr char kBytes[] = "<p>Before the NUL, some words.</p>\0\0<p>After the NUL, more words.</p>";
  const std::string html(kBytes, sizeof kBytes - 1);
  Result<HtmlArticle> page = ExtractHtml(html);
  ASSERT_TRUE(page) << page.error().ToString();
  EXPECT_TRUE(Contains(page->text, "Before the NUL")) << page->text;
  EXPECT_TRUE(Contains(page->text, "After the NUL, more words.")) << page->text;
}

// --- Charsets --------------------------------------------------------------

TEST(HostileHtml, DeclaredWindows1252WithUtf8BytesReadsAsUtf8WithAWarning) {
  Result<HtmlArticle> page = ExtractHtml(
      "<html><head><meta charset=\"windows-1252\"></head><body>"
      "<p>The caf\xC3\xA9 on Quay Street, run by Ren\xC3\xA9" "e Dubois, said \xE2\x80\x9Cwe are open\xE2\x80\x9D.</p>"
      "</body></html>");
  ASSERT_TRUE(page) << page.error().ToString();
  EXPECT_EQ(page->text, "The caf\xC3\xA9 on Quay Street, run by Ren\xC3\xA9" "e Dubois, said \xE2\x80\x9Cwe are open\xE2\x80\x9D.");
  EXPECT_EQ(page->page.encoding, "utf-8");
  EXPECT_EQ(page->page.encoding_source, "utf-8 check");
  ASSERT_EQ(page->warnings.size(), 1u);
  EXPECT_TRUE(Contains(page->warnings[0], "charset")) << page->warnings[0];
}

TEST(HostileHtml, DeclaredUtf8WithWindows1252BytesReadsCafe) {
  Result<HtmlArticle> page =
      ExtractHtml("<html><head><meta charset=\"utf-8\"></head><body><p>Meet me at the caf\xE9.</p></body></html>");
  ASSERT_TRUE(page) << page.error().ToString();
  EXPECT_EQ(page->text, "Meet me at the caf\xC3\xA9.");
  EXPECT_EQ(page->page.encoding, "windows-1252");
  EXPECT_EQ(page->warnings.size(), 1u);
  // The same through http-equiv.
  Result<HtmlArticle> equiv = ExtractHtml(
      "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\"><p>Meet me at the caf\xE9.</p>");
  ASSERT_TRUE(equiv) << equiv.error().ToString();
  EXPECT_EQ(equiv->text, "Meet me at the caf\xC3\xA9.");
}

TEST(HostileHtml, ByteOrderMarkWinsOverMeta) {
  Result<HtmlArticle> utf8 =
      ExtractHtml("\xEF\xBB\xBF<meta charset=\"windows-1252\"><p>caf\xC3\xA9 cr\xC3\xA8me</p>");
  ASSERT_TRUE(utf8) << utf8.error().ToString();
  EXPECT_EQ(utf8->text, "caf\xC3\xA9 cr\xC3\xA8me");
  EXPECT_EQ(utf8->page.encoding_source, "bom");
  EXPECT_TRUE(utf8->warnings.empty());
}

// UTF-16 with a BOM, declaring utf-8 inside: the BOM decides. (myhtml's own
// UTF-16 reader leaked its stream buffer, which LeakSanitizer reported.)
TEST(HostileHtml, Utf16ByteOrderMarkWinsOverMeta) {
  const std::string ascii = "<meta charset=\"utf-8\"><p>caf\xE9 au lait</p>";  // \xE9 is U+00E9 once widened
  std::string le("\xFF\xFE", 2), be("\xFE\xFF", 2);
  for (char c : ascii) {
    le += std::string{c, '\0'};
    be += std::string{'\0', c};
  }
  for (const auto& [bytes, name] : {std::pair{le, "utf-16le"}, std::pair{be, "utf-16be"}}) {
    SCOPED_TRACE(name);
    Result<HtmlArticle> wide = ExtractHtml(bytes);
    ASSERT_TRUE(wide) << wide.error().ToString();
    EXPECT_EQ(wide->text, "caf\xC3\xA9 au lait");
    EXPECT_EQ(wide->page.encoding_source, "bom");
    EXPECT_EQ(wide->page.encoding, name);
  }
}

TEST(HostileHtml, Windows1252SmartQuotesDecode) {
  // Undeclared (the fallback), declared, and declared as iso-8859-1, which
  // HTML reads as windows-1252.
  for (const char* head : {"", "<meta charset=\"windows-1252\">", "<meta charset=\"iso-8859-1\">"}) {
    SCOPED_TRACE(head);
    Result<HtmlArticle> page =
        ExtractHtml(std::string(head) + "<p>\x93It is not over,\x94 said Hal Oakridge \x96 twice.</p>");
    ASSERT_TRUE(page) << page.error().ToString();
    EXPECT_EQ(page->text, "\xE2\x80\x9CIt is not over,\xE2\x80\x9D said Hal Oakridge \xE2\x80\x93 twice.");
    EXPECT_EQ(page->page.encoding, "windows-1252");
  }
}

// --- LooksLikeHtml ---------------------------------------------------------

TEST(HostileHtml, LooksLikeHtmlForDocumentsAndFragments) {
  for (const char* bytes :
       {"<!DOCTYPE html><html><body><p>x</p></body></html>", "<!doctype HTML>\n<title>t</title>",
        "\n\n   <html lang=\"en\">", "\xEF\xBB\xBF<!DOCTYPE html>", "<head><meta charset=\"utf-8\"></head>",
        "<body>hello</body>", "<!-- saved from url=(0040)https://daily.example/ -->\n<p>x</p>",
        "<meta name=\"viewport\" content=\"width=device-width\">",
        "<div class=\"story\"><p>One paragraph.</p><p>Another one.</p></div>",
        "Intro line from a scrape\n<p>First</p>\n<p>Second</p>\n<p>Third</p>",
        "<SPAN>Loud</SPAN> <BR> <A HREF=\"/x\">link</A><LI>item"}) {
    EXPECT_TRUE(LooksLikeHtml(bytes)) << bytes;
  }
}

TEST(HostileHtml, LooksLikeHtmlFalseForProse) {
  for (const char* bytes :
       {"", "   \n\t ", "Storm closes schools\n\nOfficials said on Monday that schools would close.\n",
        "Web editors at The Daily Example say the <p> tag marks a paragraph, and nothing more.\n",
        "If a < b and b > c, then the council's budget, at 3 < 4 million, is safe.",
        "Email <editor@daily.example> for corrections.\n\nThe <b>bold</b> claim was retracted.",
        "\xEF\xBB\xBFPlain text with a BOM."}) {
    EXPECT_FALSE(LooksLikeHtml(bytes)) << bytes;
  }
}

}  // namespace
}  // namespace credence
