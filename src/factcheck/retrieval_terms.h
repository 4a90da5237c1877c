// The terms fact-check retrieval indexes and searches: a text's words and
// numbers, lower-cased and stemmed (Snowball English, Debian's libstemmer),
// without function words (data/retrieval_stopwords.txt) or links; a hashtag
// or @handle gives its words ("#AustralianFires": australian, fire;
// "@realDonaldTrump": real, donald, trump). A tweet's closing signature
// ("— Name (@handle) January 6, 2020") is kept: who tweeted and when often
// names what the claim is about.
//
//   std::vector<std::string> terms = RetrievalTerms("Did 122 prisoners return to the battlefield?");
//   // {"122", "prison", "return", "battlefield"}
//
// Thread-safe (one stemmer per thread); linear in the text's length.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "credence/structure.h"

namespace credence::internal {

// Returns the terms of `text` (any bytes: invalid UTF-8 reads as U+FFFD), in order, repeats kept.
std::vector<std::string> RetrievalTerms(std::string_view text);

// Returns `text` without links (and photo links glued to words): what
// RetrievalTerms reads, for the re-ranker's surface features.
std::string WithoutTweetFurniture(std::string_view text);

// RetrievalTerms of a text already through WithoutTweetFurniture, given the
// tokenizer's tokens of it (for callers that need the tokens too).
std::vector<std::string> RetrievalTermsOfTokens(std::string_view clean_text, const std::vector<Token>& tokens);

}  // namespace credence::internal
