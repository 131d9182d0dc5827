// Reading an input in chunks, gunzipping it on the fly with zlib, and the
// sliding window the record readers scan. Covered by
// tests/importers/pubmed_xml_test.cc ("gzip").
#include "input_stream.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

namespace claimcheck::importers {

namespace {

constexpr std::size_t kRawChunk = std::size_t{1} << 18;
constexpr std::size_t kWindowChunk = std::size_t{1} << 20;

class FdSource : public RawSource {
 public:
  FdSource(int fd, bool owned, std::string name, std::uint64_t size)
      : fd_(fd), owned_(owned), name_(std::move(name)), size_(size) {}
  ~FdSource() override {
    if (owned_) ::close(fd_);
  }
  FdSource(const FdSource&) = delete;
  FdSource& operator=(const FdSource&) = delete;

  Result<std::size_t> Read(char* out, std::size_t size) override {
    for (;;) {
      const ssize_t n = ::read(fd_, out, size);
      if (n >= 0) return static_cast<std::size_t>(n);
      if (errno != EINTR) {
        return Status::IOError(name_ + ": read error: " + std::strerror(errno));
      }
    }
  }
  std::uint64_t size() const override { return size_; }

 private:
  int fd_;
  bool owned_;
  std::string name_;
  std::uint64_t size_;
};

class MemorySource : public RawSource {
 public:
  explicit MemorySource(std::string_view bytes) : bytes_(bytes) {}
  Result<std::size_t> Read(char* out, std::size_t size) override {
    const std::size_t n = std::min(size, bytes_.size() - pos_);
    if (n > 0) std::memcpy(out, bytes_.data() + pos_, n);
    pos_ += n;
    return n;
  }
  std::uint64_t size() const override { return bytes_.size(); }

 private:
  std::string_view bytes_;
  std::size_t pos_ = 0;
};

bool GzipMagic(std::string_view s) {
  return s.size() >= 2 && static_cast<unsigned char>(s[0]) == 0x1f &&
         static_cast<unsigned char>(s[1]) == 0x8b;
}

}  // namespace

struct InputStream::Inflater {
  z_stream z{};
  bool open = false;
  bool member_done = false;
  ~Inflater() {
    if (open) inflateEnd(&z);
  }
};

InputStream::InputStream(std::unique_ptr<RawSource> raw, std::string name,
                         std::uint64_t max_expanded_bytes)
    : raw_(std::move(raw)),
      name_(std::move(name)),
      max_expanded_(max_expanded_bytes) {}

InputStream::~InputStream() = default;

Result<std::unique_ptr<InputStream>> InputStream::OpenFile(
    const std::string& path, std::uint64_t max_expanded_bytes) {
  if (path == "-") {
    return std::unique_ptr<InputStream>(new InputStream(
        std::make_unique<FdSource>(0, false, "-", 0), "-", max_expanded_bytes));
  }
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int err = errno;
    const std::string reason = std::strerror(err);
    if (err == ENOENT) return Status::NotFound(path + ": " + reason);
    return Status::IOError(path + ": cannot open: " + reason);
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
    ::close(fd);
    return Status::IOError(path + ": cannot read: is a directory");
  }
  const std::uint64_t size =
      S_ISREG(st.st_mode) ? static_cast<std::uint64_t>(st.st_size) : 0;
  return std::unique_ptr<InputStream>(
      new InputStream(std::make_unique<FdSource>(fd, true, path, size), path,
                      max_expanded_bytes));
}

std::unique_ptr<InputStream> InputStream::FromMemory(
    std::string_view bytes, const std::string& name,
    std::uint64_t max_expanded_bytes) {
  return std::unique_ptr<InputStream>(new InputStream(
      std::make_unique<MemorySource>(bytes), name, max_expanded_bytes));
}

Result<std::size_t> InputStream::ReadRaw(char* out, std::size_t size) {
  if (pending_pos_ < pending_.size()) {
    const std::size_t n = std::min(size, pending_.size() - pending_pos_);
    std::memcpy(out, pending_.data() + pending_pos_, n);
    pending_pos_ += n;
    raw_consumed_ += n;
    return n;
  }
  if (raw_eof_) return std::size_t{0};
  Result<std::size_t> n = raw_->Read(out, size);
  if (!n.ok()) return n;
  if (n.value() == 0) raw_eof_ = true;
  raw_consumed_ += n.value();
  return n;
}

// Peeks at the first two bytes for the gzip magic. A short first read (a
// pipe) is topped up so that the peek sees both bytes when there are two.
Status InputStream::Start() {
  started_ = true;
  pending_.resize(kRawChunk);
  std::size_t have = 0;
  while (have < 2) {
    Result<std::size_t> n =
        raw_->Read(pending_.data() + have, kRawChunk - have);
    if (!n.ok()) return n.status();
    if (n.value() == 0) {
      raw_eof_ = true;
      break;
    }
    have += n.value();
  }
  pending_.resize(have);
  gzip_ = GzipMagic(pending_);
  if (!gzip_) return Status::OK();
  inflater_ = std::make_unique<Inflater>();
  // 15 + 16: a gzip header and trailer around a deflate stream.
  if (inflateInit2(&inflater_->z, 15 + 16) != Z_OK) {
    return Status::Internal(name_ + ": zlib could not start");
  }
  inflater_->open = true;
  return Status::OK();
}

Result<std::size_t> InputStream::Inflate(char* out, std::size_t size) {
  z_stream& z = inflater_->z;
  z.next_out = reinterpret_cast<Bytef*>(out);
  z.avail_out = static_cast<uInt>(std::min<std::size_t>(size, 1u << 30));
  const uInt want = z.avail_out;
  while (z.avail_out == want) {
    if (z.avail_in == 0) {
      // Input the inflater has not seen: what is left of pending_, then the
      // raw source. raw_consumed_ counts what zlib is handed.
      if (pending_pos_ >= pending_.size()) {
        pending_.resize(kRawChunk);
        pending_pos_ = 0;
        Result<std::size_t> n =
            raw_eof_ ? Result<std::size_t>(std::size_t{0})
                     : raw_->Read(pending_.data(), pending_.size());
        if (!n.ok()) return n.status();
        pending_.resize(n.value());
        if (n.value() == 0) raw_eof_ = true;
      }
      const std::size_t n = pending_.size() - pending_pos_;
      if (n == 0) {
        if (inflater_->member_done) return std::size_t{0};
        return Status::InvalidArgument(
            name_ + ": byte " + std::to_string(raw_consumed_) +
            " of the compressed file: truncated gzip data");
      }
      z.next_in = reinterpret_cast<Bytef*>(pending_.data() + pending_pos_);
      z.avail_in = static_cast<uInt>(n);
      raw_consumed_ += n;
      pending_pos_ = pending_.size();
    }
    if (inflater_->member_done) {
      // Another gzip member follows (pigz, cat a.gz b.gz); anything else
      // after a complete member is trailing garbage, ignored as gzip does.
      const bool magic = z.avail_in >= 2
                             ? GzipMagic(std::string_view(
                                   reinterpret_cast<const char*>(z.next_in), 2))
                             : z.next_in[0] == 0x1f;
      if (!magic) {
        z.avail_in = 0;
        pending_pos_ = pending_.size();
        raw_eof_ = true;
        return std::size_t{0};
      }
      inflateReset(&z);
      inflater_->member_done = false;
    }
    const int rc = inflate(&z, Z_NO_FLUSH);
    if (rc == Z_STREAM_END) {
      inflater_->member_done = true;
    } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
      const std::uint64_t at = raw_consumed_ - z.avail_in;
      return Status::InvalidArgument(
          name_ + ": byte " + std::to_string(at) +
          " of the compressed file: damaged gzip data (" +
          (z.msg != nullptr ? z.msg : "zlib error " + std::to_string(rc)) +
          ")");
    }
  }
  return static_cast<std::size_t>(want - z.avail_out);
}

Result<std::size_t> InputStream::Read(char* out, std::size_t size) {
  if (!started_) {
    Status status = Start();
    if (!status.ok()) return status;
  }
  if (size == 0) return std::size_t{0};
  Result<std::size_t> n = gzip_ ? Inflate(out, size) : ReadRaw(out, size);
  if (!n.ok()) return n;
  if (gzip_) {
    expanded_ += n.value();
    if (expanded_ > max_expanded_) {
      return Status::InvalidArgument(name_ + ": expands to more than " +
                                     std::to_string(max_expanded_) +
                                     " bytes; refused (a decompression bomb?)");
    }
  }
  return n;
}

BufferedInput::BufferedInput(std::unique_ptr<InputStream> in)
    : in_(std::move(in)) {}

bool BufferedInput::More() {
  if (eof_) return false;
  // Drop what was consumed once it is more than half the window, counting
  // its lines first so that LineAt still knows them.
  if (begin_ > 0 && begin_ >= data_.size() / 2) {
    const std::uint64_t drop_end = base_ + begin_;
    if (counted_to_ < drop_end) {
      const std::size_t from = static_cast<std::size_t>(counted_to_ - base_);
      line_ += static_cast<std::size_t>(std::count(
          data_.begin() + static_cast<std::ptrdiff_t>(from),
          data_.begin() + static_cast<std::ptrdiff_t>(begin_), '\n'));
      counted_to_ = drop_end;
    }
    data_.erase(0, begin_);
    base_ += begin_;
    begin_ = 0;
  }
  const std::size_t old = data_.size();
  data_.resize(old + kWindowChunk);
  Result<std::size_t> n = in_->Read(data_.data() + old, kWindowChunk);
  if (!n.ok()) {
    data_.resize(old);
    status_ = n.status();
    eof_ = true;
    return false;
  }
  data_.resize(old + n.value());
  if (n.value() == 0) {
    eof_ = true;
    return false;
  }
  return true;
}

void BufferedInput::FillTo(std::size_t n) {
  while (view().size() < n && More()) {
  }
}

void BufferedInput::Consume(std::size_t n) {
  begin_ += std::min(n, data_.size() - begin_);
}

std::size_t BufferedInput::LineAt(std::uint64_t offset) {
  if (offset > counted_to_) {
    const std::size_t from = static_cast<std::size_t>(counted_to_ - base_);
    const std::size_t to =
        std::min(data_.size(), static_cast<std::size_t>(offset - base_));
    line_ += static_cast<std::size_t>(
        std::count(data_.begin() + static_cast<std::ptrdiff_t>(from),
                   data_.begin() + static_cast<std::ptrdiff_t>(to), '\n'));
    counted_to_ = base_ + to;
  }
  return line_;
}

}  // namespace claimcheck::importers
