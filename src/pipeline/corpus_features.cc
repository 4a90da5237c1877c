// Parallel featurization: each record's result goes to its own slot
// (ParallelFor), so the output order never depends on timing.
#include "pipeline/corpus_features.h"

#include <mutex>

#include "model/features.h"
#include "pipeline/parallel_for.h"

namespace credence::internal {

FeaturizedCorpus FeaturizeRecords(const Analyzer& analyzer, const std::vector<CorpusRecord>& records,
                                  std::uint32_t num_buckets, int threads, const ContentFeatureOptions& features) {
  FeaturizedCorpus out;
  out.examples.resize(records.size());
  std::mutex errors_mutex;
  ParallelFor(records.size(), threads, [&](std::size_t i) {
    const CorpusRecord& r = records[i];
    out.examples[i].positive = r.unreliable;
    Result<Document> doc = Document::FromBytes(r.text, {.url = r.url, .title = r.title});
    if (!doc) {
      std::lock_guard<std::mutex> lock(errors_mutex);
      out.errors.push_back(r.id + ": " + doc.error().ToString());
      return;
    }
    const Report report = analyzer.Analyze(*doc);
    out.examples[i].entries = ExtractFeatures(doc->text(), report, num_buckets, nullptr, features).entries;
  });
  return out;
}

}  // namespace credence::internal
