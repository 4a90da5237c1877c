// Tests for BoundedTaskQueue (src/server/bounded_task_queue.cc): tasks run
// on the workers while there is room; beyond the queue's bound they run on
// the rejecting thread (where the API answers 503), never dropped.
#include "server/bounded_task_queue.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>

namespace credence::internal {
namespace {

TEST(BoundedTaskQueue, RejectsBeyondWorkersAndQueueButRunsEveryTask) {
  BoundedTaskQueue pool(/*workers=*/2, /*max_waiting=*/1);
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::atomic<int> served{0}, rejected{0};
  auto task = [&] {
    if (BoundedTaskQueue::RejectingOnThisThread()) {
      ++rejected;
      return;
    }
    released.wait();
    ++served;
  };
  for (int i = 0; i < 2; ++i) pool.enqueue(task);
  for (int i = 0; i < 500 && pool.load().busy < 2; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  ASSERT_EQ(pool.load().busy, 2u);
  pool.enqueue(task);  // waits: one place in the queue
  EXPECT_EQ(pool.load().waiting, 1u);
  pool.enqueue(task);  // no room: rejected
  pool.enqueue(task);
  for (int i = 0; i < 500 && rejected < 2; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  EXPECT_EQ(rejected, 2);
  EXPECT_EQ(pool.load().rejected, 2u);
  release.set_value();
  pool.shutdown();  // finishes what was queued
  EXPECT_EQ(served, 3);
  EXPECT_FALSE(BoundedTaskQueue::RejectingOnThisThread());
}

TEST(BoundedTaskQueue, ShutdownTwiceAndWithoutTasksIsFine) {
  BoundedTaskQueue pool(3, 0);
  pool.shutdown();
  pool.shutdown();
  EXPECT_EQ(pool.load().workers, 3u);
}

}  // namespace
}  // namespace credence::internal
