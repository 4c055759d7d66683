// What the command line asks of the terminal it writes to.
#pragma once

#include <cstdint>
#include <cstdio>

namespace followup::platform {

// Whether `stream` is an interactive terminal.
bool is_terminal(std::FILE* stream);

// The terminal's width in columns, or 0 when `stream` is not a terminal or
// the width is unknown.
uint32_t terminal_columns(std::FILE* stream);

}  // namespace followup::platform
