// Text sections of the learned detectors (text_detection_sections.h). Long
// lists are cut with a count of the rest; the JSON report has them all.
#include "io/text_detection_sections.h"

#include <algorithm>
#include <cstdio>

namespace credence::internal {
namespace {

constexpr std::size_t kMaxTechniques = 12;
constexpr std::size_t kMaxClaims = 8;
constexpr std::size_t kMaxFactChecks = 6;

std::string Probability(double p) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", p);
  return buf;
}

void AppendMore(std::string& out, const Painter& paint, std::size_t total, std::size_t shown) {
  if (total > shown) out += paint(kDim, "  … " + std::to_string(total - shown) + " more in the JSON report") + "\n";
}

}  // namespace

void AppendHeadlineSection(std::string& out, const Report& r, const Painter& paint) {
  if (!r.headline) return;
  const HeadlineAssessment& h = *r.headline;
  Section(out, paint, "Headline: clickbait probability " + Probability(h.clickbait_probability));
  // The words by the way they lean, largest first (their weights are in the JSON report).
  std::string towards_clickbait, towards_informative;
  for (const FeatureContribution& f : h.top_features) {
    std::string& list = f.contribution > 0 ? towards_clickbait : towards_informative;
    list += (list.empty() ? "" : ", ") + ("\u201c" + OneLine(f.name) + "\u201d");
  }
  if (!towards_clickbait.empty()) AppendWrapped(out, "words leaning towards clickbait: " + towards_clickbait, "  ");
  if (!towards_informative.empty())
    AppendWrapped(out, "words leaning towards an informative headline: " + towards_informative, "  ");
  if (h.span.empty() && !r.article.given_title.empty())
    out += paint(kDim, "  (the title given beside the text: " + Truncate(OneLine(r.article.given_title), 40) + ")") + "\n";
}

void AppendTechniquesSection(std::string& out, const Document& doc, const Report& r, const Painter& paint) {
  if (r.techniques.empty()) return;
  Section(out, paint, "Propaganda techniques (" + std::to_string(r.techniques.size()) + " passages)");
  const std::size_t shown = std::min(kMaxTechniques, r.techniques.size());
  for (std::size_t i = 0; i < shown; ++i) {
    const TechniqueSpan& t = r.techniques[i];
    const std::string label = PadRight(Truncate(std::string(TechniqueTitle(t.technique)), 26), 26);
    out += "  " + paint(kCyan, label) + " " + paint(kDim, Probability(t.probability)) + "  " +
           Truncate(OneLine(doc.Slice(t.span)), kWidth - 35) + "\n";
  }
  AppendMore(out, paint, r.techniques.size(), shown);
}

void AppendClaimsSection(std::string& out, const Document& doc, const Report& r, const Painter& paint) {
  if (r.claims.empty()) return;
  Section(out, paint, "Check-worthy claims (" + std::to_string(r.claims.size()) + ", most check-worthy first)");
  const std::size_t shown = std::min(kMaxClaims, r.claims.size());
  for (std::size_t i = 0; i < shown; ++i)
    out += "  " + paint(kDim, Probability(r.claims[i].probability)) + "  " +
           Truncate(OneLine(doc.Slice(r.claims[i].span)), kWidth - 8) + "\n";
  AppendMore(out, paint, r.claims.size(), shown);
}

std::string FactCheckSentence(const FactCheck& f) {
  const std::string who = f.publisher.empty() ? "A fact-checker" : f.publisher;
  std::string when = f.date.empty() ? "" : ", " + f.date.substr(0, 4);
  if (f.verdict.empty()) return who + " checked a similar claim" + when + " (no verdict in this collection)";
  return who + " rated a similar " + (f.publisher == "PolitiFact" ? "statement" : "claim") + " " + f.verdict + when;
}

void AppendFactChecksSection(std::string& out, const Document& doc, const Report& r, const Painter& paint) {
  const FactCheckResults& fc = r.fact_checks;
  if (!fc.searched) {
    Section(out, paint, "Fact-checks: not searched");
    out += paint(kDim, "  " + OneLine(fc.note)) + "\n";
    return;
  }
  if (fc.matches.empty()) {
    Section(out, paint, "Fact-checks: no similar claim among " + std::to_string(fc.index_size) + " fact-checks");
    return;
  }
  Section(out, paint, "Fact-checks of similar claims (" + std::to_string(fc.matches.size()) + ", match score " +
                          Probability(fc.min_score) + " or more)");
  const std::size_t shown = std::min(kMaxFactChecks, fc.matches.size());
  for (std::size_t i = 0; i < shown; ++i) {
    const FactCheckFinding& m = fc.matches[i];
    const FactCheck& f = m.match.fact_check;
    const bool falsish = f.falsity && *f.falsity >= 0.75;
    out += "  " + paint(kDim, Probability(m.match.score)) + "  " + paint(falsish ? kRed : kCyan, FactCheckSentence(f)) + "\n";
    AppendWrapped(out, "its claim: \u201c" + OneLine(f.claim) + "\u201d", "        ");
    if (!f.title.empty()) AppendWrapped(out, "headline: " + OneLine(f.title), "        ");
    AppendWrapped(out, "here: \u201c" + Truncate(OneLine(doc.Slice(m.span)), 140) + "\u201d", "        ");
    if (!f.url.empty()) out += "        " + paint(kDim, f.url) + "\n";
  }
  AppendMore(out, paint, fc.matches.size(), shown);
}

}  // namespace credence::internal
