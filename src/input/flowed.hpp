// Line breaks of a decoded text part: CRLF and CR-less LF both become "\n",
// and, for format=flowed (RFC 3676), soft breaks are undone. A flowed line
// ends in a space (not the "-- " signature line) and joins the next line of
// the same quote depth; a leading space is stuffing and goes; with
// delsp=yes the space before a soft break goes too. Only deletes bytes, so
// the result maps verbatim onto its input. Never fails.
#pragma once

#include <string_view>

#include "input/mapped_text.hpp"

namespace followup::input {

struct LineFormat {
  bool flowed = false;  // Content-Type ... format=flowed
  bool delsp = false;   // ... delsp=yes
};

// The map points into `text`.
MappedText unwrap_lines(std::string_view text, LineFormat format);

}  // namespace followup::input
