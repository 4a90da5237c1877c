// Reads a file or standard input in chunks with POSIX read(), so that errno
// names what went wrong and the size limit is checked as the bytes arrive
// (a pipe or /dev/zero has no size to check up front).
#include "io/input_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>

namespace credence::internal {
namespace {

constexpr std::size_t kChunkBytes = std::size_t{1} << 16;

std::string Describe(const std::string& path) { return path.empty() || path == "-" ? "standard input" : path; }

// Returns " (64 MiB)" for a whole number of MiB or KiB, else "".
std::string InUnits(std::size_t n) {
  constexpr std::size_t kMiB = std::size_t{1} << 20;
  constexpr std::size_t kKiB = std::size_t{1} << 10;
  if (n >= kMiB && n % kMiB == 0) return " (" + std::to_string(n / kMiB) + " MiB)";
  if (n >= kKiB && n % kKiB == 0) return " (" + std::to_string(n / kKiB) + " KiB)";
  return "";
}

tl::unexpected<Status> TooLarge(const std::string& path, std::size_t max_bytes) {
  return Error(StatusCode::kTooLarge, Describe(path) + " is larger than the limit of " + std::to_string(max_bytes) +
                                          " bytes" + InUnits(max_bytes) +
                                          "; raise the limit to read it (credence analyze --max-bytes, e.g. 1G)");
}

tl::unexpected<Status> ReadError(const std::string& path, int err) {
  return Error(StatusCode::kIoError, "cannot read " + Describe(path) + ": " + std::strerror(err));
}

// Closes the descriptor it owns; standard input is borrowed, not owned.
class Fd {
 public:
  Fd(int fd, bool owned) : fd_(fd), owned_(owned) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (owned_ && fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
  bool owned_;
};

}  // namespace

Result<std::string> ReadInput(const std::string& path_or_dash, std::size_t max_bytes) {
  const bool is_stdin = path_or_dash.empty() || path_or_dash == "-";
  int raw_fd = is_stdin ? STDIN_FILENO : ::open(path_or_dash.c_str(), O_RDONLY | O_CLOEXEC);
  if (raw_fd < 0) {
    int err = errno;
    if (err == ENOENT || err == ENOTDIR)
      return Error(StatusCode::kNotFound, "input file not found: " + path_or_dash);
    return ReadError(path_or_dash, err);
  }
  Fd fd(raw_fd, !is_stdin);

  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) return ReadError(path_or_dash, errno);
  if (S_ISDIR(st.st_mode)) return ReadError(path_or_dash, EISDIR);
  std::string out;
  if (S_ISREG(st.st_mode)) {
    // A regular file says its size: refuse it before reading a byte.
    if (static_cast<std::size_t>(st.st_size) > max_bytes) return TooLarge(path_or_dash, max_bytes);
    out.reserve(static_cast<std::size_t>(st.st_size));
  }

  std::size_t total = 0;
  for (;;) {
    // Ask for at most one byte past the limit: enough to know it is exceeded.
    std::size_t left = max_bytes - std::min(total, max_bytes);
    std::size_t want = left >= kChunkBytes ? kChunkBytes : left + 1;
    out.resize(total + want);
    ssize_t got = ::read(fd.get(), out.data() + total, want);
    if (got < 0) {
      if (errno == EINTR) continue;
      return ReadError(path_or_dash, errno);
    }
    if (got == 0) break;
    total += static_cast<std::size_t>(got);
    if (total > max_bytes) return TooLarge(path_or_dash, max_bytes);
  }
  out.resize(total);
  return out;
}

}  // namespace credence::internal
