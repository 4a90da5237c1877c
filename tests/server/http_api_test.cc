// Tests for HttpApi (src/server/http_api.cc) over real HTTP on 127.0.0.1:
// a server on a free port, a cpp-httplib client, the answers' status codes
// and JSON bodies.
#include "server/http_api.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <string>
#include <thread>

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
  }
  void TearDown() override {
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
  EXPECT_EQ(report["schema_version"], "1.2");
  EXPECT_EQ(report["input"]["bytes"], text.size());
  EXPECT_EQ(report["site"]["domain"], "theduran.com");
  EXPECT_FALSE(report["cues"].empty());
  const std::string page = testing::ReadFileOrEmpty(std::string(CREDENCE_SOURCE_DIR) + "/examples/demo-article.html");
  auto [page_status, page_report] = Analyze(nlohmann::json{{"html", page}}.dump());
  EXPECT_EQ(page_status, 200);
  EXPECT_FALSE(page_report["page"].is_null());
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

TEST_F(HttpApiTest, ATakenPortIsRefused) {
  HttpApi second(testing::ModelFreeAnalyzer(), ServerOptions{.host = "127.0.0.1", .port = api_->port()});
  Status bound = second.Bind();
  EXPECT_EQ(bound.code(), StatusCode::kIoError);
  EXPECT_NE(bound.message().find("cannot listen on 127.0.0.1:"), std::string::npos) << bound.message();
}

}  // namespace
}  // namespace credence::internal
