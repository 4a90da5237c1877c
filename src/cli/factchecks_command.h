// `credence factchecks`: the fact-check collections credence matches claims
// against (docs/fact-checks.md).
//   build FILE... -o INDEX          an index of these collections (JSONL or ClaimReview, .gz too)
//   add FILE... [--index INDEX]     add collections to an index (created from the built-in one when missing)
//   search TEXT [--index INDEX]     the fact-checks that match a claim
//   train --retrieval DIR -o MODEL  the re-ranker, from CheckThat! 2020 task 2's train part, tuned on dev
//   eval --retrieval DIR            MAP@1, MAP@5, MRR@5, Recall@10 of BM25 alone and re-ranked
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace credence::internal {

struct FactChecksArgs {
  std::vector<std::string> inputs;  // build, add: collection files
  std::string index;                // --index / -o for build
  std::string reranker;             // --reranker: the re-ranker model ("" = the shipped one; "none" = BM25 alone)
  std::string text;                 // search: the claim, "-" for standard input
  std::size_t k = 5;                // search: matches shown
  double min_score = 0.0;           // search: the lowest probability shown
  std::string format = "text";      // search, eval: text or json
  std::string retrieval;            // train, eval: the folder tools/build_factchecks.py wrote (retrieval/)
  std::string part = "dev";         // eval: dev, or a queries file
  std::string out;                  // train: the model written
  std::size_t max_bytes = std::size_t{1} << 30;
  int threads = 0;
  bool timing = false;              // search: --timing
};

// Adds the `factchecks` command and its subcommands to `app`; `*args` must outlive `app`.
CLI::App* AddFactChecksCommand(CLI::App& app, FactChecksArgs* args);

// Runs the subcommand parsed. Bad records are reported on standard error
// and skipped; the exit code says whether the command could do its work.
int RunFactChecksCommand(CLI::App* command, const FactChecksArgs& args);

}  // namespace credence::internal
