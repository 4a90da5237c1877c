// The Analyzer runs the stages in order, each reading the last one's output:
// extract (Article) -> text (Structure) -> cues (quotes, attributions, cues).
#include "credence/analyzer.h"

#include <string>

#include "cues/attribution_finder.h"
#include "cues/cue_context.h"
#include "cues/cue_detectors.h"
#include "cues/phrase_lexicon.h"
#include "cues/quote_finder.h"
#include "cues/spell_checker.h"
#include "extract/page_cleaner.h"
#include "text/structure_builder.h"

namespace credence {

struct Analyzer::Impl {
  std::unique_ptr<internal::SpellChecker> speller;
  std::string speller_warning;  // why spelling is off, or ""
};

Analyzer::Analyzer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;
Analyzer::~Analyzer() = default;

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
  return Analyzer(std::move(impl));
}

Report Analyzer::Analyze(const Document& document) const {
  std::string_view text = document.text();
  Report report;
  report.article = internal::ExtractArticleFromText(text, document.title());
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

  if (document.invalid_utf8_bytes() > 0)
    report.warnings.push_back(std::to_string(document.invalid_utf8_bytes()) +
                              " bytes of invalid UTF-8 replaced (shown as U+FFFD; offsets unchanged)");
  if (document.nul_bytes() > 0)
    report.warnings.push_back(std::to_string(document.nul_bytes()) + " NUL bytes replaced by spaces");
  if (document.control_bytes() > 0)
    report.warnings.push_back(std::to_string(document.control_bytes()) + " control bytes replaced by spaces");
  if (!impl_->speller_warning.empty()) report.warnings.push_back(impl_->speller_warning);
  return report;
}

}  // namespace credence
