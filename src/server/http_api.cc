// HttpApi (http_api.h): the worker pool, routes, limits, error answers and
// the metrics they feed.
#include "server/http_api.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <iterator>
#include <optional>
#include <thread>

#include "credence/model.h"
#include "factcheck/fact_check_json.h"
#include "io/json_report_writer.h"
#include "io/json_stream.h"
#include "server/analyze_request.h"
#include "server/batch_stream.h"
#include "server/factcheck_request.h"
#include "server/bounded_task_queue.h"
#include "server/web_files.h"

namespace credence::internal {
namespace {

constexpr const char* kJson = "application/json";

// cpp-httplib deletes the task queue it is given when its loop ends; this
// one forwards to the pool that HttpApi owns, so the pool's counts outlive it.
class ForwardingQueue : public httplib::TaskQueue {
 public:
  explicit ForwardingQueue(BoundedTaskQueue& pool) : pool_(pool) {}
  void enqueue(std::function<void()> fn) override { pool_.enqueue(std::move(fn)); }
  void shutdown() override { pool_.shutdown(); }

 private:
  BoundedTaskQueue& pool_;
};

// cpp-httplib listens with a backlog of 5 connections (compiled into the
// library). Under load, clients that reconnect while the accepting thread
// waits for a core overflowed it: Linux dropped their handshakes and they
// retried after 1-3 s (wrk's p99 at 64 connections: 2-5 s while the server
// answered every request it read within 0.25 s). This subclass reaches the
// listening socket so that Bind can listen again with the system's maximum.
class ListeningServer : public httplib::Server {
 public:
  socket_t listening_socket() const { return svr_sock_; }
};

// When this thread's request started (its headers read); for the latency.
thread_local std::optional<std::chrono::steady_clock::time_point> t_request_start;

std::size_t Cores() { return std::max(1u, std::thread::hardware_concurrency()); }

}  // namespace

HttpApi::HttpApi(const Analyzer& analyzer, ServerOptions options)
    : analyzer_(analyzer),
      options_(std::move(options)),
      pool_(std::make_unique<BoundedTaskQueue>(options_.connections, options_.queue)),
      slots_(options_.threads > 0 ? options_.threads : Cores()),
      server_(std::make_unique<ListeningServer>()) {
  server_->new_task_queue = [this] { return new ForwardingQueue(*pool_); };
  server_->set_payload_max_length(options_.max_body_bytes);
  // SO_REUSEADDR only: cpp-httplib's default adds SO_REUSEPORT, with which a
  // second server on a taken port starts without a word and shares its traffic.
  server_->set_socket_options([](socket_t sock) {  // cpp-httplib declares socket_t globally
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  // Answers leave at once: with Nagle's algorithm on, a kept-alive
  // connection waited ~40 ms for the client's delayed ACK on every answer.
  server_->set_tcp_nodelay(true);
  // A kept-alive connection holds its worker; closing it after 10 answers
  // lets connections waiting in the queue take turns (cpp-httplib cannot
  // close one on demand). Overloaded at 256 connections, wrk's p99 went
  // from 7.6 s (after 100 answers) to 0.87 s; at 64 nothing changed.
  server_->set_keep_alive_max_count(10);
  server_->set_read_timeout(options_.timeout_seconds, 0);
  server_->set_write_timeout(options_.timeout_seconds, 0);
  AddPageRoutes();
  AddApiRoutes();
  AddErrorHandling();
}

void HttpApi::Handle(std::string_view method, const char* path, httplib::Server::Handler handler) {
  if (method == "GET") {
    server_->Get(path, std::move(handler));
  } else {
    // The body is read here rather than by cpp-httplib, which caps a body
    // labelled application/x-www-form-urlencoded (curl's default for
    // --data-binary) at 8 KiB whatever the payload limit, and parses it
    // as a form. Every POST body is the API's own: JSON or JSONL.
    server_->Post(path, [this, handler = std::move(handler)](const httplib::Request& req, httplib::Response& res,
                                                             const httplib::ContentReader& read) {
      if (req.is_multipart_form_data()) {
        res.set_header("Connection", "close");  // its body is left unread
        return SetError(res, 415, "unsupported_media_type",
                        "send the body as JSON (or JSONL for /v1/batch), not as multipart/form-data");
      }
      httplib::Request with_body = req;
      const bool complete = read([&](const char* data, std::size_t size) {
        with_body.body.append(data, size);
        return with_body.body.size() <= options_.max_body_bytes;
      });
      if (!complete) {
        res.set_header("Connection", "close");
        if (with_body.body.size() > options_.max_body_bytes || res.status == 413)
          return SetError(res, 413, "too_large", "the request body is larger than the server's limit");
        return SetError(res, 400, "bad_request", "the request body could not be read whole");
      }
      handler(with_body, res);
    });
  }
  metrics_.AddRoute(path);
}

HttpApi::~HttpApi() {
  Stop();
  pool_->shutdown();  // when Run never ran, its threads are still waiting
}

void HttpApi::SetError(httplib::Response& res, int status, std::string_view kind, const std::string& message) {
  std::string body;
  JsonStream json(&body);
  json.BeginObject();
  WriteErrorMember(kind, message, &json);
  json.EndObject();
  body.push_back('\n');
  res.status = status;
  res.set_content(body, kJson);
  metrics_.RecordError(kind);
}

bool HttpApi::Overloaded(httplib::Response& res) {
  if (!BoundedTaskQueue::RejectingOnThisThread()) return false;
  SetError(res, 503, "overloaded", "every worker is busy and the waiting queue is full; try again shortly");
  res.set_header("Retry-After", "1");
  return true;
}

void HttpApi::AddPageRoutes() {
  // The web page: web/ compiled in (or read from --web-dir). It loads
  // nothing from elsewhere, and the policy header says so to the browser too.
  auto serve_file = [this](const char* name, const char* type) {
    return [this, name, type](const httplib::Request&, httplib::Response& res) {
      std::optional<std::string> file;
      if (options_.web_dir.empty()) {
        if (std::optional<std::string_view> built_in = WebFile(name)) file.emplace(*built_in);
      } else if (std::ifstream in(options_.web_dir + "/" + name, std::ios::binary); in) {
        file.emplace(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
      }
      if (!file) return SetError(res, 404, "not_found", std::string("the page's file is missing: ") + name);
      res.set_header("Content-Security-Policy",
                     "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                     "connect-src 'self'; frame-ancestors 'none'");
      res.set_header("X-Content-Type-Options", "nosniff");
      res.set_header("Cache-Control", "no-cache");
      res.set_content(std::move(*file), type);
    };
  };
  Handle("GET", "/", serve_file("index.html", "text/html; charset=utf-8"));
  Handle("GET", "/app.css", serve_file("app.css", "text/css; charset=utf-8"));
  Handle("GET", "/app.js", serve_file("app.js", "text/javascript; charset=utf-8"));
  Handle("GET", "/openapi.yaml", serve_file("openapi.yaml", "application/yaml; charset=utf-8"));
}

void HttpApi::AddApiRoutes() {
  Handle("GET", "/v1/health", [this](const httplib::Request&, httplib::Response& res) {
    std::string body;
    JsonStream json(&body);
    json.BeginObject();
    json.Key("status").String("ok");
    json.Key("version").String(CREDENCE_VERSION);
    json.Key("model");
    if (const Model* model = analyzer_.model()) json.String(model->id());
    else json.Null();
    json.EndObject();
    body.push_back('\n');
    res.set_content(body, kJson);
  });
  // Readiness, apart from liveness: whether every model and index the
  // server looked for is open (503 with what is missing, so that a load
  // balancer keeps traffic from a server that would answer without a verdict).
  Handle("GET", "/v1/ready", [this](const httplib::Request&, httplib::Response& res) {
    const std::vector<std::string> missing = analyzer_.Unavailable();
    std::string body;
    JsonStream json(&body);
    json.BeginObject();
    json.Key("ready").Bool(missing.empty());
    json.Key("model");
    if (const Model* model = analyzer_.model()) json.String(model->id());
    else json.Null();
    json.Key("fact_checks").Uint(analyzer_.fact_check_count());
    json.Key("unavailable").BeginArray();
    for (const std::string& m : missing) json.String(m);
    json.EndArray();
    json.EndObject();
    body.push_back('\n');
    res.status = missing.empty() ? 200 : 503;
    res.set_content(body, kJson);
  });
  Handle("GET", "/metrics", [this](const httplib::Request&, httplib::Response& res) {
    const Model* model = analyzer_.model();
    res.set_content(metrics_.Render(pool_->load(), slots_.load(), CREDENCE_VERSION, model != nullptr ? model->id() : ""),
                    "text/plain; version=0.0.4; charset=utf-8");
  });
  Handle("POST", "/v1/analyze", [this](const httplib::Request& req, httplib::Response& res) {
    if (Overloaded(res)) return;
    Result<AnalyzeRequest> request = ParseAnalyzeRequest(req.body, options_.max_body_bytes);
    if (!request) return SetError(res, 400, "bad_request", request.error().message());
    Result<AnalyzedInput> done = [&] {
      AnalysisSlots::Held slot(slots_);
      return AnalyzeInput(analyzer_, std::move(request->body), request->options);
    }();
    if (!done) {
      const StatusCode code = done.error().code();
      return SetError(res, code == StatusCode::kTooLarge ? 413 : code == StatusCode::kInternal ? 500 : 400,
                      StatusCodeName(code), done.error().message());
    }
    res.set_content(ReportJsonText(done->document, done->report) + "\n", kJson);
  });
  Handle("POST", "/v1/factchecks/search", [this](const httplib::Request& req, httplib::Response& res) {
    if (Overloaded(res)) return;
    Result<FactCheckSearchRequest> request = ParseFactCheckSearchRequest(req.body);
    if (!request) return SetError(res, 400, "bad_request", request.error().message());
    Result<std::vector<FactCheckMatch>> matches = analyzer_.SearchFactChecks(request->text, request->k, request->min_score);
    if (!matches) return SetError(res, 404, "no_index", matches.error().message());
    nlohmann::json out = {{"index_size", analyzer_.fact_check_count()}, {"min_score", request->min_score}, {"matches", nlohmann::json::array()}};
    for (const FactCheckMatch& m : *matches) {
      out["matches"].push_back(FactCheckMatchToJson(m));
    }
    res.set_content(out.dump() + "\n", kJson);
  });
  Handle("POST", "/v1/batch", [this](const httplib::Request& req, httplib::Response& res) {
    if (Overloaded(res)) return;
    BatchStreamOptions batch{
        .threads = options_.batch_threads, .max_record = options_.max_body_bytes, .format = {}, .slots = &slots_};
    batch.format.fields = ParseFieldList(req.get_param_value("fields"));
    if (std::string bad = CheckFields(batch.format); !bad.empty()) return SetError(res, 400, "bad_request", bad);
    if (req.body.find_first_not_of(" \t\r\n") == std::string::npos)
      return SetError(res, 400, "bad_request", "the body is empty: send JSONL, one article per line");
    // The body is analyzed while the answer is written: each line leaves
    // as soon as it and the lines before it are done.
    auto body = std::make_shared<std::string>(req.body);
    res.set_chunked_content_provider("application/x-ndjson", [this, body, batch](std::size_t, httplib::DataSink& sink) {
      const BatchStreamCounts counts = StreamBatch(analyzer_, std::move(*body), batch, [&](std::string_view line) {
        return sink.write(line.data(), line.size());
      });
      metrics_.RecordBatch(counts.records, counts.errors);
      if (counts.cancelled) return false;  // the client went away: close the connection
      sink.done();
      return true;
    });
  });
}

void HttpApi::AddErrorHandling() {
  // A body over the limit never reaches a handler: cpp-httplib answers 413
  // itself; this gives that answer (and 404s) a JSON body too.
  server_->set_error_handler([this](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;
    if (res.status == 413) SetError(res, 413, "too_large", "the request body is larger than the server's limit");
    else if (res.status == 404) SetError(res, 404, "not_found", "no such endpoint");
    else SetError(res, res.status, "http_error", "HTTP status " + std::to_string(res.status));
  });
  server_->set_exception_handler([this](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    SetError(res, 500, "internal", "the server failed on this request");
  });
  server_->set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
    t_request_start = std::chrono::steady_clock::now();
    return httplib::Server::HandlerResponse::Unhandled;
  });
  server_->set_post_routing_handler([](const httplib::Request&, httplib::Response& res) {
    // The rejecting thread serves one request per connection, so that a
    // client keeping its connection open cannot hold it.
    if (BoundedTaskQueue::RejectingOnThisThread()) res.set_header("Connection", "close");
  });
  server_->set_logger([this](const httplib::Request& req, const httplib::Response& res) {
    double seconds = 0;  // a request refused before its headers were read took no measurable time
    if (t_request_start) seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - *t_request_start).count();
    t_request_start.reset();
    metrics_.RecordRequest(req.path, res.status, seconds);
  });
}

BoundedTaskQueue::Load HttpApi::pool_load() const { return pool_->load(); }

Status HttpApi::Bind() {
  port_ = options_.port == 0 ? server_->bind_to_any_port(options_.host)
                             : (server_->bind_to_port(options_.host, options_.port) ? options_.port : -1);
  if (port_ < 0)
    return Status(StatusCode::kIoError, "cannot listen on " + options_.host + ":" + std::to_string(options_.port) +
                                            " (is the port taken, or the host not this machine's?)");
  // Listening again on a listening socket only changes its backlog.
  if (::listen(static_cast<ListeningServer&>(*server_).listening_socket(), SOMAXCONN) != 0)
    return Status(StatusCode::kIoError, std::string("cannot set the listening backlog: ") + std::strerror(errno));
  return Status::Ok();
}

void HttpApi::Run() {
  in_run_ = true;
  if (!stop_requested_) server_->listen_after_bind();
  in_run_ = false;
}

void HttpApi::Stop() {
  // cpp-httplib's stop() does nothing before its loop runs, so a Stop that
  // comes while Run is starting waits for the loop (or for Run to end).
  // With both flags sequentially consistent, either Run sees the request
  // or Stop sees Run.
  stop_requested_ = true;
  while (in_run_ && !server_->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  server_->stop();
}

}  // namespace credence::internal
