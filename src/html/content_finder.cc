// Finding the article in a page's blocks. The scoring follows Arc90's
// Readability (as in Mozilla's Readability.js): paragraphs of 25 characters
// or more score 1 + commas + one point per 100 characters (at most 3); the
// score flows to the paragraph's parent in full, to its grandparent in half
// and further up in thirds; a container's own tag and class/id words set
// its start; the best container after discounting link text wins, may give
// way to an ancestor that holds several close contenders, and takes along
// siblings that score well or read like paragraphs. Inside the chosen part,
// containers that are mostly links, short, or named like page furniture
// are cleaned out, and single lines that step 1's leftover table knows
// ("Advertisement", "Share this article") are removed. When the result is
// short, the search runs again with fewer rules, as Readability does.
#include "html/content_finder.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <unordered_map>

#include "extract/leftover_rules.h"
#include "html/class_words.h"
#include "extract/line_blocks.h"
#include "extract/metadata_finder.h"
#include "text/utf8.h"

namespace credence::internal {
namespace {

struct Flags {
  bool strip_unlikely = true;
  bool weight_classes = true;
  bool clean_conditionally = true;
};

int ClassWeight(const HtmlElement& e, uint32_t flags) {
  int weight = 0;
  if (flags & (kNegativeWord | kAdWord)) weight -= 25;
  if (flags & kPositiveWord) weight += 25;
  if (e.itemprop == "articlebody") weight += 25;
  return weight;
}

bool IsUnlikely(const HtmlElement& e, uint32_t flags) {
  if (e.tag == "nav" || e.tag == "aside" || e.tag == "footer") return true;
  if (e.tag == "article" || e.tag == "main" || e.tag == "body" || e.itemprop == "articlebody") return false;
  if (flags & kAdWord) return true;
  return (flags & kUnlikelyWord) && !(flags & kMaybeWord);
}

double TagBase(std::string_view tag) {
  if (tag == "div" || tag == "article" || tag == "main" || tag == "section") return 5;
  if (tag == "pre" || tag == "td" || tag == "blockquote") return 3;
  if (tag == "address" || tag == "ol" || tag == "ul" || tag == "dl" || tag == "dd" || tag == "dt" ||
      tag == "li" || tag == "form")
    return -3;
  if (tag == "h1" || tag == "h2" || tag == "h3" || tag == "h4" || tag == "h5" || tag == "h6" || tag == "th")
    return -5;
  return 0;
}

// Characters, not bytes: UTF-8 continuation bytes are not counted.
std::size_t CharCount(std::string_view s) {
  std::size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

std::size_t CommaCount(std::string_view s) {
  std::size_t n = static_cast<std::size_t>(std::count(s.begin(), s.end(), ','));
  for (std::size_t i = s.find("\xEF\xBC\x8C"); i != std::string_view::npos; i = s.find("\xEF\xBC\x8C", i + 3)) ++n;
  return n;
}

// Sums over each element's subtree; elements are in pre-order, so a
// child's index is above its parent's and one backward pass adds them up.
struct Tree {
  std::vector<double> chars, link_chars, commas, paragraphs, list_items;
  std::vector<std::size_t> subtree_end;  // one past the last element of the subtree
  std::vector<std::size_t> children;     // block-element children
  std::vector<std::size_t> own_blocks;   // blocks whose innermost element it is

  std::vector<uint32_t> word_flags;    // WordFlags of the element's own words
  std::vector<uint32_t> near_flags;    // of its own and its ancestors' words, four named elements up
  std::vector<char> unlikely_words;    // IsUnlikely, by the element's own tag and words
  std::vector<double> class_weight;    // ClassWeight

  explicit Tree(const HtmlPage& page) {
    const std::size_t n = page.elements.size();
    for (auto* v : {&chars, &link_chars, &commas, &paragraphs, &list_items}) v->assign(n, 0);
    subtree_end.resize(n);
    children.assign(n, 0);
    own_blocks.assign(n, 0);
    for (const HtmlBlock& b : page.blocks) {
      chars[b.element] += static_cast<double>(CharCount(b.text));
      link_chars[b.element] += static_cast<double>(b.link_chars);
      commas[b.element] += static_cast<double>(CommaCount(b.text));
      paragraphs[b.element] += b.tag == "p" ? 1 : 0;
      list_items[b.element] += b.tag == "li" ? 1 : 0;
      ++own_blocks[b.element];
    }
    word_flags.assign(n, 0);
    near_flags.assign(n, 0);
    unlikely_words.assign(n, 0);
    class_weight.assign(n, 0);
    std::unordered_map<std::string_view, uint32_t> seen;  // pages repeat the same class lists many times
    for (std::size_t e = 1; e < n; ++e) {
      const std::string& words = page.elements[e].words;
      auto [it, added] = seen.try_emplace(words, 0);
      if (added) it->second = WordFlags(words);
      word_flags[e] = it->second;
      unlikely_words[e] = IsUnlikely(page.elements[e], word_flags[e]);
      class_weight[e] = ClassWeight(page.elements[e], word_flags[e]);
      std::size_t named = 0;
      for (std::size_t a = e; a != 0 && named < 4; a = page.elements[a].parent) {
        if (page.elements[a].words.empty()) continue;
        near_flags[e] |= word_flags[a];
        ++named;
      }
    }
    for (std::size_t e = 0; e < n; ++e) subtree_end[e] = e + 1;
    for (std::size_t e = n; e-- > 1;) {
      const std::size_t p = page.elements[e].parent;
      for (auto* v : {&chars, &link_chars, &commas, &paragraphs, &list_items}) (*v)[p] += (*v)[e];
      subtree_end[p] = std::max(subtree_end[p], subtree_end[e]);
      ++children[p];
    }
  }
  double LinkDensity(std::size_t e) const { return chars[e] > 0 ? link_chars[e] / chars[e] : 0; }
  bool Inside(std::size_t e, std::size_t root) const { return e >= root && e < subtree_end[root]; }
};

struct Selection {
  std::vector<char> body;              // per block
  std::vector<std::string> why_not;    // per block: the rule that removed it
  std::size_t body_chars = 0;
};

Selection Select(const HtmlPage& page, const Tree& tree, const Flags& flags) {
  const std::size_t n = page.elements.size();
  std::vector<char> unlikely(n, 0);
  std::vector<double> weight(n, 0);
  for (std::size_t e = 1; e < n; ++e) {
    const HtmlElement& el = page.elements[e];
    unlikely[e] = unlikely[el.parent] || (flags.strip_unlikely && tree.unlikely_words[e]);
    if (flags.weight_classes) weight[e] = tree.class_weight[e];
  }

  // Paragraph scores flow to the ancestors.
  std::vector<double> score(n, 0);
  std::vector<char> scored(n, 0);
  for (const HtmlBlock& b : page.blocks) {
    if (unlikely[b.element]) continue;
    const std::string& tag = b.tag;
    if (!(tag == "p" || tag == "pre" || tag == "td" || tag == "div" || tag == "section" || tag == "article" ||
          tag == "main" || tag == "blockquote" || tag == "body"))
      continue;
    const double len = static_cast<double>(CharCount(b.text));
    if (len < 25) continue;
    const double s = 1 + static_cast<double>(CommaCount(b.text)) + std::min(std::floor(len / 100), 3.0);
    std::size_t e = page.elements[b.element].parent;
    if (b.element != 0 && (tag == "div" || tag == "section" || tag == "article" || tag == "main" || tag == "td"))
      e = b.element;  // text right inside a container: the container holds the paragraph
    for (int level = 0; level < 5 && e != 0; ++level, e = page.elements[e].parent) {
      if (!scored[e]) {
        score[e] = TagBase(page.elements[e].tag) + weight[e];
        scored[e] = 1;
      }
      score[e] += level == 0 ? s : level == 1 ? s / 2 : s / (level * 3);
    }
  }
  std::vector<double> final_score(n, 0);
  std::vector<std::size_t> ranked;
  for (std::size_t e = 1; e < n; ++e) {
    if (!scored[e] || unlikely[e]) continue;
    final_score[e] = score[e] * (1 - tree.LinkDensity(e));
    ranked.push_back(e);
  }
  Selection sel;
  sel.body.assign(page.blocks.size(), 0);
  sel.why_not.assign(page.blocks.size(), "outside_article");
  if (ranked.empty()) return sel;
  std::sort(ranked.begin(), ranked.end(), [&](std::size_t a, std::size_t b) {
    return final_score[a] != final_score[b] ? final_score[a] > final_score[b] : a < b;
  });
  std::size_t top = ranked.front();

  // Several close contenders inside one ancestor: the ancestor is the article.
  std::vector<std::size_t> close;
  for (std::size_t i = 1; i < std::min<std::size_t>(ranked.size(), 5); ++i)
    if (final_score[ranked[i]] >= 0.75 * final_score[top]) close.push_back(ranked[i]);
  if (close.size() >= 3) {
    for (std::size_t a = page.elements[top].parent; a != 0; a = page.elements[a].parent) {
      const auto inside = std::count_if(close.begin(), close.end(), [&](std::size_t c) { return tree.Inside(c, a); });
      if (inside >= 3) {
        top = a;
        break;
      }
    }
  }
  // Climb while the parent scores higher, or is a wrapper of the top alone.
  {
    double last = final_score[top];
    const double threshold = last / 3;
    for (std::size_t a = page.elements[top].parent; a != 0; a = page.elements[a].parent) {
      if (!scored[a]) continue;
      if (final_score[a] < threshold) break;
      if (final_score[a] > last) {
        top = a;
        break;
      }
      last = final_score[a];
    }
    while (page.elements[top].parent != 0) {
      const std::size_t p = page.elements[top].parent;
      if (tree.children[p] != 1 || tree.own_blocks[p] != 0) break;
      top = p;
    }
  }

  // The roots of the article: the top element and the siblings that belong with it.
  const std::size_t parent = page.elements[top].parent;
  const double sibling_threshold = std::max(10.0, final_score[top] * 0.2);
  std::vector<char> root(n, 0);
  root[top] = 1;
  for (std::size_t e = top + 1; parent != 0 && e < tree.subtree_end[parent]; e = tree.subtree_end[e]) {
    // e walks the later siblings; earlier ones below.
    if (unlikely[e]) continue;
    double bonus = (!page.elements[top].words.empty() && page.elements[e].words == page.elements[top].words)
                       ? final_score[top] * 0.2 : 0;
    if (scored[e] && final_score[e] + bonus >= sibling_threshold) root[e] = 1;
  }
  for (std::size_t e = parent + 1; parent != 0 && e < top; e = tree.subtree_end[e]) {
    if (unlikely[e]) continue;
    double bonus = (!page.elements[top].words.empty() && page.elements[e].words == page.elements[top].words)
                       ? final_score[top] * 0.2 : 0;
    if (scored[e] && final_score[e] + bonus >= sibling_threshold) root[e] = 1;
  }

  // Containers inside the article that are page furniture.
  std::vector<char> cleaned(n, 0);
  std::vector<std::string> clean_rule(n);
  std::vector<char> in_root(n, 0);  // pre-order: a parent's flag is known before its children's
  for (std::size_t e = 1; e < n; ++e) in_root[e] = root[e] || in_root[page.elements[e].parent];
  auto in_roots = [&](std::size_t e) { return in_root[e] != 0; };
  for (std::size_t e = 1; e < n; ++e) {
    const HtmlElement& el = page.elements[e];
    if (cleaned[el.parent]) {
      cleaned[e] = 1;
      clean_rule[e] = clean_rule[el.parent];
      continue;
    }
    if (root[e] || !in_roots(e)) continue;
    if (unlikely[e]) {
      cleaned[e] = 1;
      clean_rule[e] = "unlikely_container";
      continue;
    }
    if (flags.weight_classes && weight[e] + score[e] < 0) {
      cleaned[e] = 1;
      clean_rule[e] = "class_words";
      continue;
    }
    const std::string& tag = el.tag;
    if (!flags.clean_conditionally) continue;
    if (!(tag == "div" || tag == "section" || tag == "ul" || tag == "ol" || tag == "table" || tag == "form" ||
          tag == "fieldset" || tag == "header" || tag == "figure"))
      continue;
    if (tree.commas[e] >= 10) continue;
    const bool list = tag == "ul" || tag == "ol";
    const double density = tree.LinkDensity(e);
    std::string rule;
    if (!list && tree.list_items[e] - 100 > tree.paragraphs[e]) rule = "list_heavy";
    else if (tag != "figure" && tree.chars[e] < 25) rule = "short_container";
    else if (weight[e] < 25 && density > (list ? 0.5 : 0.2)) rule = "link_density";
    else if (weight[e] >= 25 && density > 0.5) rule = "link_density";
    if (!rule.empty()) {
      cleaned[e] = 1;
      clean_rule[e] = rule;
    }
  }

  for (std::size_t i = 0; i < page.blocks.size(); ++i) {
    const HtmlBlock& b = page.blocks[i];
    if (!in_roots(b.element)) {
      // Text right inside the parent, between the roots, that reads like a paragraph.
      if (b.element != parent || parent == 0) continue;
      const double len = static_cast<double>(CharCount(b.text));
      const double density = len > 0 ? static_cast<double>(b.link_chars) / len : 0;
      const bool sentence = b.text.find(". ") != std::string::npos || b.text.back() == '.';
      if (!((len > 80 && density < 0.25) || (len > 0 && density == 0 && sentence))) continue;
    } else if (cleaned[b.element]) {
      sel.why_not[i] = clean_rule[b.element];
      continue;
    }
    sel.body[i] = 1;
    sel.why_not[i].clear();
    sel.body_chars += CharCount(b.text);
  }
  return sel;
}

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
  const Tree tree(page);
  // Readability's retries: each pass drops one family of rules, and the
  // longest result wins when none reaches 500 characters.
  Selection best;
  for (const Flags flags : {Flags{true, true, true}, Flags{false, true, true}, Flags{false, false, true},
                            Flags{false, false, false}}) {
    Selection sel = Select(page, tree, flags);
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
      const bool byline_words = (near & kBylineWord) || el.itemprop == "author";
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
    const bool site_line = best.body[i] && !metadata.site_name.empty() && normalized == NormalizeLine(metadata.site_name);
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
