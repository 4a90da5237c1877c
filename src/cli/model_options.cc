// --model and --learned-models (model_options.h).
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
}

void ApplyModelOptions(const ModelArgs& args, AnalyzerOptions* options) {
  if (args.model_given) options->model_path = args.model;
  if (args.learned_models_given) options->learned_models = args.learned_models;
}

}  // namespace credence::internal
