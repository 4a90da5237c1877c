// LearnedModels: the four model files behind the learned detectors, loaded
// once and shared read-only by every analysis (see detections.h):
//
//   credence-propaganda-spans.bin       which tokens lie in a propaganda passage
//   credence-propaganda-techniques.bin  which of the 14 techniques a passage uses (14 heads)
//   credence-claims.bin                 how check-worthy a sentence is
//   credence-clickbait.bin              how much a headline reads as clickbait
//
// Immutable once loaded; safe to share between threads.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "credence/detections.h"
#include "credence/status.h"
#include "model/model_file.h"

namespace credence::internal {

inline constexpr const char* kSpansModelFile = "credence-propaganda-spans.bin";
inline constexpr const char* kTechniquesModelFile = "credence-propaganda-techniques.bin";
inline constexpr const char* kClaimsModelFile = "credence-claims.bin";
inline constexpr const char* kClickbaitModelFile = "credence-clickbait.bin";

struct LearnedModels {
  std::optional<ModelFile> spans;
  std::optional<ModelFile> techniques;
  std::array<Technique, kTechniqueCount> technique_of_head{};  // techniques' head k -> technique
  std::optional<ModelFile> claims;
  std::optional<ModelFile> clickbait;
  std::vector<std::string> warnings;  // which detectors are off, and why

  bool any() const { return spans || claims || clickbait; }
};

// Returns the folder that holds the shipped learned models:
// $CREDENCE_LEARNED_MODELS if set, else the first of the executable's folder,
// ../share/credence from it, and data/ of the source tree it was built from
// that holds credence-claims.bin. Returns "" when none does.
std::string DefaultLearnedModelDir();

// Loads the four models from `dir`. With `required`, any file that is
// missing or refused fails the call (a folder the user named); without, it
// turns its detector off with a warning (the default folder). The two
// propaganda models work together: one without the other turns both off.
[[nodiscard]] Result<LearnedModels> LoadLearnedModels(const std::string& dir, bool required);

}  // namespace credence::internal
