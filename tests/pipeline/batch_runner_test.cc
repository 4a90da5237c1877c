// Tests for RunBatch (src/pipeline/batch_runner.cc): every record comes out
// once, in input order unless asked otherwise, with bounded records in
// flight, and a reader's failure ends the batch after what came before.
#include "pipeline/batch_runner.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <set>
#include <thread>
#include <vector>

namespace credence::internal {
namespace {

// A reader of `n` records whose body is their number.
std::function<Result<bool>(BatchRecord*)> Counter(std::uint64_t n, std::uint64_t fail_at = UINT64_MAX) {
  auto next = std::make_shared<std::uint64_t>(0);
  return [n, fail_at, next](BatchRecord* r) -> Result<bool> {
    if (*next == fail_at) return Error(StatusCode::kIoError, "disk on fire");
    if (*next >= n) return false;
    r->body = std::to_string((*next)++);
    return true;
  };
}

BatchResult Echo(BatchRecord&& r) {
  // Uneven work, so that records finish out of order.
  const int n = std::stoi(r.body);
  if (n % 7 == 0) std::this_thread::sleep_for(std::chrono::microseconds(300));
  BatchResult out;
  out.line = r.body + "\n";
  return out;
}

TEST(BatchRunner, WritesEveryRecordInInputOrder) {
  std::vector<std::string> lines;
  const Status s = RunBatch(Counter(2000), Echo, [&](BatchResult&& r) { lines.push_back(r.line); },
                            {.threads = 4, .ordered = true, .window = 0});
  ASSERT_TRUE(s.ok());
  ASSERT_EQ(lines.size(), 2000u);
  for (std::size_t i = 0; i < lines.size(); ++i) EXPECT_EQ(lines[i], std::to_string(i) + "\n");
}

TEST(BatchRunner, UnorderedStillWritesEachRecordOnce) {
  std::multiset<std::string> lines;
  ASSERT_TRUE(RunBatch(Counter(1000), Echo, [&](BatchResult&& r) { lines.insert(r.line); },
                       {.threads = 3, .ordered = false, .window = 0})
                  .ok());
  ASSERT_EQ(lines.size(), 1000u);
  for (int i = 0; i < 1000; ++i) EXPECT_EQ(lines.count(std::to_string(i) + "\n"), 1u);
}

TEST(BatchRunner, RecordsInFlightStayWithinTheWindow) {
  std::atomic<int> in_flight{0}, most{0};
  auto work = [&](BatchRecord&& r) {
    const int now = ++in_flight;
    int seen = most.load();
    while (now > seen && !most.compare_exchange_weak(seen, now)) {}
    BatchResult out = Echo(std::move(r));
    return out;
  };
  std::uint64_t written = 0;
  ASSERT_TRUE(RunBatch(Counter(3000), work,
                       [&](BatchResult&&) {
                         ++written;
                         --in_flight;  // read but not yet written, counted from work() to write()
                       },
                       {.threads = 4, .ordered = true, .window = 8})
                  .ok());
  EXPECT_EQ(written, 3000u);
  EXPECT_LE(most.load(), 8);
}

TEST(BatchRunner, AReaderFailureEndsTheBatchAfterWhatCameBefore) {
  std::vector<std::string> lines;
  const Status s = RunBatch(Counter(100, 40), Echo, [&](BatchResult&& r) { lines.push_back(r.line); },
                            {.threads = 2, .ordered = true, .window = 0});
  EXPECT_EQ(s.code(), StatusCode::kIoError);
  EXPECT_EQ(lines.size(), 40u);
}

TEST(BatchRunner, EmptyInputWritesNothing) {
  int writes = 0;
  ASSERT_TRUE(RunBatch(Counter(0), Echo, [&](BatchResult&&) { ++writes; }, {}).ok());
  EXPECT_EQ(writes, 0);
}

}  // namespace
}  // namespace credence::internal
