// The word lists behind WordFlags, compiled once into one RE2::Set.
#include "html/class_words.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <initializer_list>
#include <string>
#include <vector>

namespace credence::internal {
namespace {

using Words = std::initializer_list<std::string_view>;

// Readability's word lists (regexes there), plus a few names common today.
const Words kUnlikely = {"banner", "breadcrumb", "combx", "comment", "community", "cover-wrap", "disqus",
                         "extra", "footer", "gdpr", "legends", "menu", "related", "remark", "replies",
                         "rss", "shoutbox", "sidebar", "skyscraper", "social", "sponsor", "supplemental",
                         "ad-break", "agegate", "pagination", "pager", "popup", "yom-remote", "newsletter",
                         "cookie", "consent", "outbrain", "taboola", "share", "recirc", "trending",
                         // ARIA roles of page furniture
                         "complementary", "navigation", "menubar", "dialog"};
const Words kStandfirstWords = {"standfirst", "dek", "deck", "subtitle", "subheadline", "sub-headline", "summary",
                                "lede", "lead", "intro", "excerpt", "strapline", "kicker-summary", "description"};
const Words kMaybeCandidate = {"and", "article", "body", "column", "content", "main", "shadow"};
const Words kPositive = {"article", "body", "content", "entry", "hentry", "h-entry", "main", "page",
                         "pagination", "post", "text", "blog", "story"};
const Words kNegative = {"hidden", "banner", "combx", "comment", "com-", "contact", "foot", "masthead",
                         "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox",
                         "sidebar", "skyscraper", "sponsor", "shopping", "tags", "tool", "widget",
                         "taboola", "newsletter", "recirc", "trending", "subscribe"};
const Words kAdWords = {"ad", "ads", "advert", "advertisement", "dfp", "gpt"};

// All word lists as one RE2::Set (one pass over the words instead of a
// search per listed word): pattern k sets flag flag_of[k].
class WordMatcher {
 public:
  WordMatcher() : set_(Options(), RE2::UNANCHORED) {
    auto parts = [&](Words list, WordFlag flag) {  // substrings anywhere
      for (std::string_view w : list) Add(RE2::QuoteMeta(re2::StringPiece(w.data(), w.size())), flag);
    };
    auto whole = [&](Words list, WordFlag flag) {  // whole words, or words joined by - or _
      for (std::string_view w : list)
        Add("(?:^|\\s|[-_])" + RE2::QuoteMeta(re2::StringPiece(w.data(), w.size())) + "(?:$|\\s|[-_])", flag);
    };
    parts(kNegative, kNegativeWord);
    parts(kPositive, kPositiveWord);
    whole(kAdWords, kAdWord);
    parts(kUnlikely, kUnlikelyWord);
    parts(kMaybeCandidate, kMaybeWord);
    whole(kStandfirstWords, kStandfirstWord);
    parts({"byline", "author", "writer", "contributor"}, kBylineWord);
    parts({"date", "time", "published", "timestamp"}, kDateWord);
    parts({"copyright"}, kCopyrightWord);
    parts({"comment", "disqus", "replies", "respond"}, kCommentWord);
    parts({"share", "social", "newsletter", "subscribe", "follow", "sharing"}, kShareWord);
    parts({"related", "recommend", "more-", "read-next", "outbrain", "taboola", "trending", "popular", "teaser",
           "recirc", "promo"},
          kRelatedWord);
    parts({"donat", "support-us", "contribut", "membership"}, kAppealWord);
    parts({"vote", "poll", "rating"}, kWidgetWord);
    compiled_ = set_.Compile();
  }

  uint32_t Flags(std::string_view words) const {
    if (words.empty() || !compiled_) return 0;
    std::vector<int> hits;
    if (!set_.Match(re2::StringPiece(words.data(), words.size()), &hits)) return 0;
    uint32_t f = 0;
    for (int k : hits) f |= flag_of_[static_cast<std::size_t>(k)];
    return f;
  }

 private:
  static RE2::Options Options() {
    RE2::Options o;
    o.set_log_errors(false);
    return o;
  }
  void Add(const std::string& pattern, WordFlag flag) {
    if (set_.Add(pattern, nullptr) >= 0) flag_of_.push_back(flag);
  }
  RE2::Set set_;
  std::vector<uint32_t> flag_of_;
  bool compiled_ = false;
};

}  // namespace

uint32_t WordFlags(std::string_view words) {
  static const WordMatcher matcher;
  return matcher.Flags(words);
}

}  // namespace credence::internal
