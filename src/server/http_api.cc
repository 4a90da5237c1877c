// HttpApi (http_api.h): routes, limits and error answers.
#include "server/http_api.h"

#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iterator>
#include <thread>

#include <nlohmann/json.hpp>

#include "credence/model.h"
#include "io/json_report_writer.h"
#include "io/json_stream.h"
#include "server/analyze_request.h"
#include "server/web_files.h"

namespace credence::internal {
namespace {

constexpr const char* kJson = "application/json";

// Answers with {"error": {"kind", "message"}}.
void SetError(httplib::Response& res, int status, std::string_view kind, const std::string& message) {
  std::string body;
  JsonStream json(&body);
  json.BeginObject();
  WriteErrorMember(kind, message, &json);
  json.EndObject();
  body.push_back('\n');
  res.status = status;
  res.set_content(body, kJson);
}

}  // namespace

HttpApi::HttpApi(const Analyzer& analyzer, ServerOptions options)
    : analyzer_(analyzer), options_(std::move(options)), server_(std::make_unique<httplib::Server>()) {
  const std::size_t threads = options_.threads > 0 ? options_.threads : std::max(1u, std::thread::hardware_concurrency());
  server_->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server_->set_payload_max_length(options_.max_body_bytes);
  // SO_REUSEADDR only: cpp-httplib's default adds SO_REUSEPORT, with which a
  // second server on a taken port starts without a word and shares its traffic.
  server_->set_socket_options([](socket_t sock) {  // cpp-httplib declares socket_t globally
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  server_->set_read_timeout(options_.timeout_seconds, 0);
  server_->set_write_timeout(options_.timeout_seconds, 0);
  AddRoutes();
}

HttpApi::~HttpApi() { Stop(); }

void HttpApi::AddRoutes() {
  // The web page: web/ compiled in. It loads nothing from elsewhere, and
  // the policy header says so to the browser too.
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
  server_->Get("/", serve_file("index.html", "text/html; charset=utf-8"));
  server_->Get("/app.css", serve_file("app.css", "text/css; charset=utf-8"));
  server_->Get("/app.js", serve_file("app.js", "text/javascript; charset=utf-8"));
  server_->Get("/openapi.yaml", serve_file("openapi.yaml", "application/yaml; charset=utf-8"));
  server_->Get("/v1/health", [this](const httplib::Request&, httplib::Response& res) {
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
  server_->Post("/v1/analyze", [this](const httplib::Request& req, httplib::Response& res) {
    Result<AnalyzeRequest> request = ParseAnalyzeRequest(req.body, options_.max_body_bytes);
    if (!request) return SetError(res, 400, "bad_request", request.error().message());
    Result<AnalyzedInput> done = AnalyzeInput(analyzer_, std::move(request->body), request->options);
    if (!done) {
      const StatusCode code = done.error().code();
      return SetError(res, code == StatusCode::kTooLarge ? 413 : code == StatusCode::kInternal ? 500 : 400,
                      StatusCodeName(code), done.error().message());
    }
    res.set_content(ReportJsonText(done->document, done->report) + "\n", kJson);
  });
  // A body over the limit never reaches a handler: cpp-httplib answers 413
  // itself; this gives that answer (and 404s) a JSON body too.
  server_->set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;
    if (res.status == 413) SetError(res, 413, "too_large", "the request body is larger than the server's limit");
    else if (res.status == 404) SetError(res, 404, "not_found", "no such endpoint");
    else SetError(res, res.status, "http_error", "HTTP status " + std::to_string(res.status));
  });
  server_->set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    SetError(res, 500, "internal", "the server failed on this request");
  });
}

Status HttpApi::Bind() {
  port_ = options_.port == 0 ? server_->bind_to_any_port(options_.host)
                             : (server_->bind_to_port(options_.host, options_.port) ? options_.port : -1);
  if (port_ < 0)
    return Status(StatusCode::kIoError, "cannot listen on " + options_.host + ":" + std::to_string(options_.port) +
                                            " (is the port taken, or the host not this machine's?)");
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
