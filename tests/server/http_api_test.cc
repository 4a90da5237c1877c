// Tests for HttpApi (src/server/http_api.cc) over real HTTP on 127.0.0.1:
// a server on a free port, a cpp-httplib client, the answers' status codes
// and JSON bodies.
#include "server/http_api.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/analyzer_support.h"
#include "tests/test_support.h"

namespace credence::internal {
namespace {

class HttpApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    api_ = std::make_unique<HttpApi>(testing::ModelFreeAnalyzer(),
                                     ServerOptions{.host = "127.0.0.1", .port = 0, .threads = 2, .max_body_bytes = 64 << 10});
    ASSERT_TRUE(api_->Bind().ok());
    server_ = std::thread([this] { api_->Run(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", api_->port());
    // One connection, so one worker: a request's metrics are recorded
    // (after its answer is written) before the next request is read.
    client_->set_keep_alive(true);
  }
  void TearDown() override {
    client_.reset();  // closes its kept-alive connection, which would hold a worker until its timeout
    api_->Stop();
    if (server_.joinable()) server_.join();
  }
  // POSTs `body` to /v1/analyze; returns the status and the parsed answer.
  std::pair<int, nlohmann::json> Analyze(const std::string& body) {
    httplib::Result r = client_->Post("/v1/analyze", body, "application/json");
    EXPECT_TRUE(r) << "no answer";
    if (!r) return {0, nullptr};
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/json");
    return {r->status, nlohmann::json::parse(r->body, nullptr, false)};
  }

  std::unique_ptr<HttpApi> api_;
  std::thread server_;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(HttpApiTest, HealthSaysOk) {
  httplib::Result r = client_->Get("/v1/health");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  nlohmann::json j = nlohmann::json::parse(r->body);
  EXPECT_EQ(j["status"], "ok");
  EXPECT_EQ(j["version"], CREDENCE_VERSION);
  EXPECT_TRUE(j["model"].is_null());  // the test analyzer has none
}

TEST_F(HttpApiTest, AnalyzeAnswersTheReport) {
  const std::string text = testing::ReadFileOrEmpty(std::string(CREDENCE_SOURCE_DIR) + "/examples/demo-article.txt");
  ASSERT_FALSE(text.empty());
  auto [status, report] = Analyze(nlohmann::json{{"text", text}, {"url", "https://theduran.com/x"}}.dump());
  EXPECT_EQ(status, 200);
  EXPECT_EQ(report["schema_version"], "1.5");
  EXPECT_EQ(report["input"]["bytes"], text.size());
  EXPECT_EQ(report["site"]["domain"], "theduran.com");
  EXPECT_FALSE(report["cues"].empty());
  const std::string page = testing::ReadFileOrEmpty(std::string(CREDENCE_SOURCE_DIR) + "/examples/demo-article.html");
  auto [page_status, page_report] = Analyze(nlohmann::json{{"html", page}}.dump());
  EXPECT_EQ(page_status, 200);
  EXPECT_FALSE(page_report["page"].is_null());
}

TEST_F(HttpApiTest, FactCheckSearchAnswersMatchesAndNamesBadRequests) {
  auto search = [&](const std::string& body) {
    httplib::Result r = client_->Post("/v1/factchecks/search", body, "application/json");
    EXPECT_TRUE(r) << "no answer";
    return r ? std::pair<int, nlohmann::json>{r->status, nlohmann::json::parse(r->body, nullptr, false)}
             : std::pair<int, nlohmann::json>{0, nullptr};
  };
  // The built-in index holds the Snopes claim of CheckThat! 2020 (vclaim 0).
  auto [status, answer] = search(R"({"text": "122 detainees released from Guantanamo under Obama went back to terrorism", "k": 2})");
  ASSERT_EQ(status, 200) << answer.dump();
  EXPECT_GT(answer["index_size"].get<int>(), 20000);
  ASSERT_FALSE(answer["matches"].empty());
  EXPECT_EQ(answer["matches"][0]["publisher"], "Snopes");
  EXPECT_GE(answer["matches"][0]["score"].get<double>(), 0.5);
  EXPECT_LE(answer["matches"].size(), 2u);
  EXPECT_EQ(search(R"({"text": ""})").first, 400);
  EXPECT_EQ(search(R"({"text": "x", "k": 0})").first, 400);
  EXPECT_EQ(search(R"({"text": "x", "min_score": 2})").first, 400);
  auto [unknown_status, unknown] = search(R"({"text": "x", "limit": 3})");
  EXPECT_EQ(unknown_status, 400);
  EXPECT_NE(unknown["error"]["message"].get<std::string>().find("unknown field \"limit\""), std::string::npos);
  EXPECT_EQ(search("[1, 2]").first, 400);
  EXPECT_EQ(search("{not json").first, 400);
}

TEST_F(HttpApiTest, BadRequestsGet400WithTheProblemNamed) {
  auto [s1, j1] = Analyze("{not json");
  EXPECT_EQ(s1, 400);
  EXPECT_EQ(j1["error"]["kind"], "bad_request");
  EXPECT_EQ(j1["error"]["message"], "the request body is not valid JSON");
  auto [s2, j2] = Analyze("{\"text\": \"caf\xe9\"}");
  EXPECT_EQ(s2, 400);
  EXPECT_EQ(j2["error"]["message"], "the request body is not valid UTF-8");
  auto [s3, j3] = Analyze(R"({"text": "   "})");
  EXPECT_EQ(s3, 400);
  EXPECT_EQ(j3["error"]["kind"], "empty_input");
}

TEST_F(HttpApiTest, OversizedBodyGets413AndUnknownPath404) {
  auto [status, j] = Analyze(nlohmann::json{{"text", std::string(100 << 10, 'a')}}.dump());
  EXPECT_EQ(status, 413);
  EXPECT_EQ(j["error"]["kind"], "too_large");
  httplib::Result r = client_->Get("/v2/nothing");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  EXPECT_EQ(nlohmann::json::parse(r->body)["error"]["kind"], "not_found");
}

TEST_F(HttpApiTest, ABodyLabelledAsAFormIsReadWhole) {
  // curl --data-binary's default Content-Type: cpp-httplib alone caps such a body at 8 KiB.
  const std::string text = "The mayor said the bridge opens in May. ";
  std::string article;
  while (article.size() < (20 << 10)) article += text;
  httplib::Result r = client_->Post("/v1/analyze", nlohmann::json{{"text", article}}.dump(), "application/x-www-form-urlencoded");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body;
  EXPECT_TRUE(nlohmann::json::parse(r->body).contains("verdict"));
  httplib::Result none = client_->Post("/v1/factchecks/search", R"({"text": "the bridge opens in May"})", "");
  ASSERT_TRUE(none);
  EXPECT_NE(none->status, 413);
  httplib::Result big = client_->Post("/v1/analyze", std::string(100 << 10, 'a'), "application/x-www-form-urlencoded");
  ASSERT_TRUE(big);
  EXPECT_EQ(big->status, 413);
  EXPECT_EQ(nlohmann::json::parse(big->body)["error"]["kind"], "too_large");
}

TEST_F(HttpApiTest, AMultipartBodyGets415) {
  httplib::MultipartFormDataItems items = {{"text", "The mayor said the bridge opens in May.", "", ""}};
  httplib::Result r = client_->Post("/v1/analyze", items);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 415);
  EXPECT_EQ(nlohmann::json::parse(r->body)["error"]["kind"], "unsupported_media_type");
}

TEST_F(HttpApiTest, ServesConcurrentClients) {
  std::vector<std::thread> clients;
  std::atomic<int> ok{0};
  for (int c = 0; c < 4; ++c)
    clients.emplace_back([&] {
      httplib::Client client("127.0.0.1", api_->port());
      for (int i = 0; i < 5; ++i) {
        httplib::Result r = client.Post("/v1/analyze", R"({"text": "The mayor said the bridge opens in May."})",
                                        "application/json");
        if (r && r->status == 200) ++ok;
      }
    });
  for (std::thread& t : clients) t.join();
  EXPECT_EQ(ok, 20);
}

TEST_F(HttpApiTest, BatchStreamsOneLinePerRecordInOrder) {
  const std::string body =
      R"({"id": "first", "text": "The mayor said the bridge opens in May."})" "\n"
      "not json\n"
      "\n"
      R"({"id": "third", "text": "Insiders say it would appear the plan was a hoax."})" "\n";
  httplib::Result r = client_->Post("/v1/batch?fields=label,cues", body, "application/x-ndjson");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Transfer-Encoding"), "chunked");
  std::vector<nlohmann::json> lines;
  std::istringstream in(r->body);
  for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0]["id"], "first");
  EXPECT_EQ(lines[0]["position"], 1);
  EXPECT_TRUE(lines[0].contains("cues"));
  EXPECT_FALSE(lines[0].contains("attributions"));  // not among the fields asked for
  EXPECT_EQ(lines[1]["id"], "request:2");
  EXPECT_EQ(lines[1]["error"]["kind"], "bad_record");
  EXPECT_EQ(lines[2]["id"], "third");
  EXPECT_EQ(lines[2]["position"], 4);

  httplib::Result bad_field = client_->Post("/v1/batch?fields=nonsense", body, "application/x-ndjson");
  ASSERT_TRUE(bad_field);
  EXPECT_EQ(bad_field->status, 400);
  httplib::Result empty = client_->Post("/v1/batch", " \n", "application/x-ndjson");
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->status, 400);
}

TEST_F(HttpApiTest, MetricsCountRequestsLatencyAndErrors) {
  Analyze(R"({"text": "The mayor said the bridge opens in May."})");
  Analyze("{not json");
  Analyze("[1]");
  httplib::Result r = client_->Get("/metrics");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "text/plain; version=0.0.4; charset=utf-8");
  const std::string& m = r->body;
  EXPECT_NE(m.find("credence_http_requests_total{route=\"/v1/analyze\",code=\"200\"} 1\n"), std::string::npos) << m;
  EXPECT_NE(m.find("credence_http_requests_total{route=\"/v1/analyze\",code=\"400\"} 2\n"), std::string::npos) << m;
  EXPECT_NE(m.find("credence_http_errors_total{kind=\"bad_request\"} 2\n"), std::string::npos) << m;
  EXPECT_NE(m.find("credence_http_request_duration_seconds_bucket{route=\"/v1/analyze\",le=\"+Inf\"} 3\n"),
            std::string::npos) << m;
  EXPECT_NE(m.find("credence_http_request_duration_seconds_count{route=\"/v1/analyze\"} 3\n"), std::string::npos);
  EXPECT_NE(m.find("# TYPE credence_http_request_duration_seconds histogram\n"), std::string::npos);
  EXPECT_NE(m.find("credence_workers 64\n"), std::string::npos) << m;
  EXPECT_NE(m.find("credence_analysis_slots 2\n"), std::string::npos) << m;
  EXPECT_NE(m.find("credence_analyses_running 0\n"), std::string::npos) << m;
  EXPECT_NE(m.find("process_resident_memory_bytes "), std::string::npos);
  // A scan of made-up paths is counted under one label, not one per path.
  client_->Get("/a");
  client_->Get("/b");
  httplib::Result again = client_->Get("/metrics");
  ASSERT_TRUE(again);
  EXPECT_NE(again->body.find("credence_http_requests_total{route=\"other\",code=\"404\"} 2\n"), std::string::npos);
}

TEST_F(HttpApiTest, ServesTheBuiltInPage) {
  httplib::Result page = client_->Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_EQ(page->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(page->body.find("<html"), std::string::npos);
  EXPECT_NE(page->get_header_value("Content-Security-Policy").find("default-src 'self'"), std::string::npos);
  for (const char* file : {"/app.js", "/app.css", "/openapi.yaml"}) {
    httplib::Result r = client_->Get(file);
    ASSERT_TRUE(r) << file;
    EXPECT_EQ(r->status, 200) << file;
    EXPECT_FALSE(r->body.empty()) << file;
  }
}

TEST_F(HttpApiTest, ReadyWhenEverythingLookedForIsOpen) {
  // The test Analyzer turns the model and the learned detectors off by
  // option (not missing) and opens the build tree's fact-check index.
  httplib::Result r = client_->Get("/v1/ready");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body;
  const nlohmann::json j = nlohmann::json::parse(r->body);
  EXPECT_EQ(j["ready"], true);
  EXPECT_TRUE(j["unavailable"].empty());
  EXPECT_GT(j["fact_checks"].get<std::size_t>(), 0u);
}

TEST(HttpApiReadiness, AMissingIndexIsNotReady) {
  // A default index that cannot be opened leaves analysis running (reports
  // say so) but the server not ready.
  ::setenv("CREDENCE_FACTCHECKS", "/nonexistent/credence-test.idx", 1);
  Result<Analyzer> analyzer = Analyzer::Create({.model_path = "", .learned_models = ""});
  ::unsetenv("CREDENCE_FACTCHECKS");
  ASSERT_TRUE(analyzer) << analyzer.error().ToString();
  HttpApi api(*analyzer, ServerOptions{.host = "127.0.0.1", .port = 0, .threads = 1});
  ASSERT_TRUE(api.Bind().ok());
  std::thread server([&] { api.Run(); });
  {
    httplib::Client client("127.0.0.1", api.port());
    httplib::Result r = client.Get("/v1/ready");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 503);
    const nlohmann::json j = nlohmann::json::parse(r->body);
    EXPECT_EQ(j["ready"], false);
    ASSERT_EQ(j["unavailable"].size(), 1u);
    EXPECT_NE(j["unavailable"][0].get<std::string>().find("fact-check"), std::string::npos) << r->body;
    httplib::Result health = client.Get("/v1/health");
    ASSERT_TRUE(health);
    EXPECT_EQ(health->status, 200);  // alive all the same
  }
  api.Stop();
  server.join();
}

// A server whose one worker is held by an idle connection and whose queue
// holds nothing: analysis requests get 503 at once, health still answers.
TEST(HttpApiSaturation, AFullPoolAnswers503) {
  HttpApi api(testing::ModelFreeAnalyzer(),
              ServerOptions{.host = "127.0.0.1", .port = 0, .threads = 1, .connections = 1, .queue = 0, .timeout_seconds = 5});
  ASSERT_TRUE(api.Bind().ok());
  std::thread server([&] { api.Run(); });
  const int holder = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(api.port()));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::connect(holder, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  for (int i = 0; i < 500 && api.pool_load().busy == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  ASSERT_EQ(api.pool_load().busy, 1u);

  httplib::Client client("127.0.0.1", api.port());
  httplib::Result r = client.Post("/v1/analyze", R"({"text": "The mayor said the bridge opens in May."})",
                                  "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 503);
  EXPECT_EQ(r->get_header_value("Retry-After"), "1");
  EXPECT_EQ(r->get_header_value("Connection"), "close");
  EXPECT_EQ(nlohmann::json::parse(r->body)["error"]["kind"], "overloaded");
  httplib::Result health = client.Get("/v1/health");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  EXPECT_EQ(api.pool_load().rejected, 2u);

  ::close(holder);  // the worker is free again: requests are served
  for (int i = 0; i < 500 && api.pool_load().busy == 1; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  httplib::Result served = client.Post("/v1/analyze", R"({"text": "The mayor said the bridge opens in May."})",
                                       "application/json");
  ASSERT_TRUE(served);
  EXPECT_EQ(served->status, 200);
  api.Stop();
  server.join();
}

TEST_F(HttpApiTest, ATakenPortIsRefused) {
  HttpApi second(testing::ModelFreeAnalyzer(), ServerOptions{.host = "127.0.0.1", .port = api_->port()});
  Status bound = second.Bind();
  EXPECT_EQ(bound.code(), StatusCode::kIoError);
  EXPECT_NE(bound.message().find("cannot listen on 127.0.0.1:"), std::string::npos) << bound.message();
}

}  // namespace
}  // namespace credence::internal
