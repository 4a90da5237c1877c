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
// analyze_many spreads each chunk of records over native threads. Failures
// of a single call raise credence.Error (a ValueError with .kind); in
// analyze_many a record that fails becomes {"id", "error": {kind, message}}
// as in `credence batch`, and the rest go on.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "credence/analyzer.h"
#include "credence/html.h"
#include "credence/model.h"
#include "credence/status.h"
#include "io/json_report_writer.h"
#include "io/page_json_writer.h"
#include "io/record_reader.h"
#include "pipeline/analyze_input.h"

namespace py = pybind11;

namespace credence::internal {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::size_t kDefaultMaxBytes = std::size_t{256} << 20;

// credence.Error, set up when the module loads.
py::object& ErrorType() {
  static py::object* type = new py::object();  // never destroyed: outlives the interpreter's teardown order
  return *type;
}

[[noreturn]] void Raise(const Status& status) {
  py::object error = ErrorType()(py::str(status.message()));
  error.attr("kind") = py::str(std::string(StatusCodeName(status.code())));
  PyErr_SetObject(ErrorType().ptr(), error.ptr());
  throw py::error_already_set();
}

// The JSON value as Python objects: dicts keep the report's key order;
// strings that are not valid UTF-8 (none should be) get U+FFFD.
py::object ToPython(const Json& j) {
  switch (j.type()) {
    case Json::value_t::boolean: return py::bool_(j.get<bool>());
    case Json::value_t::number_integer: return py::int_(j.get<std::int64_t>());
    case Json::value_t::number_unsigned: return py::int_(j.get<std::uint64_t>());
    case Json::value_t::number_float: return py::float_(j.get<double>());
    case Json::value_t::string: {
      const std::string& s = j.get_ref<const std::string&>();
      PyObject* text = PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), "replace");
      if (text == nullptr) throw py::error_already_set();
      return py::reinterpret_steal<py::object>(text);
    }
    case Json::value_t::array: {
      py::list list(j.size());
      for (std::size_t i = 0; i < j.size(); ++i) list[i] = ToPython(j[i]);
      return list;
    }
    case Json::value_t::object: {
      py::dict dict;
      for (const auto& [key, value] : j.items()) dict[py::str(key)] = ToPython(value);
      return dict;
    }
    default: return py::none();
  }
}

// The bytes of a str (as UTF-8) or of a bytes-like object; a str with lone
// surrogates cannot be UTF-8 and is refused.
Result<std::string> BytesOf(py::handle value, const char* what) {
  if (PyUnicode_Check(value.ptr())) {
    Py_ssize_t size = 0;
    const char* data = PyUnicode_AsUTF8AndSize(value.ptr(), &size);
    if (data == nullptr) {
      PyErr_Clear();
      return Error(StatusCode::kInvalidArgument, std::string(what) + " is a str that cannot be UTF-8 (lone surrogates)");
    }
    return std::string(data, static_cast<std::size_t>(size));
  }
  if (PyBytes_Check(value.ptr()) || PyByteArray_Check(value.ptr()) || PyObject_CheckBuffer(value.ptr())) {
    py::buffer_info info = py::reinterpret_borrow<py::buffer>(value).request();
    return std::string(static_cast<const char*>(info.ptr), static_cast<std::size_t>(info.size * info.itemsize));
  }
  return Error(StatusCode::kInvalidArgument,
               std::string(what) + " must be str or bytes, not " + std::string(py::str(value.get_type().attr("__name__"))));
}

std::string OptionalString(const std::optional<py::object>& value, const char* what) {
  if (!value || value->is_none()) return "";
  Result<std::string> bytes = BytesOf(*value, what);
  if (!bytes) Raise(bytes.error());
  return std::move(*bytes);
}

// html=False: text; True: a web page; None: decided from the first bytes.
InputKind KindOf(const py::object& html) {
  if (html.is_none()) return InputKind::kAuto;
  if (!PyBool_Check(html.ptr())) throw py::type_error("html must be True, False or None");
  return html.cast<bool>() ? InputKind::kHtml : InputKind::kText;
}

// One article of analyze_many, from the Python side to the workers and back.
struct Job {
  std::string bytes;
  InputOptions options;
  std::optional<Json> id;  // the record's "id", when it has one
  std::string bad_record;  // why the record cannot be read, found before analysis; "" when it can
  Json result;             // made by a worker
};

Json ErrorResult(const std::optional<Json>& id, std::string_view kind, const std::string& message) {
  Json j = Json::object();
  j["id"] = id ? *id : Json(nullptr);
  j["error"] = {{"kind", kind}, {"message", message}};
  return j;
}

void RunJob(const Analyzer& analyzer, Job& job) {
  if (!job.bad_record.empty()) {
    job.result = ErrorResult(job.id, "bad_record", job.bad_record);
    return;
  }
  try {
    Result<AnalyzedInput> done = AnalyzeInput(analyzer, std::move(job.bytes), job.options);
    if (!done) {
      job.result = ErrorResult(job.id, StatusCodeName(done.error().code()), done.error().message());
      return;
    }
    Json report = ReportToJson(done->document, done->report);
    if (!job.id) {
      job.result = std::move(report);
      return;
    }
    job.result = Json::object();
    job.result["id"] = *job.id;
    for (auto& [key, value] : report.items()) job.result[key] = std::move(value);
  } catch (const std::exception& e) {  // e.g. std::bad_alloc: this record fails, the rest go on
    job.result = ErrorResult(job.id, StatusCodeName(StatusCode::kInternal), e.what());
  }
}

// A record of analyze_many: a str or bytes (the article), or a dict with
// "text" or "html" and optional "url", "title", "id"; read as `credence
// batch` reads a JSONL record (text first, then html; "bad_record" when
// neither has content or a field has the wrong type).
Job JobOf(py::handle item, InputKind default_kind, std::size_t max_bytes) {
  Job job;
  job.options.kind = default_kind;
  job.options.max_bytes = max_bytes;
  if (!PyDict_Check(item.ptr())) {
    Result<std::string> bytes = BytesOf(item, "a record");
    if (bytes) job.bytes = std::move(*bytes);
    else job.bad_record = bytes.error().message();
    return job;
  }
  py::dict record = py::reinterpret_borrow<py::dict>(item);
  if (record.contains("id")) {
    py::object id = record["id"];
    int overflow = 0;
    const long long number = PyLong_Check(id.ptr()) && !PyBool_Check(id.ptr())
                                 ? PyLong_AsLongLongAndOverflow(id.ptr(), &overflow) : 0;
    if (PyLong_Check(id.ptr()) && !PyBool_Check(id.ptr()) && overflow == 0) {
      job.id = Json(number);
    } else if (!id.is_none()) {  // other ids are kept as their str()
      Result<std::string> text = BytesOf(PyUnicode_Check(id.ptr()) ? id : py::str(id), "id");
      if (text) job.id = Json(std::move(*text));
      else job.bad_record = text.error().message();
    }
  }
  auto field = [&](const char* name) -> std::string {
    if (!record.contains(name) || record[name].is_none()) return "";
    Result<std::string> bytes = BytesOf(record[name], name);
    if (!bytes && job.bad_record.empty()) job.bad_record = bytes.error().message();
    return bytes ? std::move(*bytes) : "";
  };
  job.options.url = field("url");
  job.options.title = field("title");
  BatchRecord body;
  SetRecordBody(field("text"), field("html"), RecordFields{}, &body);
  if (!job.bad_record.empty()) return job;
  job.bad_record = std::move(body.error);
  job.bytes = std::move(body.body);
  job.options.kind = body.html ? InputKind::kHtml : InputKind::kText;
  return job;
}

// The iterator analyze_many returns: it reads `chunk` records from the
// iterable (holding the GIL), analyzes them on up to `threads` native
// threads (GIL released), and hands the reports out in input order.
class ReportIterator {
 public:
  ReportIterator(std::shared_ptr<const Analyzer> analyzer, py::iterator source, std::size_t threads,
                 InputKind kind, std::size_t max_bytes)
      : analyzer_(std::move(analyzer)),
        source_(std::move(source)),
        threads_(threads),
        kind_(kind),
        max_bytes_(max_bytes) {}

  py::object Next() {
    if (ready_.empty()) Fill();
    if (ready_.empty()) throw py::stop_iteration();
    py::object next = std::move(ready_.front());
    ready_.pop_front();
    return next;
  }

 private:
  void Fill() {
    std::vector<Job> jobs;
    const std::size_t chunk = threads_ * 8;
    while (!exhausted_ && jobs.size() < chunk) {
      PyObject* item = PyIter_Next(source_.ptr());
      if (item == nullptr) {
        if (PyErr_Occurred()) throw py::error_already_set();  // the iterable's own failure
        exhausted_ = true;
        break;
      }
      py::object owned = py::reinterpret_steal<py::object>(item);
      jobs.push_back(JobOf(owned, kind_, max_bytes_));
    }
    if (jobs.empty()) return;
    {
      py::gil_scoped_release release;
      std::atomic<std::size_t> next{0};
      auto work = [&] {
        for (std::size_t i = next++; i < jobs.size(); i = next++) RunJob(*analyzer_, jobs[i]);
      };
      std::vector<std::thread> workers;
      for (std::size_t t = 1; t < std::min(threads_, jobs.size()); ++t) workers.emplace_back(work);
      work();
      for (std::thread& w : workers) w.join();
    }
    for (Job& job : jobs) ready_.push_back(ToPython(job.result));
  }

  std::shared_ptr<const Analyzer> analyzer_;
  py::iterator source_;
  std::size_t threads_;
  InputKind kind_;
  std::size_t max_bytes_;
  bool exhausted_ = false;
  std::deque<py::object> ready_;
};

// credence.Analyzer: an Analyzer shared by every call and thread.
class PyAnalyzer {
 public:
  PyAnalyzer(const py::object& model, bool site_reputation, const std::optional<std::string>& spelling_dictionary) {
    AnalyzerOptions options;
    options.site_reputation = site_reputation;
    if (spelling_dictionary) options.spelling_dictionary = *spelling_dictionary;
    if (model.is_none()) {
      options.model_path = "";
    } else {
      Result<std::string> path = BytesOf(model, "model");
      if (!path) Raise(path.error());
      if (*path != "default") options.model_path = *path;
    }
    Result<Analyzer> analyzer = [&] {
      py::gil_scoped_release release;
      return Analyzer::Create(options);
    }();
    if (!analyzer) Raise(analyzer.error());
    analyzer_ = std::make_shared<const Analyzer>(std::move(*analyzer));
  }

  py::object Analyze(const py::object& text, const std::optional<py::object>& url, const py::object& html,
                     const std::optional<py::object>& title, std::size_t max_bytes) const {
    Result<std::string> bytes = BytesOf(text, "text");
    if (!bytes) Raise(bytes.error());
    InputOptions options{.url = OptionalString(url, "url"),
                         .title = OptionalString(title, "title"),
                         .kind = KindOf(html),
                         .max_bytes = max_bytes};
    Result<Json> report = [&]() -> Result<Json> {
      py::gil_scoped_release release;
      Result<AnalyzedInput> done = AnalyzeInput(*analyzer_, std::move(*bytes), options);
      if (!done) return tl::unexpected(done.error());
      return ReportToJson(done->document, done->report);
    }();
    if (!report) Raise(report.error());
    return ToPython(*report);
  }

  ReportIterator AnalyzeMany(const py::iterable& records, std::size_t threads, const py::object& html,
                             std::size_t max_bytes) const {
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    return ReportIterator(analyzer_, py::iter(records), threads, KindOf(html), max_bytes);
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
  static PyAnalyzer* analyzer = new PyAnalyzer(py::str("default"), true, std::nullopt);
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
                         "that ships with credence), None (no verdict) or the path of a model file.")
      .def(py::init<const py::object&, bool, const std::optional<std::string>&>(), py::arg("model") = "default",
           py::kw_only(), py::arg("site_reputation") = true, py::arg("spelling_dictionary") = py::none())
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
