// HttpApi: credence over HTTP (cpp-httplib), the edge behind `credence
// serve`. Routes (described in web/openapi.yaml, served at /openapi.yaml):
//   GET  /              the web page (web/, compiled in), /app.css, /app.js
//   GET  /v1/health     {"status": "ok", "version", "model"}
//   POST /v1/analyze    {text | html, url?, title?} -> the JSON report
//   POST /v1/batch      JSONL in (one article per line, as `credence batch`
//                       reads) -> JSONL out, streamed in input order
//   GET  /metrics       Prometheus text: requests, latency, errors, pool
// Every error is JSON {"error": {"kind", "message"}}: 400 for a request
// that cannot be read (ParseAnalyzeRequest's messages) or an article that
// cannot be analyzed (empty, binary), 413 for a body above max_body_bytes,
// 404 for an unknown path, 503 when every worker is busy and the waiting
// queue is full (BoundedTaskQueue). Workers hold connections; analyses take
// one of `threads` slots in arrival order (AnalysisSlots), so the CPU runs
// as many as it has cores. One shared Analyzer serves every worker.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "credence/analyzer.h"
#include "credence/status.h"
#include "server/analysis_slots.h"
#include "server/bounded_task_queue.h"
#include "server/server_metrics.h"

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace credence::internal {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;                               // 0: any free port (see HttpApi::port)
  std::size_t threads = 0;                       // analyses at once; 0 = one per core
  std::size_t connections = 64;                  // connections served at once (a worker thread each)
  std::size_t queue = 128;                       // connections that may wait for a worker; beyond: 503
  std::size_t batch_threads = 0;                 // threads reading and writing one POST /v1/batch; 0 = one per core
  std::size_t max_body_bytes = std::size_t{16} << 20;
  int timeout_seconds = 30;                      // for reading a request and writing its answer
  std::string web_dir;                           // "": the page's built-in files; else read from this folder
};

class HttpApi {
 public:
  // Serves with `analyzer`, which must outlive the HttpApi.
  HttpApi(const Analyzer& analyzer, ServerOptions options);
  ~HttpApi();
  HttpApi(const HttpApi&) = delete;
  HttpApi& operator=(const HttpApi&) = delete;

  // Binds the listening socket; fails with kInvalidArgument (bad host) or
  // kIoError (the port is taken) and a message saying which.
  Status Bind();
  // The port bound (after Bind), the actual one when options.port was 0.
  int port() const { return port_; }
  // Serves requests until Stop(); returns at once when Stop() came first.
  // REQUIRES: Bind() succeeded; called once.
  void Run();
  // Makes Run() return, or keeps it from starting; safe from any thread.
  void Stop();
  // The worker pool's and the analysis slots' present load (as GET /metrics reports them).
  BoundedTaskQueue::Load pool_load() const;
  AnalysisSlots::Load analysis_load() const { return slots_.load(); }

 private:
  // Registers `handler` for `method` ("GET" or "POST") on `path`, and
  // names the path in the metrics.
  void Handle(std::string_view method, const char* path, std::function<void(const httplib::Request&, httplib::Response&)> handler);
  void AddPageRoutes();
  void AddApiRoutes();
  void AddErrorHandling();
  // Answers {"error": {"kind", "message"}} with `status`, counted by kind.
  void SetError(httplib::Response& res, int status, std::string_view kind, const std::string& message);
  // On the rejecting thread (the pool is full): answers 503 and returns true.
  bool Overloaded(httplib::Response& res);

  const Analyzer& analyzer_;
  ServerOptions options_;
  std::unique_ptr<BoundedTaskQueue> pool_;
  AnalysisSlots slots_;
  std::unique_ptr<httplib::Server> server_;
  ServerMetrics metrics_;
  int port_ = 0;
  std::atomic<bool> stop_requested_{false};
  std::atomic<bool> in_run_{false};  // Run is between its start and its end
};

}  // namespace credence::internal
