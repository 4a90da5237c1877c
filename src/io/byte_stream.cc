// Files and standard input as streams of bytes, gzip decompressed on the
// fly with zlib (inflate with automatic header detection, reset between
// members, as gunzip reads concatenated members).
#include "io/byte_stream.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

namespace credence::internal {
namespace {

constexpr std::size_t kChunk = std::size_t{1} << 16;

std::string Describe(const std::string& path) { return path.empty() || path == "-" ? "standard input" : path; }

// A file descriptor read as it is, with the first bytes peeked to detect gzip.
class FileStream : public ByteStream {
 public:
  FileStream(int fd, bool owned, std::string name, std::uint64_t size)
      : fd_(fd), owned_(owned), name_(std::move(name)), size_(size) {}
  ~FileStream() override {
    if (owned_ && fd_ >= 0) ::close(fd_);
  }
  Result<std::size_t> Read(char* buf, std::size_t n) override {
    if (!pushback_.empty()) {
      const std::size_t k = std::min(n, pushback_.size());
      std::memcpy(buf, pushback_.data(), k);
      pushback_.erase(0, k);
      return k;
    }
    for (;;) {
      const ssize_t got = ::read(fd_, buf, n);
      if (got < 0) {
        if (errno == EINTR) continue;
        return Error(StatusCode::kIoError, "cannot read " + Describe(name_) + ": " + std::strerror(errno));
      }
      read_ += static_cast<std::uint64_t>(got);
      return static_cast<std::size_t>(got);
    }
  }
  // Puts bytes back in front of the stream (used after peeking).
  void Unread(std::string bytes) { pushback_ = std::move(bytes) + pushback_; }
  std::uint64_t raw_bytes_read() const override { return read_ - pushback_.size(); }
  std::uint64_t raw_size() const override { return size_; }
  const std::string& name() const { return name_; }

 private:
  int fd_;
  bool owned_;
  std::string name_;
  std::uint64_t size_;
  std::uint64_t read_ = 0;
  std::string pushback_;
};

class GzipStream : public ByteStream {
 public:
  explicit GzipStream(std::unique_ptr<FileStream> in) : in_(std::move(in)), input_(kChunk) {
    ok_ = inflateInit2(&zs_, 15 + 32) == Z_OK;
  }
  ~GzipStream() override {
    if (ok_) inflateEnd(&zs_);
  }
  Result<std::size_t> Read(char* buf, std::size_t n) override {
    if (!ok_) return Error(StatusCode::kInternal, "cannot set up zlib");
    if (n == 0 || done_) return std::size_t{0};
    zs_.next_out = reinterpret_cast<Bytef*>(buf);
    zs_.avail_out = static_cast<uInt>(std::min<std::size_t>(n, UINT32_MAX));
    while (zs_.avail_out == static_cast<uInt>(std::min<std::size_t>(n, UINT32_MAX))) {
      if (zs_.avail_in == 0) {
        Result<std::size_t> got = in_->Read(input_.data(), input_.size());
        if (!got) return tl::unexpected(got.error());
        if (*got == 0) {
          if (in_member_) return Damaged("the data ends inside a gzip member");
          done_ = true;
          break;
        }
        zs_.next_in = reinterpret_cast<Bytef*>(input_.data());
        zs_.avail_in = static_cast<uInt>(*got);
      }
      in_member_ = true;
      const int rc = inflate(&zs_, Z_NO_FLUSH);
      if (rc == Z_STREAM_END) {
        in_member_ = false;
        inflateReset(&zs_);  // another member may follow
        continue;
      }
      if (rc != Z_OK && rc != Z_BUF_ERROR) return Damaged(zs_.msg ? zs_.msg : "inflate failed");
    }
    return static_cast<std::size_t>(std::min<std::size_t>(n, UINT32_MAX) - zs_.avail_out);
  }
  std::uint64_t raw_bytes_read() const override { return in_->raw_bytes_read() - zs_.avail_in; }
  std::uint64_t raw_size() const override { return in_->raw_size(); }

 private:
  tl::unexpected<Status> Damaged(const std::string& why) {
    return Error(StatusCode::kDataError, Describe(in_->name()) + " is damaged or truncated gzip data (" + why + ")");
  }
  std::unique_ptr<FileStream> in_;
  std::vector<char> input_;
  z_stream zs_{};
  bool ok_ = false;
  bool in_member_ = false;
  bool done_ = false;
};

// "scheme://..." with a scheme of letters (http, https, ftp, s3...).
bool LooksLikeUrl(std::string_view path) {
  const std::size_t colon = path.find("://");
  if (colon == std::string_view::npos || colon == 0 || colon > 10) return false;
  for (char c : path.substr(0, colon))
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')) return false;
  return true;
}

}  // namespace

std::unique_ptr<ByteStream> OpenStringStream(std::string bytes) {
  class StringStream : public ByteStream {
   public:
    explicit StringStream(std::string bytes) : bytes_(std::move(bytes)) {}
    Result<std::size_t> Read(char* buf, std::size_t n) override {
      const std::size_t k = std::min(n, bytes_.size() - read_);
      std::memcpy(buf, bytes_.data() + read_, k);
      read_ += k;
      return k;
    }
    std::uint64_t raw_bytes_read() const override { return read_; }
    std::uint64_t raw_size() const override { return bytes_.size(); }

   private:
    std::string bytes_;
    std::size_t read_ = 0;
  };
  return std::make_unique<StringStream>(std::move(bytes));
}

Result<std::unique_ptr<ByteStream>> OpenByteStream(const std::string& path) {
  const bool is_stdin = path.empty() || path == "-";
  const int fd = is_stdin ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int err = errno;
    if ((err == ENOENT || err == ENOTDIR) && LooksLikeUrl(path))
      return Error(StatusCode::kInvalidArgument,
                   "credence reads files, not URLs: " + path + " is not a file here; fetch the page first, e.g. "
                   "curl -sL '" + path + "' | credence analyze - --url '" + path + "'");
    if (err == ENOENT || err == ENOTDIR) return Error(StatusCode::kNotFound, "input file not found: " + path);
    return Error(StatusCode::kIoError, "cannot read " + path + ": " + std::strerror(err));
  }
  struct stat st {};
  std::uint64_t size = 0;
  if (::fstat(fd, &st) == 0) {
    if (S_ISDIR(st.st_mode)) {
      if (!is_stdin) ::close(fd);
      return Error(StatusCode::kIoError, "cannot read " + path + ": " + std::strerror(EISDIR));
    }
    if (S_ISREG(st.st_mode)) size = static_cast<std::uint64_t>(st.st_size);
  }
  auto file = std::make_unique<FileStream>(fd, !is_stdin, is_stdin ? "-" : path, size);
  // Peek at two bytes for the gzip magic.
  std::string head;
  char b[2];
  while (head.size() < 2) {
    Result<std::size_t> got = file->Read(b, 2 - head.size());
    if (!got) return tl::unexpected(got.error());
    if (*got == 0) break;
    head.append(b, *got);
  }
  const bool gzip = head.size() == 2 && static_cast<unsigned char>(head[0]) == 0x1f &&
                    static_cast<unsigned char>(head[1]) == 0x8b;
  file->Unread(std::move(head));
  if (gzip) return std::unique_ptr<ByteStream>(std::make_unique<GzipStream>(std::move(file)));
  return std::unique_ptr<ByteStream>(std::move(file));
}

bool LineReader::Fill() {
  if (pos_ > 0) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
  const std::size_t old = buf_.size();
  buf_.resize(old + kChunk);
  Result<std::size_t> got = in_.Read(buf_.data() + old, kChunk);
  if (!got) {
    buf_.resize(old);
    error_ = got.error();
    return false;
  }
  buf_.resize(old + *got);
  return *got > 0;
}

Result<LineStatus> LineReader::Next(std::string* line) {
  line->clear();
  bool too_long = false;
  for (;;) {
    const std::size_t nl = buf_.find('\n', pos_);
    const std::size_t end = nl == std::string::npos ? buf_.size() : nl;
    // Keep at most max_line_ bytes of the line; skip the rest.
    if (!too_long) {
      const std::size_t room = max_line_ - std::min(max_line_, line->size());
      line->append(buf_, pos_, std::min(room, end - pos_));
      if (end - pos_ > room) too_long = true;
    }
    if (nl != std::string::npos) {
      pos_ = nl + 1;
      ++line_number_;
      if (!too_long && !line->empty() && line->back() == '\r') line->pop_back();
      return too_long ? LineStatus::kTooLong : LineStatus::kLine;
    }
    pos_ = buf_.size();
    if (!Fill()) {
      if (!error_.ok()) return tl::unexpected(error_);
      if (line->empty() && !too_long) return LineStatus::kEnd;
      ++line_number_;  // a last line without a newline
      if (!too_long && !line->empty() && line->back() == '\r') line->pop_back();
      return too_long ? LineStatus::kTooLong : LineStatus::kLine;
    }
  }
}

}  // namespace credence::internal
