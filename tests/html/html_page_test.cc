// Tests for ParseHtmlPage (src/html/html_page.cc): visible text as blocks,
// what is dropped, decoding, and hostile input.
#include "html/html_page.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace credence::internal {
namespace {

std::vector<std::string> Texts(const HtmlPage& page) {
  std::vector<std::string> out;
  for (const HtmlBlock& b : page.blocks) out.push_back(b.text);
  return out;
}

HtmlPage Parse(std::string_view html) {
  Result<HtmlPage> page = ParseHtmlPage(html);
  EXPECT_TRUE(page) << page.error().ToString();
  return page ? *page : HtmlPage{};
}

TEST(HtmlPage, BlocksFollowBlockElementsAndCollapseSpace) {
  HtmlPage page = Parse(
      "<html><head><title> Storm  closes\n schools </title></head><body>"
      "<h1>Storm closes schools</h1><div class='story-body'><p>First   paragraph,\n with <b>bold</b> text.</p>"
      "<p>Second<br>line two</p></div><ul><li>one</li><li>two</li></ul></body></html>");
  EXPECT_EQ(page.head.title, "Storm closes schools");
  EXPECT_EQ(Texts(page), (std::vector<std::string>{"Storm closes schools", "First paragraph, with bold text.",
                                                    "Second\nline two", "one", "two"}));
  EXPECT_EQ(page.blocks[0].tag, "h1");
  EXPECT_EQ(page.blocks[1].tag, "p");
  EXPECT_EQ(page.Ancestry(page.blocks[1].element), "story-body");
  const auto parent = [&](std::size_t b) { return page.elements[page.blocks[b].element].parent; };
  EXPECT_EQ(parent(1), parent(2));  // siblings share their parent
  EXPECT_NE(parent(1), parent(3));
  EXPECT_EQ(page.elements[parent(1)].tag, "div");
}

TEST(HtmlPage, DropsScriptsStylesHiddenAndHead) {
  HtmlPage page = Parse(
      "<html><head><style>p{}</style><script>var x = 'head';</script></head><body>"
      "<p>kept</p><script>alert('no')</script><style>.a{}</style><template><p>tpl</p></template>"
      "<div hidden>hidden attr</div><div aria-hidden=\"true\">aria</div>"
      "<div style=\"display: none\">css none</div><noscript>enable js</noscript><p>also kept</p></body></html>");
  EXPECT_EQ(Texts(page), (std::vector<std::string>{"kept", "also kept"}));
}

TEST(HtmlPage, CountsLinkTextAndDecodesEntities) {
  HtmlPage page = Parse("<p>Read <a href='/x'>the report</a> &amp; more &mdash; &#8220;q&#8221;</p>");
  ASSERT_EQ(page.blocks.size(), 1u);
  EXPECT_EQ(page.blocks[0].text, "Read the report & more \xE2\x80\x94 \xE2\x80\x9Cq\xE2\x80\x9D");
  EXPECT_EQ(page.blocks[0].link_chars, std::string("the report").size());
}

TEST(HtmlPage, PreKeepsItsWhiteSpace) {
  HtmlPage page = Parse("<pre>a  b\n  c</pre>");
  ASSERT_EQ(page.blocks.size(), 1u);
  EXPECT_EQ(page.blocks[0].text, "a  b\n  c");
}

TEST(HtmlPage, DecodesWindows1252WhenBytesAreNotUtf8) {
  HtmlPage page = Parse("<p>\x93quoted\x94 caf\xE9</p>");
  EXPECT_EQ(page.encoding, "windows-1252");
  EXPECT_EQ(page.encoding_source, "fallback");
  ASSERT_EQ(page.blocks.size(), 1u);
  EXPECT_EQ(page.blocks[0].text, "\xE2\x80\x9Cquoted\xE2\x80\x9D caf\xC3\xA9");
}

TEST(HtmlPage, FollowsMetaCharsetAndBom) {
  HtmlPage latin = Parse("<html><head><meta charset=\"iso-8859-1\"></head><body><p>caf\xE9</p></body></html>");
  EXPECT_EQ(latin.encoding_source, "meta");
  ASSERT_EQ(latin.blocks.size(), 1u);
  EXPECT_EQ(latin.blocks[0].text, "caf\xC3\xA9");
  HtmlPage bom = Parse("\xEF\xBB\xBF<p>caf\xC3\xA9</p>");
  EXPECT_EQ(bom.encoding_source, "bom");
  ASSERT_EQ(bom.blocks.size(), 1u);
  EXPECT_EQ(bom.blocks[0].text, "caf\xC3\xA9");
}

TEST(HtmlPage, WrongDeclaredCharsetIsOverruledWithAWarning) {
  // Declared Latin-1, but the bytes are UTF-8: read as UTF-8, not as "cafÃ©".
  HtmlPage page = Parse("<meta charset=\"iso-8859-1\"><p>caf\xC3\xA9</p>");
  ASSERT_EQ(page.blocks.size(), 1u);
  EXPECT_EQ(page.blocks[0].text, "caf\xC3\xA9");
  EXPECT_EQ(page.warnings.size(), 1u);
  // Declared UTF-8, but the bytes are not: read as windows-1252.
  HtmlPage lying = Parse("<meta charset=\"utf-8\"><p>caf\xE9</p>");
  ASSERT_EQ(lying.blocks.size(), 1u);
  EXPECT_EQ(lying.blocks[0].text, "caf\xC3\xA9");
  EXPECT_EQ(lying.warnings.size(), 1u);
}

TEST(HtmlPage, HostileInputGivesAPageNotACrash) {
  EXPECT_FALSE(ParseHtmlPage(""));
  // Truncated in the middle of a tag and of an attribute.
  HtmlPage cut = Parse("<html><body><p>before</p><div class=\"a");
  EXPECT_EQ(Texts(cut), (std::vector<std::string>{"before"}));
  // Random bytes.
  std::string garbage(1 << 16, '\0');
  std::mt19937 rng(3);
  for (char& c : garbage) c = static_cast<char>(rng());
  EXPECT_TRUE(ParseHtmlPage(garbage));
  // Deep nesting: the walk has no recursion.
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "<div>";
  deep += "deep text";
  HtmlPage nested = Parse(deep);
  ASSERT_EQ(nested.blocks.size(), 1u);
  EXPECT_EQ(nested.blocks[0].text, "deep text");
  EXPECT_GE(nested.element_count, kMaxHtmlNesting);  // flattened below that depth
  ASSERT_EQ(nested.warnings.size(), 1u);
  EXPECT_NE(nested.warnings[0].find("flattened"), std::string::npos);
}

}  // namespace
}  // namespace credence::internal

namespace credence::internal {
namespace {

TEST(HtmlPage, StrayBytesInAUtf8PageBecomeReplacementCharacters) {
  HtmlPage page = Parse("<meta charset='utf-8'><p>caf\xC3\xA9 and a stray \xFF byte</p>");
  EXPECT_EQ(page.encoding, "utf-8");
  ASSERT_EQ(page.blocks.size(), 1u);
  EXPECT_EQ(page.blocks[0].text, "caf\xC3\xA9 and a stray \xEF\xBF\xBD byte");
  ASSERT_EQ(page.warnings.size(), 1u);
  // Mostly invalid: a legacy charset after all.
  HtmlPage legacy = Parse("<meta charset='utf-8'><p>caf\xE9 na\xEFve</p>");
  EXPECT_EQ(legacy.encoding, "windows-1252");
  EXPECT_EQ(legacy.blocks[0].text, "caf\xC3\xA9 na\xC3\xAFve");
}

TEST(HtmlPage, FirstTitleAndCanonicalLinkWin) {
  HtmlPage page = Parse(
      "<html><head><title>First</title><title>Second</title><link rel=canonical href='https://a.example/1'>"
      "<link rel=canonical href='https://a.example/2'></head><body><p>x</p></body></html>");
  EXPECT_EQ(page.head.title, "First");
  EXPECT_EQ(page.head.canonical, "https://a.example/1");
}

}  // namespace
}  // namespace credence::internal
