// The Analyzer runs the stages in order, each reading the last one's output:
// extract (Article) -> text (Structure) -> cues (quotes, attributions, cues)
// -> learned (techniques, claims, headline) -> model (verdict).
#include "credence/analyzer.h"

#include <string>

#include "credence/model.h"
#include "credence/reputation.h"

#include "cues/attribution_finder.h"
#include "cues/cue_context.h"
#include "cues/cue_detectors.h"
#include "cues/phrase_lexicon.h"
#include "cues/quote_finder.h"
#include "cues/spell_checker.h"
#include "extract/page_cleaner.h"
#include "learned/learned_models.h"
#include "learned/learned_stage.h"
#include "factcheck/article_matching.h"
#include "factcheck/index_location.h"
#include "text/structure_builder.h"

namespace credence {

struct Analyzer::Impl {
  std::unique_ptr<internal::SpellChecker> speller;
  std::string speller_warning;  // why spelling is off, or ""
  std::optional<Model> model;
  std::string model_warning;    // why there is no verdict, or ""
  internal::LearnedModels learned;  // the learned detectors' models; their warnings say which are off
  std::optional<internal::FactCheckMatcher> fact_checks;
  std::string fact_check_note;  // why no index is searched, or ""
  std::string fact_check_index;  // the index's path
  bool fact_checks_turned_off = false;  // by the options, not for want of an index
  bool site_reputation = true;
};

Analyzer::Analyzer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;
Analyzer::~Analyzer() = default;

namespace {

// Opens the fact-check index and the re-ranker; a default one missing or
// damaged leaves a note in every report, one asked for by name is an error.
struct FactCheckSetup {
  std::optional<internal::FactCheckMatcher> fact_checks;
  std::string fact_check_note;
  std::string fact_check_index;
  bool turned_off = false;
};

Status OpenFactChecks(const AnalyzerOptions& options, FactCheckSetup* impl) {
  if (options.fact_check_index && options.fact_check_index->empty()) {
    impl->fact_check_note = "fact-check matching turned off";
    impl->turned_off = true;
    return Status::Ok();
  }
  const std::string index = internal::FindFactCheckIndex(options.fact_check_index.value_or(""));
  const std::string reranker = internal::ShippedRerankerPath();
  if (index.empty() || reranker.empty()) {
    impl->fact_check_note = index.empty() ? "no fact-check index found (build one with `credence factchecks build`, or set CREDENCE_FACTCHECKS)"
                                          : "no fact-check re-ranker found (" + std::string(internal::kRerankerName) + ")";
    return options.fact_check_index ? Status(StatusCode::kNotFound, impl->fact_check_note) : Status::Ok();
  }
  Result<internal::FactCheckMatcher> matcher = internal::FactCheckMatcher::Open(index, reranker);
  if (!matcher) {
    if (options.fact_check_index) return matcher.error();
    impl->fact_check_note = "fact-check matching off: " + matcher.error().message();
    return Status::Ok();
  }
  impl->fact_checks.emplace(std::move(*matcher));
  impl->fact_check_index = index;
  return Status::Ok();
}

}  // namespace

Result<Analyzer> Analyzer::Create(const AnalyzerOptions& options) {
  auto impl = std::make_unique<Impl>();
  if (!options.spelling_dictionary.empty()) {
    Result<std::unique_ptr<internal::SpellChecker>> speller =
        internal::SpellChecker::Open(options.spelling_dictionary);
    if (speller) {
      impl->speller = std::move(*speller);
      for (const std::string& extra : options.extra_spelling_dictionaries)
        (void)impl->speller->AddDictionary(extra);  // optional: a missing one only narrows what counts as right
    } else {
      impl->speller_warning = "spelling cue off: " + speller.error().message();
    }
  } else {
    impl->speller_warning = "spelling cue off: no dictionary configured";
  }
  const std::string model_path = options.model_path.value_or(DefaultModelPath());
  if (!model_path.empty()) {
    Result<Model> model = Model::Load(model_path);
    if (!model) {
      if (options.model_path) return tl::unexpected(model.error());  // asked for by name: a hard error
      impl->model_warning = "verdict off: " + model.error().message();
    } else {
      impl->model.emplace(std::move(*model));
    }
  } else if (!options.model_path) {
    impl->model_warning = "verdict off: no model found (set CREDENCE_MODEL or pass --model)";
  }
  if (!options.learned_models || !options.learned_models->empty()) {
    const std::string dir = options.learned_models.value_or(internal::DefaultLearnedModelDir());
    if (dir.empty()) {
      impl->learned.warnings.push_back(
          "learned detectors off: no models found (set CREDENCE_LEARNED_MODELS or pass --learned-models)");
    } else {
      Result<internal::LearnedModels> learned = internal::LoadLearnedModels(dir, options.learned_models.has_value());
      if (!learned) return tl::unexpected(learned.error());
      impl->learned = std::move(*learned);
    }
  }
  FactCheckSetup fact_checks;
  if (Status s = OpenFactChecks(options, &fact_checks); !s.ok()) return tl::unexpected(s);
  impl->fact_checks = std::move(fact_checks.fact_checks);
  impl->fact_check_note = std::move(fact_checks.fact_check_note);
  impl->fact_check_index = std::move(fact_checks.fact_check_index);
  impl->fact_checks_turned_off = fact_checks.turned_off;
  impl->site_reputation = options.site_reputation;
  return Analyzer(std::move(impl));
}

Result<std::vector<FactCheckMatch>> Analyzer::SearchFactChecks(std::string_view text, std::size_t k,
                                                               double min_score) const {
  if (!impl_->fact_checks) return Error(StatusCode::kNotFound, impl_->fact_check_note);
  if (Status s = internal::CheckSearchText(text); !s.ok()) return tl::unexpected(s);
  return impl_->fact_checks->Match(text, k, min_score);
}

std::size_t Analyzer::fact_check_count() const { return impl_->fact_checks ? impl_->fact_checks->index().size() : 0; }

std::vector<std::string> Analyzer::Unavailable() const {
  std::vector<std::string> out;
  if (!impl_->model_warning.empty()) out.push_back(impl_->model_warning);
  out.insert(out.end(), impl_->learned.warnings.begin(), impl_->learned.warnings.end());
  if (!impl_->fact_checks && !impl_->fact_checks_turned_off) out.push_back(impl_->fact_check_note);
  return out;
}

const Model* Analyzer::model() const { return impl_->model ? &*impl_->model : nullptr; }

Report Analyzer::Analyze(const Document& document) const {
  return AnalyzeArticle(document, internal::ExtractArticleFromText(document.text(), document.title()));
}

Report Analyzer::Analyze(const Document& document, const HtmlArticle& html) const {
  Report report = AnalyzeArticle(document, html.article);
  // A link on an attribution's words is the source the article cites.
  for (Attribution& a : report.attributions) {
    for (const PageLink& link : html.page.links) {
      if (link.span.start >= a.span.end) break;  // links are in text order
      if (link.span.Overlaps(a.span)) {
        a.link = link.url;
        break;
      }
    }
  }
  report.page = html.page;
  report.warnings.insert(report.warnings.begin(), html.warnings.begin(), html.warnings.end());
  return report;
}

Report Analyzer::AnalyzeArticle(const Document& document, Article article) const {
  std::string_view text = document.text();
  Report report;
  report.article = std::move(article);
  report.structure = internal::BuildStructure(text, report.article);
  report.attributions = internal::FindAttributions(text, report.structure);
  report.quotes = internal::FindQuotes(text, report.structure);
  internal::LinkQuoteSpeakers(text, report.attributions, report.quotes);

  internal::CueContext ctx{text,
                           report.article,
                           report.structure,
                           report.quotes,
                           report.attributions,
                           impl_->speller.get(),
                           internal::CountWords(report.structure),
                           internal::NormalizeTokens(text, report.structure.tokens)};
  report.cues = internal::DetectAllCues(ctx);
  internal::RunLearnedDetectors(impl_->learned, text, ctx.normalized_tokens, &report);
  if (impl_->fact_checks) {
    internal::MatchArticleFactChecks(*impl_->fact_checks, text, &report);
    report.fact_checks.index = impl_->fact_check_index;
  } else {
    report.fact_checks.note = impl_->fact_check_note;
  }
  if (impl_->model) report.verdict = impl_->model->Score(text, report, ctx.normalized_tokens);
  if (impl_->site_reputation && !document.url().empty()) report.site = LookUpSite(document.url());

  if (document.invalid_utf8_bytes() > 0)
    report.warnings.push_back(std::to_string(document.invalid_utf8_bytes()) +
                              " bytes of invalid UTF-8 replaced (shown as U+FFFD; offsets unchanged)");
  if (document.nul_bytes() > 0)
    report.warnings.push_back(std::to_string(document.nul_bytes()) + " NUL bytes replaced by spaces");
  if (document.control_bytes() > 0)
    report.warnings.push_back(std::to_string(document.control_bytes()) + " control bytes replaced by spaces");
  if (!impl_->speller_warning.empty()) report.warnings.push_back(impl_->speller_warning);
  if (!impl_->model_warning.empty()) report.warnings.push_back(impl_->model_warning);
  report.warnings.insert(report.warnings.end(), impl_->learned.warnings.begin(), impl_->learned.warnings.end());
  return report;
}

}  // namespace credence
