// `credence train` and `credence eval`. Both run the Analyzer without a
// model (so training never sees a verdict) and without the spelling
// dictionary's absence being fatal; progress goes to standard error, results
// to standard output.
#include "cli/model_commands.h"

#include <bit>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include "cli/exit_codes.h"
#include "credence/analyzer.h"
#include "credence/model.h"
#include "io/eval_report_writer.h"
#include "model/features.h"
#include "model/metrics.h"
#include "pipeline/corpus_features.h"
#include "pipeline/experiment.h"

namespace credence::internal {
namespace {

int Threads(int requested) {
  if (requested > 0) return requested;
  return std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
}

double SecondsSince(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

Result<Analyzer> FeatureAnalyzer() {
  AnalyzerOptions options;
  options.model_path = "";  // features come from the stages before the model
  options.site_reputation = false;
  return Analyzer::Create(options);
}

std::string BucketsCheck(const std::string& value) {
  unsigned long long n = 0;
  try {
    n = std::stoull(value);
  } catch (...) {
    return "not a number: " + value;
  }
  if (n < 1024 || n > (1ull << 24) || !std::has_single_bit(n)) return "must be a power of two from 1024 to 16777216";
  return "";
}

}  // namespace

CLI::App* AddTrainCommand(CLI::App& app, TrainArgs* args) {
  CLI::App* cmd = app.add_subcommand("train", "Train the content model on a labelled corpus and write the model file");
  cmd->add_option("--corpus", args->corpus, "Corpus folder made by tools/build_corpus.py (uses splits/SPLIT/)");
  cmd->add_option("--split", args->split, "Which split of --corpus to train on")
      ->check(CLI::IsMember({"site", "random"}))
      ->capture_default_str();
  auto* train = cmd->add_option("--train", args->train_file, "Training JSONL file (instead of --corpus)");
  auto* valid = cmd->add_option("--valid", args->valid_file, "Validation JSONL file for L2 choice and calibration");
  train->needs(valid);
  valid->needs(train);
  auto* out = cmd->add_option("--out", args->out, "Model file to write");
  auto* tasks = cmd->add_option("--tasks", args->tasks,
                                "Folder made by tools/build_task_data.py: train the learned detectors' models instead");
  auto* out_dir = cmd->add_option("--out-dir", args->out_dir, "With --tasks: folder to write the models into");
  cmd->add_option("--task", args->task, "With --tasks: which detector to train")
      ->check(CLI::IsMember({"all", "propaganda", "claims", "clickbait"}))
      ->capture_default_str()
      ->needs(tasks);
  tasks->excludes(out)->needs(out_dir);
  out_dir->needs(tasks);
  cmd->add_option("--buckets", args->buckets, "Hash buckets for n-grams (power of two)")
      ->check(CLI::Validator(BucketsCheck, "POW2", "POW2"))
      ->capture_default_str();
  cmd->add_option("--threads", args->threads, "Worker threads (0 = all cores)")->check(CLI::Range(0, 256));
  cmd->add_option("--l2", args->l2, "L2 strengths to try, best on validation kept")->check(CLI::PositiveNumber);
  cmd->add_option("--run-id", args->run_id, "Identifier stored in the model (at most 63 bytes)");
  return cmd;
}

CLI::App* AddEvalCommand(CLI::App& app, EvalArgs* args) {
  CLI::App* cmd = app.add_subcommand("eval", "Measure the content model: the whole experiment on a corpus, or one "
                                             "model on test files");
  auto* corpus = cmd->add_option("--corpus", args->corpus,
                                 "Corpus folder made by tools/build_corpus.py: trains and tests on the site and random "
                                 "splits and across datasets");
  auto* model = cmd->add_option("--model", args->model, "Model file to evaluate on --test files");
  auto* tests = cmd->add_option("--test", args->tests, "Labelled JSONL test files (with --model)");
  auto* tasks = cmd->add_option("--tasks", args->tasks,
                                "Folder made by tools/build_task_data.py: evaluate the learned detectors (propaganda "
                                "techniques, check-worthy claims, clickbait headlines)");
  cmd->add_option("--task", args->task, "With --tasks: which detector to evaluate")
      ->check(CLI::IsMember({"all", "propaganda", "claims", "clickbait"}))
      ->capture_default_str()
      ->needs(tasks);
  cmd->add_option("--folds", args->folds, "With --tasks: how many of the 5 propaganda folds to test (a quick look)")
      ->check(CLI::Range(1, 5))
      ->capture_default_str()
      ->needs(tasks);
  cmd->add_option("--l2", args->l2, "With --tasks: L2 strengths to try, best on validation kept")
      ->check(CLI::PositiveNumber)
      ->needs(tasks);
  corpus->excludes(model);
  tasks->excludes(corpus)->excludes(model);
  model->needs(tests);
  tests->needs(model);
  cmd->add_option("--report", args->report_dir, "With --corpus: write an HTML page and results.json here");
  cmd->add_option("--predictions", args->predictions,
                  "With --model: write each test record's id, dataset, label and probability as JSON lines here")
      ->needs(model);
  cmd->add_option("--format", args->format, "Output format")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
  cmd->add_option("--buckets", args->buckets, "Hash buckets for the models trained with --corpus")
      ->check(CLI::Validator(BucketsCheck, "POW2", "POW2"))
      ->capture_default_str();
  cmd->add_option("--threads", args->threads,
                  "Worker threads for --corpus (0 = all cores); --model timings are one thread")
      ->check(CLI::Range(0, 256));
  return cmd;
}

int RunTrainCommand(const TrainArgs& args) {
  if (!args.tasks.empty()) return RunTrainTasks(args);
  if (args.out.empty()) return Fail(Status(StatusCode::kInvalidArgument, "give --out FILE (or --tasks DIR --out-dir DIR)"));
  std::string train_path = args.train_file, valid_path = args.valid_file;
  if (train_path.empty()) {
    if (args.corpus.empty()) return Fail(Status(StatusCode::kInvalidArgument, "give --corpus DIR or --train and --valid"));
    train_path = args.corpus + "/splits/" + args.split + "/train.jsonl";
    valid_path = args.corpus + "/splits/" + args.split + "/valid.jsonl";
  }
  Result<Analyzer> analyzer = FeatureAnalyzer();
  if (!analyzer) return Fail(analyzer.error());
  const int threads = Threads(args.threads);
  const auto start = std::chrono::steady_clock::now();
  Result<std::vector<CorpusRecord>> train = ReadCorpusRecords(train_path, std::cerr);
  if (!train) return Fail(train.error());
  Result<std::vector<CorpusRecord>> valid = ReadCorpusRecords(valid_path, std::cerr);
  if (!valid) return Fail(valid.error());
  FeaturizedCorpus train_f = FeaturizeRecords(*analyzer, *train, args.buckets, threads);
  FeaturizedCorpus valid_f = FeaturizeRecords(*analyzer, *valid, args.buckets, threads);
  for (const auto* f : {&train_f, &valid_f})
    for (const std::string& e : f->errors) std::cerr << "credence: skipped " << e << "\n";
  std::cerr << "credence: featurized " << train->size() << " + " << valid->size() << " records in "
            << SecondsSince(start) << " s on " << threads << " threads\n";

  TrainOptions options{.num_buckets = args.buckets,
                       .num_dense = static_cast<std::uint32_t>(DenseFeatureNames().size()),
                       .threads = threads,
                       .head_name = "unreliable"};
  if (!args.l2.empty()) options.l2_grid = args.l2;
  const std::string run_id = args.run_id.empty() ? (args.train_file.empty() ? args.split : "custom") + "-n" +
                                                       std::to_string(train->size())
                                                 : args.run_id;
  const auto fit_start = std::chrono::steady_clock::now();
  Result<TrainedModel> model = TrainModel(train_f.examples, valid_f.examples, options);
  if (!model) return Fail(model.error());
  const ModelParams params{.feature_set = std::string(kContentFeatureSet),
                           .dense_names = DenseFeatureNames(),
                           .num_buckets = args.buckets,
                           .run_id = run_id,
                           .heads = {model->head}};
  if (Status s = WriteModelFile(args.out, params); !s.ok()) return Fail(s);

  std::vector<bool> labels;
  for (const CorpusRecord& r : *valid) labels.push_back(r.unreliable);
  const BinaryMetrics m =
      ComputeMetrics(HeadProbabilities(model->head, valid_f.examples), labels, model->head.decision_threshold);
  std::error_code ec;
  std::cout << "model " << args.out << " (" << std::filesystem::file_size(args.out, ec) << " bytes, run "
            << run_id << ")\n"
            << "trained in " << SecondsSince(fit_start) << " s (" << model->iterations << " iterations), "
            << SecondsSince(start) << " s in all\n"
            << "L2 " << model->l2 << "; decision threshold " << model->head.decision_threshold << "; Platt scale " << model->platt_scale << " shift " << model->platt_shift << "\n"
            << "validation: AUC " << m.roc_auc << ", macro-F1 " << m.macro_f1 << ", Brier " << m.brier << ", ECE "
            << m.ece << " (" << m.count << " records)\n";
  return kExitOk;
}

int RunEvalCommand(const EvalArgs& args) {
  if (!args.tasks.empty()) return RunEvalTasks(args);
  Result<Analyzer> analyzer = FeatureAnalyzer();
  if (!analyzer) return Fail(analyzer.error());
  const int threads = Threads(args.threads);
  if (!args.corpus.empty()) {
    Result<ExperimentResults> results =
        RunExperiment(*analyzer, args.corpus, {.num_buckets = args.buckets, .threads = threads}, std::cerr);
    if (!results) return Fail(results.error());
    if (!args.report_dir.empty()) {
      if (Status s = WriteEvalReport(args.report_dir, *results); !s.ok()) return Fail(s);
      std::cerr << "credence: wrote " << args.report_dir << "/index.html\n";
    }
    if (args.format == "json") {
      nlohmann::ordered_json j = {{"rows", EvalRowsToJson(results->rows, false)},
                                  {"cross", EvalRowsToJson(results->cross, false)},
                                  {"notes", results->notes}};
      std::cout << j.dump(1) << "\n";
    } else {
      std::cout << EvalRowsToText(results->rows) << "\n" << CrossTableToText(results->cross) << "\n";
      for (const std::string& n : results->notes) std::cout << "note: " << n << "\n";
    }
    return kExitOk;
  }
  if (args.model.empty()) return Fail(Status(StatusCode::kInvalidArgument, "give --corpus DIR, or --model FILE --test FILE"));

  Result<Model> model = Model::Load(args.model);
  if (!model) return Fail(model.error());
  std::ofstream predictions;
  if (!args.predictions.empty()) {
    predictions.open(args.predictions, std::ios::binary | std::ios::trunc);
    if (!predictions) return Fail(Status(StatusCode::kIoError, "cannot write " + args.predictions));
  }
  nlohmann::ordered_json json_out = nlohmann::ordered_json::array();
  std::vector<EvalRow> rows;
  for (const std::string& test : args.tests) {
    Result<std::vector<CorpusRecord>> records = ReadCorpusRecords(test, std::cerr);
    if (!records) return Fail(records.error());
    // Time the whole path a user runs (analyze + score) and the model's own
    // part (features + score) on reports made beforehand.
    std::vector<Report> reports(records->size());
    std::vector<Result<Document>> docs;
    docs.reserve(records->size());
    std::size_t bytes = 0;
    for (const CorpusRecord& r : *records) {
      docs.push_back(Document::FromBytes(r.text, {.url = r.url, .title = r.title}));
      bytes += r.text.size();
    }
    const auto analyze_start = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < docs.size(); ++i)
      if (docs[i]) reports[i] = analyzer->Analyze(*docs[i]);
    const double analyze_s = SecondsSince(analyze_start);
    std::vector<double> p(records->size(), 0.5);
    const auto score_start = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < docs.size(); ++i)
      if (docs[i]) p[i] = model->Score(docs[i]->text(), reports[i], 0).probability_unreliable;
    const double score_s = SecondsSince(score_start);
    if (predictions.is_open())
      for (std::size_t i = 0; i < records->size(); ++i) {
        const CorpusRecord& r = (*records)[i];
        nlohmann::ordered_json line = {{"id", r.id}, {"dataset", r.dataset}, {"domain", r.domain},
                                       {"label", r.unreliable ? "unreliable" : "reliable"},
                                       {"probability_unreliable", p[i]}, {"error", docs[i] ? "" : docs[i].error().ToString()}};
        predictions << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
      }
    std::vector<EvalRow> these = RowsByDataset("file", model->id(), test, *records, p, model->decision_threshold());
    const double n = static_cast<double>(records->size());
    nlohmann::ordered_json speed = {{"records", records->size()},
                                    {"bytes", bytes},
                                    {"model_seconds", score_s},
                                    {"model_articles_per_second", n / score_s},
                                    {"analyze_and_model_seconds", analyze_s + score_s},
                                    {"analyze_and_model_articles_per_second", n / (analyze_s + score_s)}};
    json_out.push_back({{"test", test}, {"rows", EvalRowsToJson(these, false)}, {"speed_one_thread", speed}});
    if (args.format == "text") {
      std::cout << EvalRowsToText(these);
      std::cout << "speed (one thread): model " << n / score_s << " articles/s; analyze + model "
                << n / (analyze_s + score_s) << " articles/s (" << bytes / (analyze_s + score_s) / 1e6 << " MB/s)\n\n";
    }
  }
  if (args.format == "json") std::cout << json_out.dump(1) << "\n";
  if (predictions.is_open() && !predictions.flush()) return Fail(Status(StatusCode::kIoError, "cannot write " + args.predictions));
  return kExitOk;
}

}  // namespace credence::internal
