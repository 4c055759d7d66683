#include "input/plain.hpp"

#include "core/utf8.hpp"
#include "input/history.hpp"
#include "input/text_builder.hpp"
#include "input/utf8_input.hpp"

namespace followup::input {
namespace {

// file[begin..] as valid UTF-8: runs of good bytes are copied verbatim, each
// undecodable byte becomes U+FFFD standing for that byte.
void copy_lossy(TextBuilder& out, std::string_view file, uint32_t begin) {
  uint32_t run = begin, i = begin, n = to_u32(file.size());
  while (i < n) {
    core::Decoded d = core::decode_utf8(file, i);
    bool bad = d.length == 1 && static_cast<unsigned char>(file[i]) >= 0x80;
    if (!bad) {
      i += d.length;
      continue;
    }
    out.verbatim(file.substr(run, i - run), run);
    out.mapped("\xEF\xBF\xBD", {i, i + 1});
    run = ++i;
  }
  out.verbatim(file.substr(run), run);
}

}  // namespace

Decoded decode_plain(std::string_view bytes, const ReadOptions& options) {
  Utf8Input in = to_utf8_input(bytes, options);
  Decoded decoded;
  decoded.format = Format::kPlain;
  decoded.problems = std::move(in.problems);
  if (in.binary) {
    decoded.file_text = std::string(in.file);
    return decoded;  // nothing in a binary file is a draft
  }
  if (in.content_begin == 0 && !in.invalid) {
    // The common case: the text is the file, one copy, the identity map.
    decoded.text = in.transcoded.empty() ? std::string(in.file) : std::move(in.transcoded);
    decoded.map = SourceMap::identity(to_u32(decoded.text.size()));
  } else {
    TextBuilder out;
    copy_lossy(out, in.file, in.content_begin);
    decoded.text = out.take_text();
    decoded.map = out.take_map();
    decoded.file_text = in.transcoded.empty() ? std::string(in.file) : std::move(in.transcoded);
  }
  keep_writer_text(decoded, Layout::kDraft);
  return decoded;
}

}  // namespace followup::input
