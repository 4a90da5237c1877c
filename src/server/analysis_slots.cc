// AnalysisSlots (analysis_slots.h): a first-come first-served counting
// semaphore.
#include "server/analysis_slots.h"

#include <algorithm>

namespace credence::internal {

AnalysisSlots::AnalysisSlots(std::size_t slots) : slots_(std::max<std::size_t>(1, slots)) {}

AnalysisSlots::Held::Held(AnalysisSlots& slots) : slots_(slots) {
  std::unique_lock lock(slots_.mu_);
  const std::uint64_t ticket = slots_.next_ticket_++;
  slots_.turn_.wait(lock, [&] { return ticket < slots_.released_ + slots_.slots_; });
}

AnalysisSlots::Held::~Held() {
  {
    std::lock_guard lock(slots_.mu_);
    ++slots_.released_;
  }
  slots_.turn_.notify_all();
}

AnalysisSlots::Load AnalysisSlots::load() const {
  std::lock_guard lock(mu_);
  // Tickets handed out and not yet released: running (up to slots_) or waiting.
  const std::uint64_t holding = next_ticket_ - released_;
  const std::size_t running = static_cast<std::size_t>(std::min<std::uint64_t>(holding, slots_));
  return {.slots = slots_, .running = running, .waiting = static_cast<std::size_t>(holding) - running};
}

}  // namespace credence::internal
