// DecodePageBytes: decides how a web page's bytes are to be read, as a
// browser would: a byte-order mark; else the HTML5 prescan of the first
// 4 KiB for <meta charset> or http-equiv; a declared legacy charset whose
// bytes are valid UTF-8 with non-ASCII in them is UTF-8 mislabelled; UTF-8
// with a few stray bytes stays UTF-8 (they become U+FFFD); else
// windows-1252. UTF-16 is converted to UTF-8 here.
//
//   PageBytes decoded = DecodePageBytes(bytes);
//   myhtml_parse(tree, myencoding_t(decoded.parser_encoding), decoded.Bytes().data(), decoded.Bytes().size());
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace credence::internal {

struct PageBytes {
  std::string encoding;               // what the bytes are read as: "utf-8", "windows-1252", "utf-16le", ...
  std::string source;                 // "bom", "meta", "utf-8 check" or "fallback"
  std::vector<std::string> warnings;  // a declaration the bytes contradict, stray bytes, ...
  int parser_encoding = 0;            // the myencoding_t to hand to myhtml for Bytes()
  std::string_view input;             // the input after its byte-order mark
  std::string converted;              // UTF-16 widened or stray bytes replaced, when use_converted
  bool use_converted = false;

  // The bytes to parse: views `converted` or the caller's input, which
  // must outlive this value.
  std::string_view Bytes() const { return use_converted ? std::string_view(converted) : input; }
};

// Returns how to read `input` (see above).
PageBytes DecodePageBytes(std::string_view input);

}  // namespace credence::internal
