// `credence factchecks` (factchecks_command.h): building and extending the
// index, searching it, and training and measuring the re-ranker.
#include "cli/factchecks_command.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <thread>
#include <unordered_map>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "cli/byte_size.h"
#include "cli/exit_codes.h"
#include "factcheck/article_matching.h"
#include "factcheck/collection_reader.h"
#include "factcheck/fact_check_index.h"
#include "factcheck/fact_check_json.h"
#include "factcheck/fact_check_matcher.h"
#include "factcheck/index_location.h"
#include "factcheck/retrieval_evaluation.h"
#include "io/input_reader.h"
#include "model/model_file.h"

namespace credence::internal {
namespace {

using nlohmann::json;

// Reads the collections, reporting bad records; fails when a file cannot be read or holds no record.
Result<std::vector<FactCheck>> ReadCollections(const std::vector<std::string>& files, std::size_t max_bytes) {
  std::vector<FactCheck> all;
  for (const std::string& file : files) {
    Result<std::string> bytes = ReadInput(file, max_bytes);
    if (!bytes) return tl::unexpected(bytes.error());
    Result<FactCheckCollection> c = ReadFactCheckCollection(*bytes, file == "-" ? "stdin" : file);
    if (!c) return tl::unexpected(c.error());
    for (const std::string& e : c->errors) std::cerr << "credence: skipped: " << e << "\n";
    if (c->records.empty())
      return Error(StatusCode::kDataError, file + ": no fact-check could be read (" + std::to_string(c->errors.size()) + " bad records)");
    std::cerr << "credence: " << file << ": " << c->records.size() << " fact-checks read, " << c->errors.size() << " skipped\n";
    for (FactCheck& f : c->records) all.push_back(std::move(f));
  }
  return all;
}

// Later records replace earlier ones with the same id; the order of first appearance is kept.
std::vector<FactCheck> UniqueById(std::vector<FactCheck> records, std::size_t* replaced) {
  std::unordered_map<std::string, std::size_t> where;
  std::vector<FactCheck> out;
  for (FactCheck& f : records) {
    auto [it, fresh] = where.emplace(f.id, out.size());
    if (fresh) {
      out.push_back(std::move(f));
    } else {
      out[it->second] = std::move(f);
      ++*replaced;
    }
  }
  return out;
}

int Build(const FactChecksArgs& args, std::vector<FactCheck> existing, const std::string& index_path) {
  Result<std::vector<FactCheck>> added = ReadCollections(args.inputs, args.max_bytes);
  if (!added) return Fail(added.error());
  const std::size_t before = existing.size();
  for (FactCheck& f : *added) existing.push_back(std::move(f));
  std::size_t replaced = 0;
  const std::vector<FactCheck> records = UniqueById(std::move(existing), &replaced);
  std::error_code ec;
  const std::filesystem::path parent = std::filesystem::path(index_path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  const auto start = std::chrono::steady_clock::now();
  if (Status s = WriteFactCheckIndex(index_path, records); !s.ok()) return Fail(s);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cerr << "credence: wrote " << index_path << ": " << records.size() << " fact-checks (" << before << " there before, "
            << added->size() << " read, " << replaced << " replaced by id) in " << seconds << " s\n";
  return kExitOk;
}

std::string RerankerPath(const FactChecksArgs& args) {
  if (args.reranker == "none") return "";
  return args.reranker.empty() ? ShippedRerankerPath() : args.reranker;
}

int Search(const FactChecksArgs& args) {
  const std::string index_path = FindFactCheckIndex(args.index);
  if (index_path.empty()) return Fail(Status(StatusCode::kNotFound, "no fact-check index: build one with `credence factchecks build` or give --index"));
  const auto open_start = std::chrono::steady_clock::now();
  Result<FactCheckMatcher> matcher = FactCheckMatcher::Open(index_path, RerankerPath(args));
  if (!matcher) return Fail(matcher.error());
  const double open_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - open_start).count();
  std::string text = args.text;
  if (text == "-") {
    Result<std::string> in = ReadInput("-", args.max_bytes);
    if (!in) return Fail(in.error());
    text = *in;
  }
  if (Status s = CheckSearchText(text); !s.ok()) return Fail(s);
  const auto search_start = std::chrono::steady_clock::now();
  const std::vector<FactCheckMatch> matches = matcher->Match(text, args.k, args.min_score);
  const double search_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - search_start).count();
  if (args.timing)
    std::fprintf(stderr, "credence: index of %zu fact-checks opened and checked in %.2f ms; search %.3f ms\n", matcher->index().size(),
                 open_ms, search_ms);
  if (args.format == "json") {
    json out = {{"index", index_path}, {"reranked", matcher->has_reranker()}, {"matches", json::array()}};
    for (const FactCheckMatch& m : matches) {
      out["matches"].push_back(FactCheckMatchToJson(m));
    }
    std::cout << out.dump(2) << "\n";
  } else {
    if (matches.empty()) std::cout << "No fact-check matches.\n";
    for (const FactCheckMatch& m : matches) {
      const FactCheck& f = m.fact_check;
      std::printf("%.2f  %s%s%s\n", matcher->has_reranker() ? m.score : m.bm25, f.publisher.empty() ? "?" : f.publisher.c_str(),
                  f.verdict.empty() ? ", no verdict given" : (": " + f.verdict).c_str(),
                  f.date.empty() ? "" : (", " + f.date).c_str());
      std::printf("      %s\n", f.claim.c_str());
      if (!f.title.empty()) std::printf("      headline: %s\n", f.title.c_str());
      if (!f.url.empty()) std::printf("      %s\n", f.url.c_str());
    }
  }
  if (!std::cout.flush()) return Fail(Status(StatusCode::kIoError, "cannot write the output"));
  return kExitOk;
}

Result<RetrievalQueries> ReadQueries(const std::string& path, std::size_t max_bytes) {
  Result<std::string> bytes = ReadInput(path, max_bytes);
  if (!bytes) return tl::unexpected(bytes.error());
  Result<RetrievalQueries> q = ReadRetrievalQueries(*bytes, path);
  if (q)
    for (const std::string& e : q->errors) std::cerr << "credence: skipped: " << e << "\n";
  return q;
}

// The task's collection (retrieval/vclaims.jsonl) indexed in a temporary file.
Result<FactCheckIndex> TaskIndex(const FactChecksArgs& args) {
  const std::string collection = (std::filesystem::path(args.retrieval) / "vclaims.jsonl").string();
  Result<std::string> bytes = ReadInput(collection, args.max_bytes);
  if (!bytes) return tl::unexpected(bytes.error());
  Result<FactCheckCollection> c = ReadFactCheckCollection(*bytes, collection);
  if (!c) return tl::unexpected(c.error());
  std::string temp = (std::filesystem::temp_directory_path() / "credence-task-index-XXXXXX").string();
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) return Error(StatusCode::kIoError, "cannot make a temporary file in " + std::filesystem::temp_directory_path().string());
  ::close(fd);
  std::size_t replaced = 0;
  if (Status s = WriteFactCheckIndex(temp, UniqueById(std::move(c->records), &replaced)); !s.ok()) {
    std::remove(temp.c_str());
    return tl::unexpected(s);
  }
  Result<FactCheckIndex> index = FactCheckIndex::Open(temp);
  std::remove(temp.c_str());  // the mapping stays valid
  return index;
}

int Train(const FactChecksArgs& args) {
  Result<FactCheckIndex> index = TaskIndex(args);
  if (!index) return Fail(index.error());
  Result<RetrievalQueries> train = ReadQueries((std::filesystem::path(args.retrieval) / "train.jsonl").string(), args.max_bytes);
  if (!train) return Fail(train.error());
  Result<RetrievalQueries> dev = ReadQueries((std::filesystem::path(args.retrieval) / "dev.jsonl").string(), args.max_bytes);
  if (!dev) return Fail(dev.error());
  const int threads = args.threads > 0 ? args.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  Result<RetrievalQueries> unmatched = ReadQueries((std::filesystem::path(args.retrieval) / "unmatched.jsonl").string(), args.max_bytes);
  if (!unmatched) return Fail(unmatched.error());
  Result<ModelParams> params = TrainReranker(*index, train->queries, dev->queries, unmatched->queries, threads);
  if (!params) return Fail(params.error());
  if (Status s = WriteModelFile(args.out, *params); !s.ok()) return Fail(s);
  std::cerr << "credence: wrote " << args.out << "\n  feature            order   match\n";
  for (std::size_t k = 0; k < params->dense_names.size(); ++k)
    std::fprintf(stderr, "  %-18s %6.2f %7.2f\n", params->dense_names[k].c_str(), params->heads[0].weights[params->num_buckets + k],
                 params->heads[1].weights[params->num_buckets + k]);
  return kExitOk;
}

int Eval(const FactChecksArgs& args) {
  Result<FactCheckIndex> index = TaskIndex(args);
  if (!index) return Fail(index.error());
  const std::string part = args.part == "dev" || args.part == "train" || args.part == "unmatched"
                               ? (std::filesystem::path(args.retrieval) / (args.part + ".jsonl")).string()
                               : args.part;
  Result<RetrievalQueries> queries = ReadQueries(part, args.max_bytes);
  if (!queries) return Fail(queries.error());
  std::vector<std::pair<std::string, RetrievalScores>> rows;
  const FactCheckMatcher bm25(*index, std::nullopt);
  rows.emplace_back("bm25", ScoreRankings(RankQueries(bm25, queries->queries), queries->queries));
  const std::string reranker = RerankerPath(args);
  std::optional<MatchRates> rates;
  if (!reranker.empty()) {
    Result<ModelFile> model = ModelFile::Open(reranker, RerankFeatureSetId());
    if (!model) return Fail(model.error());
    const FactCheckMatcher reranked(*index, std::move(*model));
    rows.emplace_back("reranked", ScoreRankings(RankQueries(reranked, queries->queries), queries->queries));
    rates = MeasureMatchRates(reranked, queries->queries, kReportMatchScore);
  }
  if (args.format == "json") {
    json out = {{"queries", queries->queries.size()}, {"fact_checks", index->size()}, {"part", part}};
    if (rates)
      out["at_report_score"] = {{"min_score", kReportMatchScore}, {"matched", rates->matched}, {"matched_shown", rates->matched_shown},
                                {"matched_right", rates->matched_right}, {"unmatched", rates->unmatched},
                                {"unmatched_shown", rates->unmatched_shown}};
    for (const auto& [name, s] : rows)
      out[name] = {{"map_at_1", s.map_at_1}, {"map_at_5", s.map_at_5}, {"mrr_at_5", s.mrr_at_5},
                   {"recall_at_10", s.recall_at_10}, {"recall_at_candidates", s.recall_at_candidates}};
    std::cout << out.dump(2) << "\n";
  } else {
    std::printf("%zu queries of %s against %zu fact-checks (%zu candidates each)\n", queries->queries.size(), part.c_str(),
                index->size(), kRerankCandidates);
    std::printf("%-10s %7s %7s %7s %9s %12s\n", "ranking", "MAP@1", "MAP@5", "MRR@5", "Recall@10", "Recall@cand");
    for (const auto& [name, s] : rows)
      std::printf("%-10s %7.3f %7.3f %7.3f %9.3f %12.3f\n", name.c_str(), s.map_at_1, s.map_at_5, s.mrr_at_5, s.recall_at_10,
                  s.recall_at_candidates);
    if (rates) {
      std::printf("at the report's score (%.2f):", kReportMatchScore);
      if (rates->matched > 0)
        std::printf(" %zu of %zu passages with a fact-check get a match, %zu of them the right one (%.1f%%);", rates->matched_shown,
                    rates->matched, rates->matched_right, 100.0 * rates->matched_right / std::max<std::size_t>(1, rates->matched_shown));
      if (rates->unmatched > 0)
        std::printf(" %zu of %zu passages without one get a match anyway (%.1f%%)", rates->unmatched_shown, rates->unmatched,
                    100.0 * rates->unmatched_shown / rates->unmatched);
      std::printf("\n");
    }
  }
  if (!std::cout.flush()) return Fail(Status(StatusCode::kIoError, "cannot write the output"));
  return kExitOk;
}

}  // namespace

CLI::App* AddFactChecksCommand(CLI::App& app, FactChecksArgs* args) {
  CLI::App* cmd = app.add_subcommand("factchecks", "Fact-check collections: build, add to, search; train and measure the matching");
  cmd->require_subcommand(1);
  auto max_bytes = [&](CLI::App* sub) {
    sub->add_option("--max-bytes", args->max_bytes, "Refuse input files larger than this; K, M, G suffixes. Default 1G")
        ->transform(CLI::Validator(ByteSizeToDigits, "SIZE", "SIZE"));
  };
  CLI::App* build = cmd->add_subcommand("build", "Index fact-check collections (credence JSONL or ClaimReview JSON-LD, .gz too)");
  build->add_option("FILE", args->inputs, "Collections; - reads standard input")->required();
  build->add_option("-o,--out", args->index, "The index file written")->required();
  max_bytes(build);
  CLI::App* add = cmd->add_subcommand(
      "add", "Add collections to an index; a record with an id already there replaces it. Without --index: the user's "
             "index ($XDG_DATA_HOME/credence/factchecks.idx), created from the built-in one when missing");
  add->add_option("FILE", args->inputs, "Collections; - reads standard input")->required();
  add->add_option("--index", args->index, "The index to add to (created when missing)");
  max_bytes(add);
  CLI::App* search = cmd->add_subcommand("search", "The fact-checks that match a claim, best first");
  search->add_option("TEXT", args->text, "The claim or passage; - reads standard input")->required();
  search->add_option("--index", args->index, "The index (default: $CREDENCE_FACTCHECKS, the user's, the built-in)");
  search->add_option("--reranker", args->reranker, "The re-ranker model; none ranks by BM25 alone (default: the shipped one)");
  search->add_option("-k", args->k, "Matches shown")->capture_default_str()->check(CLI::Range(1, 1000));
  search->add_option("--min-score", args->min_score, "The lowest re-ranker probability shown")->check(CLI::Range(0.0, 1.0));
  search->add_option("--format", args->format, "text or json")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
  search->add_flag("--timing", args->timing, "Print how long opening the index and searching took on standard error");
  max_bytes(search);
  CLI::App* train = cmd->add_subcommand("train", "Train the re-ranker on CheckThat! 2020 task 2 (tools/build_factchecks.py's retrieval/)");
  train->add_option("--retrieval", args->retrieval, "The folder with vclaims.jsonl, train.jsonl, dev.jsonl")->required();
  train->add_option("-o,--out", args->out, "The model file written")->required();
  train->add_option("--threads", args->threads, "Threads (default: all cores)");
  CLI::App* eval = cmd->add_subcommand("eval", "MAP@1, MAP@5, MRR@5, Recall@10 of BM25 alone and re-ranked");
  eval->add_option("--retrieval", args->retrieval, "The folder with vclaims.jsonl and the parts")->required();
  eval->add_option("--part", args->part, "dev, train, unmatched, or a queries file {id, text, relevant}")->capture_default_str();
  eval->add_option("--reranker", args->reranker, "The re-ranker model; none: BM25 alone (default: the shipped one)");
  eval->add_option("--format", args->format, "text or json")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
  return cmd;
}

int RunFactChecksCommand(CLI::App* command, const FactChecksArgs& args) {
  if (command->get_subcommand("build")->parsed()) return Build(args, {}, args.index);
  if (command->get_subcommand("add")->parsed()) {
    const std::string index_path = args.index.empty() ? UserIndexPath() : args.index;
    if (index_path.empty()) return Fail(Status(StatusCode::kInvalidArgument, "no --index and no home folder for the user's index"));
    std::error_code ec;
    std::string base = std::filesystem::exists(index_path, ec) ? index_path : BuiltInIndexPath();
    std::vector<FactCheck> existing;
    if (!base.empty()) {
      Result<FactCheckIndex> index = FactCheckIndex::Open(base);
      if (!index) return Fail(index.error());
      existing = index->AllRecords();
    }
    return Build(args, std::move(existing), index_path);
  }
  if (command->get_subcommand("search")->parsed()) return Search(args);
  if (command->get_subcommand("train")->parsed()) return Train(args);
  if (command->get_subcommand("eval")->parsed()) return Eval(args);
  return kExitUsage;
}

}  // namespace credence::internal
