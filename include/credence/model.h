// Model: the trained content model. It hashes an article's word unigrams and
// bigrams (headline apart from body) and adds the Report's cue measures, then
// scores them with a calibrated logistic regression and explains the score.
//
//   credence::Result<credence::Model> model = credence::Model::Load("data/credence-model.bin");
//   if (!model) return model.error();
//   credence::Verdict verdict = model->Score(document.text(), report);
//
// The model file (float16 weights) is read once and decoded to float32. A
// loaded Model is immutable: Score() is const and safe to call from
// many threads at once. File format: docs/model.md (The model file).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "credence/report.h"
#include "credence/status.h"
#include "credence/verdict.h"

namespace credence {

// Returns the path of the model that ships with credence: $CREDENCE_MODEL if
// set, else credence-model.bin beside the running executable, else
// ../share/credence/credence-model.bin from it, else data/ of the source tree
// it was built from. Returns "" when none of these exists.
std::string DefaultModelPath();

class Model {
 public:
  // Maps the model file at `path`. Fails with kNotFound, kIoError, or
  // kDataError when the file is not a credence model of a version this build
  // reads, or is truncated.
  [[nodiscard]] static Result<Model> Load(const std::string& path);

  Model(Model&&) noexcept;
  Model& operator=(Model&&) noexcept;
  ~Model();

  // Returns the verdict on the article of `report`, whose spans point into
  // `text` (the Document's text()); lists the `top_n` largest contributions.
  Verdict Score(std::string_view text, const Report& report, std::size_t top_n = 12) const;

  // The same, given the article's tokens already lower-cased as the cue
  // stage makes them (one string per report.structure.tokens entry, curly
  // apostrophes and quotes folded), so they are not made twice: the
  // Analyzer passes the ones its cues used. A vector of another size is
  // ignored and the tokens are made here.
  Verdict Score(std::string_view text, const Report& report, const std::vector<std::string>& normalized_tokens,
                std::size_t top_n = 12) const;

  // A short identifier: format version, hash buckets and the training run's
  // own id (e.g. "v1/b262144/site-2026-11-24").
  const std::string& id() const;

  // The probability from which evaluation counts a prediction as
  // "unreliable": chosen on the validation sites to maximise macro-F1. The
  // verdict's label uses the fixed bands of verdict.h instead.
  double decision_threshold() const;

 private:
  struct Impl;
  explicit Model(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace credence
