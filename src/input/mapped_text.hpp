// MappedText: one stage of decoding a file (a transfer encoding, a charset,
// flowed lines, the writer's spans) and, for each byte it produced, where
// that byte came from in the stage's input. Stages are chained with
// compose(), so the last stage maps straight onto the file as written.
// Plain values: no errors, no ownership beyond the two members.
#pragma once

#include <string>
#include <string_view>

#include "core/span.hpp"
#include "input/source_map.hpp"

namespace followup::input {

struct MappedText {
  std::string text;
  SourceMap map;  // offsets in `text` -> offsets in the stage's input
};

// Chains two stages: `outer` maps C -> B and `inner` maps B -> A; the result
// maps C -> A. Verbatim bytes of `outer` stay exact wherever `inner` is
// verbatim too; elsewhere they map onto the inner piece that encodes them.
SourceMap compose(const SourceMap& outer, const SourceMap& inner);

// `stage` decoded `previous.text`; the result is stage's text mapped through
// previous' map (both maps chained).
MappedText chain(MappedText stage, const MappedText& previous);

// Appends `bytes` copied from input offset `input_begin` to `out`, as a
// verbatim piece of its map.
void append_verbatim(MappedText& out, std::string_view bytes, uint32_t input_begin);
// Appends `bytes` that encode the input range `input` as a whole.
void append_encoded(MappedText& out, std::string_view bytes, core::Span input);

}  // namespace followup::input
