// HTTP responses as web archives store them: the status line and headers
// read from the front of a WARC block, then the body with its transfer
// coding (chunked) and content codings (gzip, deflate) undone, so that the
// WARC reader hands the pipeline the page the server meant.
//
//   Result<HttpResponseHead> head = ParseHttpResponseHead(block);
//   if (head && head->status / 100 == 2 && MediaKindOf(head->content_type) == MediaKind::kHtml)
//     Result<std::string> body = DecodeHttpBody(*head, block.substr(head->body_offset), max_bytes);
//
// Plain functions of their arguments: safe from any thread.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "credence/status.h"

namespace credence::internal {

struct HttpResponseHead {
  int status = 0;                 // e.g. 200
  std::string content_type;       // the Content-Type header as sent; "" when absent
  std::string transfer_encoding;  // lower case, e.g. "chunked"; "" when absent
  std::string content_encoding;   // lower case, e.g. "gzip"; "" when absent
  std::size_t body_offset = 0;    // where the body starts, after the blank line
};

// Returns the status and headers at the start of `message`. Fails with
// kDataError when it does not start with an HTTP status line or its
// headers never end with a blank line.
[[nodiscard]] Result<HttpResponseHead> ParseHttpResponseHead(std::string_view message);

// What a payload's media type makes of it.
enum class MediaKind {
  kHtml,     // text/html, application/xhtml+xml
  kText,     // text/plain
  kUnknown,  // no type given: decide from the bytes
  kOther,    // anything else (images, scripts, feeds): not an article
};

// Returns the kind of a Content-Type value such as "text/html; charset=utf-8".
// Returns `s` without the spaces and tabs around it and a trailing CR, as
// HTTP and WARC header lines are trimmed.
std::string_view TrimHeaderSpace(std::string_view s);

MediaKind MediaKindOf(std::string_view content_type);

// Returns `body` with chunked transfer coding and gzip/deflate content
// coding undone. A body cut short (crawlers cap what they keep) yields what
// decodes before the cut. Fails with kDataError on damaged compressed data
// or an unsupported coding (br, zstd), and kTooLarge when the decoded body
// passes `max_bytes`.
[[nodiscard]] Result<std::string> DecodeHttpBody(const HttpResponseHead& head, std::string_view body,
                                                 std::size_t max_bytes);

}  // namespace credence::internal
