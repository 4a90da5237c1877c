// Tests for AnalysisSlots (src/server/analysis_slots.cc): at most N holders
// at once, and waiting holders served in the order they came.
#include "server/analysis_slots.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

namespace credence::internal {
namespace {

TEST(AnalysisSlots, NeverMoreHoldersThanSlots) {
  AnalysisSlots slots(2);
  std::atomic<int> inside{0}, most{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 50; ++i) {
        AnalysisSlots::Held held(slots);
        const int now = ++inside;
        int seen = most.load();
        while (now > seen && !most.compare_exchange_weak(seen, now)) {}
        std::this_thread::yield();
        --inside;
      }
    });
  for (std::thread& t : threads) t.join();
  EXPECT_LE(most.load(), 2);
  EXPECT_EQ(slots.load().running, 0u);
  EXPECT_EQ(slots.load().waiting, 0u);
}

TEST(AnalysisSlots, WaitersAreServedInArrivalOrder) {
  AnalysisSlots slots(1);
  std::vector<int> order;
  std::mutex mu;
  std::vector<std::thread> waiters;
  {
    AnalysisSlots::Held first(slots);
    for (int i = 0; i < 4; ++i) {
      waiters.emplace_back([&, i] {
        AnalysisSlots::Held held(slots);
        std::lock_guard lock(mu);
        order.push_back(i);
      });
      // Each waiter has taken its ticket before the next one starts.
      while (slots.load().waiting < static_cast<std::size_t>(i + 1)) std::this_thread::yield();
    }
    EXPECT_EQ(slots.load().running, 1u);
    EXPECT_EQ(slots.load().waiting, 4u);
  }
  for (std::thread& t : waiters) t.join();
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3}));
}

}  // namespace
}  // namespace credence::internal
