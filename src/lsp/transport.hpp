// Transport: LSP base-protocol framing ("Content-Length: N\r\n\r\n" + N bytes)
// over byte streams. FrameDecoder is pure (feed it any split of the input and
// it yields whole messages), so framing is tested without pipes; FdTransport
// reads and writes file descriptors. A malformed header block is reported as
// one Frame with `error` set and skipped: the stream goes on after it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace followup::lsp {

struct Frame {
  std::string body;   // the JSON text, when error is empty
  std::string error;  // why a header block was rejected ("" = a good frame)
};

class FrameDecoder {
 public:
  // Bodies above this size are skipped (their bytes consumed, not stored).
  static constexpr size_t kMaxBody = size_t{64} << 20;  // 64 MiB
  // A header block longer than this without its blank line is malformed.
  static constexpr size_t kMaxHeader = 8192;

  void feed(std::string_view bytes);
  // The next complete frame, or nullopt when more input is needed.
  std::optional<Frame> next();
  // Bytes received but not yet returned as a frame (a partial message at EOF).
  size_t pending() const { return buffer_.size() - pos_; }
  // Whether the input so far stops inside a message: part of a header block,
  // or a whole header whose body has not (completely) arrived.
  bool mid_message() const { return pending() > 0 || body_length_.has_value(); }

 private:
  void compact();
  bool skip_oversized(std::string_view avail);
  bool resync(std::string_view avail);
  std::optional<Frame> read_header_block(std::string_view avail);

  std::string buffer_;
  size_t pos_ = 0;                     // start of unconsumed bytes
  std::optional<size_t> body_length_;  // header parsed, waiting for the body
  size_t skip_ = 0;                    // bytes of an oversized body still to drop
  bool resync_ = false;                // after a bad header: drop bytes up to "Content-Length"
};

// "Content-Length: N\r\n\r\n" + body.
std::string frame(std::string_view body);

}  // namespace followup::lsp
