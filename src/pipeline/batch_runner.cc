// The batch's threads: the caller's thread reads, workers process, one
// writer thread writes. A single mutex guards the job queue and the
// finished results; the reader waits while `window` records are between
// being read and being written, which bounds memory in both the queue and
// the reorder buffer.
#include "pipeline/batch_runner.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace credence::internal {

Status RunBatch(const std::function<Result<bool>(BatchRecord*)>& next,
                const std::function<BatchResult(BatchRecord&&)>& work,
                const std::function<void(BatchResult&&)>& write, const BatchOptions& options,
                const std::function<void(const BatchProgress&)>& progress,
                std::chrono::milliseconds progress_every,
                const std::function<std::pair<std::uint64_t, std::uint64_t>()>& bytes) {
  const std::size_t threads =
      options.threads > 0 ? options.threads : std::max<std::size_t>(1, std::thread::hardware_concurrency());
  const std::size_t window = options.window > 0 ? options.window : 16 * threads;

  std::mutex mu;
  std::condition_variable job_ready, result_ready, room;
  std::deque<std::pair<std::uint64_t, BatchRecord>> jobs;
  std::map<std::uint64_t, BatchResult> finished;
  std::uint64_t read_count = 0, written = 0;
  bool reading_done = false;

  std::vector<std::thread> workers;
  for (std::size_t t = 0; t < threads; ++t) {
    workers.emplace_back([&] {
      for (;;) {
        std::pair<std::uint64_t, BatchRecord> job;
        {
          std::unique_lock lock(mu);
          job_ready.wait(lock, [&] { return !jobs.empty() || reading_done; });
          if (jobs.empty()) return;
          job = std::move(jobs.front());
          jobs.pop_front();
        }
        BatchResult result = work(std::move(job.second));
        result.index = job.first;
        {
          std::lock_guard lock(mu);
          finished.emplace(job.first, std::move(result));
        }
        result_ready.notify_one();
      }
    });
  }

  std::thread writer([&] {
    const auto start = std::chrono::steady_clock::now();
    auto last_progress = start;
    BatchProgress p;
    for (;;) {
      BatchResult result;
      {
        std::unique_lock lock(mu);
        result_ready.wait(lock, [&] {
          if (finished.empty()) return reading_done && written == read_count;
          return !options.ordered || finished.begin()->first == written;
        });
        if (finished.empty()) break;
        auto it = finished.begin();
        result = std::move(it->second);
        finished.erase(it);
      }
      p.records += 1;
      p.errors += result.error_kind.empty() ? 0 : 1;
      write(std::move(result));
      {
        std::lock_guard lock(mu);  // a record leaves the window once written
        ++written;
      }
      room.notify_one();
      const auto now = std::chrono::steady_clock::now();
      if (progress && now - last_progress >= progress_every) {
        last_progress = now;
        p.elapsed = now - start;
        if (bytes) std::tie(p.bytes_read, p.total_bytes) = bytes();
        progress(p);
      }
    }
    if (progress) {
      p.elapsed = std::chrono::steady_clock::now() - start;
      if (bytes) std::tie(p.bytes_read, p.total_bytes) = bytes();
      progress(p);
    }
  });

  Status status;
  for (;;) {
    BatchRecord record;
    Result<bool> got = next(&record);
    if (!got) {
      status = got.error();
      break;
    }
    if (!*got) break;
    std::unique_lock lock(mu);
    room.wait(lock, [&] { return read_count - written < window; });
    jobs.emplace_back(read_count++, std::move(record));
    lock.unlock();
    job_ready.notify_one();
  }
  {
    std::lock_guard lock(mu);
    reading_done = true;
  }
  job_ready.notify_all();
  result_ready.notify_all();
  for (std::thread& w : workers) w.join();
  result_ready.notify_all();
  writer.join();
  return status;
}

}  // namespace credence::internal
