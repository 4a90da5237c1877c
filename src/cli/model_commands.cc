// `credence train` and `credence eval`. Both run the Analyzer without a
// model (so training never sees a verdict) and without the spelling
// dictionary's absence being fatal; progress goes to standard error, results
// to standard output.
#include "cli/model_commands.h"

#include <algorithm>
#include <bit>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <thread>

#include "cli/exit_codes.h"
#include "credence/analyzer.h"
#include "credence/model.h"
#include "io/eval_report_writer.h"
#include "model/features.h"
#include "model/metrics.h"
#include "model/model_file.h"
#include "model/ngram_weights.h"
#include "model/sufficiency.h"
#include "pipeline/content_training.h"
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

ContentTraining ToSetup(const ContentTrainingArgs& a) {
  ContentTraining setup;
  setup.features.mask_names = !a.keep_names;
  setup.sign_constraints = !a.no_sign_constraints;
  setup.weighting.balance_datasets = !a.no_balance_datasets;
  setup.weighting.balance_labels = !a.no_balance_labels;
  setup.weighting.site_label_weight = a.site_label_weight;
  setup.select_by_dataset_auc = !a.pooled_auc;
  setup.ngrams_agree = a.ngrams_agree;
  setup.max_training_per_dataset = a.max_per_dataset;
  setup.exclude_datasets = a.exclude_datasets;
  return setup;
}

bool Has(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

std::string Fixed3(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  return buf;
}

}  // namespace

void AddContentTrainingOptions(CLI::App* cmd, ContentTrainingArgs* args) {
  cmd->add_flag("--keep-names", args->keep_names,
                "Read names as written (default: capitalised names are read as one word, <name>)");
  cmd->add_flag("--no-sign-constraints", args->no_sign_constraints,
                "Let cues that mean 'less credible' take weights of either sign (default: >= 0)");
  cmd->add_flag("--no-balance-datasets", args->no_balance_datasets,
                "Every article weighs 1 (default: each dataset weighs the same in all)");
  cmd->add_flag("--no-balance-labels", args->no_balance_labels,
                "A dataset's labels weigh as they come (default: its two labels weigh the same)");
  cmd->add_flag("--pooled-auc", args->pooled_auc,
                "Choose L2 by the pooled validation ROC-AUC (default: the mean of the datasets')");
  cmd->add_flag("--ngrams-agree", args->ngrams_agree,
                "Favour only n-grams that lean the same way in every dataset that holds them");
  cmd->add_option("--site-label-weight", args->site_label_weight,
                  "Weight of an article whose label is its site's (label_level \"site\")")
      ->check(CLI::Range(0.0, 10.0))
      ->capture_default_str();
  cmd->add_option("--max-per-dataset", args->max_per_dataset,
                  "At most this many training articles from one dataset (0: all)")
      ->capture_default_str();
  cmd->add_option("--exclude-dataset", args->exclude_datasets, "Leave this dataset out of training (repeatable)");
}

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
  AddContentTrainingOptions(cmd, &args->content);
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
  cmd->add_option("--l2", args->l2, "With --tasks or --corpus: L2 strengths to try, best on validation kept")
      ->check(CLI::PositiveNumber);
  corpus->excludes(model);
  tasks->excludes(corpus)->excludes(model);
  model->needs(tests);
  tests->needs(model);
  cmd->add_option("--report", args->report_dir, "With --corpus: write an HTML page and results.json here");
  cmd->add_option("--predictions", args->predictions,
                  "With --model: write each test record's id, dataset, label and probability as JSON lines here")
      ->needs(model);
  cmd->add_option("--top-ngrams", args->top_ngrams,
                  "With --model: list the model's N strongest n-grams each way, as the test files hold them, and every dense feature's weight with its meaning")
      ->check(CLI::Range(1, 1000))
      ->needs(model);
  cmd->add_option("--format", args->format, "Output format")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
  cmd->add_option("--buckets", args->buckets, "Hash buckets for the models trained with --corpus")
      ->check(CLI::Validator(BucketsCheck, "POW2", "POW2"))
      ->capture_default_str();
  cmd->add_option("--threads", args->threads,
                  "Worker threads for --corpus (0 = all cores); --model timings are one thread")
      ->check(CLI::Range(0, 256));
  cmd->add_option("--experiments", args->experiments,
                  "With --corpus: which evaluations to run: site (always), random, cross (one dataset to another), lodo "
                  "(leave one dataset out)")
      ->check(CLI::IsMember({"site", "random", "cross", "lodo"}))
      ->delimiter(',')
      ->capture_default_str();
  AddContentTrainingOptions(cmd, &args->content);
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
  const ContentTraining setup = ToSetup(args.content);
  Result<std::vector<CorpusRecord>> train = ReadCorpusRecords(train_path, std::cerr);
  if (!train) return Fail(train.error());
  Result<std::vector<CorpusRecord>> valid = ReadCorpusRecords(valid_path, std::cerr);
  if (!valid) return Fail(valid.error());
  *train = WithoutExcluded(std::move(*train), setup);
  *valid = WithoutExcluded(std::move(*valid), setup);
  const std::size_t read = train->size();
  *train = WithinTrainingCap(std::move(*train), setup);
  if (train->size() < read)
    std::cerr << "credence: training on " << train->size() << " of " << read << " records (at most "
              << setup.max_training_per_dataset << " per dataset)\n";
  FeaturizedCorpus train_f = FeaturizeRecords(*analyzer, *train, args.buckets, threads, setup.features);
  FeaturizedCorpus valid_f = FeaturizeRecords(*analyzer, *valid, args.buckets, threads, setup.features);
  WeighExamples(*train, setup.weighting, &train_f.examples);
  SetDatasetGroups(*valid, &valid_f.examples);
  for (const auto* f : {&train_f, &valid_f})
    for (const std::string& e : f->errors) std::cerr << "credence: skipped " << e << "\n";
  std::cerr << "credence: featurized " << train->size() << " + " << valid->size() << " records in "
            << SecondsSince(start) << " s on " << threads << " threads\n";

  TrainOptions options = ContentTrainOptions(args.buckets, threads, setup);
  if (!args.l2.empty()) options.l2_grid = args.l2;
  const std::string run_id = args.run_id.empty() ? (args.train_file.empty() ? args.split : "custom") + "-n" +
                                                       std::to_string(train->size())
                                                 : args.run_id;
  const auto fit_start = std::chrono::steady_clock::now();
  Result<TrainedModel> model = TrainModel(train_f.examples, valid_f.examples, options);
  if (!model) return Fail(model.error());
  const ModelParams params{.feature_set = std::string(ContentFeatureSetName(setup.features)),
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
        RunExperiment(*analyzer, args.corpus,
                      {.num_buckets = args.buckets,
                       .threads = threads,
                       .l2_grid = args.l2.empty() ? TrainOptions{}.l2_grid : args.l2,
                       .setup = ToSetup(args.content),
                       .random_split = Has(args.experiments, "random"),
                       .cross_dataset = Has(args.experiments, "cross"),
                       .leave_one_out = Has(args.experiments, "lodo")},
                      std::cerr);
    if (!results) return Fail(results.error());
    if (!args.report_dir.empty()) {
      if (Status s = WriteEvalReport(args.report_dir, *results); !s.ok()) return Fail(s);
      std::cerr << "credence: wrote " << args.report_dir << "/index.html\n";
    }
    if (args.format == "json") {
      nlohmann::ordered_json j = {{"rows", EvalRowsToJson(results->rows, false)},
                                  {"cross", EvalRowsToJson(results->cross, false)},
                                  {"lodo", EvalRowsToJson(results->lodo, false)},
                                  {"notes", results->notes}};
      std::cout << j.dump(1) << "\n";
    } else {
      std::cout << EvalRowsToText(results->rows) << "\n" << CrossTableToText(results->cross) << "\n"
                << LodoTableToText(results->lodo) << "\n";
      for (const std::string& n : results->notes) std::cout << "note: " << n << "\n";
    }
    return kExitOk;
  }
  if (args.model.empty()) return Fail(Status(StatusCode::kInvalidArgument, "give --corpus DIR, or --model FILE --test FILE"));

  Result<Model> model = Model::Load(args.model);
  if (!model) return Fail(model.error());
  // For --top-ngrams: the weights by bucket and how the model reads words.
  std::optional<ModelFile> weights;
  ContentFeatureOptions features;
  if (args.top_ngrams > 0) {
    Result<ModelFile> file = ModelFile::Open(args.model, {std::string(kContentFeatureSet), DenseFeatureNames()});
    if (!file) {
      file = ModelFile::Open(args.model, {std::string(kContentUnmaskedFeatureSet), DenseFeatureNames()});
      features.mask_names = false;
    }
    if (!file) return Fail(file.error());
    weights = std::move(*file);
  }
  std::optional<NgramTally> tally;
  if (weights) tally.emplace(weights->head(0).weights, weights->num_buckets());
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
    if (tally)
      for (std::size_t i = 0; i < docs.size(); ++i)
        if (docs[i]) tally->Add(docs[i]->text(), reports[i], features);
    if (predictions.is_open())
      for (std::size_t i = 0; i < records->size(); ++i) {
        const CorpusRecord& r = (*records)[i];
        nlohmann::ordered_json line = {{"id", r.id}, {"dataset", r.dataset}, {"domain", r.domain},
                                       {"label", r.unreliable ? "unreliable" : "reliable"},
                                       {"probability_unreliable", p[i]}, {"error", docs[i] ? "" : docs[i].error().ToString()}};
        if (docs[i]) {  // what decides `insufficient`, for choosing its limits from data
          const ArticleTextMeasures m = MeasureArticleText(docs[i]->text(), reports[i]);
          line["words"] = m.words;
          line["running_words"] = m.running_words;
          line["link_words"] = m.link_words;
          line["english_share"] = m.english_share;
          line["insufficient_reason"] = InsufficientReason(m);
        }
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
  if (tally) {
    nlohmann::ordered_json strongest;
    for (const bool up : {true, false}) {
      const std::vector<NamedNgram> top = tally->Strongest(args.top_ngrams, up);
      nlohmann::ordered_json list = nlohmann::ordered_json::array();
      if (args.format == "text")
        std::cout << "strongest n-grams towards " << (up ? "unreliable" : "reliable") << " (weight, articles holding it):\n";
      for (const NamedNgram& g : top) {
        const std::string name = (g.kind == FeatureKind::kHeadline ? "headline: " : "") + g.name;
        list.push_back({{"ngram", g.name}, {"kind", FeatureKindName(g.kind)}, {"weight", g.weight},
                        {"documents", g.documents}, {"bucket_names", g.bucket_names}});
        if (args.format == "text")
          std::cout << "  " << (g.weight >= 0 ? "+" : "") << Fixed3(g.weight) << "  " << name << " (" << g.documents
                    << ")\n";
      }
      strongest[up ? "unreliable" : "reliable"] = std::move(list);
    }
    if (args.format == "json") json_out.push_back({{"strongest_ngrams", strongest}});
    // The dense features' weights beside their meaning: a "raises" feature
    // (a cue of lesser credibility) must never lower the score.
    const std::vector<float>& w = weights->head(0).weights;
    const std::vector<std::string>& names = DenseFeatureNames();
    const std::vector<DenseDirection>& directions = DenseFeatureDirections();
    nlohmann::ordered_json dense = nlohmann::ordered_json::array();
    if (args.format == "text") std::cout << "dense feature weights (meaning: raises = may only raise unreliability):\n";
    for (std::size_t k = 0; k < names.size(); ++k) {
      const float weight = w[weights->num_buckets() + k];
      const char* meaning = directions[k] == DenseDirection::kRaises ? "raises" : "either";
      dense.push_back({{"feature", names[k]}, {"weight", weight}, {"meaning", meaning}});
      if (args.format == "text")
        std::cout << "  " << (weight >= 0 ? "+" : "") << Fixed3(weight) << "  " << names[k] << " (" << meaning << ")\n";
    }
    if (args.format == "json") json_out.push_back({{"dense_weights", dense}});
  }
  if (args.format == "json") std::cout << json_out.dump(1) << "\n";
  if (predictions.is_open() && !predictions.flush()) return Fail(Status(StatusCode::kIoError, "cannot write " + args.predictions));
  return kExitOk;
}

}  // namespace credence::internal
