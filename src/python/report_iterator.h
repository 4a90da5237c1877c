// ReportIterator: what Analyzer.analyze_many returns. It reads records
// from a Python iterable in chunks (holding the GIL), analyzes each chunk on
// native threads (GIL released) and hands the reports out in input order.
// A record is a str or bytes (the article), or a dict with "text" or "html"
// and optional "url", "title", "id", read as `credence batch` reads a JSONL
// record; one that cannot be analyzed becomes {"id", "error": {kind,
// message}} with batch's kinds, and the rest go on.
#pragma once

#include <pybind11/pybind11.h>

#include <cstddef>
#include <deque>
#include <memory>

#include "credence/analyzer.h"
#include "pipeline/analyze_input.h"

namespace credence::internal {

namespace py = pybind11;

class ReportIterator {
 public:
  // Reads `threads` × 8 records at a time; `kind` says how str and bytes
  // records are read; `max_bytes` bounds each record.
  ReportIterator(std::shared_ptr<const Analyzer> analyzer, py::iterator source, std::size_t threads,
                 InputKind kind, std::size_t max_bytes);

  // Returns the next report; raises StopIteration at the end, or the
  // iterable's own exception.
  py::object Next();

 private:
  void Fill();

  std::shared_ptr<const Analyzer> analyzer_;
  py::iterator source_;
  std::size_t threads_;
  InputKind kind_;
  std::size_t max_bytes_;
  bool exhausted_ = false;
  std::deque<py::object> ready_;
};

}  // namespace credence::internal
