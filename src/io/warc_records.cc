// WARC 1.0/1.1 records read as a stream: the version line, the named
// headers up to a blank line, then Content-Length bytes of block, which is
// copied only when it may be an article and fits `max_record`, and passed
// over in chunks otherwise. The ByteStream has already undone gzip, whether
// the file is one gzip stream or one member per record, so a record's
// position is the byte offset of its "WARC/1.x" line in the decompressed
// stream, not the compressed member offset a CDX index gives.
//
// Which records become BatchRecords: `response` and `resource` records
// whose payload is text/html or application/xhtml+xml (html), text/plain,
// or untyped (detect_html). For an application/http block the payload is
// the HTTP body and its type the HTTP Content-Type; responses other than
// 2xx (redirects, errors) are skipped without a record, like other types.
// A record that would be kept but is larger than max_record is an error
// record; one of a skipped type is passed over silently whatever its size.
//
// Damage: a non-blank line where a record should start gives one error
// record, then lines are skipped until the next "WARC/1." line; so does a
// header block without a valid Content-Length. The input ending inside a
// record gives an error record and the end. Error texts keep only
// printable ASCII, since they may quote the input.
#include <algorithm>
#include <string_view>

#include "io/http_payload.h"
#include "text/utf8.h"
#include "io/record_reader.h"
#include "io/stream_cursor.h"

namespace credence::internal {
namespace {

constexpr std::size_t kMaxHeaderLine = std::size_t{1} << 16;
constexpr std::size_t kMaxHeaderBytes = std::size_t{1} << 20;
// Read from a record too large to keep, to tell a page from an image.
constexpr std::size_t kMaxHttpHead = std::size_t{1} << 16;
// Grown past by appending, never reserved up front from a claimed length.
constexpr std::size_t kMaxReserve = std::size_t{8} << 20;



std::string StripAngles(std::string_view s) {
  if (s.size() >= 2 && s.front() == '<' && s.back() == '>') s = s.substr(1, s.size() - 2);
  return std::string(s);
}

std::string Printable(std::string_view s, std::size_t max = 200) {
  std::string out;
  for (char c : s.substr(0, max)) out += c >= 0x20 && c < 0x7f ? c : '?';
  if (s.size() > max) out += "...";
  return out;
}

bool IsBlank(std::string_view line) { return TrimHeaderSpace(line).empty(); }

// "WARC/1.0", "WARC/1.1" (blanks after it allowed).
bool IsVersionLine(std::string_view line) {
  line = TrimHeaderSpace(line);
  if (line.substr(0, 7) != "WARC/1." || line.size() == 7) return false;
  return std::all_of(line.begin() + 7, line.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// 1 to 18 decimal digits, so it cannot overflow.
bool ParseLength(std::string_view s, std::uint64_t* value) {
  if (s.empty() || s.size() > 18) return false;
  *value = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    *value = *value * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return true;
}

// The WARC headers a reader needs; the others are read and dropped.
struct WarcHeaders {
  std::string type, record_id, target_uri, content_type, content_length;

  std::string* Slot(const std::string& lower_name) {
    if (lower_name == "warc-type") return &type;
    if (lower_name == "warc-record-id") return &record_id;
    if (lower_name == "warc-target-uri") return &target_uri;
    if (lower_name == "content-type") return &content_type;
    if (lower_name == "content-length") return &content_length;
    return nullptr;
  }
};

class WarcRecords : public RecordReader {
 public:
  WarcRecords(std::unique_ptr<ByteStream> in, std::string source, std::size_t max_record)
      : in_(std::move(in)), cursor_(*in_), source_(std::move(source)), max_record_(max_record) {}

  Result<bool> Next(BatchRecord* out) override {
    for (;;) {
      *out = BatchRecord{};
      out->source = source_;
      if (done_) return false;
      Result<Step> step = ReadRecord(out);
      if (!step) return tl::unexpected(step.error());
      if (*step == Step::kEnd) {
        done_ = true;
        return false;
      }
      if (*step == Step::kRecord) {
        if (!out->error.empty()) out->error = Printable(out->error, out->error.size());
        return true;
      }
    }
  }

  std::uint64_t bytes_read() const override { return in_->raw_bytes_read(); }
  std::uint64_t size() const override { return in_->raw_size(); }

 private:
  enum class Step { kRecord, kSkip, kEnd };

  Result<Step> ReadRecord(BatchRecord* out) {
    for (;;) {  // to the version line
      const std::uint64_t start = cursor_.offset();
      Result<LineStatus> got = cursor_.ReadLine(kMaxHeaderLine, &line_);
      if (!got) return tl::unexpected(got.error());
      if (*got == LineStatus::kEnd) return Step::kEnd;
      out->position = start;
      if (*got == LineStatus::kLine && IsBlank(line_)) continue;
      if (*got == LineStatus::kLine && IsVersionLine(line_)) break;
      if (resyncing_) continue;
      resyncing_ = true;
      out->error = "expected a WARC/1.x record, found \"" + Printable(line_, 40) + "\"; skipped to the next record";
      return Step::kRecord;
    }
    resyncing_ = false;
    WarcHeaders headers;
    Result<bool> read = ReadHeaders(&headers, out);
    if (!read) return tl::unexpected(read.error());
    if (!*read) return Step::kRecord;
    out->id = StripAngles(headers.record_id);
    out->url = StripAngles(headers.target_uri);
    std::uint64_t length = 0;
    if (!ParseLength(headers.content_length, &length)) {
      resyncing_ = true;
      out->error = headers.content_length.empty()
                       ? "WARC record without a Content-Length"
                       : "WARC record with a bad Content-Length \"" + Printable(headers.content_length, 40) + "\"";
      return Step::kRecord;
    }
    const std::string type = ToLower(headers.type);
    if (type != "response" && type != "resource") return TakeBlock(length, nullptr, out);
    const std::string warc_type = ToLower(headers.content_type);
    const bool http = warc_type.rfind("application/http", 0) == 0 || (warc_type.empty() && type == "response");
    block_.clear();
    if (length > max_record_) return PassOverLarge(length, http, headers.content_type, out);
    block_.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(length, kMaxReserve)));
    Result<Step> taken = TakeBlock(length, &block_, out);
    if (!taken || *taken == Step::kRecord) return taken;
    MediaKind kind = MediaKind::kOther;
    if (http) {
      Result<HttpResponseHead> head = ParseHttpResponseHead(block_);
      if (!head) {
        out->error = "malformed HTTP response: " + head.error().message();
        return Step::kRecord;
      }
      kind = MediaKindOf(head->content_type);
      if (head->status / 100 != 2 || kind == MediaKind::kOther) return Step::kSkip;
      Result<std::string> body = DecodeHttpBody(*head, std::string_view(block_).substr(head->body_offset), max_record_);
      if (!body) {
        out->error = body.error().message();
        return Step::kRecord;
      }
      out->body = std::move(*body);
    } else {
      kind = MediaKindOf(headers.content_type);
      if (kind == MediaKind::kOther) return Step::kSkip;
      out->body.swap(block_);
    }
    if (out->body.empty()) out->error = "the record has an empty body";
    out->html = kind == MediaKind::kHtml;
    out->detect_html = kind == MediaKind::kUnknown;
    return Step::kRecord;
  }

  // Reads header lines up to the blank line. Returns false with an error
  // record when they cannot be read.
  Result<bool> ReadHeaders(WarcHeaders* headers, BatchRecord* out) {
    std::size_t total = 0;
    std::string* last = nullptr;  // the value a continuation line extends
    for (;;) {
      Result<LineStatus> got = cursor_.ReadLine(kMaxHeaderLine, &line_);
      if (!got) return tl::unexpected(got.error());
      if (*got == LineStatus::kEnd) {
        done_ = true;
        out->error = "truncated record: the input ends inside its WARC headers";
        return false;
      }
      total += line_.size() + 2;
      if (*got == LineStatus::kTooLong || total > kMaxHeaderBytes) {
        resyncing_ = true;
        out->error = "WARC headers longer than " + std::to_string(kMaxHeaderBytes) + " bytes";
        return false;
      }
      if (line_.empty()) return true;
      if (line_[0] == ' ' || line_[0] == '\t') {
        if (last != nullptr) last->append(last->empty() ? "" : " ").append(TrimHeaderSpace(line_));
        continue;
      }
      const std::size_t colon = line_.find(':');
      last = colon == std::string::npos ? nullptr : headers->Slot(ToLower(TrimHeaderSpace(line_.substr(0, colon))));
      if (last != nullptr) *last = TrimHeaderSpace(std::string_view(line_).substr(colon + 1));
    }
  }

  // Consumes a block of `length` bytes, appending it to `*block` unless
  // null. Returns kSkip, or kRecord with an error when the input ends first.
  Result<Step> TakeBlock(std::uint64_t length, std::string* block, BatchRecord* out) {
    Result<std::uint64_t> got = cursor_.Take(length, block);
    if (!got) return tl::unexpected(got.error());
    if (*got == length) return Step::kSkip;
    done_ = true;
    out->error = "truncated record: Content-Length is " + std::to_string(length) + " bytes but the input ends after " +
                 std::to_string(*got);
    return Step::kRecord;
  }

  // Passes over a block larger than max_record, reading only enough of it
  // to know whether it would have been kept (and so is worth an error).
  Result<Step> PassOverLarge(std::uint64_t length, bool http, const std::string& content_type, BatchRecord* out) {
    bool kept = MediaKindOf(content_type) != MediaKind::kOther;
    const std::uint64_t head_bytes = http ? std::min<std::uint64_t>(length, kMaxHttpHead) : 0;
    Result<Step> head_taken = TakeBlock(head_bytes, &block_, out);
    if (!head_taken || *head_taken == Step::kRecord) return head_taken;
    if (http) {
      Result<HttpResponseHead> head = ParseHttpResponseHead(block_);
      kept = !head || (head->status / 100 == 2 && MediaKindOf(head->content_type) != MediaKind::kOther);
    }
    block_.clear();
    Result<Step> rest = TakeBlock(length - head_bytes, nullptr, out);
    if (!rest || *rest == Step::kRecord || !kept) return rest;
    out->error = "record larger than the limit of " + std::to_string(max_record_) + " bytes (--max-bytes)";
    return Step::kRecord;
  }

  std::unique_ptr<ByteStream> in_;
  StreamCursor cursor_;
  std::string source_;
  std::size_t max_record_;
  std::string line_;
  std::string block_;
  bool resyncing_ = false;  // skipping lines after damage, up to a version line
  bool done_ = false;
};

}  // namespace

std::unique_ptr<RecordReader> OpenWarcRecords(std::unique_ptr<ByteStream> in, std::string source,
                                              std::size_t max_record) {
  return std::make_unique<WarcRecords>(std::move(in), std::move(source), max_record);
}

}  // namespace credence::internal
