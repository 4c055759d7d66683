// decode_mail: an RFC 5322 message (.eml) -> the writer's text as a
// plain-text draft (its headers as a header block, then the first text/plain
// part, else the text/html part read as HTML), plus a map back to the
// message's bytes. Transfer encodings and declared charsets are decoded;
// quoted history and MIME scaffolding are left out. Never throws: a message
// too broken to read is decoded as far as it goes, with one Problem saying
// where reading stopped.
#pragma once

#include <string_view>

#include "input/read.hpp"

namespace followup::input {

Decoded decode_mail(std::string_view bytes, const ReadOptions& options);

}  // namespace followup::input
