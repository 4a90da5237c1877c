// Training the learned detectors' models (credence train --tasks) from the
// files tools/build_task_data.py writes, with the one trainer every credence
// model uses (model/trainer.h). The evaluation (learned_evaluation.h) calls
// the same functions on its folds and splits.
//
//   Result<Analyzer> analyzer = Analyzer::Create(FeatureAnalyzerOptions());
//   auto articles = AnalysePropagandaArticles(*analyzer, records, 2);
//   Result<ModelParams> spans = TrainSpanModel(Select(articles, train), Select(articles, valid), options);
#pragma once

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "credence/analyzer.h"
#include "credence/document.h"
#include "credence/report.h"
#include "io/task_data_reader.h"
#include "learned/article_tokens.h"
#include "learned/propaganda_detector.h"
#include "learned/sentence_features.h"
#include "model/model_file.h"
#include "model/trainer.h"

namespace credence::internal {

struct LearnedTrainOptions {
  int threads = 2;
  std::uint32_t span_buckets = 1u << 18;       // propaganda span model
  std::uint32_t technique_buckets = 1u << 15;  // propaganda technique model (14 heads)
  std::uint32_t claim_buckets = 1u << 17;
  std::uint32_t clickbait_buckets = 1u << 17;
  // L2 strengths tried, strongest first (the data sets are small, so the
  // grid reaches stronger penalties than the content model's).
  std::vector<double> l2_grid = {1e-3, 3e-4, 1e-4, 3e-5, 1e-5, 3e-6};
  std::string run_id;  // stored in each model file
  int folds = 5;       // evaluation: how many of the five propaganda folds to test (fewer for a quick look)
  std::ostream* log = nullptr;  // progress lines (chosen L2, iterations), when set
};

// The options of the Analyzer whose reports the learned detectors are
// trained on: the hand-written stages only (no content model, no learned
// detectors, no site look-up), as analysis runs them before the learned stage.
AnalyzerOptions FeatureAnalyzerOptions();

// One propaganda article analysed for training: kept whole, since decoding
// and scoring read its tokens. Not copyable or movable (tokens point into it).
struct AnalysedArticle {
  AnalysedArticle(std::string id_, int fold_, Document document_, std::vector<GoldTechniqueSpan> gold_)
      : id(std::move(id_)), fold(fold_), document(std::move(document_)), gold(std::move(gold_)) {}

  std::string id;
  int fold = 0;
  Document document;
  std::vector<GoldTechniqueSpan> gold;
  Report report;
  std::vector<std::string> normalized;
  ArticleTokens tokens;

  AnalysedArticle(const AnalysedArticle&) = delete;
  AnalysedArticle& operator=(const AnalysedArticle&) = delete;
};
using AnalysedArticles = std::vector<std::unique_ptr<AnalysedArticle>>;

// Analyses the articles on `threads` threads. An article whose text cannot
// be read as a Document is left out with a message in *skipped.
AnalysedArticles AnalysePropagandaArticles(const Analyzer& analyzer, const std::vector<PropagandaArticle>& records,
                                           int threads, std::vector<std::string>* skipped);

// Returns the articles (not owned) whose fold satisfies `keep`.
template <typename Keep>
std::vector<const AnalysedArticle*> SelectArticles(const AnalysedArticles& articles, Keep keep) {
  std::vector<const AnalysedArticle*> out;
  for (const auto& a : articles)
    if (keep(a->fold)) out.push_back(a.get());
  return out;
}

// A gold passage: the tokens a gold span covers, and every technique the
// corpus gives that exact span (a span may carry several).
struct GoldPassage {
  TokenRange range;
  Span span;
  std::vector<Technique> techniques;
};

// Returns the gold passages of an article; spans that cover no token (in
// text the extract stage removed as page furniture) are left out and counted
// in *uncovered.
std::vector<GoldPassage> GoldPassages(const AnalysedArticle& article, std::size_t* uncovered);

// Trains the span model on `train`, calibrates it on `valid`, and sets its
// decoding thresholds (a passage's seed and extend probabilities) to the
// pair that gives the best span F1 on `valid`.
[[nodiscard]] Result<ModelParams> TrainSpanModel(const std::vector<const AnalysedArticle*>& train,
                                                 const std::vector<const AnalysedArticle*>& valid,
                                                 const LearnedTrainOptions& options);

// Trains the technique model: one head per technique, one-vs-rest over the
// gold passages of `train`, calibrated on those of `valid`.
[[nodiscard]] Result<ModelParams> TrainTechniqueModel(const std::vector<const AnalysedArticle*>& train,
                                                      const std::vector<const AnalysedArticle*>& valid,
                                                      const LearnedTrainOptions& options);

// A labelled sentence or headline read for training: its features, made by
// `extract` (ExtractClaimFeatures or ExtractHeadlineFeatures).
using SliceExtractor = ArticleFeatures (*)(const TokenSlice&, std::uint32_t);
TrainingExample SliceExample(const LabelledText& record, SliceExtractor extract, std::uint32_t num_buckets);

// Trains the check-worthiness or clickbait model (`feature_set`) on the
// records whose part under `split_field` is "train", calibrated on "valid".
[[nodiscard]] Result<ModelParams> TrainSliceModel(const std::vector<LabelledText>& records, const std::string& split_field,
                                                  const FeatureSetId& feature_set, SliceExtractor extract,
                                                  std::uint32_t num_buckets, const std::string& head_name,
                                                  const LearnedTrainOptions& options);

}  // namespace credence::internal
