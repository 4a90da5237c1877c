// Analyzer: the stages of credence in order (extract -> text -> cues) over
// one Document, returning a Report.
//
//   credence::Result<credence::Analyzer> analyzer = credence::Analyzer::Create({});
//   if (!analyzer) return analyzer.error();
//   credence::Result<credence::Document> doc = credence::Document::FromBytes(text);
//   credence::Report report = analyzer->Analyze(*doc);
//
// An Analyzer loads its word lists once; afterwards Analyze() cannot fail and
// is safe to call from several threads at once on one shared Analyzer.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "credence/document.h"
#include "credence/fact_checks.h"
#include "credence/html.h"
#include "credence/report.h"
#include "credence/status.h"

namespace credence {

class Model;

struct AnalyzerOptions {
  // Hunspell dictionary, as the path without extension of a .aff/.dic pair.
  // Default: Debian's hunspell-en-us. When missing, the spelling cue is off
  // and every Report says so in its warnings.
  std::string spelling_dictionary = "/usr/share/hunspell/en_US";
  // Further dictionaries a word may be in to count as spelled right, so that
  // British spellings ("organised") are not errors. Missing ones are skipped.
  std::vector<std::string> extra_spelling_dictionaries = {"/usr/share/hunspell/en_GB"};
  // The content model (model.h) that gives each Report its verdict.
  // nullopt (the default): the model that ships with credence
  // (DefaultModelPath()); when none is found, reports carry no verdict and
  // say so in their warnings. "": no model. A path: that model, and Create
  // fails when it cannot be loaded.
  std::optional<std::string> model_path;
  // The folder of the learned detectors' models (detections.h: propaganda
  // techniques, check-worthy claims, clickbait headline). nullopt (the
  // default): the shipped ones, each missing one turned off with a warning
  // (without the clickbait model the clickbait_headline cue falls back to a
  // hand-written rule). "": none of them. A folder: all four from it, and
  // Create fails when one cannot be loaded.
  std::optional<std::string> learned_models;
  // The fact-check index (fact_checks.h, docs/fact-checks.md) that the
  // headline and the check-worthy sentences are matched against. nullopt
  // (the default): $CREDENCE_FACTCHECKS, else the user's index (written by
  // `credence factchecks add`), else the built-in one; when none is found,
  // reports say so in their fact_checks section. "": no matching. A path:
  // that index, and Create fails when it cannot be opened.
  std::optional<std::string> fact_check_index;
  // Whether to look the Document's url up in the site-reputation table
  // (reputation.h). Default: on.
  bool site_reputation = true;
};

class Analyzer {
 public:
  // Returns an Analyzer with the word lists of data/ loaded.
  // Fails with kDataError when a bundled list is malformed.
  [[nodiscard]] static Result<Analyzer> Create(const AnalyzerOptions& options);

  Analyzer(Analyzer&&) noexcept;
  Analyzer& operator=(Analyzer&&) noexcept;
  ~Analyzer();

  // Returns the model that scores reports, or nullptr when there is none.
  const Model* model() const;

  // The fact-checks most like `text` (a claim or a sentence) in the
  // Analyzer's fact-check index, most probable first: at most `k`, each
  // with a re-ranker probability of at least `min_score`. Fails with
  // kNotFound (and the reason) when no index is open, kTooLarge for text over
  // 4,096 bytes (a claim, not an article). Thread-safe.
  [[nodiscard]] Result<std::vector<FactCheckMatch>> SearchFactChecks(std::string_view text, std::size_t k,
                                                                    double min_score) const;
  // Fact-checks in the open index (0 when none is open).
  std::size_t fact_check_count() const;

  // What this Analyzer would use but could not load, each with why ("verdict
  // off: no model found ...", "learned detectors off: ..."): empty when every
  // model and index it looked for is open. A part turned off by its option
  // ("" for a path) is not listed.
  std::vector<std::string> Unavailable() const;

  // Returns the report for `document`.
  Report Analyze(const Document& document) const;

  // Returns the report for a web page read by ExtractHtml: `document` holds
  // html.text (Document::FromBytes(html.text, ...)), and the article found
  // in the page's markup is used instead of the plain-text page cleaner.
  Report Analyze(const Document& document, const HtmlArticle& html) const;

 private:
  struct Impl;
  explicit Analyzer(std::unique_ptr<Impl> impl);
  Report AnalyzeArticle(const Document& document, Article article) const;
  std::unique_ptr<Impl> impl_;
};

}  // namespace credence
