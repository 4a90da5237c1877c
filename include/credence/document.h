// Document: one input article as received (bytes, url, title), and a
// same-length working copy of it in which bytes that are not valid UTF-8 and
// NUL bytes have been replaced, so that byte offsets into the working copy
// are byte offsets into the input.
//
//   credence::Result<credence::Document> doc =
//       credence::Document::FromBytes(std::move(bytes), {.url = "https://..."});
//
// A Document is immutable once made and may be shared across threads.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "credence/span.h"
#include "credence/status.h"

namespace credence {

struct DocumentOptions {
  std::string url;    // where the article came from; "" when unknown
  std::string title;  // a headline given beside the text; "" when none
  // Inputs larger than this are refused with kTooLarge, never truncated.
  // Default: 256 MiB.
  std::size_t max_bytes = std::size_t{256} << 20;
};

class Document {
 public:
  // Returns a Document owning `bytes`.
  // Fails with kEmptyInput for empty or white-space-only input, kBinaryInput
  // when the input does not look like text (many NUL or control bytes or
  // mostly invalid UTF-8), kTooLarge above options.max_bytes.
  [[nodiscard]] static Result<Document> FromBytes(std::string bytes, DocumentOptions options = {});

  // The input exactly as received.
  const std::string& raw() const { return raw_; }
  // The working copy: same length as raw(); each byte of an invalid UTF-8
  // sequence, each NUL and each other C0 control byte except \t \n \r \f is
  // a space here. A UTF-8 byte-order mark at the start is kept.
  std::string_view text() const { return text_; }
  std::size_t size() const { return raw_.size(); }
  const std::string& url() const { return url_; }
  const std::string& title() const { return title_; }

  // Number of bytes that were part of invalid UTF-8 sequences.
  std::size_t invalid_utf8_bytes() const { return invalid_utf8_bytes_; }
  // Number of NUL bytes, and of other replaced control bytes.
  std::size_t nul_bytes() const { return nul_bytes_; }
  std::size_t control_bytes() const { return control_bytes_; }

  // Returns the input's bytes over `span` as valid UTF-8 for display: each
  // invalid byte becomes U+FFFD, each NUL or control byte a space.
  // REQUIRES: span.end <= size().
  std::string Slice(Span span) const;
  // Returns the working copy over `span` (a view into this Document).
  std::string_view View(Span span) const { return std::string_view(text_).substr(span.start, span.size()); }

 private:
  Document() = default;
  std::string raw_;
  std::string text_;
  std::string url_;
  std::string title_;
  std::size_t invalid_utf8_bytes_ = 0;
  std::size_t nul_bytes_ = 0;
  std::size_t control_bytes_ = 0;
};

}  // namespace credence
