// The article's passages against the fact-check index (article_matching.h).
#include "factcheck/article_matching.h"

#include <algorithm>
#include <unordered_map>

namespace credence::internal {

void MatchArticleFactChecks(const FactCheckMatcher& matcher, std::string_view text, Report* report) {
  FactCheckResults& out = report->fact_checks;
  out.searched = true;
  out.index_size = matcher.index().size();
  out.min_score = kReportMatchScore;
  std::unordered_map<std::string, std::size_t> by_id;  // fact-check id -> its entry in out.matches
  auto keep = [&](Span span, const FactCheckMatch& m) {
    auto [it, fresh] = by_id.emplace(m.fact_check.id, out.matches.size());
    if (fresh) out.matches.push_back({span, m});
    else if (m.score > out.matches[it->second].match.score) out.matches[it->second] = {span, m};
  };
  auto passage = [&](Span span) { return text.substr(span.start, span.end - span.start); };
  if (report->article.headline && !report->article.headline->empty()) {
    const Span h = *report->article.headline;
    for (const FactCheckMatch& m : matcher.Match(passage(h), kMatchesPerPassage, kReportMatchScore)) keep(h, m);
  }
  const std::size_t searched = std::min(kClaimsSearched, report->claims.size());
  for (std::size_t i = 0; i < searched; ++i) {
    Claim& c = report->claims[i];
    c.fact_checks = matcher.Match(passage(c.span), kMatchesPerPassage, kReportMatchScore);
    for (const FactCheckMatch& m : c.fact_checks) keep(c.span, m);
  }
  std::stable_sort(out.matches.begin(), out.matches.end(),
                   [](const FactCheckFinding& a, const FactCheckFinding& b) { return a.match.score > b.match.score; });
}

}  // namespace credence::internal
