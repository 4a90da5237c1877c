// The site-reputation lookup over data/source_reputation.tsv, parsed once on
// first use into a map from domain to its rows (the file is sorted by domain
// then list, so each domain's ratings come out in list order), and the
// summary of a site's ratings by rater (raters.h says which lists are one).
#include "credence/reputation.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <map>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "data/embedded_data.h"
#include "reputation/raters.h"
#include "text/utf8.h"

namespace credence {
namespace {

using Table = std::unordered_map<std::string, std::vector<SiteRating>>;

std::string Field(std::string_view f) { return f == "-" ? std::string() : std::string(f); }

const Table& ReputationTable() {
  static const Table table = [] {
    Table t;
    std::optional<std::string_view> tsv = internal::EmbeddedFile("source_reputation.tsv");
    if (!tsv) return t;
    internal::ForEachDataLine(*tsv, [&](std::string_view line) {
      std::vector<std::string_view> f;
      for (std::size_t pos = 0;;) {
        const std::size_t tab = line.find('\t', pos);
        f.push_back(line.substr(pos, tab == std::string_view::npos ? std::string_view::npos : tab - pos));
        if (tab == std::string_view::npos) break;
        pos = tab + 1;
      }
      if (f.size() != 7 || f[0].empty()) return;  // tests/reputation checks every row parses
      t[std::string(f[0])].push_back({.list = std::string(f[1]),
                                      .date = Field(f[2]),
                                      .rating = Field(f[3]),
                                      .factuality = Field(f[4]),
                                      .bias = Field(f[5]),
                                      .detail = Field(f[6])});
    });
    return t;
  }();
  return table;
}

// Platforms whose subdomains are separate publishers, and two-label public
// suffixes under a generic TLD (the same lists as tools/build_corpus.py).
const std::unordered_set<std::string_view> kMultiPartSuffixes = {
    "blogspot.com", "wordpress.com", "tumblr.com", "substack.com", "github.io", "weebly.com", "wixsite.com",
    "typepad.com",  "livejournal.com", "co.com",   "us.com",       "uk.com",    "eu.com"};
const std::unordered_set<std::string_view> kCountrySecondLevel = {
    "co", "com", "net", "org", "gov", "govt", "edu", "ac",  "or",  "ne",  "go",  "gob", "mil",
    "nic", "ltd", "plc", "sch", "nhs", "asn", "id", "gv", "info", "biz", "nom", "web", "res"};

std::vector<std::string_view> Labels(std::string_view host) {
  std::vector<std::string_view> labels;
  for (std::size_t pos = 0; pos <= host.size();) {
    const std::size_t dot = std::min(host.find('.', pos), host.size());
    if (dot > pos) labels.push_back(host.substr(pos, dot - pos));
    pos = dot + 1;
  }
  return labels;
}

std::string Join(const std::vector<std::string_view>& labels, std::size_t from) {
  std::string s;
  for (std::size_t i = from; i < labels.size(); ++i) (s += labels[i]) += i + 1 < labels.size() ? "." : "";
  return s;
}

}  // namespace

SiteReputation SummarizeRatings(std::string domain, std::vector<SiteRating> ratings) {
  SiteReputation rep;
  rep.domain = std::move(domain);
  rep.ratings = std::move(ratings);
  for (SiteRating& r : rep.ratings) {
    const internal::ListRater who = internal::RaterOfList(r.list);
    r.rater = std::string(who.rater);
    // Lasser's copies carry the date they were collected; the vote goes by
    // when a list's ratings are from, or a 2016 list would outvote 2017's.
    const std::string from = who.content_date.empty() ? r.date : std::string(who.content_date);
    auto vote = std::find_if(rep.raters.begin(), rep.raters.end(),
                             [&](const RaterVote& v) { return v.rater == r.rater; });
    if (vote == rep.raters.end()) {
      rep.raters.push_back({.rater = r.rater, .name = std::string(who.name), .first_date = from, .last_date = from});
      vote = std::prev(rep.raters.end());
    }
    ++vote->snapshots;
    vote->first_date = std::min(vote->first_date, from);
    vote->last_date = std::max(vote->last_date, from);
    if (r.rating.empty()) continue;
    ++rep.lists_rated;
    rep.lists_unreliable += r.rating == "unreliable";
    if (vote->rating.empty() || from > vote->date) {  // ISO dates order as strings; ties keep list order
      vote->rating = r.rating;
      vote->list = r.list;
      vote->date = from;
    }
  }
  std::map<std::string, int> votes;
  for (const RaterVote& v : rep.raters) {
    if (v.rating.empty()) continue;
    ++rep.raters_rated;
    ++votes[v.rating];
    rep.raters_unreliable += v.rating == "unreliable";
  }
  // Most votes wins; ties go to the more severe rating.
  static const std::vector<std::string> kSeverity = {"unreliable", "mixed", "satire", "reliable"};
  int best = 0;
  for (const std::string& r : kSeverity)
    if (votes[r] > best) best = votes[r], rep.consensus = r;
  return rep;
}

std::string HostOfUrl(std::string_view url) {
  while (!url.empty() && std::isspace(static_cast<unsigned char>(url.front()))) url.remove_prefix(1);
  if (const std::size_t scheme = url.find("://"); scheme != std::string_view::npos && scheme < 16)
    url.remove_prefix(scheme + 3);
  url = url.substr(0, url.find_first_of("/?#"));
  if (const std::size_t at = url.rfind('@'); at != std::string_view::npos) url.remove_prefix(at + 1);
  url = url.substr(0, url.find(':'));
  std::string host = internal::ToLower(url);
  while (!host.empty() && host.back() == '.') host.pop_back();
  if (host.find_first_of(" \t\r\n") != std::string::npos) return "";
  return host;
}

std::string RegisteredDomain(std::string_view host) {
  std::vector<std::string_view> labels = Labels(host);
  if (labels.size() <= 2) return Join(labels, 0);
  std::size_t suffix = 1;
  const std::string last_two = Join({labels.end() - 2, labels.end()}, 0);
  if (labels[labels.size() - 2] == "blogspot") suffix = 2;
  else if (labels.size() >= 4 && labels[labels.size() - 3] == "blogspot") suffix = 3;
  else if (kMultiPartSuffixes.count(last_two) > 0) suffix = 2;
  else if (labels.back().size() == 2 && kCountrySecondLevel.count(labels[labels.size() - 2]) > 0) suffix = 2;
  const std::size_t keep = std::min(labels.size(), suffix + 1);
  return Join(labels, labels.size() - keep);
}

std::optional<SiteReputation> LookUpSite(std::string_view url) {
  const std::string host = HostOfUrl(url);
  if (host.empty()) return std::nullopt;
  const std::string site = RegisteredDomain(host);
  const std::vector<std::string_view> labels = Labels(host);
  const Table& table = ReputationTable();
  for (std::size_t from = 0; from < labels.size(); ++from) {
    const std::string candidate = Join(labels, from);
    if (candidate.size() < site.size()) break;  // never above the site: blogspot.com says nothing of x.blogspot.com
    auto it = table.find(candidate);
    if (it == table.end()) continue;
    return SummarizeRatings(candidate, it->second);
  }
  return std::nullopt;
}

}  // namespace credence
