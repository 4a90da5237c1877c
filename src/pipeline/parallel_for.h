// ParallelFor: runs fn(i) for i in [0, n) on `threads` threads (the calling
// one included). Items are dealt out by an atomic counter and each writes
// its own result slot, so results never depend on timing.
#pragma once

#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace credence::internal {

template <typename Fn>
void ParallelFor(std::size_t n, int threads, Fn fn) {
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < n; i = next++) fn(i);
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& th : pool) th.join();
}

}  // namespace credence::internal
