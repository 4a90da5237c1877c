// Turning bits of markup found in a page's metadata (meta content, JSON-LD
// strings) into plain text: decoding entities, removing tags, collapsing
// white space and cutting to a byte budget without splitting a character.
// Also the ASCII tests these and their callers share.
//
//   std::string text = MarkupToText("Caf&eacute; <b>opens</b>\n");  // "Café opens"
//   TruncateUtf8(&text, 2000);
//
// Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace credence::internal {

// HTML's ASCII character tests ("\v" counts as space), independent of locale.
inline bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
inline bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
inline char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c; }
// Returns `s` with ASCII letters in lower case (tag names, attribute values,
// charset names: HTML compares them so); other bytes unchanged.
std::string AsciiLower(std::string_view s);

// Returns whether `s` starts with `prefix`, ignoring ASCII case.
// Returns the number of words in `s`, counting one more than its spaces
// (0 for ""): for text whose white space is already collapsed.
std::size_t CountSpacedWords(std::string_view s);

bool StartsWithNoCase(std::string_view s, std::string_view prefix);

// Cuts `*s` to at most `max_bytes` bytes, dropping a UTF-8 sequence that
// would be split rather than leaving part of it.
void TruncateUtf8(std::string* s, std::size_t max_bytes);

// Returns `s` with white space runs (Unicode spaces too) made one space and
// trimmed at both ends; U+200B and U+FEFF vanish. With `keep_lines`, a run
// holding one line break ("\n", U+2028) becomes "\n" and a run holding more
// (or a U+2029) becomes "\n\n", so an article body keeps its paragraphs.
// Bytes that are not valid UTF-8 are kept as given.
std::string CollapseWhiteSpace(std::string_view s, bool keep_lines = false);

// Returns `s` with the common named entities (&amp; &nbsp; &rsquo; &eacute;
// ...) and all numeric ones decoded; &#128;..&#159; mean their windows-1252
// characters, as in HTML5 (U+FFFD for the five windows-1252 leaves unset),
// and &#0;, surrogates and values past U+10FFFF become U+FFFD. Unknown
// names and a bare '&' stay as written.
std::string DecodeEntities(std::string_view s);

// Returns `s` without HTML tags, comments and script/style elements. Only
// known tags count, so "a<b" and "x < y" stay as written; block tags become
// "\n\n" and <br>, <li>, <hr> "\n" (for CollapseWhiteSpace to keep). Linear
// in `s`: a comment without "-->" stays as text, so does what follows a
// <script> or <style> without its end tag, and a tag's '>' is looked for
// within 2 KiB.
std::string StripTags(std::string_view s);

// Returns the plain text of a markup fragment: DecodeEntities, then
// StripTags, then CollapseWhiteSpace with `keep_lines`.
std::string MarkupToText(std::string_view s, bool keep_lines = false);

}  // namespace credence::internal
