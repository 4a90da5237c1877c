// ReportIterator (report_iterator.h): records in, reports out, in order.
#include "python/report_iterator.h"

#include <algorithm>
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

// One article of analyze_many, from the Python side to the workers and back.
struct ReportJob {
  std::string bytes;
  InputOptions options;
  std::optional<nlohmann::ordered_json> id;  // the record's "id", when it has one
  std::string bad_record;  // why the record cannot be read, found before analysis; "" when it can
  std::string result;      // the report or error as JSON text, made by a worker
};

namespace {

using Json = nlohmann::ordered_json;

// Writes {"id": ..., "error": {"kind": ..., "message": ...}} into job.result.
void SetError(ReportJob& job, std::string_view kind, const std::string& message) {
  job.result.clear();
  JsonStream json(&job.result);
  json.BeginObject();
  json.Key("id");
  if (job.id) WriteJsonValue(*job.id, &json);
  else json.Null();
  WriteErrorMember(kind, message, &json);
  json.EndObject();
}

void RunJob(const Analyzer& analyzer, ReportJob& job) {
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
ReportJob JobOf(py::handle item, InputKind default_kind, std::size_t max_bytes) {
  ReportJob job;
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

ReportIterator::~ReportIterator() {
  // The workers never take the GIL, so waiting for them with it held ends:
  // each finishes the chunk it is on, then sees stopping_.
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (std::thread& w : workers_) w.join();
}

py::object ReportIterator::Next() {
  if (next_ < current_.size()) return LoadJson(std::exchange(current_[next_++].result, std::string()));
  if (!started_) {
    started_ = true;
    StartChunk();
  }
  if (in_flight_.empty()) {  // nothing in flight: the records are all handed out
    if (source_error_) {
      py::error_already_set error = std::move(*source_error_);
      source_error_.reset();
      throw error;
    }
    throw py::stop_iteration();
  }
  {
    py::gil_scoped_release release;
    std::unique_lock<std::mutex> lock(mutex_);
    chunk_done_.wait(lock, [this] { return busy_ == 0; });
  }
  current_ = std::move(in_flight_);
  in_flight_.clear();
  next_ = 0;
  StartChunk();  // analyzed while this chunk's reports become Python objects
  return Next();
}

void ReportIterator::StartChunk() {
  const std::size_t chunk = threads_ * 8;
  while (!exhausted_ && in_flight_.size() < chunk) {
    PyObject* item = PyIter_Next(source_.ptr());
    if (item == nullptr) {
      exhausted_ = true;
      // The iterable's own failure: raised once the records before it are handed out.
      if (PyErr_Occurred()) source_error_.emplace();
      break;
    }
    py::object owned = py::reinterpret_steal<py::object>(item);
    try {
      in_flight_.push_back(JobOf(owned, kind_, max_bytes_));
    } catch (py::error_already_set& e) {  // e.g. an id whose str() raises: this record is bad, the rest go on
      in_flight_.emplace_back().bad_record = std::string("the record could not be read: ") + e.what();
    }
  }
  if (in_flight_.empty()) return;
  while (workers_.size() < threads_) workers_.emplace_back([this] { WorkerLoop(); });
  next_job_ = 0;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    busy_ = workers_.size();
    ++chunk_number_;
  }
  wake_.notify_all();
}

void ReportIterator::WorkerLoop() {
  std::uint64_t done = 0;  // the last chunk this worker took part in
  for (;;) {
    {
      std::unique_lock<std::mutex> lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || chunk_number_ != done; });
      if (stopping_) return;
      done = chunk_number_;
    }
    for (std::size_t i = next_job_++; i < in_flight_.size(); i = next_job_++) RunJob(*analyzer_, in_flight_[i]);
    std::lock_guard<std::mutex> lock(mutex_);
    if (--busy_ == 0) chunk_done_.notify_one();
  }
}

}  // namespace credence::internal
