// BoundedTaskQueue: the worker pool of `credence serve`. cpp-httplib hands
// each accepted connection to a TaskQueue; its own ThreadPool queues them
// without end, so under overload every client waits longer and memory
// grows. This one has a fixed number of workers and at most `max_waiting`
// connections waiting for one. A connection that finds the queue full is
// not dropped without an answer: it goes to a rejecting thread, where the
// API answers 503 (handlers ask RejectingOnThisThread()) and closes it.
#pragma once

#include <httplib.h>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace credence::internal {

class BoundedTaskQueue : public httplib::TaskQueue {
 public:
  // `workers` >= 1 threads serve connections; `max_waiting` connections may
  // wait for one (0: none wait, a connection is served or rejected).
  BoundedTaskQueue(std::size_t workers, std::size_t max_waiting);
  ~BoundedTaskQueue() override;

  void enqueue(std::function<void()> connection) override;
  void shutdown() override;

  // True on the thread that is answering rejected connections.
  static bool RejectingOnThisThread();

  struct Load {
    std::size_t workers = 0;      // threads serving connections
    std::size_t busy = 0;         // of which serving one now
    std::size_t waiting = 0;      // connections waiting for a worker
    std::size_t max_waiting = 0;
    std::size_t rejected = 0;     // connections turned away since the start
  };
  Load load() const;

 private:
  void Serve();
  void Reject();

  const std::size_t worker_count_;
  const std::size_t max_waiting_;
  mutable std::mutex mu_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> waiting_;
  std::deque<std::function<void()>> to_reject_;
  std::size_t busy_ = 0;
  std::size_t rejected_ = 0;
  bool shutting_down_ = false;
  bool joined_ = false;
  std::vector<std::thread> workers_;
  std::thread rejecter_;
};

}  // namespace credence::internal
