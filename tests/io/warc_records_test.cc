// Tests for src/io/warc_records.cc: which WARC records become articles,
// HTTP bodies decoded (chunked, gzip, deflate), positions, and damage
// (truncation, garbage, oversized or hostile input) turning into error
// records or the end, never a crash or an endless loop.
#include <gtest/gtest.h>

#include <cstdio>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "io/record_reader.h"
#include "tests/io/record_test_support.h"
#include "tests/test_support.h"

namespace credence::internal {
namespace {

using Headers = std::vector<std::pair<std::string, std::string>>;

// A WARC record with the given type, headers and block, Content-Length
// added, ending with the two CRLFs.
std::string Warc(const std::string& type, const Headers& headers, const std::string& block,
                 const std::string& version = "WARC/1.1") {
  std::string out = version + "\r\nWARC-Type: " + type + "\r\n";
  for (const auto& [name, value] : headers) out += name + ": " + value + "\r\n";
  return out + "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
}

std::string Http(const std::string& status, const Headers& headers, const std::string& body) {
  std::string out = "HTTP/1.1 " + status + "\r\n";
  for (const auto& [name, value] : headers) out += name + ": " + value + "\r\n";
  return out + "\r\n" + body;
}

// A response record for page `n` of The Daily Example.
std::string Response(int n, const std::string& http) {
  const std::string id = "<urn:uuid:00000000-0000-4000-8000-00000000000" + std::to_string(n) + ">";
  return Warc("response",
              {{"WARC-Record-ID", id},
               {"WARC-Target-URI", "https://daily.example/page" + std::to_string(n)},
               {"Content-Type", "application/http; msgtype=response"}},
              http);
}

std::string Page(int n) {
  return "<html><head><title>The Daily Example, page " + std::to_string(n) +
         "</title></head><body><p>Council approves the new bridge.</p></body></html>";
}

std::string HtmlResponse(int n) {
  return Response(n, Http("200 OK", {{"Content-Type", "text/html; charset=utf-8"}}, Page(n)));
}

const std::string kWarcinfo = Warc("warcinfo", {{"Content-Type", "application/warc-fields"}}, "software: test\r\n");
const std::string kRequest =
    Warc("request",
         {{"WARC-Target-URI", "https://daily.example/page1"}, {"Content-Type", "application/http; msgtype=request"}},
         "GET /page1 HTTP/1.1\r\nHost: daily.example\r\n\r\n");

std::vector<BatchRecord> ReadWarc(const std::string& warc, std::size_t max_record = 1 << 20,
                                  std::size_t chunk = 1 << 16) {
  std::unique_ptr<RecordReader> reader = OpenWarcRecords(MemoryInput(warc, chunk), "crawl.warc", max_record);
  return ReadAllRecords(*reader);
}

TEST(WarcRecords, KeepsHtmlResponsesAndSkipsOtherRecordTypes) {
  const std::string warc = kWarcinfo + kRequest + HtmlResponse(1) +
                           Warc("metadata", {{"Content-Type", "application/warc-fields"}}, "outlinks: none\r\n");
  std::vector<BatchRecord> r = ReadWarc(warc);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].source, "crawl.warc");
  EXPECT_EQ(r[0].position, kWarcinfo.size() + kRequest.size());
  EXPECT_EQ(r[0].id, "urn:uuid:00000000-0000-4000-8000-000000000001");
  EXPECT_EQ(r[0].url, "https://daily.example/page1");
  EXPECT_EQ(r[0].body, Page(1));
  EXPECT_TRUE(r[0].html);
  EXPECT_FALSE(r[0].detect_html);
  EXPECT_EQ(r[0].error, "");
}

TEST(WarcRecords, EveryChunkSizeGivesTheSameRecords) {
  const std::string warc =
      kWarcinfo + HtmlResponse(1) + "junk line\r\n" + HtmlResponse(2) + HtmlResponse(3).substr(0, 60);
  const std::vector<BatchRecord> whole = ReadWarc(warc);
  ASSERT_EQ(whole.size(), 4u);
  for (std::size_t chunk : {1, 2, 3, 7, 64}) {
    std::vector<BatchRecord> r = ReadWarc(warc, 1 << 20, chunk);
    ASSERT_EQ(r.size(), whole.size()) << "chunk " << chunk;
    for (std::size_t i = 0; i < r.size(); ++i) {
      EXPECT_EQ(r[i].position, whole[i].position);
      EXPECT_EQ(r[i].body, whole[i].body);
      EXPECT_EQ(r[i].error, whole[i].error);
    }
  }
}

// One chunk of chunked transfer coding, with `extension` after its size.
std::string Chunk(const std::string& data, const std::string& extension = "") {
  char size[32];
  std::snprintf(size, sizeof size, "%zx", data.size());
  return size + extension + "\r\n" + data + "\r\n";
}

TEST(WarcRecords, DecodesChunkedTransferEncoding) {
  const std::string chunked =
      Chunk("<p>The Daily Example: a ") + Chunk("chunked story.</p>", ";ext=1") + "0\r\nX-Trailer: 1\r\n\r\n";
  std::vector<BatchRecord> r =
      ReadWarc(Response(1, Http("200 OK", {{"Content-Type", "text/html"}, {"Transfer-Encoding", "chunked"}}, chunked)));
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].body, "<p>The Daily Example: a chunked story.</p>");
}

TEST(WarcRecords, KeepsWhatDecodesOfACutOffChunkedBody) {
  const std::string chunked = Chunk("<p>First part.</p>") + Chunk("<p>Second part, cut").substr(0, 13);
  std::vector<BatchRecord> r =
      ReadWarc(Response(1, Http("200 OK", {{"Content-Type", "text/html"}, {"Transfer-Encoding", "chunked"}}, chunked)));
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].body, "<p>First part.</p><p>Second");
}

TEST(WarcRecords, KeepsABodyStoredAlreadyDechunked) {
  std::vector<BatchRecord> r = ReadWarc(Response(
      1, Http("200 OK", {{"Content-Type", "text/html"}, {"Transfer-Encoding", "chunked"}}, "<p>Plain body</p>")));
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].body, "<p>Plain body</p>");
}

TEST(WarcRecords, DecodesGzipAndDeflateContentEncoding) {
  const std::string page = Page(4);
  const std::string warc =
      Response(1,
               Http("200 OK", {{"Content-Type", "text/html"}, {"Content-Encoding", "gzip"}}, Compress(page, 15 + 16))) +
      Response(2,
               Http("200 OK", {{"Content-Type", "text/html"}, {"Content-Encoding", "deflate"}}, Compress(page, 15))) +
      Response(3,
               Http("200 OK", {{"Content-Type", "text/html"}, {"Content-Encoding", "deflate"}}, Compress(page, -15)));
  std::vector<BatchRecord> r = ReadWarc(warc);
  ASSERT_EQ(r.size(), 3u);
  for (const BatchRecord& b : r) {
    EXPECT_EQ(b.error, "");
    EXPECT_EQ(b.body, page);
  }
}

TEST(WarcRecords, DecodesChunkedGzipBody) {
  const std::string chunked = Chunk(Compress(Page(5), 15 + 16)) + "0\r\n\r\n";
  std::vector<BatchRecord> r = ReadWarc(Response(
      1, Http("200 OK", {{"Content-Type", "text/html"}, {"Content-Encoding", "gzip"}, {"Transfer-Encoding", "chunked"}},
              chunked)));
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].body, Page(5));
}

TEST(WarcRecords, BadContentEncodingIsAnErrorRecord) {
  const std::string warc =
      Response(1, Http("200 OK", {{"Content-Type", "text/html"}, {"Content-Encoding", "br"}}, "\x1b\x02")) +
      Response(2, Http("200 OK", {{"Content-Type", "text/html"}, {"Content-Encoding", "gzip"}},
                       "\x1f\x8b" + std::string(40, 'z'))) +
      HtmlResponse(3);
  std::vector<BatchRecord> r = ReadWarc(warc);
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[0].error, "unsupported Content-Encoding: br");
  EXPECT_EQ(r[0].id, "urn:uuid:00000000-0000-4000-8000-000000000001");
  EXPECT_NE(r[1].error.find("cannot decode the gzip Content-Encoding"), std::string::npos) << r[1].error;
  EXPECT_EQ(r[2].error, "");
}

TEST(WarcRecords, SkipsResponsesThatAreNotPagesOrNot2xx) {
  const std::string warc =
      Response(1, Http("200 OK", {{"Content-Type", "image/png"}}, "\x89PNG\r\n")) +
      Response(2, Http("200 OK", {{"Content-Type", "application/json"}}, "{}")) +
      Response(3, Http("301 Moved Permanently", {{"Content-Type", "text/html"}, {"Location", "/x"}}, "<a>moved</a>")) +
      Response(4, Http("404 Not Found", {{"Content-Type", "text/html"}}, "<p>not found</p>")) + HtmlResponse(5);
  std::vector<BatchRecord> r = ReadWarc(warc);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].url, "https://daily.example/page5");
}

TEST(WarcRecords, TextPlainAndUntypedBodies) {
  const std::string warc =
      Response(1, Http("200 OK", {{"Content-Type", "text/plain; charset=utf-8"}}, "Plain words.")) +
      Response(2, Http("200 OK", {}, "<p>Who knows</p>")) +
      Response(3, Http("200 OK", {{"content-type", "APPLICATION/XHTML+XML"}}, "<p>x</p>"));
  std::vector<BatchRecord> r = ReadWarc(warc);
  ASSERT_EQ(r.size(), 3u);
  EXPECT_FALSE(r[0].html);
  EXPECT_FALSE(r[0].detect_html);
  EXPECT_FALSE(r[1].html);
  EXPECT_TRUE(r[1].detect_html);
  EXPECT_TRUE(r[2].html);
}

TEST(WarcRecords, ReadsHtmlResourceRecordsAndWarc10) {
  const std::string warc =
      Warc("resource", {{"WARC-Target-URI", "<file:///archive/daily/page7.html>"}, {"Content-Type", "text/html"}},
           Page(7), "WARC/1.0") +
      Warc("resource", {{"WARC-Target-URI", "file:///archive/logo.png"}, {"Content-Type", "image/png"}}, "PNG");
  std::vector<BatchRecord> r = ReadWarc(warc);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].url, "file:///archive/daily/page7.html");
  EXPECT_EQ(r[0].body, Page(7));
  EXPECT_TRUE(r[0].html);
}

TEST(WarcRecords, AcceptsBareLineFeedsAndFoldedHeaders) {
  const std::string block = Http("200 OK", {{"Content-Type", "text/html"}}, Page(8));
  const std::string warc =
      "WARC/1.0\nWARC-Type: response\nWARC-Target-URI:\n  https://daily.example/page8\n"
      "Content-Type: application/http\nContent-Length: " +
      std::to_string(block.size()) + "\n\n" + block + "\n\n";
  std::vector<BatchRecord> r = ReadWarc(warc);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].url, "https://daily.example/page8");
  EXPECT_EQ(r[0].body, Page(8));
}

TEST(WarcRecords, TruncatedFinalRecordIsAnErrorRecordThenTheEnd) {
  const std::string first = HtmlResponse(1);
  const std::string second = HtmlResponse(2);
  std::vector<BatchRecord> r = ReadWarc(first + second.substr(0, second.size() - 40));
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[1].position, first.size());
  EXPECT_NE(r[1].error.find("truncated record"), std::string::npos) << r[1].error;
  r = ReadWarc(first + "WARC/1.1\r\nWARC-Type: response\r\nContent-Le");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[1].error, "truncated record: the input ends inside its WARC headers");
}

TEST(WarcRecords, GarbageBetweenRecordsGivesOneErrorAndResyncs) {
  const std::string first = HtmlResponse(1);
  const std::string garbage = "this is not\r\na WARC record\r\n\x01\x02\xff\r\n";
  std::vector<BatchRecord> r = ReadWarc(first + garbage + HtmlResponse(2));
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[0].error, "");
  EXPECT_EQ(r[1].position, first.size());
  EXPECT_EQ(r[1].error, "expected a WARC/1.x record, found \"this is not\"; skipped to the next record");
  EXPECT_EQ(r[2].error, "");
  EXPECT_EQ(r[2].url, "https://daily.example/page2");
  EXPECT_EQ(r[2].position, first.size() + garbage.size());
}

TEST(WarcRecords, MissingContentLengthIsAnErrorThenResyncs) {
  const std::string broken = "WARC/1.1\r\nWARC-Type: response\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>lost</p>\r\n\r\n";
  const std::string bad_length = "WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 12\xff\r\n\r\nx\r\n\r\n";
  std::vector<BatchRecord> r = ReadWarc(broken + bad_length + HtmlResponse(3));
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[0].error, "WARC record without a Content-Length");
  EXPECT_EQ(r[1].error, "WARC record with a bad Content-Length \"12?\"");
  EXPECT_EQ(r[2].error, "");
}

TEST(WarcRecords, OversizedPageIsAnErrorRecordAndOversizedImageIsSkipped) {
  const std::string big_page = "<html><body>" + std::string(5000, 'w') + "</body></html>";
  const std::string warc = Response(1, Http("200 OK", {{"Content-Type", "text/html"}}, big_page)) +
                           Response(2, Http("200 OK", {{"Content-Type", "image/jpeg"}}, std::string(5000, '\xff'))) +
                           Warc("request", {}, std::string(5000, 'r')) + HtmlResponse(4);
  std::vector<BatchRecord> r = ReadWarc(warc, 1000, 64);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].error, "record larger than the limit of 1000 bytes (--max-bytes)");
  EXPECT_EQ(r[0].body, "");
  EXPECT_EQ(r[0].url, "https://daily.example/page1");
  EXPECT_EQ(r[1].error, "");
  EXPECT_EQ(r[1].url, "https://daily.example/page4");
}

TEST(WarcRecords, BodyDecodedPastTheLimitIsAnErrorRecord) {
  const std::string bomb = Compress(std::string(100000, 'a'), 15 + 16);
  std::vector<BatchRecord> r =
      ReadWarc(Response(1, Http("200 OK", {{"Content-Type", "text/html"}, {"Content-Encoding", "gzip"}}, bomb)), 2000);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].error, "decoded body larger than the limit of 2000 bytes (--max-bytes)");
}

TEST(WarcRecords, EmptyBodyIsAnErrorRecord) {
  std::vector<BatchRecord> r = ReadWarc(Response(1, Http("200 OK", {{"Content-Type", "text/html"}}, "")));
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].error, "the record has an empty body");
}

class WarcFile : public credence::testing::TempDirTest {};

TEST_F(WarcFile, ReadsOneGzipMemberPerRecord) {
  const std::vector<std::string> records = {kWarcinfo, HtmlResponse(1), kRequest, HtmlResponse(2)};
  std::string gz;
  for (const std::string& record : records) gz += Compress(record, 15 + 16);
  Result<std::unique_ptr<ByteStream>> in = OpenByteStream(Write("crawl.warc.gz", gz));
  ASSERT_TRUE(in) << in.error().ToString();
  std::unique_ptr<RecordReader> reader = OpenWarcRecords(std::move(*in), "crawl.warc.gz", 1 << 20);
  EXPECT_EQ(reader->size(), gz.size());
  std::vector<BatchRecord> r = ReadAllRecords(*reader);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].body, Page(1));
  EXPECT_EQ(r[0].position, records[0].size());  // offsets in the decompressed stream
  EXPECT_EQ(r[1].body, Page(2));
  EXPECT_EQ(r[1].position, records[0].size() + records[1].size() + records[2].size());
  EXPECT_EQ(reader->bytes_read(), gz.size());
}

TEST(WarcRecords, ReadErrorFailsNext) {
  const std::string warc = HtmlResponse(1) + HtmlResponse(2);
  std::unique_ptr<RecordReader> reader =
      OpenWarcRecords(std::make_unique<MemoryStream>(warc, 16, HtmlResponse(1).size() + 20), "crawl.warc", 1 << 20);
  ExpectOneRecordThenReadError(*reader);
}

TEST(WarcRecords, RandomBytesGiveErrorRecordsOrTheEnd) {
  std::mt19937 rng(7);
  for (int round = 0; round < 200; ++round) {
    std::string bytes(rng() % 3000, '\0');
    for (char& c : bytes) c = static_cast<char>(rng());
    if (round % 3 == 0) bytes = "WARC/1.1\r\nContent-Length: 99999\r\n\r\n" + bytes;
    for (const BatchRecord& b : ReadWarc(bytes, 1 << 16, 1 + rng() % 50)) EXPECT_NE(b.error, "");
  }
}

TEST(WarcRecords, DamagedArchivesNeverCrashOrHang) {
  const std::string good =
      kWarcinfo + kRequest + HtmlResponse(1) +
      Response(2, Http("200 OK",
                       {{"Content-Type", "text/html"}, {"Transfer-Encoding", "chunked"}, {"Content-Encoding", "gzip"}},
                       Chunk(Compress(Page(2), 15 + 16)) + "0\r\n\r\n")) +
      HtmlResponse(3);
  std::mt19937 rng(11);
  for (int round = 0; round < 500; ++round) {
    std::string bytes = good;
    const int edits = 1 + static_cast<int>(rng() % 8);
    for (int e = 0; e < edits; ++e) {
      const std::size_t at = rng() % bytes.size();
      switch (rng() % 3) {
        case 0:
          bytes[at] = static_cast<char>(rng());
          break;
        case 1:
          bytes.erase(at, rng() % 64);
          break;
        default:
          bytes.insert(at, std::string(rng() % 8, "\r\n:0 WARC/1."[rng() % 12]));
          break;
      }
      if (bytes.empty()) bytes.push_back('x');
    }
    std::vector<BatchRecord> r = ReadWarc(bytes, 4096, 1 + rng() % 100);
    EXPECT_LE(r.size(), 20u);
  }
}

}  // namespace
}  // namespace credence::internal
