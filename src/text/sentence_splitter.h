// SentenceSplitter: splits one paragraph's tokens into sentences.
//
// A sentence ends at . ! ? or … (or a run of them), with any closing quotes
// and brackets, when the next token can start a sentence (a capital letter,
// a digit, an opening quote or bracket). Abbreviations and initials keep
// their period inside their word token (see tokenizer.h), so "Mr. Smith",
// "Jan. 5" and "John F. Kennedy" do not split; decimals are one token.
// A dotted acronym ending a word ("the U.S.") ends a sentence only when the
// next word is a common sentence opener ("The", "He", "But", ...).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "credence/span.h"
#include "credence/structure.h"

namespace credence::internal {

// Appends the sentences of tokens [first_token, end_token) to *sentences.
// A paragraph with tokens yields at least one sentence.
void SplitSentences(std::string_view text, const std::vector<Token>& tokens, std::size_t first_token,
                    std::size_t end_token, std::vector<Sentence>* sentences);

}  // namespace credence::internal
