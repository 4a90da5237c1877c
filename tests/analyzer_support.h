// Helpers for tests that need reports to work on: one Analyzer without a
// content model or learned detectors (so the reports are what the
// hand-written stages make, which the learned detectors and the model
// read), shared by all tests of a binary, and a text analyzed with it.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "credence/analyzer.h"
#include "credence/document.h"

namespace credence::testing {

// Returns an Analyzer with no model and no learned detectors, made once.
inline const Analyzer& ModelFreeAnalyzer() {
  static Analyzer analyzer = [] {
    Result<Analyzer> a = Analyzer::Create({.model_path = "", .learned_models = ""});
    EXPECT_TRUE(a) << a.error().ToString();
    return std::move(*a);
  }();
  return analyzer;
}

// A Document and its Report (whose spans point into the Document).
struct Analyzed {
  Document doc;
  Report report;
};

// Returns `text` (with an optional title given beside it) analyzed by ModelFreeAnalyzer().
inline Analyzed Analyze(std::string text, std::string title = "") {
  Result<Document> doc = Document::FromBytes(std::move(text), {.title = std::move(title)});
  EXPECT_TRUE(doc) << doc.error().ToString();
  Report report = ModelFreeAnalyzer().Analyze(*doc);
  return Analyzed{std::move(*doc), std::move(report)};
}

}  // namespace credence::testing
