// Giving each block of a page its role: the body comes from SelectArticle
// (article_selection.cc: Readability's scoring), tried again with fewer
// rules when it finds under 500 characters, as Readability does; then the
// headline (the heading that matches the stated title), standfirst, byline
// and date around it; then the lines of the body that are not body after
// all (step 1's leftover table, link-only teasers, captions, the site's
// name as a sign-off); and a category for every removed block from its
// nearest named ancestors.
#include "html/content_finder.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <iterator>
#include <string_view>

#include "extract/leftover_rules.h"
#include "extract/line_blocks.h"
#include "extract/metadata_finder.h"
#include "html/article_selection.h"
#include "html/class_words.h"
#include "text/utf8.h"

namespace credence::internal {
namespace {

// A removed block's category, from the words of its nearest named
// ancestors (WordFlags) and its text.
RemovedCategory CategoryOf(uint32_t near, std::string_view text) {
  if (text.find("\xC2\xA9") != std::string_view::npos || (near & kCopyrightWord)) return RemovedCategory::kCopyright;
  if (near & kCommentWord) return RemovedCategory::kCommentPrompt;
  if (near & kShareWord) return RemovedCategory::kShare;
  if (near & kRelatedWord) return RemovedCategory::kRelated;
  if (near & kAppealWord) return RemovedCategory::kAppeal;
  if (near & kWidgetWord) return RemovedCategory::kWidget;
  return RemovedCategory::kSiteChrome;
}

// Word overlap of two short texts, 0..1, over the shorter one's words.
double Overlap(std::string_view a, std::string_view b) {
  auto words = [](std::string_view s) {
    std::vector<std::string> out;
    std::string w;
    for (char c : ToLower(s)) {
      if (std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80)) {
        w.push_back(c);
      } else if (!w.empty()) {
        out.push_back(std::move(w));
        w.clear();
      }
    }
    if (!w.empty()) out.push_back(std::move(w));
    std::sort(out.begin(), out.end());
    return out;
  };
  const std::vector<std::string> x = words(a), y = words(b);
  if (x.empty() || y.empty()) return 0;
  std::vector<std::string> common;
  std::set_intersection(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(common));
  return static_cast<double>(common.size()) / static_cast<double>(std::min(x.size(), y.size()));
}

// Whether a block is a link and nothing else, as "read more" teasers
// inside an article are: nearly all its text is link text, and it is short.
bool LinkOnlyLine(const HtmlBlock& b) {
  return b.text.size() <= 200 && b.link_chars * 10 >= b.text.size() * 9;
}

// Whether a byline-like block holds more than "By": a capitalised word.
bool NamesSomeone(std::string_view text) {
  std::string rest = ToLower(text.substr(0, 3)) == "by " ? std::string(text.substr(3)) : std::string(text);
  return std::any_of(rest.begin(), rest.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); }) &&
         rest.size() >= 3;
}

}  // namespace

std::vector<BlockRole> FindContent(const HtmlPage& page, const PageMetadata& metadata) {
  const ElementStats tree(page);
  // Readability's retries: each pass drops one family of rules, and the
  // longest result wins when none reaches 500 characters.
  Selection best;
  for (const SelectionRules rules : {SelectionRules{true, true, true}, SelectionRules{false, true, true},
                                     SelectionRules{false, false, true}, SelectionRules{false, false, false}}) {
    Selection sel = SelectArticle(page, tree, rules);
    if (best.body.empty() || sel.body_chars > best.body_chars) best = std::move(sel);
    if (best.body_chars >= 500) break;
  }

  std::vector<BlockRole> roles(page.blocks.size());
  const LeftoverRules& leftovers = LeftoverRules::Builtin();
  std::size_t first_body = page.blocks.size();
  for (std::size_t i = 0; i < page.blocks.size(); ++i)
    if (best.body[i]) first_body = std::min(first_body, i);

  // The headline: the heading that matches the stated title best, else the
  // last h1 before the body.
  std::size_t headline = page.blocks.size();
  double headline_match = 0;
  for (std::size_t i = 0; i < page.blocks.size(); ++i) {
    const HtmlBlock& b = page.blocks[i];
    if (!(b.tag == "h1" || b.tag == "h2") || b.text.size() > 400) continue;
    const double match = metadata.title.empty() ? 0 : Overlap(b.text, metadata.title);
    if (match > headline_match + 1e-9 && match >= 0.6) {
      headline = i;
      headline_match = match;
    }
  }
  if (headline == page.blocks.size())  // the last h1 before the body, or the body's first block
    for (std::size_t i = 0; i <= first_body && i < page.blocks.size(); ++i)
      if (page.blocks[i].tag == "h1") headline = i;

  const std::string site_name = NormalizeLine(metadata.site_name);  // a closing line naming the site is a signature
  for (std::size_t i = 0; i < page.blocks.size(); ++i) {
    const HtmlBlock& b = page.blocks[i];
    BlockRole& role = roles[i];
    if (i == headline) {
      role.kind = BlockKind::kHeadline;
      continue;
    }
    const uint32_t near = tree.near_flags[b.element];
    // The standfirst: outside the body, right after the headline, named
    // like one or saying what the page's description says. (A first body
    // paragraph that repeats the description stays body.)
    if (!best.body[i] && headline != page.blocks.size() && i > headline && i <= headline + 3 && b.tag != "li" &&
        CharCount(b.text) >= 20 && CharCount(b.text) <= 400 && !LinkOnlyLine(b) &&
        ((tree.word_flags[b.element] & kStandfirstWord) ||
         (!metadata.description.empty() && Overlap(b.text, metadata.description) >= 0.8))) {
      role.kind = BlockKind::kStandfirst;
      continue;
    }
    // Bylines and dates: short lines near the top of the article.
    const bool near_top = headline != page.blocks.size() ? (i > headline && i <= headline + 12)
                                                         : (i + 12 >= first_body && i <= first_body + 3);
    if (near_top && CharCount(b.text) <= 120) {
      const HtmlElement& el = page.elements[b.element];
      // itemprop may list several properties: itemprop="author creator".
      const bool byline_words = (near & kBylineWord) || (" " + el.itemprop + " ").find(" author ") != std::string::npos;
      if ((byline_words && NamesSomeone(b.text)) || FindByline(b.text, 0)) {
        role.kind = BlockKind::kByline;
        continue;
      }
      if ((near & kDateWord) || FindDateLine(b.text, 0)) {
        role.kind = BlockKind::kDate;
        continue;
      }
    }
    // Step 1's leftover table, for article lines and for lines of furniture
    // that are not menus of links (whose category comes from their names).
    const bool rule_line = b.text.size() <= kMaxRuleLineBytes && (best.body[i] || b.link_chars * 2 < b.text.size());
    const std::string normalized = rule_line ? NormalizeLine(b.text) : "";
    const std::optional<LeftoverMatch> leftover = normalized.empty() ? std::nullopt : leftovers.Match(normalized);
    const bool link_line = LinkOnlyLine(b);
    const bool site_line = best.body[i] && !site_name.empty() && normalized == site_name;
    const bool caption = b.tag == "figcaption";
    if (best.body[i] && !leftover && !link_line && !caption && !site_line) {
      role.kind = BlockKind::kBody;
      continue;
    }
    role.kind = BlockKind::kRemoved;
    if (leftover) {
      role.category = leftover->category;
      role.rule = "leftover:" + std::string(leftover->rule);
    } else if (site_line) {
      role.category = RemovedCategory::kSignature;
      role.rule = "site_name_line";
    } else if (best.body[i] && caption) {
      role.category = RemovedCategory::kCaption;
      role.rule = "caption";
    } else if (best.body[i]) {
      role.category = RemovedCategory::kRelated;
      role.rule = "link_only_line";
    } else {
      role.category = CategoryOf(near, b.text);
      role.rule = best.why_not[i];
    }
  }
  return roles;
}

}  // namespace credence::internal
