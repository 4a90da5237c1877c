// Finding and loading the learned detectors' model files.
#include "learned/learned_models.h"

#include <cstdlib>

#include "learned/propaganda_features.h"
#include "model/shipped_files.h"
#include "learned/sentence_features.h"

namespace credence::internal {
namespace {

// Maps each head of the technique model to its technique by the corpus label
// it was trained on; every technique must have exactly one head.
Status MapTechniqueHeads(const ModelFile& model, const std::string& path,
                         std::array<Technique, kTechniqueCount>* technique_of_head) {
  if (model.heads().size() != kTechniqueCount)
    return Status(StatusCode::kDataError, "model " + path + ": " + std::to_string(model.heads().size()) +
                                              " heads, expected one per technique (14)");
  std::array<bool, kTechniqueCount> seen{};
  for (std::size_t k = 0; k < model.heads().size(); ++k) {
    bool found = false;
    for (int t = 0; t < kTechniqueCount; ++t) {
      if (model.head(k).name == TechniqueCorpusLabel(static_cast<Technique>(t)) && !seen[t]) {
        (*technique_of_head)[k] = static_cast<Technique>(t);
        seen[t] = found = true;
        break;
      }
    }
    if (!found) return Status(StatusCode::kDataError, "model " + path + ": head '" + model.head(k).name +
                                                          "' is not a technique, or repeats one");
  }
  return Status::Ok();
}

}  // namespace

std::string DefaultLearnedModelDir() {
  if (const char* env = std::getenv("CREDENCE_LEARNED_MODELS"); env != nullptr && *env != '\0') return env;
  return FindShippedFolder(kClaimsModelFile);
}

Result<LearnedModels> LoadLearnedModels(const std::string& dir, bool required) {
  LearnedModels models;
  // Loads one file; returns false (with a warning, or failing) when it cannot.
  Status failure = Status::Ok();
  auto load = [&](const char* file, const FeatureSetId& features, const char* what) -> std::optional<ModelFile> {
    const std::string path = dir + "/" + file;
    Result<ModelFile> m = ModelFile::Open(path, features);
    if (m) return std::move(*m);
    if (required && failure.ok()) failure = m.error();
    models.warnings.push_back(std::string(what) + " off: " + m.error().message());
    return std::nullopt;
  };
  // The two propaganda models work together: the second is not tried (nor
  // warned about) without the first, and one without the other is off.
  models.spans = load(kSpansModelFile, PropagandaSpansFeatureSet(), "propaganda techniques");
  if (models.spans) models.techniques = load(kTechniquesModelFile, PropagandaTechniquesFeatureSet(), "propaganda techniques");
  if (models.techniques) {
    const std::string path = dir + "/" + kTechniquesModelFile;
    if (Status s = MapTechniqueHeads(*models.techniques, path, &models.technique_of_head); !s.ok()) {
      if (required && failure.ok()) failure = s;
      models.warnings.push_back("propaganda techniques off: " + s.message());
      models.techniques.reset();
    }
  }
  if (!models.techniques) models.spans.reset();
  models.claims = load(kClaimsModelFile, ClaimsFeatureSet(), "check-worthy claims");
  models.clickbait = load(kClickbaitModelFile, ClickbaitFeatureSet(), "clickbait model (the hand-written headline rule is used)");
  if (!failure.ok()) return tl::unexpected(failure);
  return models;
}

}  // namespace credence::internal
