// Site reputation: what published source lists say about the site an
// article comes from. It stands beside the content model's verdict and is
// never mixed into it: a site's name says nothing about one article's text.
//
//   std::optional<credence::SiteReputation> site = credence::LookUpSite("https://m.theduran.com/x");
//   if (site) for (const credence::RaterVote& v : site->raters) std::cout << v.name << " " << v.rating;
//
// Several lists are snapshots of one rater (mbfc_emnlp18, mbfc_acl2020,
// lasser/mbfc and mbfcext are all Media Bias/Fact Check), so agreement is
// counted per rater: each rater votes once, with its newest snapshot.
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
  std::string list;        // e.g. "mbfcext", "opensources", "lasser/cjr"
  std::string rater;       // who made the list, e.g. "mbfc" (RaterVote::rater); set from `list`
  std::string date;        // the list's snapshot date, "YYYY-MM" or "YYYY-MM-DD"
  std::string rating;      // "reliable", "mixed", "unreliable", "satire", or "" when the list gives none
  std::string factuality;  // "very-high" ... "very-low", or ""
  std::string bias;        // as the list names it ("right", "questionable", ...), or ""
  std::string detail;      // the list's own words, shortened
};

// One independent rater's say about a site. Its vote is the rating of its
// newest list (snapshot) that gives one; older snapshots are history, not
// further votes. Dates are when a list's ratings are from: the table's date,
// or the list's own year where the table has only when it was collected
// ("2016" for lasser/zimdars), so "YYYY", "YYYY-MM" or "YYYY-MM-DD".
struct RaterVote {
  std::string rater;       // stable id: "mbfc", "opensources", "cjr", "politifact", ...
  std::string name;        // for display: "Media Bias/Fact Check", "OpenSources", ...
  std::string rating;      // the vote, as SiteRating::rating; "" when none of its lists gives one
  std::string list;        // the list the vote comes from ("mbfcext"); "" with no vote
  std::string date;        // when that list's ratings are from; "" with no vote
  int snapshots = 0;       // how many of the rater's lists name the site
  std::string first_date;  // when the oldest of those lists is from
  std::string last_date;   // when the newest of those lists is from
};

struct SiteReputation {
  std::string domain;               // the table's key that matched (the site)
  std::vector<SiteRating> ratings;  // one per list, in list order
  std::vector<RaterVote> raters;    // one per rater, in the order of its first list in `ratings`
  // The rating most raters vote for, one vote each ("unreliable" wins ties
  // over "mixed", which wins over "satire" and "reliable"); "" when no rater
  // gives one.
  std::string consensus;
  int raters_unreliable = 0;  // how many raters vote unreliable
  int raters_rated = 0;       // how many raters give any rating
  int lists_unreliable = 0;   // how many lists rate it unreliable (snapshots of one rater each count)
  int lists_rated = 0;        // how many lists give any rating
};

// Returns the reputation that `ratings` (one per list, in list order) give
// the site `domain`: each rating's rater set from its list, the raters'
// votes, the counts and the consensus. LookUpSite builds its answer so;
// exposed for callers and tests that hold ratings of their own.
SiteReputation SummarizeRatings(std::string domain, std::vector<SiteRating> ratings);

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
