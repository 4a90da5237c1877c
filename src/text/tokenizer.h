// Tokenizer: splits a span of text into words, numbers, punctuation and
// symbols, each a Span into the text.
//
//   std::vector<Token> tokens;
//   Tokenize(doc.text(), {0, doc.size()}, &tokens);
//
// Words start with a letter and run over letters, digits and combining
// marks, keeping
//   - inner apostrophes ' and ’ before a letter: don’t, O'Brien;
//   - inner hyphens before a letter or digit: ez-Zor, well-known, COVID-19;
//   - the periods of dotted acronyms, final one included: U.S., e.g., a.m.,
//     Ph.D. (one or two letters before each period, at least two periods);
//   - the final period of a known abbreviation (data/abbreviations.txt: Mr.
//     Jan. Gov. Inc. etc.), of a single capital initial (John F. Kennedy),
//     and of "No" before a number (No. 10).
// Numbers start with a digit: 1975, 3.5, 92.207792%, 1,000.50 (a comma only
// before exactly three digits), with a trailing % kept. Plain digits glued
// to letters make one word, not a number: "20th", "1990s", "5G", and across
// a hyphen or apostrophe "24-year-old", "1990's"; "2.5bn" is the number
// "2.5" then the word "bn", and "2019-20" is a number, "-", a number.
// Punctuation is one token per code point (“ ” . , ; : ! ? ( ) — – - …), so
// "..." is three tokens. Anything else that is not white space is a symbol
// ($ € + emoji), with its combining marks, skin-tone modifiers and ZWJ
// sequences kept in one token.
//
// Thread-safe; linear in the span's length.
#pragma once

#include <string_view>
#include <vector>

#include "credence/span.h"
#include "credence/structure.h"

namespace credence::internal {

// Appends the tokens of text[span] to *tokens, in order, non-overlapping and
// within span. `text` is a Document's working copy (valid UTF-8). A span
// reaching past the text is cut to it.
void Tokenize(std::string_view text, Span span, std::vector<Token>* tokens);

}  // namespace credence::internal
