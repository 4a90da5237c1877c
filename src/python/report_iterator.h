// ReportIterator: what Analyzer.analyze_many returns. It reads records
// from a Python iterable in chunks (holding the GIL), analyzes each chunk on
// native threads (GIL released) and hands the reports out in input order;
// the next chunk is analyzed while this one's reports become Python objects.
// The threads live as long as the iterator, so their per-thread caches (the
// spelling checker's, the feature buffers) stay warm from chunk to chunk.
// A record is a str or bytes (the article), or a dict with "text" or "html"
// and optional "url", "title", "id", read as `credence batch` reads a JSONL
// record; one that cannot be analyzed becomes {"id", "error": {kind,
// message}} with batch's kinds, and the rest go on.
#pragma once

#include <pybind11/pybind11.h>

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "credence/analyzer.h"
#include "pipeline/analyze_input.h"

namespace credence::internal {

namespace py = pybind11;

struct ReportJob;  // one record on its way to a report (report_iterator.cc)

class ReportIterator {
 public:
  // Reads `threads` × 8 records at a time; `kind` says how str and bytes
  // records are read; `max_bytes` bounds each record.
  ReportIterator(std::shared_ptr<const Analyzer> analyzer, py::iterator source, std::size_t threads,
                 InputKind kind, std::size_t max_bytes);

  // Stops the threads once the chunk in flight is done.
  ~ReportIterator();
  ReportIterator(const ReportIterator&) = delete;
  ReportIterator& operator=(const ReportIterator&) = delete;

  // Returns the next report; raises StopIteration at the end, or the
  // iterable's own exception once the reports of the records it gave
  // before failing are handed out.
  py::object Next();

 private:
  // Reads the next chunk of records (GIL held) and starts their analysis
  // on the worker threads; does nothing once the iterable is exhausted.
  void StartChunk();
  // A worker thread: analyzes records of each chunk until none is left.
  void WorkerLoop();

  std::shared_ptr<const Analyzer> analyzer_;
  py::iterator source_;
  std::size_t threads_;
  InputKind kind_;
  std::size_t max_bytes_;
  bool started_ = false;
  bool exhausted_ = false;
  std::optional<py::error_already_set> source_error_;  // the iterable's exception, raised after its records
  std::vector<ReportJob> current_;    // analyzed; reports handed out from next_ on
  std::size_t next_ = 0;
  std::vector<ReportJob> in_flight_;  // being analyzed by the workers (empty: none is)

  std::vector<std::thread> workers_;
  std::mutex mutex_;                        // guards the three below
  std::uint64_t chunk_number_ = 0;          // bumped when a chunk is handed to the workers
  std::size_t busy_ = 0;                    // workers not done with the chunk in flight
  bool stopping_ = false;
  std::condition_variable wake_;            // a chunk is in flight, or stopping_
  std::condition_variable chunk_done_;      // busy_ reached 0
  std::atomic<std::size_t> next_job_{0};    // the next record of in_flight_ to take
};

}  // namespace credence::internal
