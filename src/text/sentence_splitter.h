// SentenceSplitter: splits one paragraph's tokens into sentences.
//
//   std::size_t first = tokens.size();
//   Tokenize(text, paragraph, &tokens);
//   SplitSentences(text, paragraph, tokens, first, tokens.size(), &sentences);
//
// The rules, in order:
//  1. A sentence ends at a run of . ! ? … (e.g. "?!", "..."), with the
//     closing quotes and brackets after it, when the next token can start a
//     sentence: a word that does not begin with a lower-case letter, a
//     number, a symbol ($, €), or an opening quote or bracket.
//  2. Abbreviations (Mr. Jan. Gov. Inc.), dotted acronyms (U.S. D.C.) and
//     initials (John F. Kennedy) keep their period inside their word token
//     (see tokenizer.h), so rule 1 never sees it; decimals are one token.
//     Such a word ends a sentence only when the next word is a common
//     sentence opener ("in the U.S. The next day" splits, "the U.S. Army"
//     does not), and never when it is a title that comes before a name
//     (Mr. Dr. Gov. Sen. Gen. ...: "Mr. He Jiankui").
//  3. No sentence ends inside a quotation that continues the sentence: one
//     whose closing quote comes right after , ; : or a dash, or right before
//     a lower-case word or , ; : or a dash. So “Stop. Now,” he said is one
//     sentence, while “It was late.” Then she left. is two, and so is
//     He said: “I was there. It was late”.
//     Quotes pair within the paragraph only: an unclosed quotation (as in a
//     multi-paragraph quote) splits normally.
// Thread-safe; linear in the number of tokens.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "credence/span.h"
#include "credence/structure.h"

namespace credence::internal {

// Appends the sentences of tokens [first_token, end_token) to *sentences:
// each spans from its first token's start to its last token's end, and the
// sentences cover the tokens in order, without gaps. A paragraph with tokens
// yields at least one sentence.
// REQUIRES: the tokens lie within `paragraph`, which lies within `text` (the
// Document's working copy); first_token <= end_token <= tokens.size().
void SplitSentences(std::string_view text, Span paragraph, const std::vector<Token>& tokens,
                    std::size_t first_token, std::size_t end_token, std::vector<Sentence>* sentences);

}  // namespace credence::internal
