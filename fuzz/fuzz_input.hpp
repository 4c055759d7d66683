// Shared by the decoder fuzz targets (fuzz_mail, fuzz_html, fuzz_markdown,
// fuzz_plain): decodes the bytes as one format and checks what every
// decoder promises: no crash or hang, a map whose pieces run in order over
// the decoded text, and spans that map back inside the file.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "input/read.hpp"

inline void check_decoder(const uint8_t* data, size_t size, followup::input::Format format) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  followup::input::Decoded decoded = followup::input::read(bytes, format);
  const auto file_size = static_cast<uint32_t>(decoded.file().size());
  const auto text_size = static_cast<uint32_t>(decoded.text.size());
  uint32_t expected = 0;
  for (const auto& piece : decoded.map.pieces()) {
    if (decoded.map.is_identity()) break;
    if (piece.decoded.begin != expected || piece.decoded.end < piece.decoded.begin) std::abort();
    if (piece.file.end > file_size || piece.file.begin > piece.file.end) std::abort();
    expected = piece.decoded.end;
  }
  if (!decoded.map.is_identity() && !decoded.map.pieces().empty() && expected != text_size) std::abort();
  for (uint32_t at = 0; at < text_size; at += 1 + text_size / 64) {
    followup::core::Span span = decoded.map.to_file({at, std::min(text_size, at + 5)});
    if (span.end > file_size || span.begin > span.end) std::abort();
  }
  for (const auto& p : decoded.problems)
    if (p.file_offset > file_size || p.message.empty()) std::abort();
}
