// Site reputation: what published source lists say about the site an
// article comes from. It stands beside the content model's verdict and is
// never mixed into it: a site's name says nothing about one article's text.
//
//   std::optional<credence::SiteReputation> site = credence::LookUpSite("https://m.theduran.com/x");
//   if (site) for (const credence::SiteRating& r : site->ratings) std::cout << r.list << " " << r.rating;
//
// The table (data/source_reputation.tsv, built by tools/build_reputation.py)
// is compiled in; lookups are thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace credence {

// One list's rating of a site, with its provenance.
struct SiteRating {
  std::string list;        // e.g. "mbfcext", "opensources", "lasser/iffy"
  std::string date;        // the list's snapshot date, "YYYY-MM" or "YYYY-MM-DD"
  std::string rating;      // "reliable", "mixed", "unreliable", "satire", or "" when the list gives none
  std::string factuality;  // "very-high" ... "very-low", or ""
  std::string bias;        // as the list names it ("right", "questionable", ...), or ""
  std::string detail;      // the list's own words, shortened
};

struct SiteReputation {
  std::string domain;               // the table's key that matched (the site)
  std::vector<SiteRating> ratings;  // one per list, in list order
  // The rating most lists give ("unreliable" wins ties over "mixed", which
  // wins over "satire" and "reliable"); "" when no list gives one.
  std::string consensus;
  int lists_unreliable = 0;  // how many lists rate it unreliable
  int lists_rated = 0;       // how many lists give any rating
};

// Returns the host of `url` (scheme, user, port and path removed, lower
// case), or "" when it has none. "theduran.com/x" without a scheme works.
std::string HostOfUrl(std::string_view url);

// Returns the registered domain of `host` (www.bbc.co.uk -> bbc.co.uk).
std::string RegisteredDomain(std::string_view host);

// Returns the site's reputation, trying the host itself then each parent
// down to its registered domain (www., m., amp. and other subdomains fold to
// the site); nullopt when no list names it.
std::optional<SiteReputation> LookUpSite(std::string_view url);

}  // namespace credence
