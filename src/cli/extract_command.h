// `credence extract`: finds the article in one or more HTML pages (plain or
// gzipped) and prints its body as text, or everything found as JSON.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace credence::internal {

// The options of `credence extract`, filled in by CLI11.
struct ExtractArgs {
  std::vector<std::string> inputs;  // FILE..., "-" for standard input
  std::string format = "text";      // "text" or "json"
  std::string url;                  // --url: the page's address, to resolve relative links
  std::size_t max_bytes = std::size_t{256} << 20;
  bool compact = false;             // --compact: JSON on one line (always so for several files)
  bool timing = false;              // --timing: pages/s of extraction and of the bare parse on stderr
};

// Adds the `extract` subcommand to `app`; `*args` must outlive `app`.
CLI::App* AddExtractCommand(CLI::App& app, ExtractArgs* args);

// Runs `credence extract`. A page that cannot be read or has no text is
// reported on standard error and the others are still extracted; the exit
// code is that of the first failure (docs/exit-codes.md), else 0.
int RunExtractCommand(const ExtractArgs& args);

}  // namespace credence::internal
