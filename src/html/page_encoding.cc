// Choosing and preparing a page's encoding: myhtml's BOM detection and
// HTML5 meta prescan, then credence's own checks of the bytes.
#include "html/page_encoding.h"

#include <myencoding/encoding.h>

#include <algorithm>
#include <optional>

#include "html/markup_text.h"
#include "text/utf8.h"

namespace credence::internal {
namespace {

// Decodes UTF-16 (little- or big-endian) to UTF-8; unpaired surrogates and
// a trailing odd byte become U+FFFD.
std::string Utf16ToUtf8(std::string_view bytes, bool big_endian) {
  std::string out;
  out.reserve(bytes.size());
  auto unit = [&](std::size_t i) {
    const auto a = static_cast<unsigned char>(bytes[i]), b = static_cast<unsigned char>(bytes[i + 1]);
    return big_endian ? (a << 8 | b) : (b << 8 | a);
  };
  std::size_t i = 0;
  for (; i + 1 < bytes.size(); i += 2) {
    int32_t cp = unit(i);
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 3 < bytes.size()) {
      const int32_t low = unit(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        i += 2;
      } else {
        cp = 0xFFFD;
      }
    } else if (cp >= 0xD800 && cp <= 0xDFFF) {
      cp = 0xFFFD;
    }
    AppendUtf8(cp, &out);
  }
  if (i < bytes.size()) AppendUtf8(0xFFFD, &out);
  return out;
}

// Counts the well-formed multi-byte UTF-8 sequences and the bytes that are
// not part of any well-formed sequence.
void CountUtf8(std::string_view bytes, std::size_t* good, std::size_t* bad) {
  for (std::size_t i = 0; i < bytes.size();) {
    const std::size_t len = ValidUtf8SequenceLength(bytes, i);
    if (len == 0) {
      ++*bad;
      ++i;
    } else {
      *good += len > 1 ? 1 : 0;
      i += len;
    }
  }
}

// Chooses the encoding: BOM, then the HTML5 prescan of the first 4 KiB for
// <meta charset> / http-equiv, then UTF-8 if the bytes are valid UTF-8,
// else windows-1252 (what browsers fall back to for Western pages). Sets
// `*body_is_utf8` when it checked whether `*body` is valid UTF-8.
myencoding_t ChooseEncoding(std::string_view bytes, PageBytes* page, std::string_view* body,
                            std::optional<bool>* body_is_utf8) {
  myencoding_t enc = MyENCODING_DEFAULT;
  const char* rest = nullptr;
  std::size_t rest_size = 0;
  if (myencoding_detect_and_cut_bom(bytes.data(), bytes.size(), &enc, &rest, &rest_size)) {
    *body = std::string_view(rest, rest_size);
    page->source = "bom";
    return enc;
  }
  const bool valid_utf8 = IsValidUtf8(bytes);
  *body_is_utf8 = valid_utf8;  // no BOM: the body is all the bytes
  enc = myencoding_prescan_stream_to_determine_encoding(bytes.data(), std::min<std::size_t>(bytes.size(), 4096));
  if (enc != MyENCODING_NOT_DETERMINED && enc != MyENCODING_DEFAULT) {
    page->source = "meta";
    // A page declared as a legacy charset whose bytes are valid UTF-8 with
    // non-ASCII in them is UTF-8 mislabelled: decoding it as declared would
    // turn every "é" into "Ã©".
    const bool has_non_ascii =
        std::any_of(bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    if (valid_utf8 && has_non_ascii) {
      page->warnings.push_back("declared charset contradicted by the bytes: read as UTF-8");
      page->source = "utf-8 check";
      return MyENCODING_UTF_8;
    }
    return enc;
  }
  // UTF-8 with a few stray bytes is still UTF-8 (browsers show U+FFFD for
  // them); bytes with more invalid bytes than good multi-byte sequences are
  // a legacy charset.
  std::size_t good = 0, bad = 0;
  if (!valid_utf8) CountUtf8(bytes, &good, &bad);
  const bool mostly_utf8 = valid_utf8 || (good > 0 && bad <= good);
  if (!valid_utf8 && mostly_utf8)
    page->warnings.push_back(std::to_string(bad) + " bytes of invalid UTF-8 in a UTF-8 page: shown as U+FFFD");
  if (enc == MyENCODING_DEFAULT) {  // the prescan found utf-8 declared
    page->source = "meta";
    if (mostly_utf8) return MyENCODING_UTF_8;
    page->warnings.push_back("declared UTF-8 but the bytes are not: read as windows-1252");
    page->source = "fallback";
    return MyENCODING_WINDOWS_1252;
  }
  page->source = mostly_utf8 ? "utf-8 check" : "fallback";
  return mostly_utf8 ? MyENCODING_UTF_8 : MyENCODING_WINDOWS_1252;
}

}  // namespace

PageBytes DecodePageBytes(std::string_view input) {
  PageBytes page;
  std::string_view body = input;
  std::optional<bool> body_is_utf8;
  myencoding_t enc = ChooseEncoding(input, &page, &body, &body_is_utf8);
  std::size_t name_len = 0;
  const char* name = myencoding_name_by_id(enc, &name_len);
  page.encoding = name ? AsciiLower(std::string_view(name, name_len)) : "utf-8";
  // UTF-16 is decoded here (myhtml's UTF-16 stream reader crashes on some
  // input); the parser and the nesting scan then read UTF-8.
  if (enc == MyENCODING_UTF_16LE || enc == MyENCODING_UTF_16BE) {
    if (page.source == "bom") {
      page.converted = Utf16ToUtf8(body, enc == MyENCODING_UTF_16BE);
      page.use_converted = true;
    } else {  // HTML5: a UTF-16 declaration in ASCII-compatible bytes means UTF-8
      page.encoding = "utf-8";
      page.warnings.push_back("declared UTF-16 in ASCII-compatible bytes: read as UTF-8");
    }
    enc = MyENCODING_UTF_8;
  }
  // Stray bytes in a UTF-8 page become U+FFFD before parsing (myhtml would
  // pass them through), so every block is valid UTF-8.
  if (enc == MyENCODING_UTF_8 && !page.use_converted && !(body_is_utf8 ? *body_is_utf8 : IsValidUtf8(body))) {
    page.converted = ValidUtf8(body);
    page.use_converted = true;
  }
  page.input = body;
  page.parser_encoding = static_cast<int>(enc);
  return page;
}

}  // namespace credence::internal
