#include "platform/terminal.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

namespace followup::platform {

bool is_terminal(std::FILE* stream) { return stream && ::isatty(::fileno(stream)); }

uint32_t terminal_columns(std::FILE* stream) {
  if (!is_terminal(stream)) return 0;
  struct winsize size {};
  if (::ioctl(::fileno(stream), TIOCGWINSZ, &size) != 0) return 0;
  return size.ws_col;
}

}  // namespace followup::platform
