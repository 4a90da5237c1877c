// ServerMetrics (server_metrics.h): counting and the Prometheus text.
#include "server/server_metrics.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>

namespace credence::internal {
namespace {

// A label value with \, " and newlines escaped, as the format asks.
std::string LabelValue(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\\' || c == '"') out.push_back('\\');
    if (c == '\n') out += "\\n";
    else out.push_back(c);
  }
  return out;
}

std::string Number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.9g", v);
  return buf;
}

// Resident memory of this process in bytes, from /proc (0 when unreadable).
std::uint64_t ResidentBytes() {
  std::ifstream statm("/proc/self/statm");
  std::uint64_t size = 0, resident = 0;
  if (!(statm >> size >> resident)) return 0;
  return resident * static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE));
}

void Header(std::string& out, std::string_view name, std::string_view type, std::string_view help) {
  out.append("# HELP ").append(name).append(" ").append(help).append("\n");
  out.append("# TYPE ").append(name).append(" ").append(type).append("\n");
}

// A metric with one sample and no labels.
void Single(std::string& out, std::string_view name, std::string_view type, std::string_view help,
            std::uint64_t value) {
  Header(out, name, type, help);
  out.append(name).append(" ").append(std::to_string(value)).append("\n");
}

}  // namespace

ServerMetrics::ServerMetrics() : route_paths_{"other"}, routes_(1) {}

void ServerMetrics::AddRoute(std::string_view path) {
  route_paths_.insert(route_paths_.end() - 1, std::string(path));
  routes_.emplace_back();
}

void ServerMetrics::RecordRequest(std::string_view path, int status, double seconds) {
  // The routes are fixed once serving starts, so they are read without the lock.
  const auto known = std::find(route_paths_.begin(), route_paths_.end() - 1, path);
  RouteStats& route = routes_[static_cast<std::size_t>(known - route_paths_.begin())];  // the last is "other"
  const std::size_t bucket =
      static_cast<std::size_t>(std::lower_bound(kBuckets.begin(), kBuckets.end(), seconds) - kBuckets.begin());
  std::lock_guard lock(mu_);
  ++route.by_status[status];
  if (bucket < kBuckets.size()) ++route.buckets[bucket];
  ++route.count;
  route.seconds += seconds;
}

void ServerMetrics::RecordError(std::string_view kind) {
  std::lock_guard lock(mu_);
  auto it = errors_.find(kind);
  if (it == errors_.end()) it = errors_.emplace(std::string(kind), 0).first;
  ++it->second;
}

void ServerMetrics::RecordBatch(std::uint64_t records, std::uint64_t errors) {
  std::lock_guard lock(mu_);
  batch_records_ += records;
  batch_errors_ += errors;
}

std::string ServerMetrics::Render(const BoundedTaskQueue::Load& pool, const AnalysisSlots::Load& analyses,
                                  std::string_view version, std::string_view model) const {
  std::lock_guard lock(mu_);
  std::string out;
  Header(out, "credence_http_requests_total", "counter", "HTTP requests answered, by route and status code.");
  for (std::size_t r = 0; r < routes_.size(); ++r)
    for (const auto& [status, n] : routes_[r].by_status)
      out += "credence_http_requests_total{route=\"" + route_paths_[r] + "\",code=\"" +
             std::to_string(status) + "\"} " + std::to_string(n) + "\n";

  Header(out, "credence_http_request_duration_seconds", "histogram",
         "Time from a request's headers read to its answer written, by route.");
  for (std::size_t r = 0; r < routes_.size(); ++r) {
    const RouteStats& route = routes_[r];
    if (route.count == 0) continue;
    const std::string label = "route=\"" + route_paths_[r] + "\"";
    std::uint64_t cumulative = 0;
    for (std::size_t b = 0; b < kBuckets.size(); ++b) {
      cumulative += route.buckets[b];
      out += "credence_http_request_duration_seconds_bucket{" + label + ",le=\"" + Number(kBuckets[b]) + "\"} " +
             std::to_string(cumulative) + "\n";
    }
    out += "credence_http_request_duration_seconds_bucket{" + label + ",le=\"+Inf\"} " +
           std::to_string(route.count) + "\n";
    out += "credence_http_request_duration_seconds_sum{" + label + "} " + Number(route.seconds) + "\n";
    out += "credence_http_request_duration_seconds_count{" + label + "} " + std::to_string(route.count) + "\n";
  }

  Header(out, "credence_http_errors_total", "counter",
         "Error answers by kind (the kind in the error body; overloaded = 503).");
  for (const auto& [kind, n] : errors_)
    out += "credence_http_errors_total{kind=\"" + LabelValue(kind) + "\"} " + std::to_string(n) + "\n";

  Header(out, "credence_batch_records_total", "counter", "Records written by POST /v1/batch, by result.");
  out += "credence_batch_records_total{result=\"analyzed\"} " + std::to_string(batch_records_ - batch_errors_) + "\n";
  out += "credence_batch_records_total{result=\"error\"} " + std::to_string(batch_errors_) + "\n";

  Single(out, "credence_workers", "gauge", "Worker threads, each serving one connection at a time (--connections).", pool.workers);
  Single(out, "credence_workers_busy", "gauge", "Workers serving a connection now.", pool.busy);
  Single(out, "credence_connections_waiting", "gauge", "Connections waiting for a worker.", pool.waiting);
  Single(out, "credence_connections_waiting_max", "gauge", "Connections that may wait; beyond them, analysis requests get 503.", pool.max_waiting);
  Single(out, "credence_connections_rejected_total", "counter", "Connections that found the queue full.", pool.rejected);

  Single(out, "credence_analyses_running", "gauge", "Analyses running now (at most credence_analysis_slots).", analyses.running);
  Single(out, "credence_analyses_waiting", "gauge", "Requests waiting for an analysis slot, in arrival order.", analyses.waiting);
  Single(out, "credence_analysis_slots", "gauge", "Analyses that may run at once (--threads).", analyses.slots);
  Single(out, "process_resident_memory_bytes", "gauge", "Resident memory of the server process.", ResidentBytes());
  Header(out, "credence_build_info", "gauge", "The server's version and content model.");
  out += "credence_build_info{version=\"" + LabelValue(version) + "\",model=\"" + LabelValue(model) + "\"} 1\n";
  return out;
}

}  // namespace credence::internal
