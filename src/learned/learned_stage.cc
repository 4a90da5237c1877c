// Running the learned detectors over one report. The token hashes are made
// once (ReadArticleTokens) and read by all three.
#include "learned/learned_stage.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <optional>

#include "cues/cue_context.h"
#include "learned/article_tokens.h"
#include "learned/propaganda_detector.h"
#include "learned/propaganda_features.h"
#include "learned/sentence_features.h"
#include "model/linear.h"
#include "text/utf8.h"

namespace credence::internal {
namespace {

constexpr std::size_t kHeadlineFeaturesShown = 6;
constexpr std::size_t kClickbaitEvidence = 4;

std::string TechniqueSummary(const std::vector<TechniqueSpan>& spans) {
  std::map<std::string_view, int> counts;
  for (const TechniqueSpan& t : spans) ++counts[TechniqueTitle(t.technique)];
  std::vector<std::pair<int, std::string_view>> ordered;
  for (const auto& [name, n] : counts) ordered.push_back({-n, name});
  std::sort(ordered.begin(), ordered.end());
  std::string detail = std::to_string(spans.size()) + (spans.size() == 1 ? " passage: " : " passages: ");
  for (std::size_t i = 0; i < ordered.size(); ++i)
    detail += (i ? ", " : "") + std::string(ordered[i].second) + " " + std::to_string(-ordered[i].first);
  return detail;
}

void AddTechniques(const ArticleTokens& tokens, const TokenFeatures& features, const LearnedModels& models,
                   Report* report) {
  report->techniques = FindTechniqueSpans(tokens, features, models);
  if (report->techniques.empty()) return;
  std::vector<Span> evidence;
  for (const TechniqueSpan& t : report->techniques) evidence.push_back(t.span);
  const double per_100 = Per100Words(report->techniques.size(), CountWords(report->structure));
  AddCue(CueId::kPropagandaTechniques, Saturate(per_100, 2.0), std::move(evidence), TechniqueSummary(report->techniques),
         &report->cues);
}

// Scores the standfirst's and body's sentences. `sentence_rows`, when given,
// are the propaganda features' per-sentence n-grams made at `rows_buckets`:
// the same n-grams the claim features hash, so at a bucket count no larger
// they are reused (an index masked to fewer buckets is the same hash's bucket).
void AddClaims(const ArticleTokens& tokens, const ModelFile& model, const FeatureRows* sentence_rows,
               std::uint32_t rows_buckets, Report* report) {
  const ModelFile::Head& head = model.head(0);
  const Structure& st = report->structure;
  const std::uint32_t buckets = model.num_buckets();
  const bool reuse = sentence_rows != nullptr && sentence_rows->size() == st.sentences.size() && buckets <= rows_buckets;
  std::vector<FeatureEntry> x;
  for (const Paragraph& p : st.paragraphs) {
    if (p.role == ParagraphRole::kHeadline) continue;
    for (std::size_t s = p.first_sentence; s < p.end_sentence && s < st.sentences.size(); ++s) {
      const Sentence& sentence = st.sentences[s];
      const TokenSlice slice{tokens.text, &st.tokens, &tokens.hashes, sentence.first_token,
                             std::min(sentence.end_token, st.tokens.size())};
      if (slice.first >= slice.end) continue;
      if (reuse) {
        x.assign(sentence_rows->row(s), sentence_rows->row(s) + sentence_rows->row_size(s));
        for (FeatureEntry& e : x) e.index &= buckets - 1;
        AppendClaimDense(slice, buckets, &x);
      } else {
        x = ExtractClaimFeatures(slice, buckets).entries;
      }
      const double prob = Sigmoid(Logit(head.weights, head.bias, x));
      if (prob >= head.decision_threshold) report->claims.push_back({sentence.span, prob});
    }
  }
  std::stable_sort(report->claims.begin(), report->claims.end(),
                   [](const Claim& a, const Claim& b) { return a.probability > b.probability; });
}

// Scores the headline: the article's own, or a title given beside a text
// without one (read on its own; its n-grams then have no spans).
void AddHeadline(const ArticleTokens& tokens, const ModelFile& model, Report* report) {
  const Structure& st = report->structure;
  std::optional<StandaloneText> given;
  TokenSlice slice;
  Span span;
  const auto headline = std::find_if(st.paragraphs.begin(), st.paragraphs.end(),
                                     [](const Paragraph& p) { return p.role == ParagraphRole::kHeadline; });
  if (headline != st.paragraphs.end() && headline->first_sentence < headline->end_sentence) {
    const std::size_t first = st.sentences[headline->first_sentence].first_token;
    const std::size_t end = std::min(st.sentences[headline->end_sentence - 1].end_token, st.tokens.size());
    slice = {tokens.text, &st.tokens, &tokens.hashes, first, end};
    span = headline->span;
  } else if (!report->article.given_title.empty()) {
    Result<StandaloneText> t = TokenizeStandalone(report->article.given_title);
    if (!t) return;
    given.emplace(std::move(*t));
    slice = given->slice();
  }
  if (slice.first >= slice.end) return;

  const ModelFile::Head& head = model.head(0);
  const ArticleFeatures f = ExtractHeadlineFeatures(slice, model.num_buckets());
  HeadlineAssessment h;
  h.span = span;
  h.clickbait_probability = Sigmoid(Logit(head.weights, head.bias, f.entries));
  // The n-grams that moved it, largest first; spans only for the article's own headline.
  std::vector<std::size_t> order(f.origins.size());
  std::iota(order.begin(), order.end(), 0);
  auto contribution = [&](std::size_t i) { return static_cast<double>(head.weights[f.entries[i].index]) * f.entries[i].value; };
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::abs(contribution(a)) != std::abs(contribution(b)) ? std::abs(contribution(a)) > std::abs(contribution(b)) : a < b;
  });
  std::vector<Span> evidence;
  for (std::size_t r = 0; r < order.size() && h.top_features.size() < kHeadlineFeaturesShown; ++r) {
    const std::size_t i = order[r];
    if (contribution(i) == 0.0) break;  // sorted by size: the rest moved nothing
    const NgramOrigin& o = f.origins[i];
    FeatureContribution fc;
    fc.kind = FeatureKind::kHeadline;
    fc.value = f.entries[i].value;
    fc.contribution = contribution(i);
    const std::uint32_t first = f.occurrences[o.occurrences_begin];
    for (std::uint32_t k = 0; k < o.length; ++k) {
      const Token& t = (*slice.tokens)[first + k];
      fc.name += (k ? " " : "") + NormalizeForLookup(slice.text.substr(t.span.start, t.span.size()));
    }
    if (!given) {
      for (std::uint32_t k = o.occurrences_begin; k < o.occurrences_end; ++k) {
        const std::uint32_t at = f.occurrences[k];
        fc.spans.push_back({st.tokens[at].span.start, st.tokens[at + o.length - 1].span.end});
      }
      if (fc.contribution > 0 && evidence.size() < kClickbaitEvidence)
        evidence.insert(evidence.end(), fc.spans.begin(), fc.spans.end());
    }
    h.top_features.push_back(std::move(fc));
  }

  // The learned score replaces the hand-written rule's cue.
  std::erase_if(report->cues, [](const Cue& c) { return c.id == CueId::kClickbaitHeadline; });
  const double strength = std::max(0.0, 2.0 * h.clickbait_probability - 1.0);
  if (strength > 0) {
    char detail[64];
    std::snprintf(detail, sizeof detail, "clickbait probability %.2f", h.clickbait_probability);
    AddCue(CueId::kClickbaitHeadline, strength, std::move(evidence), detail, &report->cues);
  }
  report->headline = std::move(h);
}

}  // namespace

void RunLearnedDetectors(const LearnedModels& models, std::string_view text, const std::vector<std::string>& normalized,
                         Report* report) {
  if (!models.any()) return;
  const ArticleTokens tokens = ReadArticleTokens(text, *report, normalized);
  std::optional<TokenFeatures> token_features;
  if (models.spans && models.techniques) {
    token_features = ExtractTokenFeatures(tokens, models.spans->num_buckets());
    AddTechniques(tokens, *token_features, models, report);
  }
  if (models.claims)
    AddClaims(tokens, *models.claims, token_features ? &token_features->sentence : nullptr,
              models.spans ? models.spans->num_buckets() : 0, report);
  if (models.clickbait) AddHeadline(tokens, *models.clickbait, report);
  std::stable_sort(report->cues.begin(), report->cues.end(),
                   [](const Cue& a, const Cue& b) { return static_cast<int>(a.id) < static_cast<int>(b.id); });
}

}  // namespace credence::internal
