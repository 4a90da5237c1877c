// Archived HTTP bodies are decoded leniently, because crawlers store what
// they received and archivers differ: a chunked or compressed body cut off
// at the crawler's size cap keeps what decodes, and a body whose headers
// claim chunked or gzip coding but whose bytes show it was already decoded
// (some archivers rewrite the body and keep the headers) is used as is.
#include "io/http_payload.h"

#include "text/utf8.h"

#include <zlib.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <vector>

namespace credence::internal {
namespace {

constexpr std::size_t kInflateChunk = std::size_t{1} << 16;



// Parses a chunk size: 1 to 15 hex digits, so it cannot overflow.
bool ParseHex(std::string_view s, std::uint64_t* value) {
  if (s.empty() || s.size() > 15) return false;
  *value = 0;
  for (char c : s) {
    int digit = 0;
    if (c >= '0' && c <= '9')
      digit = c - '0';
    else if (c >= 'a' && c <= 'f')
      digit = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F')
      digit = c - 'A' + 10;
    else
      return false;
    *value = *value * 16 + static_cast<std::uint64_t>(digit);
  }
  return true;
}

std::string Dechunk(std::string_view in) {
  std::string out;
  std::size_t pos = 0;
  bool first = true;
  for (;;) {
    const std::size_t nl = in.find('\n', pos);
    if (nl == std::string_view::npos) break;
    std::string_view size_line = in.substr(pos, nl - pos);
    size_line = TrimHeaderSpace(size_line.substr(0, size_line.find(';')));  // drop chunk extensions
    std::uint64_t size = 0;
    if (!ParseHex(size_line, &size)) break;
    first = false;
    pos = nl + 1;
    if (size == 0) break;  // the last chunk; trailers are of no use here
    const std::size_t take = static_cast<std::size_t>(std::min<std::uint64_t>(size, in.size() - pos));
    out.append(in.substr(pos, take));
    pos += take;
    if (take < size) break;
    if (in.substr(pos, 2) == "\r\n")
      pos += 2;
    else if (pos < in.size() && in[pos] == '\n')
      ++pos;
  }
  if (first) return std::string(in);  // not chunked after all
  return out;
}

// Inflates `in` with zlib's `window_bits` (15 + 32: gzip or zlib header;
// -15: raw deflate). Input that ends before the stream does yields the
// output so far.
Result<std::string> Inflate(std::string_view in, int window_bits, std::size_t max_bytes) {
  z_stream zs{};
  if (inflateInit2(&zs, window_bits) != Z_OK) return Error(StatusCode::kInternal, "cannot set up zlib");
  std::string out;
  std::size_t fed = 0;
  Status failure;
  for (;;) {
    if (zs.avail_in == 0 && fed < in.size()) {
      const std::size_t k = std::min<std::size_t>(in.size() - fed, UINT_MAX);
      zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data() + fed));
      zs.avail_in = static_cast<uInt>(k);
      fed += k;
    }
    const std::size_t before = out.size();
    out.resize(before + kInflateChunk);
    zs.next_out = reinterpret_cast<Bytef*>(out.data() + before);
    zs.avail_out = static_cast<uInt>(kInflateChunk);
    const int rc = inflate(&zs, Z_NO_FLUSH);
    out.resize(before + kInflateChunk - zs.avail_out);
    if (out.size() > max_bytes) {
      failure = Status(StatusCode::kTooLarge,
                       "decoded body larger than the limit of " + std::to_string(max_bytes) + " bytes (--max-bytes)");
      break;
    }
    if (rc == Z_STREAM_END) break;
    const bool input_spent = zs.avail_in == 0 && fed == in.size();
    if (rc == Z_BUF_ERROR || (rc == Z_OK && input_spent && zs.avail_out > 0)) break;  // cut short
    if (rc != Z_OK) {
      failure = Status(StatusCode::kDataError, zs.msg != nullptr ? zs.msg : "inflate failed");
      break;
    }
  }
  inflateEnd(&zs);
  if (!failure.ok()) return tl::unexpected(failure);
  return out;
}

bool LooksGzipped(std::string_view s) {
  return s.size() >= 2 && static_cast<unsigned char>(s[0]) == 0x1f && static_cast<unsigned char>(s[1]) == 0x8b;
}

Result<std::string> UndoCoding(std::string_view coding, std::string data, std::size_t max_bytes) {
  Result<std::string> out;
  if (coding == "identity") return data;
  if (coding == "gzip" || coding == "x-gzip") {
    if (!LooksGzipped(data)) return data;  // stored already decoded
    out = Inflate(data, 15 + 32, max_bytes);
  } else if (coding == "deflate") {
    out = Inflate(data, 15 + 32, max_bytes);  // zlib-wrapped, as RFC 9110 says
    if (!out && out.error().code() == StatusCode::kDataError)
      out = Inflate(data, -15, max_bytes);  // raw, as old IIS sent
  } else {
    return Error(StatusCode::kDataError, "unsupported Content-Encoding: " + std::string(coding));
  }
  if (!out && out.error().code() == StatusCode::kDataError)
    return Error(StatusCode::kDataError,
                 "cannot decode the " + std::string(coding) + " Content-Encoding: " + out.error().message());
  return out;
}

}  // namespace

std::string_view TrimHeaderSpace(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

Result<HttpResponseHead> ParseHttpResponseHead(std::string_view message) {
  if (message.substr(0, 5) != "HTTP/") return Error(StatusCode::kDataError, "no HTTP status line");
  std::size_t nl = message.find('\n');
  const std::string_view status_line = TrimHeaderSpace(message.substr(0, nl));
  const std::size_t space = status_line.find(' ');
  const std::string_view code = space == std::string_view::npos ? "" : TrimHeaderSpace(status_line.substr(space + 1)).substr(0, 3);
  if (code.size() != 3 || !std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return Error(StatusCode::kDataError, "malformed HTTP status line");
  HttpResponseHead head;
  head.status = (code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0');
  std::size_t pos = nl == std::string_view::npos ? message.size() : nl + 1;
  for (;;) {
    if (pos == message.size()) {  // headers without a body or blank line
      head.body_offset = pos;
      return head;
    }
    nl = message.find('\n', pos);
    if (nl == std::string_view::npos) return Error(StatusCode::kDataError, "the HTTP headers do not end");
    const std::string_view line = TrimHeaderSpace(message.substr(pos, nl - pos));
    pos = nl + 1;
    if (line.empty()) {
      head.body_offset = pos;
      return head;
    }
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string name = ToLower(TrimHeaderSpace(line.substr(0, colon)));
    const std::string_view value = TrimHeaderSpace(line.substr(colon + 1));
    if (name == "content-type" && head.content_type.empty())
      head.content_type = value;
    else if (name == "transfer-encoding")
      head.transfer_encoding = ToLower(value);
    else if (name == "content-encoding")
      head.content_encoding = ToLower(value);
  }
}

MediaKind MediaKindOf(std::string_view content_type) {
  const std::string type = ToLower(TrimHeaderSpace(content_type.substr(0, content_type.find(';'))));
  if (type.empty()) return MediaKind::kUnknown;
  if (type == "text/html" || type == "application/xhtml+xml") return MediaKind::kHtml;
  if (type == "text/plain") return MediaKind::kText;
  return MediaKind::kOther;
}

Result<std::string> DecodeHttpBody(const HttpResponseHead& head, std::string_view body, std::size_t max_bytes) {
  std::string data = head.transfer_encoding.find("chunked") != std::string::npos ? Dechunk(body) : std::string(body);
  // Codings are listed in the order applied, so they are undone from the last.
  std::vector<std::string_view> codings;
  std::string_view list = head.content_encoding;
  while (!list.empty()) {
    const std::size_t comma = std::min(list.find(','), list.size());
    if (std::string_view c = TrimHeaderSpace(list.substr(0, comma)); !c.empty()) codings.push_back(c);
    list.remove_prefix(std::min(comma + 1, list.size()));
  }
  for (auto it = codings.rbegin(); it != codings.rend(); ++it) {
    Result<std::string> undone = UndoCoding(*it, std::move(data), max_bytes);
    if (!undone) return undone;
    data = std::move(*undone);
  }
  if (data.size() > max_bytes)
    return Error(StatusCode::kTooLarge,
                 "decoded body larger than the limit of " + std::to_string(max_bytes) + " bytes (--max-bytes)");
  return data;
}

}  // namespace credence::internal
