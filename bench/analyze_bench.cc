// analyze_bench: the speed of credence::Analyzer::Analyze, single-threaded,
// on real scraped news text.
//
// Workloads:
//   BM_AnalyzeCorpus     every non-empty "text" of the JSONL file named by
//                        CREDENCE_BENCH_JSONL (FakeNewsNet: PolitiFact and
//                        GossipCop, ~22k articles, ~80 MB), one Analyze() call
//                        per article, all articles per iteration. Reports
//                        bytes/s and articles/s.
//   BM_AnalyzeSynthetic  one Document of 1 MB and one of 10 MB, made of the
//                        same texts joined with blank lines (repeated if the
//                        corpus is smaller), cut at a UTF-8 boundary. Reports
//                        time per Analyze() call; the 10 MB / 1 MB time ratio
//                        shows whether the pipeline is linear in input size.
// Documents are made before timing starts: only Analyze() is timed.
//
// Environment:
//   CREDENCE_BENCH_JSONL   path of a plain (not gzipped) JSONL file, one JSON
//                          object with a "text" field per line. Every
//                          benchmark skips with a message when it is unset.
//   CREDENCE_BENCH_MAX_MB  optional: read only the first texts, up to this
//                          many MB (10^6 bytes), for a quicker run.
// Flags: the usual Google Benchmark ones, e.g.
//   --benchmark_filter=Corpus  --benchmark_repetitions=5
//   --benchmark_report_aggregates_only=true  --benchmark_format=json
// bench/run.sh builds, fetches the data and runs this with those flags.
#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "credence/analyzer.h"
#include "credence/document.h"

namespace {

struct Corpus {
  std::vector<std::string> texts;  // non-empty texts, in file order
  std::size_t bytes = 0;
  std::string error;  // why the corpus is unavailable, or ""
};

// Reads CREDENCE_BENCH_JSONL once. nlohmann throws on bad JSON, so each
// line's parse is wrapped; a bad line is counted and skipped.
const Corpus& LoadCorpus() {
  static const Corpus* corpus = [] {
    auto* c = new Corpus;
    const char* path = std::getenv("CREDENCE_BENCH_JSONL");
    if (path == nullptr || *path == '\0') {
      c->error = "CREDENCE_BENCH_JSONL is not set: skipping (bench/run.sh sets it)";
      return c;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      c->error = std::string("cannot open CREDENCE_BENCH_JSONL=") + path;
      return c;
    }
    std::size_t max_bytes = SIZE_MAX;
    if (const char* cap = std::getenv("CREDENCE_BENCH_MAX_MB"); cap != nullptr && *cap != '\0')
      max_bytes = static_cast<std::size_t>(std::strtoull(cap, nullptr, 10)) * 1000000;
    std::string line;
    std::size_t bad = 0;
    while (c->bytes < max_bytes && std::getline(in, line)) {
      if (line.empty()) continue;
      try {
        nlohmann::json j = nlohmann::json::parse(line);
        auto it = j.find("text");
        if (it == j.end() || !it->is_string()) continue;
        std::string text = it->get<std::string>();
        if (text.find_first_not_of(" \t\r\n\f\v") == std::string::npos) continue;
        c->bytes += text.size();
        c->texts.push_back(std::move(text));
      } catch (const nlohmann::json::exception&) {
        ++bad;
      }
    }
    if (bad > 0) std::fprintf(stderr, "analyze_bench: %zu unparsable JSONL lines skipped\n", bad);
    if (c->texts.empty()) c->error = std::string("no texts in ") + path;
    return c;
  }();
  return *corpus;
}

const credence::Analyzer* SharedAnalyzer(std::string* error) {
  static credence::Result<credence::Analyzer> analyzer = credence::Analyzer::Create({});
  if (!analyzer) {
    *error = "Analyzer::Create failed: " + analyzer.error().ToString();
    return nullptr;
  }
  return &*analyzer;
}

// Returns the shared Analyzer, or null after marking `state` skipped when the
// corpus or the Analyzer could not be had.
const credence::Analyzer* Prepare(const Corpus& corpus, benchmark::State& state) {
  if (!corpus.error.empty()) {
    state.SkipWithError(corpus.error.c_str());
    return nullptr;
  }
  std::string error;
  const credence::Analyzer* analyzer = SharedAnalyzer(&error);
  if (analyzer == nullptr) state.SkipWithError(error.c_str());
  return analyzer;
}

void BM_AnalyzeCorpus(benchmark::State& state) {
  const Corpus& corpus = LoadCorpus();
  const credence::Analyzer* analyzer = Prepare(corpus, state);
  if (analyzer == nullptr) return;
  std::vector<credence::Document> docs;
  std::size_t bytes = 0;
  docs.reserve(corpus.texts.size());
  for (const std::string& text : corpus.texts) {
    credence::Result<credence::Document> doc = credence::Document::FromBytes(text);
    if (!doc) continue;  // e.g. binary-looking crawl failures
    bytes += doc->size();
    docs.push_back(std::move(*doc));
  }
  for (auto _ : state) {
    for (const credence::Document& doc : docs) {
      credence::Report report = analyzer->Analyze(doc);
      benchmark::DoNotOptimize(report);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(bytes));
  state.counters["articles/s"] = benchmark::Counter(
      static_cast<double>(state.iterations()) * static_cast<double>(docs.size()), benchmark::Counter::kIsRate);
  state.counters["articles"] = static_cast<double>(docs.size());
}
BENCHMARK(BM_AnalyzeCorpus)->Unit(benchmark::kMillisecond);

// Returns the corpus texts joined with blank lines, repeated until `size`
// bytes, cut back to the last UTF-8 character boundary at or below `size`.
std::string SyntheticText(const Corpus& corpus, std::size_t size) {
  std::string out;
  out.reserve(size + 4);
  while (out.size() < size) {
    for (const std::string& text : corpus.texts) {
      if (!out.empty()) out += "\n\n";
      out += text;
      if (out.size() >= size) break;
    }
  }
  std::size_t cut = size;
  while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
  out.resize(cut);
  return out;
}

void BM_AnalyzeSynthetic(benchmark::State& state) {
  const Corpus& corpus = LoadCorpus();
  const credence::Analyzer* analyzer = Prepare(corpus, state);
  if (analyzer == nullptr) return;
  const std::size_t size = static_cast<std::size_t>(state.range(0)) << 20;
  credence::Result<credence::Document> doc = credence::Document::FromBytes(SyntheticText(corpus, size));
  if (!doc) {
    state.SkipWithError(("Document::FromBytes failed: " + doc.error().ToString()).c_str());
    return;
  }
  for (auto _ : state) {
    credence::Report report = analyzer->Analyze(*doc);
    benchmark::DoNotOptimize(report);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(doc->size()));
}
BENCHMARK(BM_AnalyzeSynthetic)->ArgName("MB")->Arg(1)->Arg(10)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
