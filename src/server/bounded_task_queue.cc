// BoundedTaskQueue (bounded_task_queue.h): workers, a bounded queue, and one
// thread that answers the connections turned away.
#include "server/bounded_task_queue.h"

#include <algorithm>

namespace credence::internal {
namespace {
thread_local bool t_rejecting = false;

// Connections waiting to be rejected beyond which the accepting thread
// rejects one itself (slowing acceptance: back-pressure on a flood).
constexpr std::size_t kMaxToReject = 1024;
}  // namespace

BoundedTaskQueue::BoundedTaskQueue(std::size_t workers, std::size_t max_waiting) : worker_count_(std::max<std::size_t>(1, workers)), max_waiting_(max_waiting) {
  for (std::size_t i = 0; i < worker_count_; ++i) workers_.emplace_back([this] { Serve(); });
  rejecter_ = std::thread([this] { Reject(); });
}

BoundedTaskQueue::~BoundedTaskQueue() { shutdown(); }

bool BoundedTaskQueue::RejectingOnThisThread() { return t_rejecting; }

void BoundedTaskQueue::enqueue(std::function<void()> connection) {
  std::unique_lock lock(mu_);
  const std::size_t idle = worker_count_ - busy_;
  if (waiting_.size() < idle + max_waiting_) {
    waiting_.push_back(std::move(connection));
    lock.unlock();
    ready_.notify_all();
    return;
  }
  ++rejected_;
  if (to_reject_.size() < kMaxToReject) {
    to_reject_.push_back(std::move(connection));
    lock.unlock();
    ready_.notify_all();
    return;
  }
  lock.unlock();
  t_rejecting = true;
  connection();
  t_rejecting = false;
}

void BoundedTaskQueue::Serve() {
  for (;;) {
    std::function<void()> connection;
    {
      std::unique_lock lock(mu_);
      ready_.wait(lock, [&] { return !waiting_.empty() || shutting_down_; });
      if (waiting_.empty()) return;  // shutting down with nothing left
      connection = std::move(waiting_.front());
      waiting_.pop_front();
      ++busy_;
    }
    connection();
    std::lock_guard lock(mu_);
    --busy_;
  }
}

void BoundedTaskQueue::Reject() {
  t_rejecting = true;
  for (;;) {
    std::function<void()> connection;
    {
      std::unique_lock lock(mu_);
      ready_.wait(lock, [&] { return !to_reject_.empty() || shutting_down_; });
      if (to_reject_.empty()) return;
      connection = std::move(to_reject_.front());
      to_reject_.pop_front();
    }
    connection();
  }
}

void BoundedTaskQueue::shutdown() {
  {
    std::lock_guard lock(mu_);
    if (joined_) return;
    joined_ = true;
    shutting_down_ = true;  // the workers finish the connections already queued, then return
  }
  ready_.notify_all();
  for (std::thread& t : workers_) t.join();
  rejecter_.join();
}

BoundedTaskQueue::Load BoundedTaskQueue::load() const {
  std::lock_guard lock(mu_);
  return {.workers = worker_count_, .busy = busy_, .waiting = waiting_.size(), .max_waiting = max_waiting_,
          .rejected = rejected_};
}

}  // namespace credence::internal
