// `credence --version` (version_text.h).
#include "cli/version_text.h"

#include "credence/model.h"
#include "credence/report.h"
#include "factcheck/index_location.h"
#include "learned/learned_models.h"

namespace credence::internal {
namespace {

std::string OrNotFound(const std::string& path) { return path.empty() ? "not found" : path; }

std::string BuildDescription() {
  std::string build;
#ifdef NDEBUG
  build = "optimised";
#else
  build = "debug";
#endif
#if defined(__SANITIZE_ADDRESS__)
  build += ", AddressSanitizer";
#endif
#ifdef __VERSION__
  build += ", compiler " + std::string(__VERSION__);
#endif
  return build;
}

}  // namespace

std::string VersionText() {
  std::string text = "credence " + std::string(CREDENCE_VERSION) + "\n";
  text += "report schema " + std::string(kReportSchemaVersion) + "\n";
  text += "build: " + BuildDescription() + "\n";
  text += "content model: " + OrNotFound(DefaultModelPath()) + "\n";
  text += "learned detectors: " + OrNotFound(DefaultLearnedModelDir()) + "\n";
  text += "fact-check index: " + OrNotFound(FindFactCheckIndex("")) + "\n";
  text += "fact-check re-ranker: " + OrNotFound(ShippedRerankerPath());
  return text;
}

}  // namespace credence::internal
