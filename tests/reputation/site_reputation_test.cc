// Tests for the site-reputation lookup: host and registered-domain parsing,
// subdomains folding to the listed site, platforms whose subdomains are
// separate publishers, the embedded table's rows, and the summary by rater
// (one vote per rater, its newest snapshot; consensus over raters).
#include "credence/reputation.h"

#include <gtest/gtest.h>

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "data/embedded_data.h"

namespace credence {
namespace {

TEST(SiteReputation, HostOfUrlStripsSchemeUserPortAndPath) {
  EXPECT_EQ(HostOfUrl("https://theduran.com/x"), "theduran.com");
  EXPECT_EQ(HostOfUrl("http://example.org"), "example.org");
  EXPECT_EQ(HostOfUrl("https://news.example.org:8443/a/b"), "news.example.org");
  EXPECT_EQ(HostOfUrl("ftp://user:secret@files.example.net/pub"), "files.example.net");
  EXPECT_EQ(HostOfUrl("https://example.org?q=1"), "example.org");
  EXPECT_EQ(HostOfUrl("https://example.org#top"), "example.org");
  EXPECT_EQ(HostOfUrl("https://example.org/path?next=https://other.com/"), "example.org");
}

TEST(SiteReputation, HostOfUrlWorksWithoutScheme) {
  EXPECT_EQ(HostOfUrl("theduran.com/x"), "theduran.com");
  EXPECT_EQ(HostOfUrl("www.example.com"), "www.example.com");
  EXPECT_EQ(HostOfUrl("  example.com:80/x"), "example.com");
}

TEST(SiteReputation, HostOfUrlLowerCasesAndDropsTrailingDot) {
  EXPECT_EQ(HostOfUrl("HTTPS://WWW.Example.COM/Path"), "www.example.com");
  EXPECT_EQ(HostOfUrl("https://example.com./a"), "example.com");
}

TEST(SiteReputation, HostOfUrlGarbageGivesEmpty) {
  EXPECT_EQ(HostOfUrl(""), "");
  EXPECT_EQ(HostOfUrl("   "), "");
  EXPECT_EQ(HostOfUrl("https://"), "");
  EXPECT_EQ(HostOfUrl("/just/a/path"), "");
  EXPECT_EQ(HostOfUrl("?q=1"), "");
  EXPECT_EQ(HostOfUrl("not a url at all"), "");
}

TEST(SiteReputation, RegisteredDomainKeepsTheSiteUnderItsSuffix) {
  EXPECT_EQ(RegisteredDomain("www.bbc.co.uk"), "bbc.co.uk");
  EXPECT_EQ(RegisteredDomain("bbc.co.uk"), "bbc.co.uk");
  EXPECT_EQ(RegisteredDomain("a.b.example.com"), "example.com");
  EXPECT_EQ(RegisteredDomain("example.com"), "example.com");
  EXPECT_EQ(RegisteredDomain("news.abc.net.au"), "abc.net.au");
}

TEST(SiteReputation, RegisteredDomainPlatformSubdomainsStaySeparate) {
  EXPECT_EQ(RegisteredDomain("x.blogspot.com"), "x.blogspot.com");
  EXPECT_EQ(RegisteredDomain("www.x.blogspot.com"), "x.blogspot.com");
  EXPECT_EQ(RegisteredDomain("x.blogspot.co.uk"), "x.blogspot.co.uk");
  EXPECT_EQ(RegisteredDomain("someone.substack.com"), "someone.substack.com");
  EXPECT_EQ(RegisteredDomain("someone.github.io"), "someone.github.io");
}

TEST(SiteReputation, LookUpFindsTheSiteFromAnyUsualSubdomain) {
  for (const char* url : {"https://theduran.com/x", "https://www.theduran.com/x", "http://m.theduran.com/",
                          "https://amp.theduran.com/a/b?c=d", "theduran.com", "HTTPS://WWW.THEDURAN.COM."}) {
    std::optional<SiteReputation> site = LookUpSite(url);
    ASSERT_TRUE(site) << url;
    EXPECT_EQ(site->domain, "theduran.com") << url;
    EXPECT_EQ(site->consensus, "unreliable") << url;
    ASSERT_FALSE(site->ratings.empty()) << url;
    EXPECT_GT(site->lists_unreliable, 0) << url;
    EXPECT_LE(site->lists_unreliable, site->lists_rated) << url;
    EXPECT_LE(site->lists_rated, static_cast<int>(site->ratings.size())) << url;
    EXPECT_LE(site->raters_unreliable, site->raters_rated) << url;
    EXPECT_LE(site->raters_rated, site->lists_rated) << url;
    for (const SiteRating& r : site->ratings) {
      EXPECT_FALSE(r.list.empty()) << url;
      EXPECT_FALSE(r.date.empty()) << url << " " << r.list;
    }
  }
}

TEST(SiteReputation, LookUpRatingsComeInListOrder) {
  std::optional<SiteReputation> site = LookUpSite("theduran.com");
  ASSERT_TRUE(site);
  for (std::size_t i = 1; i < site->ratings.size(); ++i)
    EXPECT_LT(site->ratings[i - 1].list, site->ratings[i].list);
}

TEST(SiteReputation, LookUpUnknownSiteGivesNothing) {
  EXPECT_FALSE(LookUpSite("https://no-such-site-for-credence-tests.example/x"));
  EXPECT_FALSE(LookUpSite(""));
  EXPECT_FALSE(LookUpSite("not a url at all"));
}

TEST(SiteReputation, LookUpPlatformSubdomainsAreNotGivenThePlatformsRating) {
  // Listed blog: found, from its own subdomains too.
  std::optional<SiteReputation> listed = LookUpSite("https://americankabuki.blogspot.com/2016/01/post.html");
  ASSERT_TRUE(listed);
  EXPECT_EQ(listed->domain, "americankabuki.blogspot.com");
  std::optional<SiteReputation> www = LookUpSite("www.americankabuki.blogspot.com");
  ASSERT_TRUE(www);
  EXPECT_EQ(www->domain, "americankabuki.blogspot.com");
  // Another blog on the same platform says nothing of it, nor the platform of it.
  EXPECT_FALSE(LookUpSite("https://some-unlisted-credence-blog.blogspot.com/"));
  std::optional<SiteReputation> other = LookUpSite("https://x.blogspot.com/");
  if (other) {
    EXPECT_EQ(other->domain, "x.blogspot.com");
  }
  // A listed blog on a country suffix of the platform.
  std::optional<SiteReputation> uk = LookUpSite("http://aanirfan.blogspot.co.uk/");
  ASSERT_TRUE(uk);
  EXPECT_EQ(uk->domain, "aanirfan.blogspot.co.uk");
}

// Returns a rating by `list`, dated `date`, of `rating`.
SiteRating Rating(std::string list, std::string date, std::string rating) {
  return {.list = std::move(list), .date = std::move(date), .rating = std::move(rating)};
}

TEST(SiteReputation, TheDuranIsTwoRatersBothUnreliableNotFiveLists) {
  std::optional<SiteReputation> site = LookUpSite("https://theduran.com/a");
  ASSERT_TRUE(site);
  EXPECT_EQ(site->lists_rated, 5);  // lasser/mbfc, mbfc_acl2020, mbfc_emnlp18, mbfcext, opensources
  EXPECT_EQ(site->lists_unreliable, 5);
  EXPECT_EQ(site->raters_rated, 2);
  EXPECT_EQ(site->raters_unreliable, 2);
  EXPECT_EQ(site->consensus, "unreliable");
  ASSERT_EQ(site->raters.size(), 2u);
  const RaterVote& mbfc = site->raters[0];
  EXPECT_EQ(mbfc.rater, "mbfc");
  EXPECT_EQ(mbfc.name, "Media Bias/Fact Check");
  EXPECT_EQ(mbfc.rating, "unreliable");
  EXPECT_EQ(mbfc.list, "mbfcext");
  EXPECT_EQ(mbfc.date, "2026-08-19");
  EXPECT_EQ(mbfc.snapshots, 4);
  EXPECT_EQ(mbfc.first_date, "2018-10");
  EXPECT_EQ(mbfc.last_date, "2026-08-19");
  const RaterVote& opensources = site->raters[1];
  EXPECT_EQ(opensources.rater, "opensources");
  EXPECT_EQ(opensources.rating, "unreliable");
  EXPECT_EQ(opensources.snapshots, 1);
  EXPECT_EQ(opensources.date, "2017-04");
  for (const SiteRating& r : site->ratings) EXPECT_EQ(r.rater, r.list == "opensources" ? "opensources" : "mbfc") << r.list;
}

TEST(SiteReputation, MbfcSnapshotsThatDisagreeVoteWithTheNewest) {
  // thefederalist.com: MBFC said reliable in 2020 (acl2020), questionable in 2021 and 2026.
  std::optional<SiteReputation> federalist = LookUpSite("thefederalist.com");
  ASSERT_TRUE(federalist);
  ASSERT_EQ(federalist->raters.size(), 1u);
  EXPECT_EQ(federalist->raters[0].rating, "unreliable");
  EXPECT_EQ(federalist->raters[0].list, "mbfcext");
  EXPECT_EQ(federalist->raters[0].snapshots, 3);
  EXPECT_EQ(federalist->raters_rated, 1);
  // Two old snapshots outnumber the newest, and still the newest is the vote.
  const SiteReputation site = SummarizeRatings("example.com", {Rating("lasser/mbfc", "2021-05-17", "mixed"),
                                                               Rating("mbfc_acl2020", "2020-07", "reliable"),
                                                               Rating("mbfc_emnlp18", "2018-10", "reliable")});
  ASSERT_EQ(site.raters.size(), 1u);
  EXPECT_EQ(site.raters[0].rating, "mixed");
  EXPECT_EQ(site.raters[0].list, "lasser/mbfc");
  EXPECT_EQ(site.consensus, "mixed");
  EXPECT_EQ(site.raters_rated, 1);
  EXPECT_EQ(site.raters_unreliable, 0);
  EXPECT_EQ(site.lists_rated, 3);
}

TEST(SiteReputation, ConsensusCountsOneVotePerRater) {
  // Four MBFC snapshots say unreliable; OpenSources and PolitiFact say satire:
  // by list 4 to 2 unreliable, by rater 2 to 1 satire.
  const SiteReputation site = SummarizeRatings(
      "example.com", {Rating("lasser/mbfc", "2021-05-17", "unreliable"), Rating("lasser/politifact", "2017-11-09", "satire"),
                      Rating("mbfc_acl2020", "2020-07", "unreliable"), Rating("mbfc_emnlp18", "2018-10", "unreliable"),
                      Rating("mbfcext", "2026-08-19", "unreliable"), Rating("opensources", "2017-04", "satire")});
  EXPECT_EQ(site.lists_unreliable, 4);
  EXPECT_EQ(site.lists_rated, 6);
  EXPECT_EQ(site.raters_unreliable, 1);
  EXPECT_EQ(site.raters_rated, 3);
  EXPECT_EQ(site.consensus, "satire");
  ASSERT_EQ(site.raters.size(), 3u);  // in the order of each rater's first list
  EXPECT_EQ(site.raters[0].rater, "mbfc");
  EXPECT_EQ(site.raters[1].rater, "politifact");
  EXPECT_EQ(site.raters[2].rater, "opensources");
  // A tie between raters still goes to the more severe rating.
  const SiteReputation tie = SummarizeRatings(
      "example.com", {Rating("mbfc_acl2020", "2020-07", "mixed"), Rating("mbfc_emnlp18", "2018-10", "mixed"),
                      Rating("opensources", "2017-04", "unreliable")});
  EXPECT_EQ(tie.consensus, "unreliable");
  EXPECT_EQ(tie.raters_unreliable, 1);
  EXPECT_EQ(tie.raters_rated, 2);
}

TEST(SiteReputation, ZimdarsListIsOpenSourcesFrom2016) {
  // Lasser's copy of Zimdars' 2016 list is dated by its 2021 collection; the
  // 2017 OpenSources snapshot is the newer and gives the vote.
  std::optional<SiteReputation> site = LookUpSite("365usanews.com");
  ASSERT_TRUE(site);
  ASSERT_EQ(site->raters.size(), 1u);
  const RaterVote& v = site->raters[0];
  EXPECT_EQ(v.rater, "opensources");
  EXPECT_EQ(v.snapshots, 2);
  EXPECT_EQ(v.list, "opensources");
  EXPECT_EQ(v.rating, "unreliable");
  EXPECT_EQ(v.first_date, "2016");
  EXPECT_EQ(v.last_date, "2017-04");
  EXPECT_EQ(site->lists_rated, 2);
  EXPECT_EQ(site->raters_rated, 1);
}

TEST(SiteReputation, UnknownListIsARaterOfItsOwnAndUnratedListsGiveNoVote) {
  const SiteReputation site = SummarizeRatings(
      "example.com", {Rating("newlist", "2027-01", "reliable"), Rating("opensources", "2017-04", "")});
  ASSERT_EQ(site.raters.size(), 2u);
  EXPECT_EQ(site.raters[0].rater, "newlist");
  EXPECT_EQ(site.raters[0].name, "newlist");
  EXPECT_EQ(site.ratings[0].rater, "newlist");
  EXPECT_EQ(site.raters[1].rating, "");
  EXPECT_EQ(site.raters[1].list, "");
  EXPECT_EQ(site.raters[1].snapshots, 1);
  EXPECT_EQ(site.raters_rated, 1);
  EXPECT_EQ(site.consensus, "reliable");
}

// Returns the TAB-separated fields of `line`.
std::vector<std::string_view> Fields(std::string_view line) {
  std::vector<std::string_view> f;
  for (std::size_t pos = 0;;) {
    const std::size_t tab = line.find('\t', pos);
    f.push_back(line.substr(pos, tab == std::string_view::npos ? std::string_view::npos : tab - pos));
    if (tab == std::string_view::npos) return f;
    pos = tab + 1;
  }
}

bool LooksLikeDate(std::string_view d) {
  auto digits = [&](std::size_t from, std::size_t n) {
    for (std::size_t i = from; i < from + n; ++i)
      if (d[i] < '0' || d[i] > '9') return false;
    return true;
  };
  if (d.size() != 7 && d.size() != 10) return false;
  if (!digits(0, 4) || d[4] != '-' || !digits(5, 2)) return false;
  return d.size() == 7 || (d[7] == '-' && digits(8, 2));
}

TEST(SiteReputation, TableEveryRowParses) {
  std::optional<std::string_view> tsv = internal::EmbeddedFile("source_reputation.tsv");
  ASSERT_TRUE(tsv) << "data/source_reputation.tsv is not embedded";
  const std::set<std::string_view> ratings = {"reliable", "mixed", "unreliable", "satire", "-"};
  const std::set<std::string_view> factualities = {"very-high", "high", "mostly-factual", "mixed",
                                                   "low",       "very-low", "-"};
  std::size_t rows = 0, number = 0;
  for (std::size_t pos = 0; pos < tsv->size();) {
    std::size_t end = tsv->find('\n', pos);
    if (end == std::string_view::npos) end = tsv->size();
    std::string_view line = tsv->substr(pos, end - pos);
    pos = end + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    ++rows;
    const std::vector<std::string_view> f = Fields(line);
    ASSERT_EQ(f.size(), 7u) << "line " << number << ": " << line;
    EXPECT_FALSE(f[0].empty()) << "line " << number;
    EXPECT_EQ(HostOfUrl(f[0]), f[0]) << "line " << number << ": domain not a lower-case host";
    EXPECT_FALSE(f[1].empty()) << "line " << number;
    EXPECT_TRUE(LooksLikeDate(f[2])) << "line " << number << ": date " << f[2];
    EXPECT_TRUE(ratings.count(f[3])) << "line " << number << ": rating " << f[3];
    EXPECT_TRUE(factualities.count(f[4])) << "line " << number << ": factuality " << f[4];
  }
  EXPECT_GT(rows, 1000u);
}

TEST(SiteReputation, TableEveryListedDomainIsFound) {
  std::optional<std::string_view> tsv = internal::EmbeddedFile("source_reputation.tsv");
  ASSERT_TRUE(tsv);
  std::size_t missed = 0, checked = 0;
  std::string last;
  internal::ForEachDataLine(*tsv, [&](std::string_view line) {
    const std::string domain(line.substr(0, line.find('\t')));
    if (domain == last) return;
    last = domain;
    ++checked;
    std::optional<SiteReputation> site = LookUpSite("https://" + domain + "/");
    if (!site || site->domain != domain) {
      if (++missed <= 5) ADD_FAILURE() << domain << " not found as itself";
    }
  });
  EXPECT_EQ(missed, 0u);
  EXPECT_GT(checked, 1000u);
}

}  // namespace
}  // namespace credence
