// ServerMetrics: what `credence serve` counts, rendered for GET /metrics in
// Prometheus' text format (version 0.0.4): requests by route and status
// code, a latency histogram per route, error answers by kind, batch records,
// the worker pool's and the analysis slots' load and the process' memory. Thread-safe; recording
// takes one short lock, far below the cost of an analysis.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "server/analysis_slots.h"
#include "server/bounded_task_queue.h"

namespace credence::internal {

class ServerMetrics {
 public:
  ServerMetrics();

  // Names a route to report by its path (HttpApi calls it for each route it
  // registers, before serving: not thread-safe). Any other path counts as
  // "other", so that a scan of random paths cannot grow the metrics without end.
  void AddRoute(std::string_view path);
  // Upper bounds of the latency histogram's buckets, in seconds.
  static constexpr std::array<double, 14> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
                                                      0.25,  0.5,    1,     2.5,  5,     10,  30};

  // One request answered: its path, status code and time taken.
  void RecordRequest(std::string_view path, int status, double seconds);
  // One error answer (or batch error line) of the given kind ("bad_request", "overloaded", ...).
  void RecordError(std::string_view kind);
  // Records of a POST /v1/batch: how many were written and how many of them were errors.
  void RecordBatch(std::uint64_t records, std::uint64_t errors);

  // The exposition text; `pool` is the worker pool's present load.
  std::string Render(const BoundedTaskQueue::Load& pool, const AnalysisSlots::Load& analyses, std::string_view version,
                     std::string_view model) const;

 private:
  struct RouteStats {
    std::map<int, std::uint64_t> by_status;
    std::array<std::uint64_t, kBuckets.size()> buckets{};  // not cumulative: one per bucket
    std::uint64_t count = 0;
    double seconds = 0;
  };
  mutable std::mutex mu_;
  std::vector<std::string> route_paths_;  // AddRoute's paths, then "other"
  std::vector<RouteStats> routes_;         // one per entry of route_paths_
  std::map<std::string, std::uint64_t, std::less<>> errors_;
  std::uint64_t batch_records_ = 0;
  std::uint64_t batch_errors_ = 0;
};

}  // namespace credence::internal
