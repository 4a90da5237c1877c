// Parallel featurization: records are dealt out by an atomic counter, each
// result written to its own slot, so the output order never depends on timing.
#include "pipeline/corpus_features.h"

#include <atomic>
#include <mutex>
#include <thread>

#include "model/features.h"

namespace credence::internal {

FeaturizedCorpus FeaturizeRecords(const Analyzer& analyzer, const std::vector<CorpusRecord>& records,
                                  std::uint32_t num_buckets, int threads) {
  FeaturizedCorpus out;
  out.examples.resize(records.size());
  std::atomic<std::size_t> next{0};
  std::mutex errors_mutex;
  auto work = [&] {
    for (std::size_t i = next++; i < records.size(); i = next++) {
      const CorpusRecord& r = records[i];
      out.examples[i].unreliable = r.unreliable;
      Result<Document> doc = Document::FromBytes(r.text, {.url = r.url, .title = r.title});
      if (!doc) {
        std::lock_guard<std::mutex> lock(errors_mutex);
        out.errors.push_back(r.id + ": " + doc.error().ToString());
        continue;
      }
      const Report report = analyzer.Analyze(*doc);
      out.examples[i].entries = ExtractFeatures(doc->text(), report, num_buckets).entries;
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& th : pool) th.join();
  return out;
}

}  // namespace credence::internal
