// Tests for src/io/http_payload.cc: HTTP heads as archived, media types,
// and bodies decoded leniently (cut-off or already-decoded bodies kept).
#include "io/http_payload.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/io/record_test_support.h"

namespace credence::internal {
namespace {

TEST(HttpPayload, ParsesStatusAndTheHeadersItNeeds) {
  const std::string message =
      "HTTP/1.1 206 Partial Content\r\ncontent-TYPE: text/html\r\nContent-Type: text/plain\r\n"
      "Transfer-Encoding: Chunked\r\nContent-Encoding: GZIP\r\nX-Other\r\n\r\nbody";
  Result<HttpResponseHead> head = ParseHttpResponseHead(message);
  ASSERT_TRUE(head) << head.error().ToString();
  EXPECT_EQ(head->status, 206);
  EXPECT_EQ(head->content_type, "text/html");  // the first one wins
  EXPECT_EQ(head->transfer_encoding, "chunked");
  EXPECT_EQ(head->content_encoding, "gzip");
  EXPECT_EQ(message.substr(head->body_offset), "body");
}

TEST(HttpPayload, RejectsWhatIsNotAnHttpResponse) {
  EXPECT_FALSE(ParseHttpResponseHead("GET / HTTP/1.1\r\n\r\n"));
  EXPECT_FALSE(ParseHttpResponseHead("HTTP/1.1 OK\r\n\r\n"));
  EXPECT_FALSE(ParseHttpResponseHead("HTTP/1.1 200 OK\r\nContent-Type: text/html"));
  EXPECT_FALSE(ParseHttpResponseHead(""));
  Result<HttpResponseHead> bare = ParseHttpResponseHead("HTTP/1.0 200 OK\n");
  ASSERT_TRUE(bare);
  EXPECT_EQ(bare->body_offset, 16u);
}

TEST(HttpPayload, ClassifiesMediaTypes) {
  EXPECT_EQ(MediaKindOf("text/html; charset=ISO-8859-1"), MediaKind::kHtml);
  EXPECT_EQ(MediaKindOf(" Application/XHTML+XML "), MediaKind::kHtml);
  EXPECT_EQ(MediaKindOf("text/plain"), MediaKind::kText);
  EXPECT_EQ(MediaKindOf(""), MediaKind::kUnknown);
  EXPECT_EQ(MediaKindOf("; charset=utf-8"), MediaKind::kUnknown);
  EXPECT_EQ(MediaKindOf("text/css"), MediaKind::kOther);
  EXPECT_EQ(MediaKindOf("application/pdf"), MediaKind::kOther);
}

TEST(HttpPayload, UndoesCodingsInReverseOrder) {
  HttpResponseHead head;
  head.content_encoding = "deflate, gzip";
  const std::string page = "<p>The Daily Example</p>";
  Result<std::string> body = DecodeHttpBody(head, Compress(Compress(page, 15), 15 + 16), 1 << 20);
  ASSERT_TRUE(body) << body.error().ToString();
  EXPECT_EQ(*body, page);
}

TEST(HttpPayload, KeepsWhatDecodesOfACutOffGzipBody) {
  std::string page;
  for (int i = 0; i < 2000; ++i) page += "Paragraph " + std::to_string(i) + " of the story. ";
  const std::string gz = Compress(page, 15 + 16);
  HttpResponseHead head;
  head.content_encoding = "gzip";
  Result<std::string> body = DecodeHttpBody(head, gz.substr(0, gz.size() / 2), 1 << 20);
  ASSERT_TRUE(body) << body.error().ToString();
  EXPECT_GT(body->size(), 0u);
  EXPECT_EQ(page.compare(0, body->size(), *body), 0);
}

TEST(HttpPayload, KeepsABodyStoredAlreadyDecoded) {
  HttpResponseHead head;
  head.content_encoding = "gzip";
  head.transfer_encoding = "chunked";
  Result<std::string> body = DecodeHttpBody(head, "<p>already plain</p>\n", 1 << 20);
  ASSERT_TRUE(body);
  EXPECT_EQ(*body, "<p>already plain</p>\n");
}

TEST(HttpPayload, FailsOnDamageUnknownCodingsAndBombs) {
  HttpResponseHead head;
  head.content_encoding = "deflate";
  Result<std::string> damaged = DecodeHttpBody(head, "not deflate at all, not even raw", 1 << 20);
  ASSERT_FALSE(damaged);
  EXPECT_EQ(damaged.error().code(), StatusCode::kDataError);
  head.content_encoding = "zstd";
  Result<std::string> unknown = DecodeHttpBody(head, "x", 1 << 20);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().message(), "unsupported Content-Encoding: zstd");
  head.content_encoding = "gzip";
  Result<std::string> bomb = DecodeHttpBody(head, Compress(std::string(1 << 20, 'a'), 15 + 16), 1000);
  ASSERT_FALSE(bomb);
  EXPECT_EQ(bomb.error().code(), StatusCode::kTooLarge);
}

}  // namespace
}  // namespace credence::internal
