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

#include <zlib.h>

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
                                          "; raise the limit to read it (--max-bytes, e.g. 1G)");
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

// Inflates a gzip stream (several members in a row are read as one, as
// gunzip does), refusing output beyond `max_bytes`.
Result<std::string> Gunzip(const std::string& data, const std::string& path, std::size_t max_bytes) {
  z_stream zs{};
  if (inflateInit2(&zs, 15 + 32) != Z_OK) return Error(StatusCode::kInternal, "cannot set up zlib");
  std::string out;
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(std::min<std::size_t>(data.size(), UINT32_MAX));
  std::size_t fed = zs.avail_in;
  int rc = Z_OK;
  for (;;) {
    if (out.size() > max_bytes) {
      inflateEnd(&zs);
      return TooLarge(path, max_bytes);
    }
    const std::size_t before = out.size();
    out.resize(before + kChunkBytes);
    zs.next_out = reinterpret_cast<Bytef*>(out.data() + before);
    zs.avail_out = static_cast<uInt>(kChunkBytes);
    rc = inflate(&zs, Z_NO_FLUSH);
    out.resize(before + kChunkBytes - zs.avail_out);
    if (zs.avail_in == 0 && fed < data.size()) {
      const std::size_t more = std::min<std::size_t>(data.size() - fed, UINT32_MAX);
      zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data() + fed));
      zs.avail_in = static_cast<uInt>(more);
      fed += more;
    }
    if (rc == Z_STREAM_END) {
      if (zs.avail_in == 0) break;
      inflateReset(&zs);  // another gzip member follows
      continue;
    }
    if (rc != Z_OK && rc != Z_BUF_ERROR) break;
    if (rc == Z_BUF_ERROR && zs.avail_in == 0) break;  // input ended inside the stream
  }
  inflateEnd(&zs);
  if (out.size() > max_bytes) return TooLarge(path, max_bytes);
  if (rc != Z_STREAM_END)
    return Error(StatusCode::kDataError, Describe(path) + " is damaged or truncated gzip data (" +
                                            (zs.msg ? std::string(zs.msg) : "unexpected end") + ")");
  return out;
}

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
  if (total >= 2 && static_cast<unsigned char>(out[0]) == 0x1f && static_cast<unsigned char>(out[1]) == 0x8b)
    return Gunzip(out, path_or_dash, max_bytes);
  return out;
}

}  // namespace credence::internal
