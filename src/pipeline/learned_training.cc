// Training the learned detectors. Every head goes through TrainModel (L2
// chosen and Platt calibration fitted on the validation part); what differs
// per detector is only which examples it reads and, for the span model, the
// decoding threshold chosen afterwards.
#include "pipeline/learned_training.h"

#include <algorithm>
#include <mutex>
#include <ostream>

#include "cues/phrase_lexicon.h"
#include "learned/propaganda_features.h"
#include "model/span_metrics.h"
#include "pipeline/parallel_for.h"

namespace credence::internal {
namespace {

// Candidate decoding thresholds for the span model, low to high.
constexpr double kThresholdLow = 0.05, kThresholdHigh = 0.80, kThresholdStep = 0.025;

// The first token that ends after `span` starts, and one past the last that
// starts before it ends.
TokenRange TokensOf(const std::vector<Token>& tokens, Span span) {
  auto first = std::lower_bound(tokens.begin(), tokens.end(), span.start,
                                [](const Token& t, std::size_t start) { return t.span.end <= start; });
  auto end = first;
  while (end != tokens.end() && end->span.start < span.end) ++end;
  return {static_cast<std::size_t>(first - tokens.begin()), static_cast<std::size_t>(end - tokens.begin())};
}

// The span model's examples: one per token with its own features, sharing
// its sentence's row and its article's row.
struct TokenExampleSet {
  TrainingSet examples;
  FeatureRows shared;

  TrainingData data() const { return {examples, &shared}; }
};

TokenExampleSet TokenExamples(const std::vector<const AnalysedArticle*>& articles, std::uint32_t buckets, int threads) {
  std::vector<TokenFeatures> features(articles.size());
  ParallelFor(articles.size(), threads,
              [&](std::size_t i) { features[i] = ExtractTokenFeatures(articles[i]->tokens, buckets); });
  TokenExampleSet out;
  for (std::size_t i = 0; i < articles.size(); ++i) {
    const AnalysedArticle& a = *articles[i];
    const TokenFeatures& f = features[i];
    // This article's shared rows: its sentences, then the article itself.
    const auto first_row = static_cast<std::uint32_t>(out.shared.size());
    for (std::size_t s = 0; s < f.sentence.size(); ++s) {
      out.shared.entries.insert(out.shared.entries.end(), f.sentence.row(s), f.sentence.row(s) + f.sentence.row_size(s));
      out.shared.EndRow();
    }
    out.shared.entries.insert(out.shared.entries.end(), f.article.begin(), f.article.end());
    out.shared.EndRow();
    const auto article_row = static_cast<std::uint32_t>(out.shared.size() - 1);
    std::vector<bool> positive(f.local.size(), false);
    for (const GoldTechniqueSpan& g : a.gold) {
      const TokenRange r = TokensOf(a.tokens.tokens(), g.span);
      for (std::size_t t = r.first; t < r.end; ++t) positive[t] = true;
    }
    for (std::size_t t = 0; t < f.local.size(); ++t) {
      TrainingExample ex;
      ex.positive = positive[t];
      ex.entries.assign(f.local.row(t), f.local.row(t) + f.local.row_size(t));
      if (a.tokens.sentence_of[t] < f.sentence.size()) ex.shared_rows.push_back(first_row + a.tokens.sentence_of[t]);
      ex.shared_rows.push_back(article_row);
      out.examples.push_back(std::move(ex));
    }
  }
  return out;
}

// Returns the decoding thresholds (seed, extend) that give the best span F1
// on `articles`: every pair on a grid, extend <= seed.
std::pair<double, double> BestSpanThresholds(const std::vector<const AnalysedArticle*>& articles,
                                             const ModelFile& model) {
  std::vector<std::vector<double>> probabilities;
  for (const AnalysedArticle* a : articles) probabilities.push_back(TokenProbabilities(a->tokens, model));
  std::pair<double, double> best{0.5, 0.5};
  double best_f1 = -1.0;
  for (int seed = 0; kThresholdLow + seed * kThresholdStep <= kThresholdHigh + 1e-9; ++seed) {
    for (int extend = 0; extend <= seed; ++extend) {
      const double seed_threshold = kThresholdLow + seed * kThresholdStep;
      const double extend_threshold = kThresholdLow + extend * kThresholdStep;
      SpanOverlapScore score;
      for (std::size_t i = 0; i < articles.size(); ++i) {
        const AnalysedArticle& a = *articles[i];
        std::vector<Span> predicted, gold;
        for (const TokenRange& r : DecodePassages(a.tokens, probabilities[i], seed_threshold, extend_threshold))
          predicted.push_back({a.tokens.tokens()[r.first].span.start, a.tokens.tokens()[r.end - 1].span.end});
        for (const GoldTechniqueSpan& g : a.gold) gold.push_back(g.span);
        score.Add(ScoreSpans(a.document.text(), predicted, gold));
      }
      if (score.f1() > best_f1) best_f1 = score.f1(), best = {seed_threshold, extend_threshold};
    }
  }
  return best;
}

std::vector<std::vector<GoldPassage>> AllGoldPassages(const std::vector<const AnalysedArticle*>& articles) {
  std::vector<std::vector<GoldPassage>> out;
  std::size_t uncovered = 0;
  for (const AnalysedArticle* a : articles) out.push_back(GoldPassages(*a, &uncovered));
  return out;
}

}  // namespace

AnalyzerOptions FeatureAnalyzerOptions() {
  AnalyzerOptions options;
  options.model_path = "";
  options.learned_models = "";
  options.site_reputation = false;
  return options;
}

AnalysedArticles AnalysePropagandaArticles(const Analyzer& analyzer, const std::vector<PropagandaArticle>& records,
                                           int threads, std::vector<std::string>* skipped) {
  AnalysedArticles slots(records.size());
  std::mutex skipped_mutex;
  ParallelFor(records.size(), threads, [&](std::size_t i) {
    const PropagandaArticle& r = records[i];
    Result<Document> doc = Document::FromBytes(r.text);
    if (!doc) {
      std::lock_guard<std::mutex> lock(skipped_mutex);
      skipped->push_back(r.id + ": " + doc.error().ToString());
      return;
    }
    auto a = std::make_unique<AnalysedArticle>(r.id, r.fold, std::move(*doc), r.spans);
    a->report = analyzer.Analyze(a->document);
    a->normalized = NormalizeTokens(a->document.text(), a->report.structure.tokens);
    a->tokens = ReadArticleTokens(a->document.text(), a->report, a->normalized);
    slots[i] = std::move(a);
  });
  AnalysedArticles out;
  for (auto& a : slots)
    if (a) out.push_back(std::move(a));
  return out;
}

std::vector<GoldPassage> GoldPassages(const AnalysedArticle& article, std::size_t* uncovered) {
  std::vector<GoldPassage> out;
  for (const GoldTechniqueSpan& g : article.gold) {
    const TokenRange r = TokensOf(article.tokens.tokens(), g.span);
    if (r.first >= r.end) {
      ++*uncovered;
      continue;
    }
    auto same = std::find_if(out.begin(), out.end(), [&](const GoldPassage& p) { return p.span == g.span; });
    if (same == out.end()) {
      out.push_back({r, g.span, {g.technique}});
    } else if (std::find(same->techniques.begin(), same->techniques.end(), g.technique) == same->techniques.end()) {
      same->techniques.push_back(g.technique);
    }
  }
  return out;
}

Result<ModelParams> TrainSpanModel(const std::vector<const AnalysedArticle*>& train,
                                   const std::vector<const AnalysedArticle*>& valid, const LearnedTrainOptions& options) {
  const FeatureSetId features = PropagandaSpansFeatureSet();
  const TokenExampleSet train_set = TokenExamples(train, options.span_buckets, options.threads);
  const TokenExampleSet valid_set = TokenExamples(valid, options.span_buckets, options.threads);
  Result<TrainedModel> m = TrainModel(train_set.data(), valid_set.data(),
                                      {.num_buckets = options.span_buckets,
                                       .num_dense = static_cast<std::uint32_t>(features.dense_names.size()),
                                       .threads = options.threads,
                                       .l2_grid = options.l2_grid,
                                       .head_name = "propaganda"});
  if (!m) return tl::unexpected(m.error());
  if (options.log)
    *options.log << "    span model: " << train_set.examples.size() << " tokens, L2 " << m->l2 << ", " << m->iterations
                 << " iterations, validation AUC " << m->valid_auc << "\n";
  ModelParams params{.feature_set = features.name,
                     .dense_names = features.dense_names,
                     .num_buckets = options.span_buckets,
                     .run_id = options.run_id,
                     .heads = {m->head}};
  const auto [seed, extend] = BestSpanThresholds(valid, ModelFile::FromParams(params));
  params.heads[0].decision_threshold = seed;
  params.heads[0].extend_threshold = extend;
  return params;
}

Result<ModelParams> TrainTechniqueModel(const std::vector<const AnalysedArticle*>& train,
                                        const std::vector<const AnalysedArticle*>& valid,
                                        const LearnedTrainOptions& options) {
  const FeatureSetId features = PropagandaTechniquesFeatureSet();
  // Each passage's features once; each head relabels them.
  auto passages = [&](const std::vector<const AnalysedArticle*>& articles) {
    std::vector<std::pair<std::vector<FeatureEntry>, std::vector<Technique>>> out;
    const std::vector<std::vector<GoldPassage>> gold = AllGoldPassages(articles);
    for (std::size_t i = 0; i < articles.size(); ++i)
      for (const GoldPassage& p : gold[i])
        out.push_back({ExtractPassageFeatures(articles[i]->tokens, p.range.first, p.range.end, options.technique_buckets),
                       p.techniques});
    return out;
  };
  const auto train_passages = passages(train), valid_passages = passages(valid);
  ModelParams params{.feature_set = features.name,
                     .dense_names = features.dense_names,
                     .num_buckets = options.technique_buckets,
                     .run_id = options.run_id,
                     .heads = {}};
  for (int t = 0; t < kTechniqueCount; ++t) {
    const auto technique = static_cast<Technique>(t);
    auto label = [&](const auto& items) {
      TrainingSet set;
      for (const auto& [entries, techniques] : items)
        set.push_back({entries, std::find(techniques.begin(), techniques.end(), technique) != techniques.end()});
      return set;
    };
    Result<TrainedModel> m = TrainModel(label(train_passages), label(valid_passages),
                                        {.num_buckets = options.technique_buckets,
                                         .num_dense = static_cast<std::uint32_t>(features.dense_names.size()),
                                         .threads = options.threads,
                                         .l2_grid = options.l2_grid,
                                         .head_name = std::string(TechniqueCorpusLabel(technique))});
    if (!m) return Error(m.error().code(), std::string(TechniqueCorpusLabel(technique)) + ": " + m.error().message());
    if (options.log)
      *options.log << "    technique " << TechniqueCorpusLabel(technique) << ": L2 " << m->l2 << ", " << m->iterations
                   << " iterations, validation AUC " << m->valid_auc << "\n";
    params.heads.push_back(std::move(m->head));
  }
  return params;
}

TrainingExample SliceExample(const LabelledText& record, SliceExtractor extract, std::uint32_t num_buckets) {
  TrainingExample ex;
  ex.positive = record.positive;
  Result<StandaloneText> text = TokenizeStandalone(record.text);
  if (text) ex.entries = extract(text->slice(), num_buckets).entries;
  return ex;
}

Result<ModelParams> TrainSliceModel(const std::vector<LabelledText>& records, const std::string& split_field,
                                    const FeatureSetId& feature_set, SliceExtractor extract, std::uint32_t num_buckets,
                                    const std::string& head_name, const LearnedTrainOptions& options) {
  TrainingSet train, valid;
  for (const LabelledText& r : records) {
    const auto part = r.parts.find(split_field);
    if (part == r.parts.end()) continue;
    if (part->second == "train") train.push_back(SliceExample(r, extract, num_buckets));
    if (part->second == "valid") valid.push_back(SliceExample(r, extract, num_buckets));
  }
  Result<TrainedModel> m = TrainModel(train, valid,
                                      {.num_buckets = num_buckets,
                                       .num_dense = static_cast<std::uint32_t>(feature_set.dense_names.size()),
                                       .threads = options.threads,
                                       .l2_grid = options.l2_grid,
                                       .head_name = head_name});
  if (!m) return tl::unexpected(m.error());
  return ModelParams{.feature_set = feature_set.name,
                     .dense_names = feature_set.dense_names,
                     .num_buckets = num_buckets,
                     .run_id = options.run_id,
                     .heads = {std::move(m->head)}};
}

}  // namespace credence::internal
