#include "lsp/transport.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cerrno>

#include "core/ascii.hpp"

namespace followup::lsp {
namespace {

constexpr std::string_view kLengthHeader = "content-length";

using core::ascii_iequals;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// An HTTP-style header name: visible ASCII, no separators.
bool is_token(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u >= 0x7F ||
        std::string_view("()<>@,;:\\\"/[]?={}").find(c) != std::string_view::npos)
      return false;
  }
  return true;
}

// Case-insensitive search for "content-length" in `text` from `from`.
size_t find_length_header(std::string_view text, size_t from) {
  for (size_t i = from; i + kLengthHeader.size() <= text.size(); ++i)
    if (ascii_iequals(text.substr(i, kLengthHeader.size()), kLengthHeader)) return i;
  return std::string_view::npos;
}

}  // namespace

void FrameDecoder::feed(std::string_view bytes) {
  compact();
  buffer_.append(bytes);
}

void FrameDecoder::compact() {
  if (pos_ > 0 && (pos_ == buffer_.size() || pos_ > (size_t{1} << 16))) {
    buffer_.erase(0, pos_);
    pos_ = 0;
  }
}

namespace {

// A Content-Length value: digits only, at most 15 of them.
std::optional<size_t> parse_length(std::string_view value) {
  if (value.empty() || value.size() > 15) return std::nullopt;
  size_t n = 0;
  for (char c : value) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + static_cast<size_t>(c - '0');
  }
  return n;
}

// One "Name: value" line of a header block: the Content-Length it gives, or
// an error; other headers (Content-Type) are accepted and ignored.
void read_header_line(std::string_view line, std::optional<size_t>& length, std::string& error) {
  size_t colon = line.find(':');
  std::string_view name = colon == std::string_view::npos ? line : line.substr(0, colon);
  if (colon == std::string_view::npos || !is_token(name)) {
    error = fmt::format("malformed header line '{}'", line.substr(0, 80));
    return;
  }
  std::string_view value = trim(line.substr(colon + 1));
  if (!ascii_iequals(name, kLengthHeader)) return;
  length = parse_length(value);
  if (!length) error = fmt::format("invalid Content-Length '{}'", value.substr(0, 40));
}

}  // namespace

// Drops what is left of an oversized body; false while more is to come.
bool FrameDecoder::skip_oversized(std::string_view avail) {
  size_t n = std::min(skip_, avail.size());
  pos_ += n;
  skip_ -= n;
  return skip_ == 0;
}

// After a bad header block: drops bytes up to the next "Content-Length";
// false while it has not arrived.
bool FrameDecoder::resync(std::string_view avail) {
  size_t at = find_length_header(avail, 0);
  if (at == std::string_view::npos) {
    size_t keep = std::min(avail.size(), kLengthHeader.size() - 1);
    pos_ += avail.size() - keep;
    return false;
  }
  pos_ += at;
  resync_ = false;
  return true;
}

// Header block: lines ending in "\r\n" (a bare "\n" is tolerated) up to an
// empty line; blank lines before a header are skipped. Returns an error frame
// for a bad block, nullopt otherwise (then body_length_ is set once the
// block is complete).
std::optional<Frame> FrameDecoder::read_header_block(std::string_view avail) {
  size_t i = 0;
  while (i < avail.size() && (avail[i] == '\r' || avail[i] == '\n')) ++i;
  const size_t block_start = pos_ + i;
  std::optional<size_t> length;
  std::string error;
  bool complete = false;
  while (i < avail.size()) {
    size_t eol = avail.find('\n', i);
    if (eol == std::string_view::npos) break;
    std::string_view line = avail.substr(i, eol - i);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    i = eol + 1;
    if (line.empty()) {
      complete = true;
      break;
    }
    if (error.empty()) read_header_line(line, length, error);
  }
  if (!complete) {
    if (avail.size() - (block_start - pos_) <= kMaxHeader) return std::nullopt;
    error = "header block too long or missing its blank line";
  } else if (error.empty() && !length) {
    error = "missing Content-Length header";
  }
  if (!error.empty()) {
    pos_ = block_start + 1;
    resync_ = true;
    return Frame{{}, error};
  }
  pos_ += i;
  if (*length > kMaxBody) {
    skip_ = *length;
    return Frame{{}, fmt::format("message of {} bytes exceeds the {} MiB limit", *length, kMaxBody >> 20)};
  }
  body_length_ = *length;
  return std::nullopt;
}

std::optional<Frame> FrameDecoder::next() {
  for (;;) {
    std::string_view avail = std::string_view(buffer_).substr(pos_);
    if (skip_ > 0) {
      if (!skip_oversized(avail)) return std::nullopt;
      continue;
    }
    if (resync_) {
      if (!resync(avail)) return std::nullopt;
      continue;
    }
    if (body_length_) {
      if (avail.size() < *body_length_) return std::nullopt;
      Frame f{std::string(avail.substr(0, *body_length_)), {}};
      pos_ += *body_length_;
      body_length_.reset();
      return f;
    }
    if (avail.find_first_not_of("\r\n") == std::string_view::npos) {
      pos_ += avail.size();
      return std::nullopt;
    }
    if (auto bad = read_header_block(avail)) return bad;
    if (!body_length_ && !resync_ && skip_ == 0) return std::nullopt;  // the block is incomplete
  }
}

std::string frame(std::string_view body) {
  std::string out = fmt::format("Content-Length: {}\r\n\r\n", body.size());
  out.append(body);
  return out;
}

}  // namespace followup::lsp
