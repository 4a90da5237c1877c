// The article search, step by step: mark furniture and weights, score
// paragraphs into their ancestors, rank the containers, choose the top one,
// add its siblings, clean the containers inside, collect the blocks.
#include "html/article_selection.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "html/class_words.h"

namespace credence::internal {
namespace {

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

std::size_t CommaCount(std::string_view s) {
  std::size_t n = static_cast<std::size_t>(std::count(s.begin(), s.end(), ','));
  for (std::size_t i = s.find("\xEF\xBC\x8C"); i != std::string_view::npos; i = s.find("\xEF\xBC\x8C", i + 3)) ++n;
  return n;
}

bool IsContainer(std::string_view tag) {
  return tag == "div" || tag == "section" || tag == "article" || tag == "main" || tag == "td";
}

// One search with one set of rules.
class ArticleSearch {
 public:
  ArticleSearch(const HtmlPage& page, const ElementStats& stats, const SelectionRules& rules)
      : page_(page), stats_(stats), rules_(rules), n_(page.elements.size()) {}

  Selection Run() {
    MarkFurnitureAndWeights();
    ScoreParagraphs();
    const std::vector<std::size_t> ranked = RankContainers();
    Selection sel;
    sel.body.assign(page_.blocks.size(), 0);
    sel.why_not.assign(page_.blocks.size(), "outside_article");
    if (ranked.empty()) return sel;
    const std::size_t top = ChooseTop(ranked);
    MarkRoots(top);
    CleanContainers();
    CollectBlocks(page_.elements[top].parent, &sel);
    return sel;
  }

 private:
  void MarkFurnitureAndWeights() {
    unlikely_.assign(n_, 0);
    weight_.assign(n_, 0);
    for (std::size_t e = 1; e < n_; ++e) {
      unlikely_[e] = unlikely_[page_.elements[e].parent] || (rules_.strip_unlikely && stats_.unlikely_words[e]);
      if (rules_.weight_classes) weight_[e] = stats_.class_weight[e];
    }
  }

  // Each paragraph's score flows to its container and four ancestors above.
  void ScoreParagraphs() {
    score_.assign(n_, 0);
    scored_.assign(n_, 0);
    for (const HtmlBlock& b : page_.blocks) {
      if (unlikely_[b.element]) continue;
      const std::string& tag = b.tag;
      if (!(tag == "p" || tag == "pre" || tag == "blockquote" || tag == "body" || IsContainer(tag))) continue;
      const double len = static_cast<double>(CharCount(b.text));
      if (len < 25) continue;
      const double s = 1 + static_cast<double>(CommaCount(b.text)) + std::min(std::floor(len / 100), 3.0);
      // Text right inside a container: the container holds the paragraph.
      std::size_t e = b.element != 0 && IsContainer(tag) ? b.element : page_.elements[b.element].parent;
      for (int level = 0; level < 5 && e != 0; ++level, e = page_.elements[e].parent) {
        if (!scored_[e]) {
          score_[e] = TagBase(page_.elements[e].tag) + weight_[e];
          scored_[e] = 1;
        }
        score_[e] += level == 0 ? s : level == 1 ? s / 2 : s / (level * 3);
      }
    }
  }

  // The scored containers, best first, after discounting link text.
  std::vector<std::size_t> RankContainers() {
    final_score_.assign(n_, 0);
    std::vector<std::size_t> ranked;
    for (std::size_t e = 1; e < n_; ++e) {
      if (!scored_[e] || unlikely_[e]) continue;
      final_score_[e] = score_[e] * (1 - stats_.LinkDensity(e));
      ranked.push_back(e);
    }
    std::sort(ranked.begin(), ranked.end(), [&](std::size_t a, std::size_t b) {
      return final_score_[a] != final_score_[b] ? final_score_[a] > final_score_[b] : a < b;
    });
    return ranked;
  }

  std::size_t ChooseTop(const std::vector<std::size_t>& ranked) const {
    std::size_t top = ranked.front();
    // Several close contenders inside one ancestor: the ancestor is the article.
    std::vector<std::size_t> close;
    for (std::size_t i = 1; i < std::min<std::size_t>(ranked.size(), 5); ++i)
      if (final_score_[ranked[i]] >= 0.75 * final_score_[top]) close.push_back(ranked[i]);
    if (close.size() >= 3) {
      for (std::size_t a = page_.elements[top].parent; a != 0; a = page_.elements[a].parent) {
        const auto inside =
            std::count_if(close.begin(), close.end(), [&](std::size_t c) { return stats_.Inside(c, a); });
        if (inside >= 3) {
          top = a;
          break;
        }
      }
    }
    // Climb while a parent scores higher, or wraps the top alone.
    double last = final_score_[top];
    const double threshold = last / 3;
    for (std::size_t a = page_.elements[top].parent; a != 0; a = page_.elements[a].parent) {
      if (!scored_[a]) continue;
      if (final_score_[a] < threshold) break;
      if (final_score_[a] > last) {
        top = a;
        break;
      }
      last = final_score_[a];
    }
    while (page_.elements[top].parent != 0) {
      const std::size_t p = page_.elements[top].parent;
      if (stats_.children[p] != 1 || stats_.own_blocks[p] != 0) break;
      top = p;
    }
    return top;
  }

  // The roots of the article: the top element and the siblings that belong with it.
  void MarkRoots(std::size_t top) {
    const std::size_t parent = page_.elements[top].parent;
    const double threshold = std::max(10.0, final_score_[top] * 0.2);
    auto belongs = [&](std::size_t e) {
      if (unlikely_[e] || !scored_[e]) return false;
      const bool same_words = !page_.elements[top].words.empty() && page_.elements[e].words == page_.elements[top].words;
      return final_score_[e] + (same_words ? final_score_[top] * 0.2 : 0) >= threshold;
    };
    root_.assign(n_, 0);
    root_[top] = 1;
    if (parent != 0)  // the parent's children, in order (subtree_end skips each one's descendants)
      for (std::size_t e = parent + 1; e < stats_.subtree_end[parent]; e = stats_.subtree_end[e])
        if (e != top && belongs(e)) root_[e] = 1;
    in_root_.assign(n_, 0);  // pre-order: a parent's flag is known before its children's
    for (std::size_t e = 1; e < n_; ++e) in_root_[e] = root_[e] || in_root_[page_.elements[e].parent];
  }

  // Containers inside the article that are page furniture.
  void CleanContainers() {
    clean_rule_.assign(n_, "");
    for (std::size_t e = 1; e < n_; ++e) {
      const HtmlElement& el = page_.elements[e];
      if (!clean_rule_[el.parent].empty()) {
        clean_rule_[e] = clean_rule_[el.parent];
        continue;
      }
      if (root_[e] || !in_root_[e]) continue;
      clean_rule_[e] = WhyClean(e);
    }
  }

  // Returns why container `e` inside the article goes, or "".
  std::string WhyClean(std::size_t e) const {
    if (unlikely_[e]) return "unlikely_container";
    if (rules_.weight_classes && weight_[e] + score_[e] < 0) return "class_words";
    const std::string& tag = page_.elements[e].tag;
    if (!rules_.clean_conditionally) return "";
    if (!(tag == "div" || tag == "section" || tag == "ul" || tag == "ol" || tag == "table" || tag == "form" ||
          tag == "fieldset" || tag == "header" || tag == "figure"))
      return "";
    if (stats_.commas[e] >= 10) return "";
    const bool list = tag == "ul" || tag == "ol";
    const double density = stats_.LinkDensity(e);
    if (!list && stats_.list_items[e] - 100 > stats_.paragraphs[e]) return "list_heavy";
    if (tag != "figure" && stats_.chars[e] < 25) return "short_container";
    if (weight_[e] < 25 && density > (list ? 0.5 : 0.2)) return "link_density";
    if (weight_[e] >= 25 && density > 0.5) return "link_density";
    return "";
  }

  // The blocks inside the roots and not cleaned out, plus text right inside
  // the roots' parent that reads like a paragraph.
  void CollectBlocks(std::size_t parent, Selection* sel) const {
    for (std::size_t i = 0; i < page_.blocks.size(); ++i) {
      const HtmlBlock& b = page_.blocks[i];
      if (!in_root_[b.element]) {
        if (b.element != parent || parent == 0) continue;
        const double len = static_cast<double>(CharCount(b.text));
        const double density = len > 0 ? static_cast<double>(b.link_chars) / len : 0;
        const bool sentence = b.text.find(". ") != std::string::npos || b.text.back() == '.';
        if (!((len > 80 && density < 0.25) || (len > 0 && density == 0 && sentence))) continue;
      } else if (!clean_rule_[b.element].empty()) {
        sel->why_not[i] = clean_rule_[b.element];
        continue;
      }
      sel->body[i] = 1;
      sel->why_not[i].clear();
      sel->body_chars += CharCount(b.text);
    }
  }

  const HtmlPage& page_;
  const ElementStats& stats_;
  const SelectionRules& rules_;
  const std::size_t n_;
  std::vector<char> unlikely_;
  std::vector<double> weight_;
  std::vector<double> score_;
  std::vector<char> scored_;
  std::vector<double> final_score_;
  std::vector<char> root_;
  std::vector<char> in_root_;
  std::vector<std::string> clean_rule_;  // per element: why it was cleaned out, or ""
};

}  // namespace

std::size_t CharCount(std::string_view s) {
  std::size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

ElementStats::ElementStats(const HtmlPage& page) {
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

Selection SelectArticle(const HtmlPage& page, const ElementStats& stats, const SelectionRules& rules) {
  return ArticleSearch(page, stats, rules).Run();
}

}  // namespace credence::internal
