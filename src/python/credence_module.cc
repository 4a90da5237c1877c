// The Python module `credence` (pybind11): the pipeline behind three calls.
//
//   import credence
//   report = credence.analyze(text, url=None, html=False)       # a dict
//   analyzer = credence.Analyzer(model="default")               # reusable, thread-safe
//   for report in analyzer.analyze_many(records, threads=0): ...
//   page = credence.extract(html, url=None)                     # `credence extract`'s JSON
//
// Reports are dicts with the keys of the JSON report (docs/report-schema.md);
// spans are byte offsets into the UTF-8 input. The GIL is released while
// articles are read and analyzed, so Python threads run meanwhile, and
// analyze_many spreads each chunk of records over native threads
// (report_iterator.h). Failures of a single call raise credence.Error (a
// ValueError with .kind). docs/python.md is the user's guide.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <utility>

#include <nlohmann/json.hpp>

#include "credence/analyzer.h"
#include "credence/html.h"
#include "credence/model.h"
#include "credence/status.h"
#include "factcheck/fact_check_json.h"
#include "io/json_report_writer.h"
#include "io/page_json_writer.h"
#include "pipeline/analyze_input.h"
#include "python/python_values.h"
#include "python/report_iterator.h"

namespace credence::internal {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::size_t kDefaultMaxBytes = std::size_t{256} << 20;

// Returns what a model argument asks for: "default" -> nullopt (the shipped
// one), None -> "" (none), else the path given.
std::optional<std::string> ModelChoice(const py::object& choice, const char* name) {
  if (choice.is_none()) return "";
  Result<std::string> path = BytesOf(choice, name);
  if (!path) Raise(path.error());
  if (*path == "default") return std::nullopt;
  return *path;
}

// credence.Analyzer: an Analyzer shared by every call and thread.
class PyAnalyzer {
 public:
  PyAnalyzer(const py::object& model, bool site_reputation, const std::optional<std::string>& spelling_dictionary,
             const py::object& learned_models, const py::object& fact_checks) {
    AnalyzerOptions options;
    options.site_reputation = site_reputation;
    if (spelling_dictionary) options.spelling_dictionary = *spelling_dictionary;
    options.model_path = ModelChoice(model, "model");
    options.learned_models = ModelChoice(learned_models, "learned_models");
    options.fact_check_index = ModelChoice(fact_checks, "fact_checks");
    Result<Analyzer> analyzer = [&] {
      py::gil_scoped_release release;
      return Analyzer::Create(options);
    }();
    if (!analyzer) Raise(analyzer.error());
    analyzer_ = std::make_shared<const Analyzer>(std::move(*analyzer));
  }

  // The fact-checks most like `text`, as dicts (as POST /v1/factchecks/search answers).
  py::object SearchFactChecks(const py::object& text, std::size_t k, double min_score) const {
    Result<std::string> bytes = BytesOf(text, "text");
    if (!bytes) Raise(bytes.error());
    if (k < 1 || k > 1000) Raise(Status(StatusCode::kInvalidArgument, "k must be from 1 to 1000"));
    if (!(min_score >= 0.0 && min_score <= 1.0)) Raise(Status(StatusCode::kInvalidArgument, "min_score must be from 0 to 1"));
    Result<std::vector<FactCheckMatch>> matches = [&] {
      py::gil_scoped_release release;
      return analyzer_->SearchFactChecks(*bytes, k, min_score);
    }();
    if (!matches) Raise(matches.error());
    nlohmann::json out = nlohmann::json::array();
    for (const FactCheckMatch& m : *matches) out.push_back(FactCheckMatchToJson(m));
    return py::module_::import("json").attr("loads")(out.dump());
  }

  py::object Analyze(const py::object& text, const std::optional<py::object>& url, const py::object& html,
                     const std::optional<py::object>& title, std::size_t max_bytes) const {
    Result<std::string> bytes = BytesOf(text, "text");
    if (!bytes) Raise(bytes.error());
    InputOptions options{.url = OptionalString(url, "url"),
                         .title = OptionalString(title, "title"),
                         .kind = KindOf(html),
                         .max_bytes = max_bytes};
    Result<std::string> report = [&]() -> Result<std::string> {
      py::gil_scoped_release release;
      Result<AnalyzedInput> done = AnalyzeInput(*analyzer_, std::move(*bytes), options);
      if (!done) return tl::unexpected(done.error());
      return ReportJsonText(done->document, done->report);
    }();
    if (!report) Raise(report.error());
    return LoadJson(*report);
  }

  std::unique_ptr<ReportIterator> AnalyzeMany(const py::iterable& records, std::size_t threads, const py::object& html,
                             std::size_t max_bytes) const {
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    return std::make_unique<ReportIterator>(analyzer_, py::iter(records), threads, KindOf(html), max_bytes);
  }

  py::object ModelId() const {
    const Model* model = analyzer_->model();
    return model == nullptr ? py::object(py::none()) : py::object(py::str(model->id()));
  }

 private:
  std::shared_ptr<const Analyzer> analyzer_;
};

// The Analyzer behind credence.analyze(), made on first use (under the GIL,
// which is what keeps two threads from making it twice).
const PyAnalyzer& DefaultAnalyzer() {
  static PyAnalyzer* analyzer = new PyAnalyzer(py::str("default"), true, std::nullopt, py::str("default"), py::str("default"));
  return *analyzer;
}

py::object Extract(const py::object& html, const std::optional<py::object>& url) {
  Result<std::string> bytes = BytesOf(html, "html");
  if (!bytes) Raise(bytes.error());
  HtmlOptions options{.url = OptionalString(url, "url")};
  Result<Json> page = [&]() -> Result<Json> {
    py::gil_scoped_release release;
    Result<HtmlArticle> article = ExtractHtml(*bytes, options);
    if (!article) return tl::unexpected(article.error());
    return ExtractionToJson(*article);
  }();
  if (!page) Raise(page.error());
  return ToPython(*page);
}

}  // namespace
}  // namespace credence::internal

PYBIND11_MODULE(credence, m) {
  using namespace credence::internal;
  namespace ci = credence::internal;
  m.doc() = "credence: a fast, explainable news-credibility engine (docs/python.md).";
  m.attr("__version__") = CREDENCE_VERSION;
  ErrorType() = py::reinterpret_steal<py::object>(
      PyErr_NewExceptionWithDoc("credence.Error",
                                "An article or option credence cannot use; .kind names the problem "
                                "(empty_input, binary_input, too_large, invalid_argument, ...).",
                                PyExc_ValueError, nullptr));
  m.attr("Error") = ErrorType();

  py::class_<ReportIterator>(m, "ReportIterator", "The reports of Analyzer.analyze_many, in input order.")
      .def("__iter__", [](ReportIterator& it) -> ReportIterator& { return it; })
      .def("__next__", &ReportIterator::Next);

  py::class_<PyAnalyzer>(m, "Analyzer",
                         "A reusable analyzer, safe to share between threads. model: \"default\" (the model "
                         "that ships with credence), None (no verdict) or the path of a model file. "
                         "learned_models: \"default\" (the shipped propaganda, claim and clickbait models), None "
                         "(none) or the folder holding them. fact_checks: \"default\" ($CREDENCE_FACTCHECKS, the "
                         "user's index, the built-in one), None (no matching) or the path of an index "
                         "(`credence factchecks build`).")
      .def(py::init<const py::object&, bool, const std::optional<std::string>&, const py::object&, const py::object&>(),
           py::arg("model") = "default", py::kw_only(), py::arg("site_reputation") = true,
           py::arg("spelling_dictionary") = py::none(), py::arg("learned_models") = "default",
           py::arg("fact_checks") = "default")
      .def("search_fact_checks", &PyAnalyzer::SearchFactChecks, py::arg("text"), py::kw_only(), py::arg("k") = 5,
           py::arg("min_score") = 0.5,
           "The published fact-checks most like `text` (a claim or a sentence), most probable first: a list of "
           "dicts (claim, verdict, publisher, date, url, score, ...). Raises credence.Error (kind not_found) "
           "without an index.")
      .def("analyze", &PyAnalyzer::Analyze, py::arg("text"), py::arg("url") = py::none(),
           py::arg("html") = false, py::kw_only(), py::arg("title") = py::none(),
           py::arg("max_bytes") = kDefaultMaxBytes,
           "Returns the report (a dict) for one article: text (str or bytes), or a web page with html=True "
           "(html=None: decided from the first bytes). Raises credence.Error when the input cannot be read.")
      .def("analyze_many", &PyAnalyzer::AnalyzeMany, py::arg("records"), py::kw_only(), py::arg("threads") = 0,
           py::arg("html") = false, py::arg("max_bytes") = kDefaultMaxBytes,
           "Returns an iterator over the reports of `records` (str, bytes, or dicts with \"text\" or "
           "\"html\" and optional \"url\", \"title\", \"id\"), in order, analyzed on `threads` native "
           "threads (0: one per core). A record that fails gives {\"id\", \"error\": {\"kind\", \"message\"}}.")
      .def_property_readonly("model", &PyAnalyzer::ModelId, "The model's id, or None without a model.");

  m.def(
      "analyze",
      [](const py::object& text, const std::optional<py::object>& url, const py::object& html,
         const std::optional<py::object>& title, std::size_t max_bytes) {
        return DefaultAnalyzer().Analyze(text, url, html, title, max_bytes);
      },
      py::arg("text"), py::arg("url") = py::none(), py::arg("html") = false, py::kw_only(),
      py::arg("title") = py::none(), py::arg("max_bytes") = kDefaultMaxBytes,
      "Analyzer().analyze(...) with one Analyzer made on first use and kept.");
  m.def("extract", &ci::Extract, py::arg("html"), py::arg("url") = py::none(),
        "Returns the article found in a web page (`credence extract --format json`'s object).");
}
