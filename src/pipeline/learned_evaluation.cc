// Cross-validation and test-set scoring of the learned detectors. Models
// are scored as analysis will see them (ModelFile::FromParams: float16
// weights), with the same decoding analysis uses.
#include "pipeline/learned_evaluation.h"

#include <algorithm>
#include <chrono>
#include <numeric>
#include <ostream>

#include "cues/cue_detectors.h"
#include "cues/phrase_lexicon.h"
#include "learned/propaganda_features.h"
#include "model/linear.h"

namespace credence::internal {
namespace {

constexpr int kFolds = 5;

double SecondsSince(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

// Indices of `p`, highest first.
std::vector<std::size_t> Ranked(const std::vector<double>& p) {
  std::vector<std::size_t> order(p.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return p[a] > p[b]; });
  return order;
}

// Span identification of one test article: pooled score and per-technique recall.
void ScoreArticleSpans(const AnalysedArticle& a, const ModelFile& spans, PropagandaEvaluation* e, SpanOverlapScore* fold) {
  const std::vector<double> p = TokenProbabilities(a.tokens, spans);
  std::vector<Span> predicted, gold;
  for (const TokenRange& r : DecodePassages(a.tokens, p, spans.head(0).decision_threshold, spans.head(0).extend_threshold))
    predicted.push_back({a.tokens.tokens()[r.first].span.start, a.tokens.tokens()[r.end - 1].span.end});
  for (const GoldTechniqueSpan& g : a.gold) gold.push_back(g.span);
  const SpanOverlapScore s = ScoreSpans(a.document.text(), predicted, gold);
  e->spans.Add(s);
  fold->Add(s);
  for (const GoldTechniqueSpan& g : a.gold) {
    TechniqueScores& t = e->by_technique[static_cast<int>(g.technique)];
    ++t.si_spans;
    t.si_recall_sum += ScoreSpans(a.document.text(), predicted, {g.span}).recall_sum;
  }
}

// Technique classification of one test article's gold passages.
void ScoreArticleTechniques(const AnalysedArticle& a, const ModelFile& techniques,
                            const std::vector<Technique>& by_frequency, PropagandaEvaluation* e) {
  std::size_t uncovered = 0;
  for (const GoldPassage& g : GoldPassages(a, &uncovered)) {
    const std::vector<std::size_t> order =
        Ranked(TechniqueProbabilities(a.tokens, g.range.first, g.range.end, techniques));
    for (std::size_t k = 0; k < g.techniques.size(); ++k) {
      // Heads are written in Technique order (TrainTechniqueModel).
      const auto guess = static_cast<Technique>(order[k]);
      const bool right = std::find(g.techniques.begin(), g.techniques.end(), guess) != g.techniques.end();
      ++e->by_technique[static_cast<int>(guess)].predicted;
      e->by_technique[static_cast<int>(guess)].correct += right;
      e->correct += right;
      e->majority_correct +=
          std::find(g.techniques.begin(), g.techniques.end(), by_frequency[k]) != g.techniques.end();
    }
    for (Technique t : g.techniques) ++e->by_technique[static_cast<int>(t)].gold;
    e->labels += g.techniques.size();
  }
}

// The techniques by how often the articles' gold spans use them, most first.
std::vector<Technique> ByFrequency(const std::vector<const AnalysedArticle*>& articles) {
  std::vector<std::size_t> count(kTechniqueCount, 0);
  for (const AnalysedArticle* a : articles)
    for (const GoldTechniqueSpan& g : a->gold) ++count[static_cast<int>(g.technique)];
  std::vector<Technique> out;
  for (std::size_t i : Ranked(std::vector<double>(count.begin(), count.end()))) out.push_back(static_cast<Technique>(i));
  return out;
}

}  // namespace

Result<PropagandaEvaluation> EvaluatePropaganda(const AnalysedArticles& articles, const LearnedTrainOptions& options,
                                                std::ostream& log) {
  const auto start = std::chrono::steady_clock::now();
  PropagandaEvaluation e;
  e.articles = articles.size();
  for (const auto& a : articles) {
    e.gold_spans += a->gold.size();
    GoldPassages(*a, &e.uncovered_spans);
  }
  for (int k = 0; k < std::min(kFolds, options.folds); ++k) {
    const int valid_fold = (k + 1) % kFolds;
    const auto train = SelectArticles(articles, [&](int f) { return f != k && f != valid_fold; });
    const auto valid = SelectArticles(articles, [&](int f) { return f == valid_fold; });
    const auto test = SelectArticles(articles, [&](int f) { return f == k; });
    if (train.empty() || valid.empty() || test.empty())
      return Error(StatusCode::kInvalidArgument, "fold " + std::to_string(k) + " has no articles on one side");
    const auto fold_start = std::chrono::steady_clock::now();
    Result<ModelParams> spans = TrainSpanModel(train, valid, options);
    if (!spans) return tl::unexpected(spans.error());
    Result<ModelParams> techniques = TrainTechniqueModel(train, valid, options);
    if (!techniques) return tl::unexpected(techniques.error());
    const ModelFile span_model = ModelFile::FromParams(*spans), technique_model = ModelFile::FromParams(*techniques);
    const std::vector<Technique> by_frequency = ByFrequency(train);
    SpanOverlapScore fold;
    const std::size_t labels_before = e.labels, correct_before = e.correct;
    for (const AnalysedArticle* a : test) {
      ScoreArticleSpans(*a, span_model, &e, &fold);
      ScoreArticleTechniques(*a, technique_model, by_frequency, &e);
    }
    e.fold_span_f1.push_back(fold.f1());
    e.fold_thresholds.push_back(span_model.head(0).decision_threshold);
    e.fold_extend_thresholds.push_back(span_model.head(0).extend_threshold);
    log << "  propaganda fold " << k << ": " << test.size() << " test articles, span F1 " << fold.f1()
        << " (thresholds " << span_model.head(0).decision_threshold << " / " << span_model.head(0).extend_threshold
        << "), technique micro-F1 "
        << static_cast<double>(e.correct - correct_before) / static_cast<double>(std::max<std::size_t>(1, e.labels - labels_before))
        << ", " << SecondsSince(fold_start) << " s\n";
  }
  e.seconds = SecondsSince(start);
  return e;
}

Result<SliceEvaluation> EvaluateSliceModel(const std::vector<LabelledText>& records, const std::string& task,
                                           const std::string& split_field, const FeatureSetId& feature_set,
                                           SliceExtractor extract, std::uint32_t num_buckets,
                                           const LearnedTrainOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  SliceEvaluation e{task, split_field, "credence"};
  Result<ModelParams> params =
      TrainSliceModel(records, split_field, feature_set, extract, num_buckets, task, options);
  if (!params) return tl::unexpected(params.error());
  const ModelFile model = ModelFile::FromParams(*params);
  const ModelFile::Head& head = model.head(0);
  std::vector<double> p;
  std::vector<bool> labels;
  for (const LabelledText& r : records) {
    const auto part = r.parts.find(split_field);
    if (part == r.parts.end()) continue;
    e.train += part->second == "train";
    e.valid += part->second == "valid";
    if (part->second != "test") continue;
    p.push_back(Sigmoid(Logit(head.weights, head.bias, SliceExample(r, extract, num_buckets).entries)));
    labels.push_back(r.positive);
  }
  e.test = ComputeMetrics(p, labels, head.decision_threshold);
  e.seconds = SecondsSince(start);
  return e;
}

SliceEvaluation EvaluateClickbaitRule(const std::vector<LabelledText>& records, const std::string& split_field) {
  SliceEvaluation e{"clickbait", split_field, "hand-written rule"};
  std::vector<double> valid_p, test_p;
  std::vector<bool> valid_labels, test_labels;
  for (const LabelledText& r : records) {
    const auto part = r.parts.find(split_field);
    if (part == r.parts.end() || part->second == "train") continue;
    double score = 0.0;
    Result<StandaloneText> text = TokenizeStandalone(r.text);
    if (text && !text->tokens.empty()) {
      const std::vector<std::string> normalized = NormalizeTokens(text->document.text(), text->tokens);
      std::vector<Span> evidence;
      std::size_t phrases = 0;
      score = ClickbaitRuleScore(text->document.text(), text->tokens, normalized, 0, text->tokens.size(), &evidence,
                                 &phrases);
    }
    (part->second == "valid" ? valid_p : test_p).push_back(score);
    (part->second == "valid" ? valid_labels : test_labels).push_back(r.positive);
  }
  e.valid = valid_p.size();
  // The rule's score is not a probability: its threshold is chosen on valid like the model's.
  e.test = ComputeMetrics(test_p, test_labels, BestMacroF1Threshold(valid_p, valid_labels));
  return e;
}

}  // namespace credence::internal
