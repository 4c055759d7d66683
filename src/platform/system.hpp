// Everything followup-lint asks of the operating system, in one place: a
// port to another system changes this file and platform/module.cpp
// (loading modules), and nothing else. POSIX here.
#pragma once

#include <compare>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

namespace followup::platform {

// ---- Reading inputs ---------------------------------------------------------
// Regular files only (a pipe or device is refused without waiting on it) and
// at most kMaxInputBytes, so that a FIFO named as a draft, a config or a rule
// file cannot hang a run and an endless stream cannot use up the memory.

// The largest input read, from a file or from standard input. Positions are
// 32-bit byte offsets, and a note of a few kilobytes is far below this.
inline constexpr uint64_t kMaxInputBytes = uint64_t{1} << 30;  // 1 GiB

// Reads a whole regular file of at most kMaxInputBytes; nullopt with `error`
// set on failure ("not a regular file", "cannot open: ...", "the file is too
// large ...").
std::optional<std::string> read_file(const std::string& path, std::string& error);
// Reads standard input to its end, refusing more than kMaxInputBytes.
std::optional<std::string> read_stdin(std::string& error);

// A file's identity (device and inode): the same draft named twice, or
// through a link, is one file.
struct FileId {
  uint64_t device = 0, inode = 0;
  auto operator<=>(const FileId&) const = default;
};
std::optional<FileId> file_id(const std::string& path);

// ---- Writing a fixed draft --------------------------------------------------
// Replaces `path` with `text` through a temporary file in the same folder,
// flushed to disk and renamed over the original, keeping its permissions
// (and, where allowed, its owner). A symlink is followed: the file it names
// is replaced, the link is kept. `original` is what the caller read and
// computed `text` from: the file is replaced only if it still holds exactly
// those bytes just before the rename, so an edit saved meanwhile by another
// program is never lost. A file without write permission (no write bits in
// its mode, even for root, or not writable by this user) is refused rather
// than replaced. On any failure the original is untouched byte for byte, no
// temporary file is left behind, and `error` says why.
bool write_atomically(const std::string& path, const std::string& text, const std::string& original,
                      std::string& error);


// ---- The terminal -------------------------------------------------------------

// Whether `stream` is an interactive terminal.
bool is_terminal(std::FILE* stream);
// The terminal's width in columns, or 0 when `stream` is not a terminal or
// the width is unknown.
uint32_t terminal_columns(std::FILE* stream);

// ---- The language server's standard streams ---------------------------------

// Standard input and a private copy of standard output for a protocol: once
// taken, anything else written to stdout (a library, a stray print) lands on
// stderr, and a client that goes away makes a write fail instead of killing
// the process (SIGPIPE is ignored).
class StdioChannel {
 public:
  // nullopt with `error` set when stdout cannot be duplicated.
  static std::optional<StdioChannel> take(std::string& error);
  StdioChannel(StdioChannel&& other) noexcept;
  StdioChannel& operator=(StdioChannel&&) = delete;
  ~StdioChannel();

  // Appends what one read returned to `out`; false at end of input or error.
  bool read_some(std::string& out);
  // Whether a read would return at once (input waiting, or end of input).
  bool input_waiting() const;
  // Writes all of `bytes`; false when the client went away.
  bool write(std::string_view bytes);

 private:
  StdioChannel(int in, int out) : in_(in), out_(out) {}
  int in_ = -1, out_ = -1;
};

// ---- The web page's process ---------------------------------------------------

// Starts the desktop's browser on `url` (xdg-open) without waiting for it;
// false when it could not be started.
bool open_in_browser(const std::string& url);

// Holds SIGINT and SIGTERM for the whole process while it lives (so that
// threads started meanwhile inherit the mask), and lets one thread wait for
// them: the web page stops cleanly on Ctrl+C.
class StopSignals {
 public:
  StopSignals();
  ~StopSignals();
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;
  // Waits up to `milliseconds` for SIGINT or SIGTERM; true when one came.
  bool wait(int milliseconds) const;

 private:
  struct Masks;
  Masks* masks_;
};

}  // namespace followup::platform
