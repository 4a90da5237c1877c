// Tests for `credence batch` (src/cli/batch_command.cc): every record gives
// one line in input order, bad records give error lines with their id and
// position and the batch goes on, CSV and --fields shapes, folders of
// files, standard input, and usage errors.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/test_support.h"

namespace credence {
namespace {

using Json = nlohmann::json;

const char* const kArticle =
    "The harbour council voted on Monday to delay the new ferry timetable until April, after residents, "
    "traders and the operator asked for more time. \"We owe it to the islanders to get this right,\" "
    "councillor Odile Fenwright said. Officials said the report on passenger numbers would come in March.";

class BatchCommand : public testing::TempDirTest {
 protected:
  testing::CommandOutcome Credence(const std::vector<std::string>& args, const std::string& in = "/dev/null") {
    std::vector<std::string> all = {"batch", "--model", ""};
    all.insert(all.end(), args.begin(), args.end());
    return testing::RunCredence(dir_, all, in);
  }
  static std::vector<Json> Lines(const std::string& out) {
    std::vector<Json> lines;
    std::size_t start = 0;
    for (std::size_t nl; (nl = out.find('\n', start)) != std::string::npos; start = nl + 1) {
      lines.push_back(Json::parse(out.substr(start, nl - start), nullptr, false));
      EXPECT_FALSE(lines.back().is_discarded()) << out.substr(start, nl - start);
    }
    return lines;
  }
  std::string Jsonl(const std::vector<std::string>& lines) {
    std::string s;
    for (const std::string& l : lines) s += l + "\n";
    return Write("in.jsonl", s);
  }
  static std::string Record(const std::string& id, const std::string& text) {
    return Json{{"id", id}, {"url", "https://daily.example/" + id}, {"text", text}}.dump();
  }
};

TEST_F(BatchCommand, EveryRecordOnceInInputOrder) {
  std::vector<std::string> lines;
  for (int i = 0; i < 60; ++i) lines.push_back(Record("r" + std::to_string(i), kArticle));
  const auto run = Credence({Jsonl(lines), "--threads", "3"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::vector<Json> out = Lines(run.out);
  ASSERT_EQ(out.size(), 60u);
  for (int i = 0; i < 60; ++i) {
    EXPECT_EQ(out[i]["id"], "r" + std::to_string(i));
    EXPECT_EQ(out[i]["position"], i + 1);
    EXPECT_TRUE(out[i].contains("cues"));
    EXPECT_EQ(out[i]["input"]["url"], "https://daily.example/r" + std::to_string(i));
  }
  EXPECT_NE(run.err.find("60 records, 60 analyzed, 0 errors"), std::string::npos) << run.err;
}

TEST_F(BatchCommand, BadRecordsBecomeErrorLinesAndTheBatchGoesOn) {
  const std::string big(5000, 'x');
  const auto run = Credence({Jsonl({Record("a", kArticle), "{not json", "[1, 2]", R"({"id": "no-text"})",
                                    Record("blank", "   "), Record("big", big), "", Record("z", kArticle)}),
                             "--max-bytes", "2K"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::vector<Json> out = Lines(run.out);
  ASSERT_EQ(out.size(), 7u);  // the blank line is skipped
  EXPECT_FALSE(out[0].contains("error"));
  EXPECT_EQ(out[1]["error"]["kind"], "bad_record");
  EXPECT_EQ(out[1]["position"], 2);
  EXPECT_EQ(out[1]["id"], out[1]["source"].get<std::string>() + ":2");
  EXPECT_EQ(out[2]["error"]["message"], "not a JSON object");
  EXPECT_EQ(out[3]["id"], "no-text");
  EXPECT_EQ(out[3]["error"]["kind"], "bad_record");
  EXPECT_EQ(out[4]["id"], "blank");
  EXPECT_EQ(out[4]["error"]["kind"], "empty_input");
  EXPECT_EQ(out[5]["error"]["kind"], "bad_record");  // larger than --max-bytes
  EXPECT_NE(out[5]["error"]["message"].get<std::string>().find("limit"), std::string::npos);
  EXPECT_EQ(out[6]["id"], "z");
  EXPECT_FALSE(out[6].contains("error"));
  EXPECT_NE(run.err.find("7 records, 2 analyzed, 5 errors"), std::string::npos) << run.err;
}

TEST_F(BatchCommand, HtmlFieldIsExtracted) {
  const std::string html = std::string("<html><head><title>Ferry vote</title></head><body><nav><a href='/'>Home"
                                       "</a></nav><article><h1>Ferry vote</h1><p>") + kArticle +
                           "</p></article></body></html>";
  const auto run = Credence({Jsonl({Json{{"id", "h"}, {"html", html}}.dump()})});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::vector<Json> out = Lines(run.out);
  ASSERT_EQ(out.size(), 1u);
  ASSERT_TRUE(out[0]["page"].is_object());
  EXPECT_EQ(out[0]["page"]["title"], "Ferry vote");
}

TEST_F(BatchCommand, CsvSummaryAndFields) {
  const std::string in = Jsonl({Record("a", kArticle), "{bad", Record("c,d", kArticle)});
  const auto csv = Credence({in, "--format", "csv"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  std::vector<std::string> rows;
  std::size_t start = 0;
  for (std::size_t nl; (nl = csv.out.find('\n', start)) != std::string::npos; start = nl + 1)
    rows.push_back(csv.out.substr(start, nl - start));
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0], "id,source,position,url,title,label,probability,words,cues,clickbait,techniques,claims,site,removed,error");
  EXPECT_EQ(rows[1].rfind("a,", 0), 0u);
  EXPECT_NE(rows[2].find("bad_record: not valid JSON"), std::string::npos);
  EXPECT_EQ(rows[3].rfind("\"c,d\",", 0), 0u);  // quoted
  const auto some = Credence({in, "--format", "csv", "--fields", "id,error"});
  EXPECT_EQ(some.out.substr(0, some.out.find('\n')), "id,error");
  const auto json = Credence({in, "--fields", "id,cues"});
  const std::vector<Json> out = Lines(json.out);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_TRUE(out[0].contains("cues"));
  EXPECT_FALSE(out[0].contains("structure"));
}

TEST_F(BatchCommand, FoldersOfFilesAndStandardInput) {
  std::filesystem::create_directories(dir_ + "/pages/sub");
  Write("pages/one.txt", kArticle);
  Write("pages/sub/two.html", std::string("<html><body><article><p>") + kArticle + "</p></article></body></html>");
  Write("pages/ignored.png", "not an article");
  const auto run = Credence({dir_ + "/pages"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::vector<Json> out = Lines(run.out);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0]["id"], dir_ + "/pages/one.txt");
  EXPECT_TRUE(out[0]["page"].is_null());
  EXPECT_TRUE(out[1]["page"].is_object());
  const auto piped = Credence({}, Jsonl({Record("s", kArticle)}));
  ASSERT_EQ(piped.exit_code, 0) << piped.err;
  EXPECT_EQ(Lines(piped.out).at(0)["id"], "s");
}

TEST_F(BatchCommand, AMissingInputIsReportedAndTheOthersRun) {
  const auto run = Credence({dir_ + "/nope.jsonl", Jsonl({Record("a", kArticle)})});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::vector<Json> out = Lines(run.out);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0]["error"]["kind"], "input");
  EXPECT_EQ(out[1]["id"], "a");
}

TEST_F(BatchCommand, WarcAndCsvInputs) {
  const std::string page = std::string("<html><head><title>Ferry vote</title></head><body><article><p>") + kArticle +
                           "</p></article></body></html>";
  const std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " +
                           std::to_string(page.size()) + "\r\n\r\n" + page;
  auto record = [&](const std::string& type, const std::string& uri, const std::string& block) {
    return "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Record-ID: <urn:uuid:" + uri.substr(uri.size() - 1) +
           ">\r\nWARC-Target-URI: " + uri + "\r\nContent-Type: application/http; msgtype=" + type +
           "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
  };
  const std::string warc = record("request", "https://daily.example/1", "GET / HTTP/1.1\r\n\r\n") +
                           record("response", "https://daily.example/1", http) +
                           record("response", "https://daily.example/2", http);
  const auto run = Credence({Write("crawl.warc", warc), "--fields", "id,page,input"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::vector<Json> out = Lines(run.out);
  ASSERT_EQ(out.size(), 2u);  // the request record is not an article
  EXPECT_EQ(out[0]["id"], "urn:uuid:1");
  EXPECT_EQ(out[1]["input"]["url"], "https://daily.example/2");
  EXPECT_EQ(out[1]["page"]["title"], "Ferry vote");

  std::string quoted = "\"";  // the article as one CSV field: quotes doubled
  for (const char* c = kArticle; *c; ++c) quoted += *c == '"' ? std::string("\"\"") : std::string(1, *c);
  const std::string csv = "id,title,text\n1,Ferry vote," + quoted + "\"\n2,Empty,\n";
  const auto from_csv = Credence({Write("articles.csv", csv), "--format", "csv", "--fields", "id,title,error"});
  ASSERT_EQ(from_csv.exit_code, 0) << from_csv.err;
  EXPECT_EQ(from_csv.out.substr(0, from_csv.out.find('\n')), "id,title,error");
  EXPECT_NE(from_csv.out.find("\n1,Ferry vote,\n"), std::string::npos) << from_csv.out;
  EXPECT_NE(from_csv.out.find("\n2,Empty,\"bad_record"), std::string::npos) << from_csv.out;
}

TEST_F(BatchCommand, AReaderThatGoesAwayEndsTheBatchQuietly) {
  // `credence batch ... | head -c 1`: the first failed write (EPIPE) ends
  // the batch without a message or a summary, with exit 1, not SIGPIPE's 141.
  std::vector<std::string> lines;
  for (int i = 0; i < 3000; ++i) lines.push_back(Record("r" + std::to_string(i), kArticle));
  const std::string input = Jsonl(lines);
  const std::string cmd = "'" + std::string(CREDENCE_BINARY) + "' batch --model '' --threads 1 '" + input + "' 2>'" +
                          dir_ + "/err' | head -c 1 >/dev/null; echo ${PIPESTATUS[0]}";
  FILE* p = ::popen(("bash '" + Write("pipe.sh", cmd) + "'").c_str(), "r");
  ASSERT_NE(p, nullptr);
  char buf[16] = {};
  ASSERT_NE(std::fgets(buf, sizeof buf, p), nullptr);
  ::pclose(p);
  EXPECT_EQ(std::string(buf), "1\n");
  std::ifstream err(dir_ + "/err");
  const std::string said((std::istreambuf_iterator<char>(err)), std::istreambuf_iterator<char>());
  EXPECT_EQ(said, "");
}

TEST_F(BatchCommand, AFullDiskIsNamed) {
  const auto run = Credence({Jsonl({Record("a", kArticle)}), "-o", "/dev/full"});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("cannot write the output: No space left on device"), std::string::npos) << run.err;
}

TEST_F(BatchCommand, UsageErrors) {
  EXPECT_EQ(Credence({"--fields", "nonsense"}).exit_code, 2);
  EXPECT_EQ(Credence({"--format", "xml"}).exit_code, 2);
  EXPECT_EQ(Credence({"--input-format", "pdf"}).exit_code, 2);
}

}  // namespace
}  // namespace credence
