// Stable names of the public enums, shared by the JSON and text writers.
#include "credence/annotations.h"
#include "credence/article.h"
#include "credence/detections.h"
#include "credence/status.h"
#include "credence/verdict.h"

namespace credence {

std::string_view StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return "ok";
    case StatusCode::kInvalidArgument: return "invalid_argument";
    case StatusCode::kNotFound: return "not_found";
    case StatusCode::kIoError: return "io_error";
    case StatusCode::kEmptyInput: return "empty_input";
    case StatusCode::kBinaryInput: return "binary_input";
    case StatusCode::kTooLarge: return "too_large";
    case StatusCode::kDataError: return "data_error";
    case StatusCode::kInternal: return "internal";
  }
  return "unknown";
}

std::string Status::ToString() const {
  if (ok()) return "ok";
  return std::string(StatusCodeName(code_)) + ": " + message_;
}

std::string_view RemovedCategoryName(RemovedCategory category) {
  switch (category) {
    case RemovedCategory::kSiteChrome: return "site_chrome";
    case RemovedCategory::kRelated: return "related";
    case RemovedCategory::kSignature: return "signature";
    case RemovedCategory::kAppeal: return "appeal";
    case RemovedCategory::kWidget: return "widget";
    case RemovedCategory::kCommentPrompt: return "comment_prompt";
    case RemovedCategory::kShare: return "share";
    case RemovedCategory::kCopyright: return "copyright";
    case RemovedCategory::kCaption: return "caption";
  }
  return "unknown";
}

std::string_view SourceKindName(SourceKind kind) {
  switch (kind) {
    case SourceKind::kNamedPerson: return "named_person";
    case SourceKind::kInstitution: return "institution";
    case SourceKind::kMediaOutlet: return "media_outlet";
    case SourceKind::kStateAffiliatedOutlet: return "state_affiliated_outlet";
    case SourceKind::kAnonymous: return "anonymous";
    case SourceKind::kUnattributed: return "unattributed";
  }
  return "unknown";
}

std::string_view VerdictLabelName(VerdictLabel label) {
  switch (label) {
    case VerdictLabel::kReliable: return "reliable";
    case VerdictLabel::kUncertain: return "uncertain";
    case VerdictLabel::kUnreliable: return "unreliable";
    case VerdictLabel::kInsufficient: return "insufficient";
  }
  return "uncertain";
}

std::string_view FeatureKindName(FeatureKind kind) {
  switch (kind) {
    case FeatureKind::kWords: return "words";
    case FeatureKind::kHeadline: return "headline";
    case FeatureKind::kCue: return "cue";
  }
  return "words";
}

namespace {

struct TechniqueNames {
  std::string_view name, corpus_label, title;
};

const TechniqueNames& NamesOf(Technique technique) {
  static constexpr TechniqueNames kNames[kTechniqueCount] = {
      {"appeal_to_authority", "Appeal_to_Authority", "Appeal to authority"},
      {"appeal_to_fear_prejudice", "Appeal_to_fear-prejudice", "Appeal to fear or prejudice"},
      {"bandwagon_reductio_ad_hitlerum", "Bandwagon,Reductio_ad_hitlerum", "Bandwagon, reductio ad Hitlerum"},
      {"black_and_white_fallacy", "Black-and-White_Fallacy", "Black-and-white fallacy"},
      {"causal_oversimplification", "Causal_Oversimplification", "Causal oversimplification"},
      {"doubt", "Doubt", "Doubt"},
      {"exaggeration_minimisation", "Exaggeration,Minimisation", "Exaggeration, minimisation"},
      {"flag_waving", "Flag-Waving", "Flag-waving"},
      {"loaded_language", "Loaded_Language", "Loaded language"},
      {"name_calling_labeling", "Name_Calling,Labeling", "Name calling, labeling"},
      {"repetition", "Repetition", "Repetition"},
      {"slogans", "Slogans", "Slogans"},
      {"thought_terminating_cliches", "Thought-terminating_Cliches", "Thought-terminating cliches"},
      {"whataboutism_straw_men_red_herring", "Whataboutism,Straw_Men,Red_Herring",
       "Whataboutism, straw men, red herring"},
  };
  return kNames[static_cast<int>(technique)];
}

}  // namespace

std::string_view TechniqueName(Technique technique) { return NamesOf(technique).name; }
std::string_view TechniqueCorpusLabel(Technique technique) { return NamesOf(technique).corpus_label; }
std::string_view TechniqueTitle(Technique technique) { return NamesOf(technique).title; }

}  // namespace credence
