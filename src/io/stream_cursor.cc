// The buffer keeps its allocation between fills and moves only the few
// unconsumed bytes to its front, so scanning a large input touches each
// byte about once.
#include "io/stream_cursor.h"

#include <algorithm>
#include <cassert>
#include <cstring>

namespace credence::internal {
namespace {

constexpr std::size_t kChunkBytes = std::size_t{1} << 16;

}  // namespace

void StreamCursor::Consume(std::size_t n) {
  assert(n <= end_ - pos_);
  pos_ += n;
}

Result<bool> StreamCursor::Fill() {
  if (pos_ > 0) {
    std::memmove(buf_.data(), buf_.data() + pos_, end_ - pos_);
    end_ -= pos_;
    base_ += pos_;
    pos_ = 0;
  }
  if (buf_.size() - end_ < kChunkBytes) buf_.resize(end_ + kChunkBytes);
  Result<std::size_t> got = in_.Read(buf_.data() + end_, buf_.size() - end_);
  if (!got) return tl::unexpected(got.error());
  end_ += *got;
  return *got > 0;
}

Result<LineStatus> StreamCursor::ReadLine(std::size_t max_line, std::string* line) {
  line->clear();
  bool too_long = false;
  bool any = false;
  for (;;) {
    const std::string_view buf = buffered();
    const std::size_t nl = buf.find('\n');
    const std::size_t end = nl == std::string_view::npos ? buf.size() : nl;
    if (!too_long) {
      const std::size_t room = max_line - std::min(max_line, line->size());
      line->append(buf.data(), std::min(room, end));
      // A "\r" just past the limit belongs to the line ending, not the line.
      const bool only_cr_over = end == room + 1 && nl != std::string_view::npos && buf[room] == '\r';
      if (end > room && !only_cr_over) too_long = true;
    }
    any = any || !buf.empty();
    if (nl != std::string_view::npos) {
      Consume(nl + 1);
      break;
    }
    Consume(buf.size());
    Result<bool> more = Fill();
    if (!more) return tl::unexpected(more.error());
    if (!*more) {
      if (!any) return LineStatus::kEnd;
      break;  // a last line without a newline
    }
  }
  if (!line->empty() && line->back() == '\r') line->pop_back();
  return too_long ? LineStatus::kTooLong : LineStatus::kLine;
}

Result<std::uint64_t> StreamCursor::Take(std::uint64_t n, std::string* out) {
  std::uint64_t done = 0;
  while (done < n) {
    if (pos_ == end_) {
      Result<bool> more = Fill();
      if (!more) return tl::unexpected(more.error());
      if (!*more) break;
    }
    const std::size_t k = static_cast<std::size_t>(std::min<std::uint64_t>(end_ - pos_, n - done));
    if (out != nullptr) out->append(buf_.data() + pos_, k);
    pos_ += k;
    done += k;
  }
  return done;
}

}  // namespace credence::internal
