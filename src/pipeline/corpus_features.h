// Turning labelled corpus records into model features: each record becomes
// a Document, goes through the Analyzer (the same stages `analyze` runs, so
// training sees exactly what scoring sees), then through ExtractFeatures.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "credence/analyzer.h"
#include "io/corpus_reader.h"
#include "model/features.h"
#include "model/trainer.h"

namespace credence::internal {

struct FeaturizedCorpus {
  TrainingSet examples;             // one per record, in record order
  std::vector<std::string> errors;  // records that are not a Document (their example is empty)
};

// Returns the features of every record, computed on `threads` threads.
// REQUIRES: `analyzer` does not score with a model (its verdicts are unused).
FeaturizedCorpus FeaturizeRecords(const Analyzer& analyzer, const std::vector<CorpusRecord>& records,
                                  std::uint32_t num_buckets, int threads, const ContentFeatureOptions& features = {});

}  // namespace credence::internal
