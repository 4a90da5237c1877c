// The text report. Widths are counted in code points, a fair stand-in for
// terminal columns for the text news articles hold; every cut lands on a
// code-point boundary because the strings come from Document::Slice, which
// returns valid UTF-8, and the cuts skip continuation bytes.
#include "io/text_report_writer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string_view>
#include <vector>

#include "io/text_detection_sections.h"
#include "io/text_layout.h"
#include "model/features.h"

namespace credence::internal {
namespace {

constexpr std::size_t kPreviewParagraphs = 3;
constexpr std::size_t kMaxEvidence = 5;
constexpr std::size_t kMaxQuotes = 10;

std::string Number(double v) {
  char buf[32];
  if (v == std::floor(v) && std::fabs(v) < 1e15) std::snprintf(buf, sizeof buf, "%.0f", v);
  else std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string WidgetLine(const WidgetCounts& w) {
  std::string out;
  auto add = [&out](const char* label, const std::optional<double>& v, const char* unit) {
    if (!v) return;
    if (!out.empty()) out += ", ";
    out += std::string(label) + " " + Number(*v) + unit;
  };
  add("points", w.points, "");
  add("total", w.total, "");
  add("up", w.up, "");
  add("down", w.down, "");
  add("up", w.up_percent, "%");
  add("down", w.down_percent, "%");
  return out;
}

void AppendHeader(std::string& out, const Document& doc, const Report& r, const Painter& paint) {
  const Article& a = r.article;
  auto line = [&](std::string_view label, const std::string& value) {
    out += paint(kBold, label) + Truncate(OneLine(value), kWidth - Columns(label)) + "\n";
  };
  auto field = [&](std::string_view label, const std::optional<Span>& span) {
    if (span) line(label, doc.Slice(*span));
    else out += paint(kBold, label) + paint(kDim, "(none found)") + "\n";
  };
  out += paint(kBold, "credence report") + "\n";
  if (!doc.url().empty()) line("URL:        ", doc.url());
  if (!a.given_title.empty()) line("Title:      ", a.given_title);
  field("Headline:   ", a.headline);
  field("Standfirst: ", a.standfirst);
  field("Byline:     ", a.byline);
  field("Date:       ", a.date);
  if (r.page) {  // what an HTML page states about itself
    const std::optional<PageInfo>& p = r.page;
    std::string authors;
    for (const std::string& name : p->authors) authors += (authors.empty() ? "" : ", ") + name;
    if (!p->site_name.empty()) line("Site name:  ", p->site_name);
    if (!authors.empty()) line("Authors:    ", authors);
    if (!p->published.empty()) line("Published:  ", p->published);
    line("Page:       ", std::to_string(p->html_bytes) + " bytes of HTML, " + p->encoding + " (" + p->encoding_source +
                            "), language " + (p->language.empty() ? "not stated" : p->language) + ", " +
                            std::to_string(p->links.size()) + " links in the body");
  }
}

void AppendBody(std::string& out, const Document& doc, const Report& r, const Painter& paint) {
  std::size_t words = 0;
  for (const Token& t : r.structure.tokens) words += t.kind == TokenKind::kWord ? 1 : 0;
  Section(out, paint,
          "Body (" + std::to_string(r.article.body.size()) + " paragraphs, " +
              std::to_string(r.structure.sentences.size()) + " sentences, " + std::to_string(words) + " words)");
  std::size_t shown = std::min(kPreviewParagraphs, r.article.body.size());
  for (std::size_t i = 0; i < shown; ++i) {
    if (i > 0) out += "\n";
    // A preview, not the article: cap each paragraph so a one-line 50 MB input stays short.
    AppendWrapped(out, Truncate(OneLine(doc.Slice(r.article.body[i])), 6 * kWidth), "  ");
  }
  if (r.article.body.size() > shown)
    out += paint(kDim, "  … " + std::to_string(r.article.body.size() - shown) + " more paragraphs") + "\n";
}

void AppendRemoved(std::string& out, const Document& doc, const Report& r, const Painter& paint) {
  if (r.article.removed.empty()) return;
  Section(out, paint, "Removed page leftovers (" + std::to_string(r.article.removed.size()) + ")");
  for (const RemovedBlock& b : r.article.removed) {
    std::string label = PadRight(std::string(RemovedCategoryName(b.category)), 15);
    out += "  " + paint(kCyan, label) + " " + Truncate(OneLine(doc.Slice(b.span)), kWidth - 18) + "\n";
    if (b.category == RemovedCategory::kWidget && !b.widget.empty())
      out += "  " + std::string(16, ' ') + paint(kDim, "[" + WidgetLine(b.widget) + "]") + "\n";
  }
}

void AppendAttributions(std::string& out, const Document& doc, const Report& r, const Painter& paint) {
  if (r.attributions.empty()) return;
  Section(out, paint, "Attributions (" + std::to_string(r.attributions.size()) + ")");
  out += paint(kDim, "  " + PadRight("source", 30) + " | " + PadRight("kind", 23) + " | verb") + "\n";
  for (const Attribution& a : r.attributions) {
    std::string source = a.source ? OneLine(doc.Slice(*a.source)) : "(none)";
    if (!a.outlet.empty()) source += " [" + OneLine(a.outlet) + "]";
    if (!a.link.empty()) source += " -> " + OneLine(a.link);
    out += "  " + PadRight(Truncate(source, 30), 30) + " | " + PadRight(std::string(SourceKindName(a.kind)), 23) +
           " | " + Truncate(OneLine(doc.Slice(a.verb)), 18) + "\n";
  }
}

void AppendQuotes(std::string& out, const Document& doc, const Report& r, const Painter& paint) {
  if (r.quotes.empty()) return;
  Section(out, paint, "Quotes (" + std::to_string(r.quotes.size()) + ")");
  std::size_t shown = std::min(kMaxQuotes, r.quotes.size());
  for (std::size_t i = 0; i < shown; ++i) {
    const Quote& q = r.quotes[i];
    std::string speaker = q.speaker ? Truncate(OneLine(doc.Slice(*q.speaker)), 24) : "(speaker unknown)";
    out += "  " + Truncate(OneLine(doc.Slice(q.span)), kWidth - 8 - Columns(speaker)) + " " +
           paint(kDim, "— " + speaker) + "\n";
  }
  if (r.quotes.size() > shown) out += paint(kDim, "  … " + std::to_string(r.quotes.size() - shown) + " more") + "\n";
}

void AppendCues(std::string& out, const Document& doc, const Report& r, const Painter& paint) {
  Section(out, paint, "Cues (" + std::to_string(r.cues.size()) + ", strongest first)");
  if (r.cues.empty()) out += paint(kDim, "  none found") + "\n";
  std::vector<const Cue*> cues;
  for (const Cue& c : r.cues) cues.push_back(&c);
  std::stable_sort(cues.begin(), cues.end(), [](const Cue* a, const Cue* b) { return a->strength > b->strength; });
  for (const Cue* c : cues) {
    const CueInfo& info = GetCueInfo(c->id);
    out += "  " + paint(kBold, PadRight(std::string(info.name), 24)) + " " + Bar(c->strength, paint) + "\n";
    AppendWrapped(out, info.description, "      ");
    if (!c->detail.empty()) out += paint(kDim, "      " + Truncate(OneLine(c->detail), kWidth - 6)) + "\n";
    std::size_t shown = std::min(kMaxEvidence, c->evidence.size());
    for (std::size_t i = 0; i < shown; ++i)
      out += "      • " + Truncate(OneLine(doc.Slice(c->evidence[i])), kWidth - 8) + "\n";
    if (c->evidence.size() > shown)
      out += paint(kDim, "      … and " + std::to_string(c->evidence.size() - shown) + " more") + "\n";
  }
}

// The verdict's reasons in plain words, each with the change in the
// probability it made and where it shows; then what the rest added up to.
void AppendReasons(std::string& out, const Document& doc, const Verdict& v, const Painter& paint) {
  std::string head;
  AppendWrapped(head, "from the article's text alone (model " + v.model_id +
                          "); what moved it, as the change in the probability each made:", "  ");
  out += paint(kDim, head.substr(0, head.size() - 1)) + "\n";
  constexpr std::string_view kIndent = "         ";
  for (const Reason& reason : v.reasons) {
    char num[16];
    std::snprintf(num, sizeof num, "%+.2f", reason.effect);
    std::string text = reason.text;
    if (reason.role == ReasonRole::kAdjustment) text = "(adjustment) " + text;
    std::string lines;
    AppendWrapped(lines, text, kIndent);
    out += "  " + paint(reason.role == ReasonRole::kAdjustment ? kDim : reason.effect > 0 ? kRed : kGreen, num) +
           lines.substr(std::min(lines.size(), kIndent.size() - 2));
    // Word reasons quote their words already.
    if (reason.kind == FeatureKind::kCue && !reason.spans.empty())
      out += paint(kDim, std::string(kIndent) + "e.g. \u201c" +
                             Truncate(OneLine(doc.Slice(reason.spans.front())), kWidth - kIndent.size() - 8) +
                             "\u201d") + "\n";
  }
  const double start = 1.0 / (1.0 + std::exp(-v.bias));
  std::size_t covered = 0;
  for (const Reason& reason : v.reasons) covered += reason.features.size();
  char tail[200];
  std::snprintf(tail, sizeof tail,
                "The model starts every article at %.2f; these and %zu smaller contributions bring it to %.2f.", start,
                v.feature_count > covered ? v.feature_count - covered : 0, v.probability_unreliable);
  std::string lines;
  AppendWrapped(lines, tail, "  ");
  out += paint(kDim, lines.substr(0, lines.size() - 1)) + "\n";
}

// "2 of 2 independent raters say unreliable": raters, not lists, since
// several lists are snapshots of one rater.
std::string RaterCount(const SiteReputation& site) {
  const std::string count = std::to_string(site.raters_unreliable) + " of " + std::to_string(site.raters_rated);
  if (site.raters_rated == 0) return "no rater gives a rating";
  if (site.raters_rated == 1) return count + " rater says unreliable";
  return count + " independent raters say unreliable";
}

// "Media Bias/Fact Check in 4 snapshots 2018–2026: unreliable", with the
// other ratings its older snapshots gave, so that a rater's change of mind
// shows and its snapshots are not read as agreeing voices.
std::string RaterSummary(const SiteReputation& site, const RaterVote& v) {
  const std::string first = v.first_date.substr(0, 4), last = v.last_date.substr(0, 4);
  std::string s = v.name;
  if (v.snapshots > 1) s += " in " + std::to_string(v.snapshots) + " snapshots";
  s += " " + (first == last ? first : first + "–" + last) + ": " + (v.rating.empty() ? "no rating" : v.rating);
  std::vector<std::string> others;
  for (const SiteRating& r : site.ratings)
    if (r.rater == v.rater && !r.rating.empty() && r.rating != v.rating &&
        std::find(others.begin(), others.end(), r.rating) == others.end())
      others.push_back(r.rating);
  if (others.empty()) return s;
  s += " (earlier: ";
  for (std::size_t i = 0; i < others.size(); ++i) s += (i ? ", " : "") + others[i];
  return s + ")";
}

// The verdict and the site's reputation, side by side but apart: the first
// comes from the text, the second from lists about the site.
void AppendVerdict(std::string& out, const Document& doc, const Report& r, const Painter& paint) {
  if (r.verdict) {
    const Verdict& v = *r.verdict;
    if (v.label == VerdictLabel::kInsufficient) {
      Section(out, paint, "Verdict: not enough to judge");
      out += "  " + v.insufficient_reason + "\n";
      char figure[96];
      std::snprintf(figure, sizeof figure, "  (the model's figure, %.2f, is not a judgement of this text)",
                    v.probability_unreliable);
      out += paint(kDim, figure) + "\n";
    } else {
      char head[96];
      std::snprintf(head, sizeof head, "Verdict: %s (probability unreliable %.2f)",
                    std::string(VerdictLabelName(v.label)).c_str(), v.probability_unreliable);
      Section(out, paint, head);
      AppendReasons(out, doc, v, paint);
    }
  }
  if (r.site) {
    const SiteReputation& site = *r.site;
    Section(out, paint, "Site: " + site.domain + " (" + (site.consensus.empty() ? "no rating" : site.consensus) +
                            "; " + RaterCount(site) + ")");
    for (const RaterVote& v : site.raters) {  // a long line goes on with a hanging indent
      std::string lines;
      AppendWrapped(lines, RaterSummary(site, v), "    ");
      out += lines.substr(2);
    }
    out += paint(kDim, "  one vote per rater, its newest list; not part of the verdict above") + "\n";
    for (const SiteRating& s : r.site->ratings) {
      std::string line = PadRight(s.list, 21) + PadRight(s.date, 11) + PadRight(s.rating.empty() ? "-" : s.rating, 11);
      if (!s.factuality.empty()) line += "factuality " + s.factuality + "  ";
      if (!s.bias.empty()) line += "bias " + s.bias;
      out += "  " + Truncate(line, kWidth - 2) + "\n";
    }
  } else if (!doc.url().empty()) {
    Section(out, paint, "Site");
    out += paint(kDim, "  " + Truncate(OneLine(doc.url()), kWidth - 30) + ": not in the source lists") + "\n";
  }
}

}  // namespace

std::string WriteTextReport(const Document& doc, const Report& report, bool color) {
  Painter paint(color);
  std::string out;
  AppendHeader(out, doc, report, paint);
  AppendVerdict(out, doc, report, paint);
  AppendHeadlineSection(out, report, paint);
  AppendBody(out, doc, report, paint);
  AppendRemoved(out, doc, report, paint);
  AppendAttributions(out, doc, report, paint);
  AppendQuotes(out, doc, report, paint);
  AppendCues(out, doc, report, paint);
  AppendTechniquesSection(out, doc, report, paint);
  AppendClaimsSection(out, doc, report, paint);
  AppendFactChecksSection(out, doc, report, paint);
  if (!report.warnings.empty()) {
    Section(out, paint, "Warnings (" + std::to_string(report.warnings.size()) + ")");
    for (const std::string& w : report.warnings) out += "  " + paint(kYellow, "! ") + OneLine(w) + "\n";
  }
  return out;
}

}  // namespace credence::internal
