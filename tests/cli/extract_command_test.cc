// Tests for `credence extract` (src/cli/extract_command.cc) and for the HTML
// path of `credence analyze`: runs the binary as a user would on invented
// pages ("The Daily Example") written to a temporary folder, plain and
// gzipped, and checks exit codes, standard output and standard error.
#include <gtest/gtest.h>
#include <zlib.h>

#include <algorithm>
#include <cstddef>
#include <functional>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/io/record_test_support.h"
#include "tests/test_support.h"

namespace credence {
namespace {

using Json = nlohmann::ordered_json;
using Outcome = testing::CommandOutcome;

class ExtractCommand : public testing::TempDirTest {
 protected:
  Outcome Credence(const std::vector<std::string>& args, const std::string& stdin_path = "/dev/null") {
    return testing::RunCredence(dir_, args, stdin_path);
  }
};

// The body paragraphs of kPage, in order (a heading, a quote and a list sit
// between some of them).
const std::vector<std::string> kParagraphs = {
    "The harbour council of Port Example postponed its vote on the new ferry timetable on Tuesday, citing concerns "
    "from residents, fishermen and shop owners along the quay. The meeting, which ran for almost four hours, ended "
    "without a decision.",
    "Councillor Odile Fenwright, who chairs the transport committee, said the delay would give officials time to "
    "study a consultant's report on passenger numbers. \"We owe it to the islanders to get this right,\" she said.",
    "Some residents welcomed the pause, arguing that earlier sailings would disrupt the morning market, while "
    "others, including several commuters, said the current schedule made it impossible to reach the mainland "
    "before nine.",
    "The operator, Example Ferries Ltd, declined to comment on the proposed changes, but a spokesperson confirmed "
    "that a new vessel, ordered last year, would arrive in the spring, adding capacity for cars, bicycles and "
    "freight.",
    "Harbour master Piet Lanyard said the quay could handle the extra traffic, although, he added, the car park "
    "would need to be repainted, resurfaced and, in time, extended towards the old fish market.",
    "The council is expected to return to the question at its next meeting, scheduled for April, when members "
    "will also review the harbour budget, the dredging contract and a petition signed by more than two thousand "
    "people.",
};

const char* const kQuote =
    "The ferry is our only road, and right now it is closed when we need it most, said Tobias Wren, a nurse who "
    "travels to the mainland every day.";
const char* const kListItems[] = {"Three extra sailings on weekdays, starting in May, under the proposal.",
                                  "A later last boat on Fridays and Saturdays, at half past eleven."};

// A realistic article page: metadata in <meta>, OpenGraph and JSON-LD; a
// navigation menu; a header with the headline and byline; the article with
// a heading, a quote, a list and links; share buttons, related stories and a
// footer.
std::string Page(bool with_canonical = true) {
  std::string html =
      "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<title>Harbour council delays ferry vote | The Daily Example</title>\n"
      "<meta name=\"author\" content=\"Mara Quillfeather\">\n"
      "<meta name=\"description\" content=\"The vote on the ferry timetable is put off until April.\">\n"
      "<meta property=\"og:site_name\" content=\"The Daily Example\">\n"
      "<meta property=\"og:title\" content=\"Harbour council delays ferry vote\">\n"
      "<meta property=\"article:published_time\" content=\"2024-03-05T09:30:00Z\">\n";
  if (with_canonical) html += "<link rel=\"canonical\" href=\"https://daily.example/news/2024/ferry-vote\">\n";
  html +=
      "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
      "\"headline\":\"Harbour council delays ferry vote\",\"author\":{\"@type\":\"Person\",\"name\":\"Mara "
      "Quillfeather\"},\"datePublished\":\"2024-03-05T09:30:00Z\",\"publisher\":{\"@type\":\"Organization\","
      "\"name\":\"The Daily Example\"}}</script>\n"
      "<script>window.analytics = {page: 'ferry'};</script>\n"
      "</head>\n<body>\n"
      "<nav class=\"site-nav\"><ul>\n"
      "<li><a href=\"/\">Home</a></li><li><a href=\"/local\">Local</a></li><li><a href=\"/sport\">Sport</a></li>"
      "<li><a href=\"/business\">Business</a></li><li><a href=\"/culture\">Culture</a></li>"
      "<li><a href=\"/weather\">Weather</a></li><li><a href=\"/opinion\">Opinion</a></li>"
      "<li><a href=\"/podcasts\">Podcasts</a></li><li><a href=\"/puzzles\">Puzzles</a></li>\n"
      "</ul></nav>\n"
      "<header class=\"article-header\">\n<h1>Harbour council delays ferry vote</h1>\n"
      "<p class=\"byline\">By <a href=\"/authors/mara-quillfeather\">Mara Quillfeather</a></p>\n"
      "<time datetime=\"2024-03-05T09:30:00Z\">5 March 2024</time>\n</header>\n"
      "<article class=\"article-body\">\n";
  const std::string& p1 = kParagraphs[1];
  const std::size_t report = p1.find("consultant's report");
  const std::size_t odile = p1.find("Odile Fenwright");
  html += "<p>" + kParagraphs[0] + "</p>\n";
  html += "<p>" + p1.substr(0, odile) + "<a href=\"/people/odile-fenwright\">Odile Fenwright</a>" +
          p1.substr(odile + 15, report - odile - 15) + "<a href=\"reports/ferry-study.pdf\">consultant's report</a>" +
          p1.substr(report + 19) + "</p>\n";
  html += "<h2>Residents divided</h2>\n";
  html += "<p>" + kParagraphs[2] + "</p>\n";
  html += "<blockquote><p>" + std::string(kQuote) + "</p></blockquote>\n";
  html += "<p>" + kParagraphs[3] + "</p>\n";
  html += "<ul><li>" + std::string(kListItems[0]) + "</li><li>" + kListItems[1] + "</li></ul>\n";
  const std::string& p4 = kParagraphs[4];
  const std::size_t said = p4.find(" said ") + 1;
  html += "<p>" + p4.substr(0, said) + "<a href=\"https://ports.example/quay\">said</a>" + p4.substr(said + 4) +
          "</p>\n";
  html += "<p>" + kParagraphs[5] + "</p>\n";
  html +=
      "</article>\n"
      "<div class=\"share-tools\"><p>Share this article</p><ul><li><a href=\"https://social.example/share\">"
      "Facebook</a></li><li><a href=\"https://x.example/share\">X</a></li><li><a href=\"mailto:?subject=ferry\">"
      "Email</a></li></ul></div>\n"
      "<aside class=\"related-stories\"><h3>Related stories</h3><ul>\n"
      "<li><a href=\"/news/2024/bridge\">Bridge repairs to finish early</a></li>\n"
      "<li><a href=\"/news/2024/market\">Market traders fear new rules</a></li>\n"
      "<li><a href=\"/news/2024/lighthouse\">Lighthouse reopens to visitors</a></li>\n"
      "</ul></aside>\n"
      "<footer class=\"site-footer\"><p>\xC2\xA9 2024 The Daily Example. All rights reserved.</p>"
      "<p><a href=\"/privacy\">Privacy</a> <a href=\"/terms\">Terms</a> <a href=\"/contact\">Contact us</a></p>"
      "</footer>\n</body>\n</html>\n";
  return html;
}

// Text of the page outside the article, none of which may reach the body.
const char* const kChrome[] = {"Home",       "Podcasts",       "Puzzles",       "Share this article",
                               "Facebook",   "Related stories", "Bridge repairs", "Lighthouse reopens",
                               "\xC2\xA9",   "All rights",     "Privacy",       "Contact us",
                               "analytics",  "By Mara"};

// Returns `bytes` compressed as a gzip stream.
std::string Gzip(const std::string& bytes) { return internal::Compress(bytes, 15 + 16); }

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// Calls `check` on every {"start","end","text"} object inside `j`.
void ForEachSpan(const Json& j, const std::function<void(const Json&)>& check) {
  if (j.is_object() && j.contains("start") && j.contains("end") && j.contains("text")) check(j);
  if (j.is_structured())
    for (const Json& child : j) ForEachSpan(child, check);
}

// --- extract --format text -------------------------------------------------

TEST_F(ExtractCommand, TextIsTheBodyAloneInParagraphsSeparatedByBlankLines) {
  Outcome run = Credence({"extract", Write("ferry.html", Page())});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.err, "");
  const std::string& out = run.out;
  // It starts with the first paragraph and ends with the last one.
  EXPECT_EQ(out.rfind(kParagraphs.front() + "\n\n", 0), 0u) << out;
  ASSERT_GE(out.size(), kParagraphs.back().size() + 1);
  EXPECT_EQ(out.substr(out.size() - kParagraphs.back().size() - 1), kParagraphs.back() + "\n") << out;
  // Every paragraph whole (links flattened to their text), in order.
  std::size_t at = 0;
  for (const std::string& p : kParagraphs) {
    const std::size_t found = out.find(p, at);
    ASSERT_NE(found, std::string::npos) << "missing or out of order: " << p << "\n---\n" << out;
    EXPECT_TRUE(found == 0 || out.compare(found - 2, 2, "\n\n") == 0) << p;
    EXPECT_EQ(out.compare(found + p.size(), 1, "\n"), 0) << p;
    at = found + p.size();
  }
  EXPECT_TRUE(Contains(out, kParagraphs[0] + "\n\n" + kParagraphs[1] + "\n\n")) << out;
  EXPECT_TRUE(Contains(out, kQuote)) << out;
  EXPECT_TRUE(Contains(out, kListItems[0])) << out;
  // No markup, no blank line runs, nothing of the page around the article.
  EXPECT_FALSE(Contains(out, "<")) << out;
  EXPECT_FALSE(Contains(out, "\n\n\n")) << out;
  for (const char* chrome : kChrome) EXPECT_FALSE(Contains(out, chrome)) << chrome << " in\n" << out;
  for (const std::string& line : Lines(out)) {
    if (line.empty()) continue;
    EXPECT_NE(line.front(), ' ') << line;
    EXPECT_NE(line.back(), ' ') << line;
  }
}

TEST_F(ExtractCommand, StandardInputIsRead) {
  const std::string path = Write("ferry.html", Page());
  Outcome from_file = Credence({"extract", path});
  Outcome from_stdin = Credence({"extract"}, path);
  Outcome from_dash = Credence({"extract", "-"}, path);
  ASSERT_EQ(from_file.exit_code, 0) << from_file.err;
  EXPECT_EQ(from_stdin.exit_code, 0) << from_stdin.err;
  EXPECT_EQ(from_stdin.out, from_file.out);
  EXPECT_EQ(from_dash.out, from_file.out);
}

// --- extract --format json -------------------------------------------------

TEST_F(ExtractCommand, JsonHasMetadataBlocksLinksAndRemoved) {
  Outcome run = Credence({"extract", Write("ferry.html", Page()), "--format", "json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  Json j = Json::parse(run.out);  // throws, failing the test, on invalid JSON
  EXPECT_GT(std::count(run.out.begin(), run.out.end(), '\n'), 10);  // indented by default

  EXPECT_EQ(j["title"], "Harbour council delays ferry vote");
  EXPECT_EQ(j["authors"], Json::array({"Mara Quillfeather"}));
  EXPECT_EQ(j["published"], "2024-03-05T09:30:00Z");
  EXPECT_EQ(j["site_name"], "The Daily Example");
  EXPECT_EQ(j["language"], "en-gb");
  EXPECT_EQ(j["canonical_url"], "https://daily.example/news/2024/ferry-vote");
  EXPECT_EQ(j["description"], "The vote on the ferry timetable is put off until April.");
  EXPECT_EQ(j["encoding"], "utf-8");
  EXPECT_EQ(j["html_bytes"], Page().size());
  EXPECT_EQ(j["headline"], "Harbour council delays ferry vote");
  ASSERT_TRUE(j["byline"].is_string()) << j.dump(2);
  EXPECT_TRUE(Contains(j["byline"].get<std::string>(), "Mara Quillfeather")) << j["byline"];

  // Blocks: each body block once, with its shape; "text" is the same as --format text.
  std::vector<std::pair<std::string, std::string>> blocks;
  for (const Json& b : j["blocks"]) blocks.emplace_back(b["shape"], b["text"]);
  auto shape_of = [&](const std::string& text) -> std::string {
    for (const auto& [shape, t] : blocks)
      if (t == text) return shape;
    return "(missing)";
  };
  for (const std::string& p : kParagraphs) EXPECT_EQ(shape_of(p), "paragraph") << p;
  EXPECT_EQ(shape_of("Residents divided"), "heading");
  EXPECT_EQ(shape_of(kQuote), "blockquote");
  EXPECT_EQ(shape_of(kListItems[0]), "list_item");
  EXPECT_EQ(shape_of(kListItems[1]), "list_item");
  std::string joined;
  for (const auto& [shape, t] : blocks) joined += (joined.empty() ? "" : "\n\n") + t;
  EXPECT_EQ(j["text"], joined);
  EXPECT_EQ(Credence({"extract", dir_ + "/ferry.html"}).out, joined + "\n");

  // Links in the body, absolute: relative and root-relative ones resolved
  // against the canonical URL; the byline's and the page chrome's left out.
  std::vector<std::pair<std::string, std::string>> links;
  for (const Json& l : j["links"]) links.emplace_back(l["text"], l["url"]);
  EXPECT_EQ(links, (std::vector<std::pair<std::string, std::string>>{
                       {"Odile Fenwright", "https://daily.example/people/odile-fenwright"},
                       {"consultant's report", "https://daily.example/news/2024/reports/ferry-study.pdf"},
                       {"said", "https://ports.example/quay"}}));

  // Removed blocks, with their categories.
  std::set<std::string> categories;
  std::string removed_text;
  for (const Json& r : j["removed"]) {
    categories.insert(r["category"].get<std::string>());
    EXPECT_TRUE(r["rule"].is_string());
    removed_text += r["text"].get<std::string>() + "\n";
  }
  for (const char* c : {"site_chrome", "share", "related", "copyright"}) EXPECT_EQ(categories.count(c), 1u) << c;
  for (const char* chrome : {"Podcasts", "Share this article", "Bridge repairs", "All rights reserved"})
    EXPECT_TRUE(Contains(removed_text, chrome)) << chrome;
  EXPECT_EQ(j["warnings"], Json::array());
}

// The links' start/end index the JSON's own "text" (the body alone), not
// HtmlArticle::text (every block of the page), which extract does not print.
TEST_F(ExtractCommand, JsonLinkSpansIndexItsText) {
  Outcome run = Credence({"extract", Write("ferry.html", Page()), "--format", "json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  Json j = Json::parse(run.out);
  const std::string text = j["text"];
  ASSERT_FALSE(j["links"].empty());
  for (const Json& link : j["links"]) {
    const std::size_t start = link["start"], end = link["end"];
    ASSERT_LE(end, text.size());
    EXPECT_EQ(text.substr(start, end - start), link["text"].get<std::string>());
  }
}

TEST_F(ExtractCommand, JsonCompactIsOneLine) {
  Outcome run = Credence({"extract", Write("ferry.html", Page()), "--format", "json", "--compact"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(std::count(run.out.begin(), run.out.end(), '\n'), 1);
  EXPECT_EQ(Json::parse(run.out)["site_name"], "The Daily Example");
}

TEST_F(ExtractCommand, UrlOptionResolvesRelativeLinks) {
  // Without a canonical link, --url is the base.
  Outcome run = Credence({"extract", Write("ferry.html", Page(false)), "--format", "json", "--url",
                          "https://mirror.example/archive/2024/ferry.html?utm=x"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  Json j = Json::parse(run.out);
  EXPECT_TRUE(j["canonical_url"].is_null());
  ASSERT_EQ(j["links"].size(), 3u) << j["links"];
  EXPECT_EQ(j["links"][0]["url"], "https://mirror.example/people/odile-fenwright");
  EXPECT_EQ(j["links"][1]["url"], "https://mirror.example/archive/2024/reports/ferry-study.pdf");
  EXPECT_EQ(j["links"][2]["url"], "https://ports.example/quay");
  // Without either, relative links stay as written.
  Outcome bare = Credence({"extract", dir_ + "/ferry.html", "--format", "json"});
  ASSERT_EQ(bare.exit_code, 0) << bare.err;
  EXPECT_EQ(Json::parse(bare.out)["links"][1]["url"], "reports/ferry-study.pdf");
}

// --- gzip ------------------------------------------------------------------

TEST_F(ExtractCommand, GzippedPageGivesTheSameOutputAsPlain) {
  const std::string plain = Write("ferry.html", Page());
  const std::string gz = Write("ferry.html.gz", Gzip(Page()));
  ASSERT_LT(testing::ReadFileOrEmpty(gz).size(), Page().size());
  for (const std::vector<std::string>& extra :
       {std::vector<std::string>{}, {"--format", "json"}, {"--format", "json", "--url", "https://daily.example/"}}) {
    std::vector<std::string> a{"extract", plain}, b{"extract", gz};
    a.insert(a.end(), extra.begin(), extra.end());
    b.insert(b.end(), extra.begin(), extra.end());
    Outcome from_plain = Credence(a), from_gz = Credence(b);
    ASSERT_EQ(from_plain.exit_code, 0) << from_plain.err;
    EXPECT_EQ(from_gz.exit_code, 0) << from_gz.err;
    EXPECT_EQ(from_gz.out, from_plain.out);
    EXPECT_EQ(from_gz.err, from_plain.err);
  }
  // From standard input as well, and whatever the file is called.
  const std::string odd_name = Write("ferry.data", Gzip(Page()));
  EXPECT_EQ(Credence({"extract"}, odd_name).out, Credence({"extract", plain}).out);
}

TEST_F(ExtractCommand, DamagedGzipFailsWithAClearMessage) {
  const std::string gz = Gzip(Page());
  for (const std::string& bytes : {gz.substr(0, gz.size() / 2), gz.substr(0, 12), gz.substr(0, gz.size() - 4)}) {
    Outcome run = Credence({"extract", Write("cut.html.gz", bytes)});
    EXPECT_NE(run.exit_code, 0);
    EXPECT_EQ(run.exit_code, 7) << run.err;  // kDataError, docs/exit-codes.md
    EXPECT_TRUE(run.out.empty()) << run.out;
    EXPECT_TRUE(Contains(run.err, "credence: error:")) << run.err;
    EXPECT_TRUE(Contains(run.err, "cut.html.gz")) << run.err;
    EXPECT_TRUE(Contains(run.err, "gzip")) << run.err;
  }
  // A corrupted byte in the middle of the stream (the CRC or inflate catches it).
  std::string flipped = gz;
  flipped[flipped.size() / 2] = static_cast<char>(flipped[flipped.size() / 2] ^ 0x55);
  Outcome run = Credence({"extract", Write("flipped.html.gz", flipped)});
  EXPECT_NE(run.exit_code, 0) << run.out;
  EXPECT_TRUE(Contains(run.err, "gzip")) << run.err;
}

// --- several files ---------------------------------------------------------

TEST_F(ExtractCommand, SeveralFilesGiveJsonLinesWithTheirFile) {
  const std::string a = Write("a.html", Page());
  const std::string b = Write("b.html.gz", Gzip(Page(false)));
  const std::string c = Write("c.html", "<html><body><article><h1>Lighthouse reopens</h1><p>" + kParagraphs[0] +
                                            "</p><p>" + kParagraphs[5] + "</p></article></body></html>");
  Outcome run = Credence({"extract", a, b, c, "--format", "json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::vector<std::string> lines = Lines(run.out);
  ASSERT_EQ(lines.size(), 3u) << run.out;
  const std::string files[] = {a, b, c};
  for (std::size_t i = 0; i < 3; ++i) {
    Json j = Json::parse(lines[i]);
    EXPECT_EQ(j.begin().key(), "file");
    EXPECT_EQ(j["file"], files[i]);
    EXPECT_TRUE(Contains(j["text"].get<std::string>(), kParagraphs[0])) << lines[i];
  }
  EXPECT_TRUE(Contains(Json::parse(lines[2])["text"].get<std::string>(), kParagraphs[5])) << lines[2];
  EXPECT_TRUE(Json::parse(lines[1])["canonical_url"].is_null()) << lines[1];
}

TEST_F(ExtractCommand, SeveralFilesAsTextAreHeaded) {
  const std::string a = Write("a.html", Page());
  const std::string b = Write("b.html", Page(false));
  Outcome run = Credence({"extract", a, b});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::size_t head_a = run.out.find("==> " + a + " <==\n");
  const std::size_t head_b = run.out.find("==> " + b + " <==\n");
  EXPECT_EQ(head_a, 0u) << run.out;
  ASSERT_NE(head_b, std::string::npos) << run.out;
  EXPECT_LT(head_a, head_b);
  EXPECT_TRUE(Contains(run.out.substr(head_b), kParagraphs.back())) << run.out;
}

TEST_F(ExtractCommand, MissingFileAmongSeveralIsReportedAndTheOthersStillExtracted) {
  const std::string a = Write("a.html", Page());
  const std::string missing = dir_ + "/missing.html";
  const std::string c = Write("c.html", Page(false));
  Outcome run = Credence({"extract", a, missing, c, "--format", "json"});
  EXPECT_EQ(run.exit_code, 3) << run.err;  // kNotFound
  const std::vector<std::string> lines = Lines(run.out);
  ASSERT_EQ(lines.size(), 2u) << run.out;
  EXPECT_EQ(Json::parse(lines[0])["file"], a);
  EXPECT_EQ(Json::parse(lines[1])["file"], c);
  EXPECT_TRUE(Contains(run.err, "credence: error: " + missing + ": ")) << run.err;
  EXPECT_TRUE(Contains(run.err, "not found")) << run.err;
  EXPECT_EQ(Lines(run.err).size(), 1u) << run.err;
}

TEST_F(ExtractCommand, FirstFailureDecidesTheExitCode) {
  const std::string good = Write("good.html", Page());
  const std::string empty = Write("empty.html", "");
  Outcome run = Credence({"extract", good, empty, dir_ + "/missing.html", "--format", "json"});
  EXPECT_EQ(run.exit_code, 4) << run.err;  // the empty file came first
  EXPECT_EQ(Lines(run.out).size(), 1u) << run.out;
  EXPECT_EQ(Lines(run.err).size(), 2u) << run.err;
}

// --- errors ----------------------------------------------------------------

TEST_F(ExtractCommand, EmptyFileExits4) {
  Outcome run = Credence({"extract", Write("empty.html", "")});
  EXPECT_EQ(run.exit_code, 4) << run.err;
  EXPECT_TRUE(run.out.empty()) << run.out;
  EXPECT_TRUE(Contains(run.err, "credence: error:")) << run.err;
  EXPECT_TRUE(Contains(run.err, "empty")) << run.err;
  // An empty gzip stream is an empty page too.
  Outcome gz = Credence({"extract", Write("empty.html.gz", Gzip(""))});
  EXPECT_EQ(gz.exit_code, 4) << gz.err;
}

TEST_F(ExtractCommand, PageWithoutVisibleTextExits4) {
  const std::string page =
      "<!DOCTYPE html><html><head><title>The Daily Example</title><meta name=\"author\" content=\"Nobody\">"
      "<style>body{color:red}</style></head><body><script>document.write('hello')</script>"
      "<div hidden>secret</div><div style=\"display:none\">also hidden</div><!-- a comment --><div>  </div>"
      "<img src=\"logo.png\" alt=\"logo\"></body></html>";
  for (const char* format : {"text", "json"}) {
    Outcome run = Credence({"extract", Write("blank.html", page), "--format", format});
    EXPECT_EQ(run.exit_code, 4) << run.err;
    EXPECT_TRUE(run.out.empty()) << run.out;
    EXPECT_TRUE(Contains(run.err, "no visible text")) << run.err;
  }
}

TEST_F(ExtractCommand, OverMaxBytesExits6) {
  const std::string path = Write("ferry.html", Page());
  Outcome run = Credence({"extract", path, "--max-bytes", "1K"});
  EXPECT_EQ(run.exit_code, 6) << run.err;
  EXPECT_TRUE(run.out.empty());
  EXPECT_TRUE(Contains(run.err, "1024 bytes")) << run.err;
  EXPECT_TRUE(Contains(run.err, "--max-bytes")) << run.err;
  EXPECT_EQ(Credence({"extract", path, "--max-bytes", "1M"}).exit_code, 0);
}

TEST_F(ExtractCommand, GzipWhoseContentIsOverMaxBytesExits6) {
  // Small on disk, large once inflated: the limit is on the decompressed size.
  std::string big = Page();
  const std::size_t body_end = big.find("</article>");
  std::string more;
  for (int i = 0; i < 600; ++i) more += "<p>" + kParagraphs[i % kParagraphs.size()] + "</p>\n";
  big.insert(body_end, more);
  ASSERT_GT(big.size(), std::size_t{128} << 10);
  const std::string gz = Gzip(big);
  ASSERT_LT(gz.size(), std::size_t{32} << 10);
  const std::string path = Write("big.html.gz", gz);
  Outcome run = Credence({"extract", path, "--max-bytes", "64K"});
  EXPECT_EQ(run.exit_code, 6) << run.err;
  EXPECT_TRUE(run.out.empty());
  EXPECT_TRUE(Contains(run.err, "big.html.gz")) << run.err;
  EXPECT_TRUE(Contains(run.err, "65536 bytes")) << run.err;
  Outcome fits = Credence({"extract", path, "--max-bytes", "1M"});
  EXPECT_EQ(fits.exit_code, 0) << fits.err;
  // Exactly the decompressed size is allowed; one byte less is not.
  EXPECT_EQ(Credence({"extract", path, "--max-bytes", std::to_string(big.size())}).exit_code, 0);
  EXPECT_EQ(Credence({"extract", path, "--max-bytes", std::to_string(big.size() - 1)}).exit_code, 6);
}

TEST_F(ExtractCommand, UsageErrorsExit2) {
  const std::string path = Write("a.html", Page());
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"extract", path, "--format", "xml"}, {"extract", path, "--no-such-option"},
        {"extract", path, "--max-bytes", "lots"}}) {
    Outcome run = Credence(args);
    EXPECT_EQ(run.exit_code, 2) << args.back() << ": " << run.err;
    EXPECT_TRUE(Contains(run.err, "credence: error:")) << run.err;
    EXPECT_TRUE(run.out.empty());
  }
}

TEST_F(ExtractCommand, TimingLineOnStandardError) {
  const std::string a = Write("a.html", Page());
  const std::string b = Write("b.html.gz", Gzip(Page(false)));
  Outcome run = Credence({"extract", a, b, "--timing"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  static const std::regex kLine(
      R"(extract: 2 pages in [0-9]+\.[0-9]+ seconds \(([0-9]+\.[0-9]|inf) pages/s\); )"
      R"(bare parse: ([0-9]+\.[0-9]|inf) pages/s\n)");
  EXPECT_TRUE(std::regex_search(run.err, kLine)) << run.err;
  EXPECT_FALSE(Contains(run.out, "pages/s")) << "timing belongs on standard error";
  // Without --timing, no such line.
  EXPECT_FALSE(Contains(Credence({"extract", a}).err, "pages/s"));
}

// myhtml's own UTF-16 reader keeps 1024 entries of 16 KiB and grows them
// with realloc() on the wrong pointer: a UTF-16 page of more than 16 MiB of
// text corrupted the heap (SIGSEGV) until credence decoded UTF-16 itself.
TEST_F(ExtractCommand, Utf16PageOverSixteenMebibytesDoesNotCrash) {
  std::string html = "<!DOCTYPE html><html><body><p>" + std::string(std::size_t{17} << 20, 'a') +
                     "</p><p>The last paragraph, by Iris Quarrington.</p></body></html>";
  std::string utf16("\xFF\xFE", 2);
  utf16.reserve(2 * html.size() + 2);
  for (char c : html) {
    utf16.push_back(c);
    utf16.push_back('\0');
  }
  html.clear();
  const std::string path = Write("wide.html", utf16);
  utf16.clear();
  Outcome run = Credence({"extract", path, "--format", "json", "--compact"});
  ASSERT_EQ(run.exit_code, 0) << run.err;  // RunCredence also fails the test on a signal
  EXPECT_TRUE(Contains(run.out, "The last paragraph, by Iris Quarrington.")) << run.out.size();
}

// --- analyze on HTML -------------------------------------------------------

TEST_F(ExtractCommand, AnalyzeDetectsHtmlAndItsSpansPointIntoPageText) {
  const std::string path = Write("ferry.html", Page());
  Outcome run = Credence({"analyze", path, "--format", "json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  Json j = Json::parse(run.out);
  ASSERT_TRUE(j.contains("page"));
  ASSERT_TRUE(j["page"].is_object()) << j["page"];
  ASSERT_TRUE(j["page"]["text"].is_string());
  const std::string text = j["page"]["text"];
  EXPECT_EQ(j["page"]["site_name"], "The Daily Example");
  EXPECT_EQ(j["page"]["canonical_url"], "https://daily.example/news/2024/ferry-vote");
  EXPECT_EQ(j["input"]["url"], "https://daily.example/news/2024/ferry-vote");  // from the page, as none was given
  EXPECT_EQ(j["input"]["bytes"], text.size());
  EXPECT_FALSE(Contains(text, "<p>"));
  for (const std::string& p : kParagraphs) EXPECT_TRUE(Contains(text, p)) << p;
  int spans = 0;
  ForEachSpan(j, [&](const Json& s) {
    const std::size_t start = s["start"], end = s["end"];
    ASSERT_LE(start, end);
    ASSERT_LE(end, text.size());
    EXPECT_EQ(s["text"].get<std::string>(), text.substr(start, end - start));
    ++spans;
  });
  EXPECT_GT(spans, 10);
  // The body is the article's, the chrome is removed.
  ASSERT_TRUE(j["article"]["headline"].is_object()) << j["article"];
  EXPECT_EQ(j["article"]["headline"]["text"], "Harbour council delays ferry vote");
  std::string removed;
  for (const Json& r : j["removed"]) removed += r["text"].get<std::string>() + "\n";
  EXPECT_TRUE(Contains(removed, "Share this article")) << removed;
  // A gzipped page is detected as well, with the same report.
  Outcome gz = Credence({"analyze", Write("ferry.html.gz", Gzip(Page())), "--format", "json"});
  ASSERT_EQ(gz.exit_code, 0) << gz.err;
  EXPECT_EQ(Json::parse(gz.out)["page"], j["page"]);
}

TEST_F(ExtractCommand, AnalyzeTextFlagReadsHtmlAsPlainText) {
  const std::string path = Write("ferry.html", Page());
  Outcome run = Credence({"analyze", path, "--text", "--format", "json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  Json j = Json::parse(run.out);
  EXPECT_TRUE(j["page"].is_null()) << j["page"];
  EXPECT_EQ(j["input"]["bytes"], Page().size());  // the markup itself is the text
}

TEST_F(ExtractCommand, AnalyzeHtmlFlagOnPlainText) {
  const std::string prose =
      "Ferry vote delayed\n\nThe harbour council postponed its vote on Tuesday, officials said. "
      "Councillor Odile Fenwright said the delay would help.\n";
  const std::string path = Write("ferry.txt", prose);
  Outcome plain = Credence({"analyze", path, "--format", "json"});
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_TRUE(Json::parse(plain.out)["page"].is_null());  // not detected as HTML
  Outcome run = Credence({"analyze", path, "--html", "--format", "json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  Json j = Json::parse(run.out);
  ASSERT_TRUE(j["page"].is_object()) << j["page"];
  const std::string text = j["page"]["text"];
  EXPECT_TRUE(Contains(text, "The harbour council postponed its vote on Tuesday, officials said.")) << text;
  ForEachSpan(j, [&](const Json& s) {
    const std::size_t start = s["start"], end = s["end"];
    ASSERT_LE(end, text.size());
    EXPECT_EQ(s["text"].get<std::string>(), text.substr(start, end - start));
  });
  // --html on something with no text at all is the empty-input error.
  Outcome blank = Credence({"analyze", Write("blank.txt", "<!-- nothing -->\n"), "--html"});
  EXPECT_EQ(blank.exit_code, 4) << blank.err;
  EXPECT_TRUE(Contains(blank.err, "credence: error:")) << blank.err;
}

TEST_F(ExtractCommand, AnalyzeHtmlAndTextTogetherIsAUsageError) {
  Outcome run = Credence({"analyze", Write("ferry.html", Page()), "--html", "--text"});
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_TRUE(run.out.empty());
  EXPECT_TRUE(Contains(run.err, "credence: error:")) << run.err;
  EXPECT_TRUE(Contains(run.err, "--html")) << run.err;
}

TEST_F(ExtractCommand, AnalyzeHtmlWithoutVisibleTextExits4) {
  Outcome run = Credence(
      {"analyze", Write("blank.html", "<!DOCTYPE html><html><head><title>T</title></head><body></body></html>")});
  EXPECT_EQ(run.exit_code, 4) << run.err;
  EXPECT_TRUE(Contains(run.err, "no visible text")) << run.err;
}

}  // namespace
}  // namespace credence
