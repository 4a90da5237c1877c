// PageCleaner: turns scraped article text into an Article: picks out the
// headline, standfirst, byline and date, keeps the body blocks, and names
// every block of page leftovers it removes.
//
// The rules are general (data/page_leftovers.tsv plus the layout rules in
// page_cleaner.cc), never keyed to one site's strings.
#pragma once

#include <string_view>

#include "credence/article.h"

namespace credence::internal {

// Returns the Article found in `text` (a Document's working copy).
// `given_title` is a headline known from elsewhere (a crawl's title field);
// when a line of the text matches it, that line becomes the headline.
Article ExtractArticleFromText(std::string_view text, std::string_view given_title);

}  // namespace credence::internal
