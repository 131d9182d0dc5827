// The bytes of one input, read in chunks from a file, standard input or
// memory and gunzipped on the fly (by magic bytes, whatever the name), with
// a sliding window over them for the record readers. Internal to
// importers/. Covered by tests/importers/pubmed_xml_test.cc (gzip, damaged
// gzip) and every reader's tests.
#ifndef CLAIMCHECK_IMPORTERS_INPUT_STREAM_H_
#define CLAIMCHECK_IMPORTERS_INPUT_STREAM_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "claimcheck/status.h"

namespace claimcheck::importers {

// A source of raw bytes: a file descriptor or a memory range.
class RawSource {
 public:
  virtual ~RawSource() = default;
  // Up to `size` bytes into `out`; 0 at the end. IOError naming the input.
  virtual Result<std::size_t> Read(char* out, std::size_t size) = 0;
  // The input's size in bytes; 0 when unknown (a pipe).
  virtual std::uint64_t size() const = 0;
};

// The input's bytes, gunzipped when they start with the gzip magic bytes
// (several concatenated gzip members are read as one stream).
class InputStream {
 public:
  // `path` '-' is standard input. NotFound when the file does not exist,
  // IOError when it cannot be opened or is a directory.
  static Result<std::unique_ptr<InputStream>> OpenFile(
      const std::string& path, std::uint64_t max_expanded_bytes);
  // `bytes` must outlive the stream; `name` names it in messages.
  static std::unique_ptr<InputStream> FromMemory(
      std::string_view bytes, const std::string& name,
      std::uint64_t max_expanded_bytes);

  ~InputStream();
  InputStream(const InputStream&) = delete;
  InputStream& operator=(const InputStream&) = delete;

  // Up to `size` (gunzipped) bytes into `out`; 0 at the end. Fails with
  // IOError for a read error, InvalidArgument for damaged or truncated gzip
  // data (naming the compressed byte offset) or when the expanded size
  // passes the limit. Bytes read before a failure stay valid.
  Result<std::size_t> Read(char* out, std::size_t size);

  const std::string& name() const { return name_; }
  bool gzip() const { return gzip_; }
  // Raw (compressed) bytes consumed so far, and the raw size (0: unknown).
  std::uint64_t raw_consumed() const { return raw_consumed_; }
  std::uint64_t raw_size() const { return raw_->size(); }

 private:
  struct Inflater;
  InputStream(std::unique_ptr<RawSource> raw, std::string name,
              std::uint64_t max_expanded_bytes);
  Status Start();
  Result<std::size_t> ReadRaw(char* out, std::size_t size);
  Result<std::size_t> Inflate(char* out, std::size_t size);

  std::unique_ptr<RawSource> raw_;
  std::string name_;
  std::uint64_t max_expanded_;
  std::uint64_t expanded_ = 0;
  std::uint64_t raw_consumed_ = 0;
  bool started_ = false;
  bool gzip_ = false;
  // Raw bytes read ahead (the magic-byte peek, the inflater's input).
  std::string pending_;
  std::size_t pending_pos_ = 0;
  bool raw_eof_ = false;
  std::unique_ptr<Inflater> inflater_;
};

// A window over an InputStream for readers that find record boundaries:
// bytes from position() on are in view() until consumed. Memory is the
// largest record plus one chunk, whatever the input's size.
class BufferedInput {
 public:
  explicit BufferedInput(std::unique_ptr<InputStream> in);

  // Reads one more chunk into the window. False at the end of the input or
  // on a read error (then status() says which).
  bool More();
  // Reads until at least `n` bytes are in view() or the input ends.
  void FillTo(std::size_t n);

  std::string_view view() const {
    return std::string_view(data_).substr(begin_);
  }
  // The absolute offset of view()[0] in the (gunzipped) input.
  std::uint64_t position() const { return base_ + begin_; }
  void Consume(std::size_t n);
  // True once the input is exhausted: view() is all that is left.
  bool eof() const { return eof_; }
  const Status& status() const { return status_; }

  // The 1-based line of absolute offset `offset`, which must not be before
  // the last offset asked for nor before position().
  std::size_t LineAt(std::uint64_t offset);

  const InputStream& stream() const { return *in_; }

 private:
  std::unique_ptr<InputStream> in_;
  std::string data_;
  std::size_t begin_ = 0;
  std::uint64_t base_ = 0;  // absolute offset of data_[0]
  bool eof_ = false;
  Status status_;
  std::uint64_t counted_to_ = 0;  // newlines are counted up to here
  std::size_t line_ = 1;
};

}  // namespace claimcheck::importers

#endif  // CLAIMCHECK_IMPORTERS_INPUT_STREAM_H_
