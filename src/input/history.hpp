// History: where the writer's own text ends in a decoded draft or mail body,
// and which lines inside it are not the writer's (SPEC §1). Left out: `>`
// quoted lines, everything from a reply header ("On <date>, <name> wrote:",
// also wrapped over two lines and in a few other languages),
// "-----Original Message-----", an Outlook From:/Sent:/To:/Subject: block
// after body text (with or without a "_____" separator line above it) or a
// forwarded-message marker; client footer lines ("Sent from my iPhone", "Get
// Outlook for iOS"); and the "-- " signature delimiter line itself (the
// signature after it stays). Pure text work: no allocation beyond the result,
// linear in the text, never fails.
#pragma once

#include <string_view>
#include <vector>

#include "core/span.hpp"
#include "input/read.hpp"

namespace followup::input {

enum class Layout {
  kDraft,  // a whole draft: front matter and a top header block are the writer's own
  kBody,   // a mail body: no front matter, no header block
};

// The spans of `text` to keep, in order, each a run of whole lines (with
// their line endings). The whole text when nothing is history.
std::vector<core::Span> writer_spans(std::string_view text, Layout layout = Layout::kDraft);

// Applies writer_spans to a decoded draft: its text and map keep only the
// writer's lines, the map still pointing at the same file bytes.
void keep_writer_text(Decoded& decoded, Layout layout = Layout::kDraft);

}  // namespace followup::input
