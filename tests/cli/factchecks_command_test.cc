// Tests for `credence factchecks` (src/cli/factchecks_command.cc): build an
// index from an invented collection with bad records, add to it, search it
// as text and JSON, and the errors for a missing or damaged index.
#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "tests/test_support.h"

namespace credence {
namespace {

using Outcome = testing::CommandOutcome;

class FactChecksCommand : public testing::TempDirTest {
 protected:
  Outcome Credence(const std::vector<std::string>& args, const std::string& stdin_path = "/dev/null") {
    return testing::RunCredence(dir_, args, stdin_path);
  }
  std::string Collection() {
    return Write("mine.jsonl",
                 R"({"id": "ferry", "claim": "The ferry tax doubled in 2024.", "verdict": "False", "publisher": "Example Checks", "date": "2025-01-02", "url": "https://factcheck.example/ferry"})"
                 "\n"
                 "this line is not JSON\n"
                 R"({"verdict": "True"})"
                 "\n"
                 R"({"id": "gulls", "claim": "Gulls were banned from the harbour.", "verdict": "Mostly False", "publisher": "Example Checks"})"
                 "\n");
  }
};

TEST_F(FactChecksCommand, BuildsSearchesAndReportsBadRecords) {
  const std::string index = dir_ + "/mine.idx";
  Outcome build = Credence({"factchecks", "build", Collection(), "-o", index});
  ASSERT_EQ(build.exit_code, 0) << build.err;
  EXPECT_NE(build.err.find("line 2: bad JSON"), std::string::npos) << build.err;
  EXPECT_NE(build.err.find("line 3: no claim"), std::string::npos) << build.err;
  EXPECT_NE(build.err.find("2 fact-checks read, 2 skipped"), std::string::npos) << build.err;

  Outcome text = Credence({"factchecks", "search", "Has the ferry tax doubled?", "--index", index});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("Example Checks: False, 2025-01-02"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("https://factcheck.example/ferry"), std::string::npos) << text.out;

  Outcome json = Credence({"factchecks", "search", "Has the ferry tax doubled?", "--index", index, "--format", "json", "-k", "1"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const nlohmann::json j = nlohmann::json::parse(json.out);
  ASSERT_EQ(j["matches"].size(), 1u);
  EXPECT_EQ(j["matches"][0]["id"], "ferry");
  EXPECT_EQ(j["matches"][0]["falsity"], 1.0);
  EXPECT_TRUE(j["reranked"].get<bool>());
  EXPECT_GT(j["matches"][0]["score"].get<double>(), 0.0);

  Outcome none = Credence({"factchecks", "search", "completely unrelated words", "--index", index});
  EXPECT_EQ(none.exit_code, 0);
  EXPECT_NE(none.out.find("No fact-check matches"), std::string::npos);
}

TEST_F(FactChecksCommand, AddsToAnIndexAndReplacesById) {
  const std::string index = dir_ + "/mine.idx";
  ASSERT_EQ(Credence({"factchecks", "build", Collection(), "-o", index}).exit_code, 0);
  const std::string more = Write("more.jsonl",
                                 R"({"id": "ferry", "claim": "The ferry tax doubled in 2024.", "verdict": "Mostly True"})"
                                 "\n"
                                 R"({"id": "quay", "claim": "The quay closes at nine."})"
                                 "\n");
  Outcome add = Credence({"factchecks", "add", more, "--index", index});
  ASSERT_EQ(add.exit_code, 0) << add.err;
  EXPECT_NE(add.err.find("3 fact-checks (2 there before, 2 read, 1 replaced by id)"), std::string::npos) << add.err;
  Outcome json = Credence({"factchecks", "search", "ferry tax doubled", "--index", index, "--format", "json", "-k", "1"});
  ASSERT_EQ(json.exit_code, 0);
  EXPECT_EQ(nlohmann::json::parse(json.out)["matches"][0]["verdict"], "Mostly True");
}

TEST_F(FactChecksCommand, AddWithoutAnIndexStartsFromTheBuiltInOne) {
  // The user's index lives under $XDG_DATA_HOME: point it into the test folder.
  ::setenv("XDG_DATA_HOME", dir_.c_str(), 1);
  Outcome add = Credence({"factchecks", "add", Collection()});
  ::unsetenv("XDG_DATA_HOME");
  ASSERT_EQ(add.exit_code, 0) << add.err;
  EXPECT_NE(add.err.find(dir_ + "/credence/factchecks.idx"), std::string::npos) << add.err;
  EXPECT_NE(add.err.find("23211 there before"), std::string::npos) << add.err;  // Snopes and PolitiFact
}

TEST_F(FactChecksCommand, MissingOrDamagedIndexIsAClearError) {
  Outcome missing = Credence({"factchecks", "search", "ferry", "--index", dir_ + "/none.idx"});
  EXPECT_EQ(missing.exit_code, 3);
  EXPECT_NE(missing.err.find("cannot open the fact-check index"), std::string::npos) << missing.err;
  Outcome damaged = Credence({"factchecks", "search", "ferry", "--index", Write("bad.idx", "CREDFCIX but not really an index")});
  EXPECT_EQ(damaged.exit_code, 7);
  EXPECT_NE(damaged.err.find("is damaged"), std::string::npos) << damaged.err;
  Outcome empty = Credence({"factchecks", "build", Write("empty.jsonl", ""), "-o", dir_ + "/e.idx"});
  EXPECT_EQ(empty.exit_code, 4) << empty.err;
  Outcome junk = Credence({"factchecks", "build", Write("junk.txt", "no json here\n"), "-o", dir_ + "/j.idx"});
  EXPECT_EQ(junk.exit_code, 7) << junk.err;
  Outcome usage = Credence({"factchecks", "search"});
  EXPECT_EQ(usage.exit_code, 2);
}

TEST_F(FactChecksCommand, ReadsClaimReviewAndGzip) {
  const std::string review = Write("review.json", R"({"@context": "https://schema.org", "@type": "ClaimReview",
    "claimReviewed": "Gulls were banned from the harbour.", "url": "https://factcheck.example/gulls",
    "author": {"@type": "Organization", "name": "Example Checks"}, "datePublished": "2025-02-03",
    "reviewRating": {"@type": "Rating", "alternateName": "False"}})");
  ASSERT_EQ(std::system(("gzip -k '" + review + "'").c_str()), 0);
  Outcome build = Credence({"factchecks", "build", review + ".gz", "-o", dir_ + "/r.idx"});
  ASSERT_EQ(build.exit_code, 0) << build.err;
  Outcome search = Credence({"factchecks", "search", "harbour gulls banned", "--index", dir_ + "/r.idx"});
  EXPECT_NE(search.out.find("Example Checks: False, 2025-02-03"), std::string::npos) << search.out;
}

}  // namespace
}  // namespace credence
