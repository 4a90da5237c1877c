// The options that choose an Analyzer's models, shared by analyze, batch and
// serve: --model (the content model behind the verdict) and --learned-models
// (the folder of the learned detectors' models) and --factchecks (the
// fact-check index the claims are matched against).
#pragma once

#include <string>

#include <CLI/CLI.hpp>

#include "credence/analyzer.h"

namespace credence::internal {

struct ModelArgs {
  std::string model;                 // --model FILE; "" = no verdict
  bool model_given = false;          // whether --model was on the command line
  std::string learned_models;        // --learned-models DIR; "" = no learned detectors
  bool learned_models_given = false;
  std::string fact_checks;           // --factchecks INDEX; "" = no fact-check matching
  bool fact_checks_given = false;
};

// Adds --model, --learned-models and --factchecks to `cmd`.
void AddModelOptions(CLI::App* cmd, ModelArgs* args);

// Sets the models of `options` from what the command line gave (the
// shipped ones for what it did not).
void ApplyModelOptions(const ModelArgs& args, AnalyzerOptions* options);

}  // namespace credence::internal
