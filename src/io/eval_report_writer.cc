// Evaluation output. The SVG charts are drawn by hand (a few polylines and
// rectangles) so the report needs nothing beyond a browser.
#include "io/eval_report_writer.h"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace credence::internal {
namespace {

std::string Fixed(double v, int digits = 3) {
  if (std::isnan(v)) return "n/a";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

std::string Escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string Label(const EvalRow& r) { return r.trained + " -> " + r.tested + (r.subset == "all" ? "" : " [" + r.subset + "]"); }

constexpr const char* kColors[] = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"};

// A square chart of `size` pixels with axes from 0 to 1.
std::string ChartFrame(const std::string& title, const std::string& x_label, const std::string& y_label) {
  std::ostringstream s;
  // The plot is 300 x 300 at the origin; axis labels sit left and below it,
  // the legend (up to 6 lines) under the x-axis label.
  s << "<svg xmlns='http://www.w3.org/2000/svg' width='380' height='460' viewBox='-55 -30 380 460' "
       "font-family='sans-serif' font-size='11'>"
    << "<text x='150' y='-12' text-anchor='middle' font-size='13'>" << Escape(title) << "</text>"
    << "<rect x='0' y='0' width='300' height='300' fill='none' stroke='#444'/>"
    << "<line x1='0' y1='300' x2='300' y2='0' stroke='#bbb' stroke-dasharray='4 3'/>";
  for (int i = 0; i <= 4; ++i) {
    const double t = i * 75.0;
    s << "<text x='" << t << "' y='315' text-anchor='middle'>" << Fixed(i * 0.25, 2) << "</text>"
      << "<text x='-6' y='" << 300 - t + 4 << "' text-anchor='end'>" << Fixed(i * 0.25, 2) << "</text>";
  }
  s << "<text x='150' y='335' text-anchor='middle'>" << Escape(x_label) << "</text>"
    << "<text x='-38' y='150' text-anchor='middle' transform='rotate(-90 -38 150)'>" << Escape(y_label) << "</text>";
  return s.str();
}

std::string RocChart(const std::vector<const EvalRow*>& rows) {
  std::string svg = ChartFrame("ROC curves", "false positive rate", "true positive rate");
  for (std::size_t k = 0; k < rows.size(); ++k) {
    std::ostringstream pts;
    for (const auto& [fpr, tpr] : rows[k]->metrics.roc) pts << Fixed(fpr * 300, 1) << "," << Fixed(300 - tpr * 300, 1) << " ";
    svg += "<polyline fill='none' stroke-width='1.6' stroke='" + std::string(kColors[k % 6]) + "' points='" + pts.str() + "'/>";
    svg += "<text x='0' y='" + std::to_string(355 + 14 * k) + "' fill='" + kColors[k % 6] + "'>" +
           Escape(Label(*rows[k])) + ": AUC " + Fixed(rows[k]->metrics.roc_auc) + "</text>";
  }
  return svg + "</svg>";
}

std::string ReliabilityChart(const std::vector<const EvalRow*>& rows) {
  std::string svg = ChartFrame("Reliability diagram", "predicted probability of unreliable", "observed fraction unreliable");
  for (std::size_t k = 0; k < rows.size(); ++k) {
    std::ostringstream pts, dots;
    for (const ReliabilityBin& b : rows[k]->metrics.reliability) {
      if (b.count == 0) continue;
      const double x = b.mean_predicted * 300, y = 300 - b.fraction_positive * 300;
      pts << Fixed(x, 1) << "," << Fixed(y, 1) << " ";
      dots << "<circle cx='" << Fixed(x, 1) << "' cy='" << Fixed(y, 1) << "' r='"
           << Fixed(2 + std::log10(1.0 + static_cast<double>(b.count)), 1) << "' fill='" << kColors[k % 6]
           << "'><title>" << b.count << " articles</title></circle>";
    }
    svg += "<polyline fill='none' stroke-width='1.6' stroke='" + std::string(kColors[k % 6]) + "' points='" + pts.str() +
           "'/>" + dots.str();
    svg += "<text x='0' y='" + std::to_string(355 + 14 * k) + "' fill='" + kColors[k % 6] + "'>" +
           Escape(Label(*rows[k])) + ": ECE " + Fixed(rows[k]->metrics.ece) + "</text>";
  }
  return svg + "</svg>";
}

std::string HtmlTable(const std::vector<EvalRow>& rows) {
  std::string h = "<table><tr><th>trained on</th><th>tested on</th><th>subset</th><th>n</th><th>unreliable</th><th>threshold</th>"
                  "<th>accuracy</th><th>macro-F1</th><th>ROC-AUC</th><th>Brier</th><th>ECE</th></tr>";
  for (const EvalRow& r : rows) {
    const BinaryMetrics& m = r.metrics;
    h += "<tr><td>" + Escape(r.trained) + "</td><td>" + Escape(r.tested) + "</td><td>" + Escape(r.subset) + "</td><td>" +
         std::to_string(m.count) + "</td><td>" + std::to_string(m.positives) + "</td><td>" + Fixed(m.threshold, 2) +
         "</td><td>" + Fixed(m.accuracy) +
         "</td><td>" + Fixed(m.macro_f1) + "</td><td>" + Fixed(m.roc_auc) + "</td><td>" + Fixed(m.brier) + "</td><td>" +
         Fixed(m.ece) + "</td></tr>";
  }
  return h + "</table>";
}

}  // namespace

std::string EvalRowsToText(const std::vector<EvalRow>& rows) {
  std::ostringstream s;
  char line[256];
  std::snprintf(line, sizeof line, "%-14s %-11s %-26s %6s %6s %5s %8s %8s %8s %7s %7s\n", "trained", "tested", "subset",
                "n", "unrel", "thr", "accuracy", "macroF1", "AUC", "Brier", "ECE");
  s << line;
  for (const EvalRow& r : rows) {
    const BinaryMetrics& m = r.metrics;
    std::snprintf(line, sizeof line, "%-14s %-11s %-26s %6zu %6zu %5s %8s %8s %8s %7s %7s\n", r.trained.c_str(),
                  r.tested.c_str(), r.subset.c_str(), m.count, m.positives, Fixed(m.threshold, 2).c_str(),
                  Fixed(m.accuracy).c_str(),
                  Fixed(m.macro_f1).c_str(), Fixed(m.roc_auc).c_str(), Fixed(m.brier).c_str(), Fixed(m.ece).c_str());
    s << line;
  }
  return s.str();
}

std::string LodoTableToText(const std::vector<EvalRow>& lodo) {
  std::ostringstream s;
  char line[256];
  s << "leave one dataset out: each dataset tested by a model trained without it and its sites\n";
  std::snprintf(line, sizeof line, "%-38s %6s %6s %8s %8s %7s\n", "tested (never seen)", "n", "unrel", "AUC", "macroF1",
                "ECE");
  s << line;
  double sum = 0.0, lowest = 1.0;
  for (const EvalRow& r : lodo) {
    const BinaryMetrics& m = r.metrics;
    std::snprintf(line, sizeof line, "%-38s %6zu %6zu %8s %8s %7s\n", r.tested.c_str(), m.count, m.positives,
                  Fixed(m.roc_auc).c_str(), Fixed(m.macro_f1).c_str(), Fixed(m.ece).c_str());
    s << line;
    sum += m.roc_auc;
    lowest = std::min(lowest, m.roc_auc);
  }
  if (!lodo.empty())
    s << "mean ROC-AUC " << Fixed(sum / static_cast<double>(lodo.size())) << ", lowest " << Fixed(lowest) << " over "
      << lodo.size() << " datasets\n";
  return s.str();
}

std::string CrossTableToText(const std::vector<EvalRow>& cross) {
  std::set<std::string> names;
  std::map<std::pair<std::string, std::string>, const EvalRow*> cell;
  for (const EvalRow& r : cross) {
    names.insert(r.trained), names.insert(r.tested);
    cell[{r.trained, r.tested}] = &r;
  }
  std::ostringstream s;
  s << "macro-F1 / ROC-AUC; rows: trained on, columns: tested on (test records of domains seen in training left out)\n";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%-24s", "");
  s << buf;
  for (const std::string& b : names) {
    std::snprintf(buf, sizeof buf, " %-24s", b.c_str());
    s << buf;
  }
  s << "\n";
  for (const std::string& a : names) {
    std::snprintf(buf, sizeof buf, "%-24s", a.c_str());
    s << buf;
    for (const std::string& b : names) {
      auto it = cell.find({a, b});
      const std::string v = it == cell.end() ? "-" : Fixed(it->second->metrics.macro_f1) + " / " +
                                                      Fixed(it->second->metrics.roc_auc) + " (" +
                                                      std::to_string(it->second->metrics.count) + ")";
      std::snprintf(buf, sizeof buf, " %-24s", v.c_str());
      s << buf;
    }
    s << "\n";
  }
  return s.str();
}

nlohmann::ordered_json EvalRowsToJson(const std::vector<EvalRow>& rows, bool curves) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  auto num = [](double v) { return std::isnan(v) ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(v); };
  for (const EvalRow& r : rows) {
    const BinaryMetrics& m = r.metrics;
    nlohmann::ordered_json j = {{"split", r.split},        {"trained", r.trained},       {"tested", r.tested},
                                {"subset", r.subset},      {"threshold", m.threshold},   {"count", m.count},           {"unreliable", m.positives},
                                {"accuracy", num(m.accuracy)}, {"macro_f1", num(m.macro_f1)}, {"roc_auc", num(m.roc_auc)},
                                {"brier", num(m.brier)},   {"ece", num(m.ece)}};
    if (curves) {
      j["roc"] = m.roc;
      nlohmann::ordered_json bins = nlohmann::ordered_json::array();
      for (const ReliabilityBin& b : m.reliability)
        bins.push_back({{"mean_predicted", b.mean_predicted}, {"fraction_unreliable", b.fraction_positive}, {"count", b.count}});
      j["reliability"] = bins;
    }
    out.push_back(j);
  }
  return out;
}

Status WriteEvalReport(const std::string& dir, const ExperimentResults& results) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status(StatusCode::kIoError, "cannot create " + dir + ": " + ec.message());

  std::vector<const EvalRow*> overall;
  for (const EvalRow& r : results.rows)
    if (r.subset == "all") overall.push_back(&r);
  std::string html =
      "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>credence model evaluation</title><style>"
      "body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}table{border-collapse:collapse;margin:1em 0}"
      "td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}td:nth-child(-n+3),th{text-align:left}"
      "figure{display:inline-block;margin:0 1em}</style></head><body>"
      "<h1>credence: content model evaluation</h1>"
      "<p>Site split: no registered domain is on two sides, so the test sites were never seen in training. "
      "Random split: the same records dealt at random, for comparison. Accuracy and macro-F1 count an article as "
      "predicted unreliable when its calibrated probability reaches the model's decision threshold (chosen on the "
      "validation split to maximise macro-F1; column <i>threshold</i>); ROC-AUC, Brier and ECE (10 equal-width bins) "
      "use the probabilities themselves. Dot size in the reliability diagram grows with the articles in the bin.</p>";
  html += "<h2>Overall and per dataset</h2>" + HtmlTable(results.rows);
  html += "<figure>" + RocChart(overall) + "</figure><figure>" + ReliabilityChart(overall) + "</figure>";
  html += "<h2>Cross-dataset</h2><p>Trained on one dataset (85%; 15% for calibration), tested on another; test "
          "records whose domain the training dataset holds are left out.</p>" + HtmlTable(results.cross);
  html += "<h2>Notes</h2><ul>";
  for (const std::string& n : results.notes) html += "<li>" + Escape(n) + "</li>";
  html += "</ul></body></html>\n";

  nlohmann::ordered_json json = {{"rows", EvalRowsToJson(results.rows, true)},
                                 {"cross", EvalRowsToJson(results.cross, false)},
                                 {"notes", results.notes}};
  for (const auto& [name, contents] : {std::pair{std::string("index.html"), html}, {"results.json", json.dump(1)}}) {
    std::ofstream out(dir + "/" + name, std::ios::binary | std::ios::trunc);
    out << contents;
    if (!out.flush()) return Status(StatusCode::kIoError, "cannot write " + dir + "/" + name);
  }
  return Status::Ok();
}

}  // namespace credence::internal
