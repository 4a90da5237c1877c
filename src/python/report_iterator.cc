// ReportIterator (report_iterator.h): records in, reports out, in order.
#include "python/report_iterator.h"

#include <algorithm>
#include <atomic>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "io/compact_json.h"
#include "io/json_report_writer.h"
#include "io/json_stream.h"
#include "io/record_reader.h"
#include "python/python_values.h"

namespace credence::internal {
namespace {

using Json = nlohmann::ordered_json;

// One article of analyze_many, from the Python side to the workers and back.
struct Job {
  std::string bytes;
  InputOptions options;
  std::optional<Json> id;  // the record's "id", when it has one
  std::string bad_record;  // why the record cannot be read, found before analysis; "" when it can
  std::string result;      // the report or error as JSON text, made by a worker
};

// Writes {"id": ..., "error": {"kind": ..., "message": ...}} into job.result.
void SetError(Job& job, std::string_view kind, const std::string& message) {
  job.result.clear();
  JsonStream json(&job.result);
  json.BeginObject();
  json.Key("id");
  if (job.id) WriteJsonValue(*job.id, &json);
  else json.Null();
  WriteErrorMember(kind, message, &json);
  json.EndObject();
}

void RunJob(const Analyzer& analyzer, Job& job) {
  if (!job.bad_record.empty()) return SetError(job, "bad_record", job.bad_record);
  try {
    Result<AnalyzedInput> done = AnalyzeInput(analyzer, std::move(job.bytes), job.options);
    if (!done) return SetError(job, StatusCodeName(done.error().code()), done.error().message());
    JsonStream json(&job.result);
    json.BeginObject();
    if (job.id) WriteJsonValue(*job.id, &json.Key("id"));
    WriteReportMembers(done->document, done->report, {}, &json);
    json.EndObject();
  } catch (const std::exception& e) {  // e.g. std::bad_alloc: this record fails, the rest go on
    SetError(job, StatusCodeName(StatusCode::kInternal), e.what());
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

}  // namespace

ReportIterator::ReportIterator(std::shared_ptr<const Analyzer> analyzer, py::iterator source, std::size_t threads,
                               InputKind kind, std::size_t max_bytes)
    : analyzer_(std::move(analyzer)), source_(std::move(source)), threads_(threads), kind_(kind), max_bytes_(max_bytes) {}

py::object ReportIterator::Next() {
  if (ready_.empty()) Fill();
  if (ready_.empty()) throw py::stop_iteration();
  py::object next = std::move(ready_.front());
  ready_.pop_front();
  return next;
}

void ReportIterator::Fill() {
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
  for (Job& job : jobs) ready_.push_back(LoadJson(job.result));
}

}  // namespace credence::internal
