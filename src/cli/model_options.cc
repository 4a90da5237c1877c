// --model, --learned-models and --factchecks (model_options.h).
#include "cli/model_options.h"

namespace credence::internal {

void AddModelOptions(CLI::App* cmd, ModelArgs* args) {
  cmd->add_option("--model", args->model,
                  "Content model file for the verdict; \"\" turns the verdict off. Default: the shipped model "
                  "(data/credence-model.bin, or $CREDENCE_MODEL)")
      ->each([args](const std::string&) { args->model_given = true; });
  cmd->add_option("--learned-models", args->learned_models,
                  "Folder of the learned detectors' models (propaganda techniques, check-worthy claims, clickbait "
                  "headline); \"\" turns them off. Default: the shipped ones (data/, or $CREDENCE_LEARNED_MODELS)")
      ->each([args](const std::string&) { args->learned_models_given = true; });
  cmd->add_option("--factchecks", args->fact_checks,
                  "Fact-check index the headline and check-worthy sentences are matched against (credence factchecks "
                  "build/add); \"\" turns matching off. Default: $CREDENCE_FACTCHECKS, the user's index, the built-in one")
      ->each([args](const std::string&) { args->fact_checks_given = true; });
}

void ApplyModelOptions(const ModelArgs& args, AnalyzerOptions* options) {
  if (args.model_given) options->model_path = args.model;
  if (args.learned_models_given) options->learned_models = args.learned_models;
  if (args.fact_checks_given) options->fact_check_index = args.fact_checks;
}

}  // namespace credence::internal
