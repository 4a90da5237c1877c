// `credence analyze`: reads one article (a file or standard input), runs the
// Analyzer over it and prints the report as text or JSON.
#pragma once

#include <cstddef>
#include <string>

#include <CLI/CLI.hpp>

#include "cli/model_options.h"

namespace credence::internal {

// The options of `credence analyze`, filled in by CLI11.
struct AnalyzeArgs {
  std::string input = "-";       // FILE, or "-" for standard input
  std::string format = "text";   // "text" or "json"
  std::string title;             // --title: a headline given beside the text
  std::string url;               // --url: where the article came from
  std::size_t max_bytes = std::size_t{256} << 20;  // --max-bytes: larger inputs are refused
  bool compact = false;          // --compact: JSON on one line
  std::string dictionary;        // --dictionary: hunspell .aff/.dic path without extension; "" = default
  bool dictionary_given = false;  // whether --dictionary was on the command line
  ModelArgs models;  // --model, --learned-models
  std::string color = "auto";    // --color: auto, always or never
  bool html = false;             // --html: the input is a web page
  bool text = false;             // --text: the input is plain text even if it looks like HTML
};

// Adds the `analyze` subcommand to `app`, storing what it parses in `*args`,
// which must outlive `app`. Returns the subcommand.
CLI::App* AddAnalyzeCommand(CLI::App& app, AnalyzeArgs* args);

// Runs `credence analyze` with `args`: writes the report to standard output
// in one go, the report's warnings and any error to standard error.
// Returns the exit code (docs/exit-codes.md).
int RunAnalyzeCommand(const AnalyzeArgs& args);

}  // namespace credence::internal
