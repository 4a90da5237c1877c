// Model: scores an article's features with the loaded weights and explains
// the score. Platt calibration is folded into the stored weights at training
// time, so the logit computed here is already calibrated and the listed
// contributions add up to it exactly.
#include "credence/model.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "model/features.h"
#include "model/model_file.h"
#include "model/shipped_files.h"
#include "model/sufficiency.h"
#include "model/verdict_reasons.h"

namespace credence {
namespace {

constexpr char kShippedModelFile[] = "credence-model.bin";

}  // namespace

VerdictLabel LabelForProbability(double p) {
  if (p < kReliableBelow) return VerdictLabel::kReliable;
  if (p >= kUnreliableFrom) return VerdictLabel::kUnreliable;
  return VerdictLabel::kUncertain;
}

std::string DefaultModelPath() {
  if (const char* env = std::getenv("CREDENCE_MODEL"); env != nullptr && *env != '\0') return env;
  const std::string folder = internal::FindShippedFolder(kShippedModelFile);
  return folder.empty() ? "" : folder + "/" + kShippedModelFile;
}

struct Model::Impl {
  internal::ModelFile file;
  std::string id;
  internal::ContentFeatureOptions features;  // as the file's feature set says
};

Model::Model(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Model::Model(Model&&) noexcept = default;
Model& Model::operator=(Model&&) noexcept = default;
Model::~Model() = default;

Result<Model> Model::Load(const std::string& path) {
  // Models trained before names were masked are still read, as they were trained.
  internal::ContentFeatureOptions features{.mask_names = true};
  Result<internal::ModelFile> file = internal::ModelFile::Open(
      path, {std::string(internal::kContentFeatureSet), internal::DenseFeatureNames()});
  if (!file) {
    Result<internal::ModelFile> unmasked = internal::ModelFile::Open(
        path, {std::string(internal::kContentUnmaskedFeatureSet), internal::DenseFeatureNames()});
    if (!unmasked) return tl::unexpected(file.error());
    file = std::move(unmasked);
    features.mask_names = false;
  }
  if (file->heads().size() != 1) return Error(StatusCode::kDataError, "model " + path + ": a content model has one head");
  auto impl = std::make_unique<Impl>(Impl{std::move(*file), "", features});
  impl->id = impl->file.id();
  return Model(std::move(impl));
}

const std::string& Model::id() const { return impl_->id; }
double Model::decision_threshold() const { return impl_->file.head(0).decision_threshold; }

namespace {

constexpr std::size_t kMaxSpansPerFeature = 20;
// How many of the largest contributions the reasons are made from.
constexpr std::size_t kReasonCandidates = 40;

// The spans behind a dense feature: a cue's evidence, or the attributions of a kind.
std::vector<Span> DenseSpans(const std::string& name, const Report& report) {
  std::vector<Span> spans;
  for (const Cue& c : report.cues)
    if (name == "cue:" + std::string(GetCueInfo(c.id).name)) spans = c.evidence;
  for (const Attribution& a : report.attributions)
    if (name == "attributions:" + std::string(SourceKindName(a.kind))) spans.push_back(a.span);
  if (name == "quotes_per_100_words")
    for (const Quote& q : report.quotes) spans.push_back(q.span);
  if (spans.size() > kMaxSpansPerFeature) spans.resize(kMaxSpansPerFeature);
  return spans;
}

}  // namespace

Verdict Model::Score(std::string_view text, const Report& report, std::size_t top_n) const {
  return Score(text, report, {}, top_n);
}

Verdict Model::Score(std::string_view text, const Report& report, const std::vector<std::string>& normalized_tokens,
                     std::size_t top_n) const {
  const internal::ModelFile& file = impl_->file;
  const internal::ModelFile::Head& head = file.head(0);
  const std::uint32_t buckets = file.num_buckets();
  const internal::ArticleFeatures f =
      internal::ExtractFeatures(text, report, buckets, &normalized_tokens, impl_->features);

  std::vector<double> contribution(f.entries.size());
  for (std::size_t i = 0; i < f.entries.size(); ++i)
    contribution[i] = static_cast<double>(head.weights[f.entries[i].index]) * f.entries[i].value;

  std::vector<std::size_t> order(f.entries.size());
  std::iota(order.begin(), order.end(), 0);
  const std::size_t shown = std::min(top_n, order.size());
  // The reasons group more features than are listed, so that n-grams that
  // say one thing are seen together.
  const std::size_t explained = std::min(std::max(top_n, kReasonCandidates), order.size());
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(explained), order.end(),
                    [&](std::size_t a, std::size_t b) {
                      const double da = std::abs(contribution[a]), db = std::abs(contribution[b]);
                      return da != db ? da > db : a < b;
                    });

  Verdict v;
  v.bias = head.bias;
  v.model_id = impl_->id;
  v.feature_count = f.entries.size();
  std::vector<FeatureContribution> candidates;
  for (std::size_t r = 0; r < explained; ++r) {
    const std::size_t i = order[r];
    FeatureContribution fc;
    fc.value = f.entries[i].value;
    fc.contribution = contribution[i];
    if (i < f.origins.size()) {
      const internal::NgramOrigin& o = f.origins[i];
      fc.kind = o.kind;
      fc.name = internal::NgramName(f, i, text, report);
      for (std::uint32_t k = o.occurrences_begin; k < o.occurrences_end && fc.spans.size() < kMaxSpansPerFeature; ++k) {
        const std::uint32_t first = f.occurrences[k];
        if (first + o.length > report.structure.tokens.size()) break;  // a title given beside the text
        fc.spans.push_back({report.structure.tokens[first].span.start,
                            report.structure.tokens[first + o.length - 1].span.end});
      }
    } else {
      fc.kind = FeatureKind::kCue;
      fc.name = internal::DenseFeatureNames()[f.entries[i].index - buckets];
      fc.spans = DenseSpans(fc.name, report);
    }
    candidates.push_back(std::move(fc));
  }
  double listed = 0.0;
  for (std::size_t r = 0; r < shown; ++r) listed += candidates[r].contribution;
  v.top_features.assign(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(shown));
  for (std::size_t r = shown; r < order.size(); ++r) v.rest += contribution[order[r]];
  v.logit = v.bias + listed + v.rest;
  v.probability_unreliable = 1.0 / (1.0 + std::exp(-v.logit));
  v.label = LabelForProbability(v.probability_unreliable);
  v.reasons = internal::ExplainContributions(candidates, v.logit, report);
  v.other_contribution = v.logit - v.bias;
  for (const Reason& reason : v.reasons) v.other_contribution -= reason.contribution;
  // The numbers stay for inspection; the label says they are no verdict.
  if (std::string why = internal::InsufficientReason(internal::MeasureArticleText(text, report)); !why.empty()) {
    v.label = VerdictLabel::kInsufficient;
    v.insufficient_reason = std::move(why);
  }
  return v;
}

}  // namespace credence
