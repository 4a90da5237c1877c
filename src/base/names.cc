// Stable names of the public enums, shared by the JSON and text writers.
#include "credence/annotations.h"
#include "credence/article.h"
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

}  // namespace credence
