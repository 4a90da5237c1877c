// `credence batch`: analyzes many articles — JSONL, CSV, WARC (plain or
// gzipped), folders or globs of .txt/.html files, or standard input — on
// every core, writing one JSONL report (or CSV row) per record in input
// order, with a progress line on a terminal and a summary on standard error.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/model_options.h"

namespace credence::internal {

struct BatchArgs {
  std::vector<std::string> inputs;        // files, folders, globs; "-" = standard input
  std::string output;                     // -o: "" = standard output
  std::string format = "jsonl";           // jsonl or csv
  std::string fields;                     // comma-separated
  std::size_t threads = 0;                // 0 = one per core
  bool unordered = false;
  std::string input_format = "auto";      // auto, jsonl, csv, warc, files
  std::string id_field = "id", url_field = "url", title_field = "title", text_field = "text", html_field = "html";
  std::size_t max_bytes = std::size_t{64} << 20;  // per record
  bool quiet = false;
  bool resume = false;                    // --resume: continue an interrupted run into the same -o file
  ModelArgs models;  // --model, --learned-models
};

CLI::App* AddBatchCommand(CLI::App& app, BatchArgs* args);

// Runs the batch. Bad records become error lines and the batch goes on;
// an input that cannot be opened or read on is reported the same way.
// Returns 0 when the batch ran (record errors are counted in the summary),
// or the exit code of a failure that stops it (bad options, unwritable
// output, a model that cannot be loaded).
int RunBatchCommand(const BatchArgs& args);

}  // namespace credence::internal
