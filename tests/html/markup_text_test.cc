// Tests for the markup-to-text helpers (src/html/markup_text.cc): entities,
// tag stripping (and its staying linear on unclosed comments and scripts),
// white-space collapsing with and without line breaks, UTF-8-safe cuts.
#include "html/markup_text.h"

#include <gtest/gtest.h>

#include <string>

namespace credence::internal {
namespace {

std::string Repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

TEST(DecodeEntities, DecodesNamedEntities) {
  EXPECT_EQ(DecodeEntities("Q&amp;A &lt;b&gt; &quot;x&quot; &apos;y&apos;"), "Q&A <b> \"x\" 'y'");
  EXPECT_EQ(DecodeEntities("Caf&eacute; &Ntilde;&yuml; it&rsquo;s&nbsp;&hellip;"), "Café Ñÿ it\u2019s\u00A0\u2026");
}

TEST(DecodeEntities, DecodesNumericEntities) {
  EXPECT_EQ(DecodeEntities("&#233;&#xE9;&#XE9;&#x2014;"), "ééé\u2014");
  EXPECT_EQ(DecodeEntities("&#65"), "A");  // the ';' may be missing
}

TEST(DecodeEntities, ReadsC1NumbersAsWindows1252) {
  EXPECT_EQ(DecodeEntities("&#128;&#150;&#151;&#147;x&#148;&#159;"), "€\u2013\u2014\u201Cx\u201D\u0178");
  EXPECT_EQ(DecodeEntities("&#129;"), "\uFFFD");  // unset in windows-1252
}

TEST(DecodeEntities, ReplacesNumbersThatAreNotCharacters) {
  EXPECT_EQ(DecodeEntities("&#0;|&#xD800;|&#x110000;"), "\uFFFD|\uFFFD|\uFFFD");
}

TEST(DecodeEntities, LeavesUnknownAndBareAmpersandsAlone) {
  EXPECT_EQ(DecodeEntities("AT&T &unknown; &amp &#; & x"), "AT&T &unknown; &amp &#; & x");
}

TEST(StripTags, RemovesKnownTagsAndKeepsTheirText) {
  EXPECT_EQ(StripTags("<b>Bold</b> and <a href=\"/x\">a link</a><br/>"), "Bold and a link\n");
  EXPECT_EQ(StripTags("<p>One</p><P class=x>Two</P>"), "\n\nOne\n\n\n\nTwo\n\n");
  EXPECT_EQ(StripTags("<ul><li>a<li>b</ul>"), "\n\n\na\nb\n\n");
}

TEST(StripTags, KeepsLessThanSignsThatAreText) {
  EXPECT_EQ(StripTags("a<b and c<d> e"), "a<b and c<d> e");
  EXPECT_EQ(StripTags("x < y, <unknown>z</unknown>"), "x < y, <unknown>z</unknown>");
}

TEST(StripTags, DropsCommentsScriptsAndStyles) {
  EXPECT_EQ(StripTags("a<!-- note -->b<script>var x = '<p>';</script>c<STYLE>p{}</Style>d"), "abcd");
}

TEST(StripTags, UnclosedCommentStaysTextAndLinear) {
  EXPECT_EQ(StripTags("a<!-- never closed <b>b</b>"), "a<!-- never closed b");
  // Each "<!--" searched to the end would make this quadratic.
  const std::string hostile = Repeat("<!--", 100000);
  EXPECT_EQ(StripTags(hostile), hostile);
}

TEST(StripTags, UnclosedScriptKeepsWhatFollowsAndStaysLinear) {
  EXPECT_EQ(StripTags("a<script>b"), "ab");
  EXPECT_EQ(StripTags(Repeat("<script>x", 100000)), std::string(100000, 'x'));
  EXPECT_EQ(StripTags(Repeat("<style>y", 100000)), std::string(100000, 'y'));
}

TEST(StripTags, TagWithoutNearbyCloseIsText) {
  const std::string far = "<b" + std::string(3000, ' ') + ">x";
  EXPECT_EQ(StripTags(far), far);
}

TEST(CollapseWhiteSpace, CollapsesAndTrims) {
  EXPECT_EQ(CollapseWhiteSpace("  a \t\n b\u00A0\u2009c  "), "a b c");
  EXPECT_EQ(CollapseWhiteSpace("zero\u200Bwidth\uFEFF"), "zerowidth");
  EXPECT_EQ(CollapseWhiteSpace("a\n\nb"), "a b");
  EXPECT_EQ(CollapseWhiteSpace(" \n "), "");
}

TEST(CollapseWhiteSpace, KeepLinesKeepsOneOrTwoBreaks) {
  EXPECT_EQ(CollapseWhiteSpace("\n a \n b", /*keep_lines=*/true), "a\nb");
  EXPECT_EQ(CollapseWhiteSpace("a \n \n\n  b\n", /*keep_lines=*/true), "a\n\nb");
  EXPECT_EQ(CollapseWhiteSpace("a\u2028b\u2029c  d", /*keep_lines=*/true), "a\nb\n\nc d");
}

TEST(CollapseWhiteSpace, KeepsInvalidBytesAsGiven) {
  EXPECT_EQ(CollapseWhiteSpace("a \xFF  b"), "a \xFF b");
}

TEST(TruncateUtf8, CutsOnlyBetweenCharacters) {
  std::string s = "h\u00E9llo";  // é is bytes 1-2
  TruncateUtf8(&s, 2);
  EXPECT_EQ(s, "h");
  s = "h\u00E9llo";
  TruncateUtf8(&s, 3);
  EXPECT_EQ(s, "h\u00E9");
  s = "short";
  TruncateUtf8(&s, 100);
  EXPECT_EQ(s, "short");
}

TEST(StartsWithNoCase, IgnoresAsciiCaseOnly) {
  EXPECT_TRUE(StartsWithNoCase("WWW.Example.test", "www."));
  EXPECT_FALSE(StartsWithNoCase("ww", "www"));
  EXPECT_FALSE(StartsWithNoCase("\u00C9cole", "\u00E9"));
}

TEST(MarkupToText, DecodesStripsAndCollapses) {
  EXPECT_EQ(MarkupToText("  Caf&eacute; <b>opens</b>&nbsp;today "), "Café opens today");
  // Encoded tags are tags once decoded, as JSON-LD bodies often write them.
  EXPECT_EQ(MarkupToText("&lt;p&gt;One.&lt;/p&gt;&lt;p&gt;Two.&lt;/p&gt;", /*keep_lines=*/true), "One.\n\nTwo.");
}

}  // namespace
}  // namespace credence::internal
