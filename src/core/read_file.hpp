// Reading a whole input file safely: regular files only (a pipe or device
// is refused without waiting on it) and at most kMaxInputBytes, so that a
// FIFO named as a draft, a config or a rule file cannot hang a run and an
// endless stream cannot use up the memory.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace followup::core {

// The largest input read, from a file or from standard input. Positions are
// 32-bit byte offsets, and a note of a few kilobytes is far below this.
inline constexpr uint64_t kMaxInputBytes = uint64_t{1} << 30;  // 1 GiB

// Reads a whole regular file of at most kMaxInputBytes; nullopt with `error`
// set on failure ("not a regular file", "cannot open: ...", "the file is too
// large ...").
std::optional<std::string> read_file(const std::string& path, std::string& error);
// Appends everything the open descriptor `fd` holds to `text`, stopping
// with `error` set once the total passes kMaxInputBytes.
bool read_all(int fd, std::string& text, std::string& error);
// Reads standard input to its end, refusing more than kMaxInputBytes.
std::optional<std::string> read_stdin(std::string& error);

}  // namespace followup::core
