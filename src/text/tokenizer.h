// Tokenizer: splits a span of text into words, numbers, punctuation and
// symbols, each a Span into the text.
//
// Words keep inner apostrophes (don’t, O'Brien), inner hyphens (ez-Zor) and
// the periods of dotted acronyms and known abbreviations (U.S., Mr., Jan.).
// Numbers keep inner separators and a trailing % (1,000.50, 92.2%); a number
// glued to letters ("20th", "5G") is a word.
#pragma once

#include <string_view>
#include <vector>

#include "credence/span.h"
#include "credence/structure.h"

namespace credence::internal {

// Appends the tokens of text[span] to *tokens, in order. Linear in span.size().
void Tokenize(std::string_view text, Span span, std::vector<Token>* tokens);

}  // namespace credence::internal
