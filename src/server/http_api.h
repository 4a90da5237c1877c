// HttpApi: credence over HTTP (cpp-httplib), the edge behind `credence
// serve`. Routes so far:
//   GET  /v1/health   {"status": "ok", "version", "model"}
//   POST /v1/analyze  {text | html, url?, title?} -> the JSON report
// Every error is JSON {"error": {"kind", "message"}}: 400 for a request
// that cannot be read (ParseAnalyzeRequest's messages) or an article that
// cannot be analyzed (empty, binary), 413 for a body above max_body_bytes,
// 404 for an unknown path. One shared Analyzer serves every worker thread.
#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <string>

#include "credence/analyzer.h"
#include "credence/status.h"

namespace httplib {
class Server;
}

namespace credence::internal {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;                               // 0: any free port (see HttpApi::port)
  std::size_t threads = 0;                       // worker threads; 0 = one per core
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
  // REQUIRES: Bind() succeeded.
  void Run();
  // Makes Run() return, or keeps it from starting; safe from any thread.
  void Stop();

 private:
  void AddRoutes();

  const Analyzer& analyzer_;
  ServerOptions options_;
  std::unique_ptr<httplib::Server> server_;
  int port_ = 0;
  std::atomic<bool> stop_requested_{false};
  std::atomic<bool> in_run_{false};  // Run is between its start and its end
};

}  // namespace credence::internal
