// AnalysisSlots: how many analyses the server runs at once. Connections are
// many (each worker thread holds one, mostly waiting on the network), but
// analysis is CPU work: running more at once than there are cores only
// makes each slower. A request takes a slot for its analysis and waits its
// turn in arrival order (tickets), so under load every connection gets its
// share and no request waits behind a long run of others.
//
//   AnalysisSlots slots(4);
//   { AnalysisSlots::Held held(slots); Analyze(...); }   // waits for a slot
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>

namespace credence::internal {

class AnalysisSlots {
 public:
  explicit AnalysisSlots(std::size_t slots);

  // A slot held for the life of the object (taken in arrival order).
  class Held {
   public:
    explicit Held(AnalysisSlots& slots);
    ~Held();
    Held(const Held&) = delete;
    Held& operator=(const Held&) = delete;

   private:
    AnalysisSlots& slots_;
  };

  struct Load {
    std::size_t slots = 0;
    std::size_t running = 0;
    std::size_t waiting = 0;
  };
  Load load() const;

 private:
  const std::size_t slots_;
  mutable std::mutex mu_;
  std::condition_variable turn_;
  std::uint64_t next_ticket_ = 0;  // tickets handed out
  std::uint64_t released_ = 0;     // slots given back; ticket t runs once t < released_ + slots_
};

}  // namespace credence::internal
