// Helpers for the learned detectors' tests: an article analysed by the
// hand-written stages with its ArticleTokens, and small models made in
// memory whose weights the tests set by hand.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "cues/phrase_lexicon.h"
#include "learned/article_tokens.h"
#include "model/model_file.h"
#include "tests/analyzer_support.h"

namespace credence::testing {

// An analysed text and its tokens as the learned stage reads them. Not
// movable: the tokens point into it.
struct TokenizedArticle {
  explicit TokenizedArticle(std::string text, std::string title = "")
      : analyzed(Analyze(std::move(text), std::move(title))),
        normalized(internal::NormalizeTokens(analyzed.doc.text(), analyzed.report.structure.tokens)),
        tokens(internal::ReadArticleTokens(analyzed.doc.text(), analyzed.report, normalized)) {}
  TokenizedArticle(const TokenizedArticle&) = delete;

  // Returns the index of the `nth` (from 0) token whose text is `word`.
  std::size_t TokenIndex(std::string_view word, int nth = 0) const {
    for (std::size_t t = 0; t < tokens.tokens().size(); ++t)
      if (tokens.View(t) == word && nth-- == 0) return t;
    ADD_FAILURE() << "no token " << word;
    return 0;
  }

  Analyzed analyzed;
  std::vector<std::string> normalized;
  internal::ArticleTokens tokens;
};

// Returns a model over `features` with `heads` heads (named `names` when
// given) whose weights and biases are all 0: a blank to set by hand.
inline internal::ModelParams BlankModel(const internal::FeatureSetId& features, std::uint32_t buckets,
                                        std::vector<std::string> names) {
  internal::ModelParams p{.feature_set = features.name,
                          .dense_names = features.dense_names,
                          .num_buckets = buckets,
                          .run_id = "unit",
                          .heads = {}};
  for (std::string& name : names) {
    internal::ModelHead h;
    h.name = std::move(name);
    h.weights.assign(buckets + features.dense_names.size(), 0.0f);
    p.heads.push_back(std::move(h));
  }
  return p;
}

}  // namespace credence::testing
