// `credence train --tasks` and `credence eval --tasks`: the learned
// detectors' models, from the files tools/build_task_data.py writes.
// Progress goes to standard error, results to standard output.
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "cli/exit_codes.h"
#include "cli/model_commands.h"
#include "learned/learned_models.h"
#include "learned/propaganda_features.h"
#include "learned/sentence_features.h"
#include "pipeline/learned_evaluation.h"
#include "pipeline/learned_training.h"

namespace credence::internal {
namespace {

bool Wants(const std::string& task, const char* name) { return task == "all" || task == name; }

int Threads(int requested) {
  if (requested > 0) return requested;
  return std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
}

template <typename Record>
Result<std::vector<Record>> Records(Result<TaskFile<Record>> file) {
  if (!file) return tl::unexpected(file.error());
  for (const std::string& e : file->errors) std::cerr << "credence: skipped " << e << "\n";
  if (file->records.empty()) return Error(StatusCode::kDataError, "no readable record");
  return std::move(file->records);
}

Result<AnalysedArticles> LoadPropaganda(const std::string& dir, int threads) {
  Result<std::vector<PropagandaArticle>> records = Records(ReadPropagandaArticles(dir + "/propaganda.jsonl"));
  if (!records) return tl::unexpected(records.error());
  Result<Analyzer> analyzer = Analyzer::Create(FeatureAnalyzerOptions());
  if (!analyzer) return tl::unexpected(analyzer.error());
  std::vector<std::string> skipped;
  AnalysedArticles articles = AnalysePropagandaArticles(*analyzer, *records, threads, &skipped);
  for (const std::string& s : skipped) std::cerr << "credence: skipped article " << s << "\n";
  return articles;
}

Status Write(const std::string& dir, const char* file, const ModelParams& params) {
  const std::string path = dir + "/" + file;
  if (Status s = WriteModelFile(path, params); !s.ok()) return s;
  std::error_code ec;
  std::cout << "wrote " << path << " (" << std::filesystem::file_size(path, ec) << " bytes, " << params.heads.size()
            << (params.heads.size() == 1 ? " head" : " heads") << ", run " << params.run_id << ")\n";
  return Status::Ok();
}

std::string Fixed(double v, int digits = 3) {
  std::ostringstream o;
  o << std::fixed << std::setprecision(digits) << v;
  return o.str();
}

std::string PropagandaText(const PropagandaEvaluation& e) {
  std::ostringstream o;
  o << "propaganda techniques: PTC v2 (SemEval-2020 Task 11) training articles, 5-fold cross-validation by article\n"
    << "  " << e.articles << " articles, " << e.gold_spans << " gold spans (" << e.uncovered_spans
    << " over text removed as page furniture, counted as missed), " << Fixed(e.seconds, 1) << " s\n"
    << "  span identification: P " << Fixed(e.spans.precision()) << "  R " << Fixed(e.spans.recall()) << "  F1 "
    << Fixed(e.spans.f1()) << "  (" << e.spans.predicted << " predicted, " << e.spans.gold << " gold after merging)\n"
    << "    per fold F1:";
  for (double f : e.fold_span_f1) o << " " << Fixed(f);
  o << "; thresholds (seed/extend):";
  for (std::size_t k = 0; k < e.fold_thresholds.size(); ++k)
    o << " " << Fixed(e.fold_thresholds[k], 3) << "/" << Fixed(e.fold_extend_thresholds[k], 3);
  o << "\n  technique classification of gold spans: micro-F1 " << Fixed(e.micro_f1()) << " (" << e.correct << " of "
    << e.labels << "); always the most frequent: " << Fixed(static_cast<double>(e.majority_correct) / e.labels) << "\n"
    << "    technique                                gold      P      R     F1   span recall\n";
  for (int t = 0; t < kTechniqueCount; ++t) {
    const TechniqueScores& s = e.by_technique[t];
    const double p = s.predicted ? static_cast<double>(s.correct) / s.predicted : 0.0;
    const double r = s.gold ? static_cast<double>(s.correct) / s.gold : 0.0;
    const double f = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    o << "    " << std::left << std::setw(40) << TechniqueCorpusLabel(static_cast<Technique>(t)) << std::right
      << std::setw(5) << s.gold << std::setw(7) << Fixed(p) << std::setw(7) << Fixed(r) << std::setw(7) << Fixed(f)
      << std::setw(9) << Fixed(s.si_spans ? s.si_recall_sum / s.si_spans : 0.0) << "\n";
  }
  return o.str();
}

std::string SliceText(const SliceEvaluation& e) {
  std::ostringstream o;
  const BinaryMetrics& m = e.test;
  o << "  " << std::left << std::setw(10) << e.task << std::setw(10) << e.split << std::setw(19) << e.model
    << std::right << std::setw(6) << m.count << std::setw(7) << Fixed(m.precision) << std::setw(7) << Fixed(m.recall)
    << std::setw(7) << Fixed(m.f1) << std::setw(7) << Fixed(m.accuracy) << std::setw(7) << Fixed(m.macro_f1)
    << std::setw(7) << Fixed(m.roc_auc) << std::setw(7) << (e.model == "credence" ? Fixed(m.ece) : "-")
    << std::setw(7) << Fixed(m.threshold, 2) << "\n";
  return o.str();
}

nlohmann::ordered_json PropagandaJson(const PropagandaEvaluation& e) {
  nlohmann::ordered_json techniques = nlohmann::ordered_json::array();
  for (int t = 0; t < kTechniqueCount; ++t) {
    const TechniqueScores& s = e.by_technique[t];
    techniques.push_back({{"technique", TechniqueCorpusLabel(static_cast<Technique>(t))},
                          {"gold", s.gold},
                          {"predicted", s.predicted},
                          {"correct", s.correct},
                          {"span_recall", s.si_spans ? s.si_recall_sum / s.si_spans : 0.0}});
  }
  return {{"articles", e.articles},
          {"gold_spans", e.gold_spans},
          {"uncovered_spans", e.uncovered_spans},
          {"span_identification",
           {{"precision", e.spans.precision()},
            {"recall", e.spans.recall()},
            {"f1", e.spans.f1()},
            {"predicted", e.spans.predicted},
            {"gold_merged", e.spans.gold},
            {"fold_f1", e.fold_span_f1},
            {"fold_thresholds", e.fold_thresholds},
            {"fold_extend_thresholds", e.fold_extend_thresholds}}},
          {"technique_classification",
           {{"micro_f1", e.micro_f1()},
            {"labels", e.labels},
            {"correct", e.correct},
            {"majority_micro_f1", e.labels ? static_cast<double>(e.majority_correct) / e.labels : 0.0},
            {"by_technique", techniques}}},
          {"seconds", e.seconds}};
}

nlohmann::ordered_json SliceJson(const SliceEvaluation& e) {
  const BinaryMetrics& m = e.test;
  return {{"task", e.task},       {"split", e.split},         {"model", e.model},       {"train", e.train},
          {"valid", e.valid},     {"test", m.count},          {"positives", m.positives}, {"threshold", m.threshold},
          {"precision", m.precision}, {"recall", m.recall},   {"f1", m.f1},             {"accuracy", m.accuracy},
          {"macro_f1", m.macro_f1}, {"roc_auc", m.roc_auc},   {"brier", m.brier},       {"ece", m.ece},
          {"seconds", e.seconds}};
}

}  // namespace

int RunTrainTasks(const TrainArgs& args) {
  std::error_code ec;
  std::filesystem::create_directories(args.out_dir, ec);
  if (ec) return Fail(Status(StatusCode::kIoError, "cannot create " + args.out_dir + ": " + ec.message()));
  LearnedTrainOptions options{.threads = Threads(args.threads), .log = &std::cerr};
  if (!args.l2.empty()) options.l2_grid = args.l2;
  if (Wants(args.task, "propaganda")) {
    Result<AnalysedArticles> articles = LoadPropaganda(args.tasks, options.threads);
    if (!articles) return Fail(articles.error());
    // Fold 0 validates (L2, calibration, the span threshold); the other four train.
    const auto train = SelectArticles(*articles, [](int f) { return f != 0; });
    const auto valid = SelectArticles(*articles, [](int f) { return f == 0; });
    options.run_id = args.run_id.empty() ? "ptc-folds1-4" : args.run_id;
    Result<ModelParams> spans = TrainSpanModel(train, valid, options);
    if (!spans) return Fail(spans.error());
    if (Status s = Write(args.out_dir, kSpansModelFile, *spans); !s.ok()) return Fail(s);
    std::cout << "  span thresholds " << spans->heads[0].decision_threshold << " / " << spans->heads[0].extend_threshold
              << " (seed / extend: the best span F1 on fold 0)\n";
    Result<ModelParams> techniques = TrainTechniqueModel(train, valid, options);
    if (!techniques) return Fail(techniques.error());
    if (Status s = Write(args.out_dir, kTechniquesModelFile, *techniques); !s.ok()) return Fail(s);
  }
  if (Wants(args.task, "claims")) {
    Result<std::vector<LabelledText>> claims = Records(ReadLabelledTexts(args.tasks + "/claims.jsonl", {"part"}));
    if (!claims) return Fail(claims.error());
    options.run_id = args.run_id.empty() ? "claimbuster-train" : args.run_id;
    Result<ModelParams> model = TrainSliceModel(*claims, "part", ClaimsFeatureSet(), ExtractClaimFeatures,
                                                options.claim_buckets, "check_worthy", options);
    if (!model) return Fail(model.error());
    if (Status s = Write(args.out_dir, kClaimsModelFile, *model); !s.ok()) return Fail(s);
  }
  if (Wants(args.task, "clickbait")) {
    Result<std::vector<LabelledText>> headlines =
        Records(ReadLabelledTexts(args.tasks + "/clickbait.jsonl", {"random", "publisher"}));
    if (!headlines) return Fail(headlines.error());
    options.run_id = args.run_id.empty() ? "chakraborty-random" : args.run_id;
    Result<ModelParams> model = TrainSliceModel(*headlines, "random", ClickbaitFeatureSet(), ExtractHeadlineFeatures,
                                                options.clickbait_buckets, "clickbait", options);
    if (!model) return Fail(model.error());
    if (Status s = Write(args.out_dir, kClickbaitModelFile, *model); !s.ok()) return Fail(s);
  }
  return kExitOk;
}

int RunEvalTasks(const EvalArgs& args) {
  LearnedTrainOptions options{.threads = Threads(args.threads), .folds = args.folds, .log = &std::cerr};
  if (!args.l2.empty()) options.l2_grid = args.l2;
  LearnedEvaluation results;
  bool have_propaganda = false;
  if (Wants(args.task, "propaganda")) {
    Result<AnalysedArticles> articles = LoadPropaganda(args.tasks, options.threads);
    if (!articles) return Fail(articles.error());
    Result<PropagandaEvaluation> e = EvaluatePropaganda(*articles, options, std::cerr);
    if (!e) return Fail(e.error());
    results.propaganda = std::move(*e);
    have_propaganda = true;
  }
  if (Wants(args.task, "claims")) {
    Result<std::vector<LabelledText>> claims = Records(ReadLabelledTexts(args.tasks + "/claims.jsonl", {"part"}));
    if (!claims) return Fail(claims.error());
    Result<SliceEvaluation> e = EvaluateSliceModel(*claims, "claims", "part", ClaimsFeatureSet(), ExtractClaimFeatures,
                                                   options.claim_buckets, options);
    if (!e) return Fail(e.error());
    results.slices.push_back(std::move(*e));
  }
  if (Wants(args.task, "clickbait")) {
    Result<std::vector<LabelledText>> headlines =
        Records(ReadLabelledTexts(args.tasks + "/clickbait.jsonl", {"random", "publisher"}));
    if (!headlines) return Fail(headlines.error());
    for (const char* split : {"random", "publisher"}) {
      Result<SliceEvaluation> e = EvaluateSliceModel(*headlines, "clickbait", split, ClickbaitFeatureSet(),
                                                     ExtractHeadlineFeatures, options.clickbait_buckets, options);
      if (!e) return Fail(e.error());
      results.slices.push_back(std::move(*e));
      results.slices.push_back(EvaluateClickbaitRule(*headlines, split));
    }
  }

  if (args.format == "json") {
    nlohmann::ordered_json j;
    if (have_propaganda) j["propaganda"] = PropagandaJson(results.propaganda);
    j["sentences"] = nlohmann::ordered_json::array();
    for (const SliceEvaluation& e : results.slices) j["sentences"].push_back(SliceJson(e));
    std::cout << j.dump(1) << "\n";
    return kExitOk;
  }
  if (have_propaganda) std::cout << PropagandaText(results.propaganda) << "\n";
  if (!results.slices.empty()) {
    std::cout << "check-worthy claims (ClaimBuster two-class test) and clickbait headlines (Chakraborty et al.): "
                 "the positive class's P, R, F1 at the threshold chosen on validation\n"
              << "  task      split     model                   n      P      R     F1    acc  macF1    AUC    ECE  thr\n";
    for (const SliceEvaluation& e : results.slices) std::cout << SliceText(e);
  }
  return kExitOk;
}

}  // namespace credence::internal
