// Writing evaluation results: a plain-text table, JSON, and an HTML page
// with the tables, ROC curves and reliability diagrams drawn as inline SVG
// (no scripts, no network: the page opens from disk anywhere).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "credence/status.h"
#include "pipeline/experiment.h"

namespace credence::internal {

// Returns the rows as an aligned text table, one row per line.
std::string EvalRowsToText(const std::vector<EvalRow>& rows);

// Returns the cross-dataset results as a matrix of macro-F1 / ROC-AUC.
std::string CrossTableToText(const std::vector<EvalRow>& cross);

// Returns the rows as a JSON array (metrics, without curve points unless `curves`).
// Returns the leave-one-dataset-out rows as a table: one line per dataset
// left out, then the mean and the lowest ROC-AUC.
std::string LodoTableToText(const std::vector<EvalRow>& lodo);

nlohmann::ordered_json EvalRowsToJson(const std::vector<EvalRow>& rows, bool curves);

// Writes DIR/index.html and DIR/results.json, creating DIR if needed.
[[nodiscard]] Status WriteEvalReport(const std::string& dir, const ExperimentResults& results);

}  // namespace credence::internal
