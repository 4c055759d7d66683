// Internal to src/text/: the UTF-8 -> UTF-16 copies ICU reads, with a map
// back to byte offsets, and the per-thread break iterators. Not for use
// outside this folder (ICU stays behind the text/ fence).
#pragma once

#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string_view>
#include <vector>

#include "core/span.hpp"
#include "core/utf8.hpp"

namespace followup::text::detail {

using core::Span;


using core::Span;

// ICU indexes strings with int32_t; anything longer cannot be segmented.
constexpr size_t kMaxInput = static_cast<size_t>(std::numeric_limits<int32_t>::max()) - 1;

// Per-thread buffers keep the capacity of the largest recent input so that
// steady-state calls allocate nothing but their result. One huge input should
// not pin hundreds of MB for the life of the thread, though, so a buffer this
// much larger than the next input is released.
constexpr int32_t kKeepCapacity = 1 << 20;

inline bool is_ascii(std::string_view text) {
  // OR-reduce in a branch-free loop the compiler can vectorize; ASCII is by far
  // the most common input and every ASCII fast path starts with this check.
  unsigned char acc = 0;
  for (char c : text) acc |= static_cast<unsigned char>(c);
  return acc < 0x80;
}

// ---------------------------------------------------------------------------
// UTF-8 -> UTF-16 with a map back to byte offsets.

struct Utf16Text {
  icu::UnicodeString text;
  // byte_offsets[i] is the byte offset in the UTF-8 input of the code point
  // that UTF-16 unit i belongs to; byte_offsets[length] is the input size.
  // Left unused for ASCII input, where the two index spaces are the same.
  std::vector<uint32_t> byte_offsets;
  bool identity = true;

  uint32_t to_byte(int32_t index) const {
    return identity ? static_cast<uint32_t>(index)
                    : byte_offsets[static_cast<size_t>(index)];
  }
};

Utf16Text& thread_text();

struct NoPatch {
  void operator()(char16_t*, int32_t) const {}
};

// Fills `out` with `text` converted to UTF-16 (invalid bytes become U+FFFD,
// one unit per byte, like core::decode_utf8). `patch` may rewrite units in
// place before the string is sealed, which is how split_sentences builds its
// modified copy without a second buffer. Returns false only when the input is
// too large for ICU or ICU cannot allocate.
template <bool kWithMap, typename Patch = NoPatch>
bool load_utf16(Utf16Text& out, std::string_view text, Patch&& patch = Patch{}) {
  if (text.size() > kMaxInput) return false;
  const auto n = static_cast<int32_t>(text.size());
  if (out.text.getCapacity() > kKeepCapacity && n < kKeepCapacity / 4) {
    out.text = icu::UnicodeString();
    std::vector<uint32_t>().swap(out.byte_offsets);
  }
  // Without this getBuffer would copy the previous contents when it grows.
  out.text.remove();
  // A UTF-8 sequence never needs more UTF-16 units than it has bytes.
  char16_t* units = out.text.getBuffer(std::max(n, 1));
  if (units == nullptr) return false;

  int32_t length = 0;
  out.identity = is_ascii(text);
  if (out.identity) {
    for (int32_t i = 0; i < n; ++i) {
      units[i] = static_cast<char16_t>(static_cast<unsigned char>(text[static_cast<size_t>(i)]));
    }
    length = n;
  } else {
    uint32_t* map = nullptr;
    if constexpr (kWithMap) {
      out.byte_offsets.resize(static_cast<size_t>(n) + 1);
      map = out.byte_offsets.data();
    }
    const auto size = static_cast<uint32_t>(n);
    uint32_t i = 0;
    while (i < size) {
      const auto byte = static_cast<unsigned char>(text[i]);
      if (byte < 0x80) {
        if constexpr (kWithMap) map[length] = i;
        units[length++] = byte;
        ++i;
        continue;
      }
      const core::Decoded d = core::decode_utf8(text, i);
      const char32_t cp = d.code_point;
      if (cp < 0x10000) {
        if constexpr (kWithMap) map[length] = i;
        units[length++] = static_cast<char16_t>(cp);
      } else {
        if constexpr (kWithMap) map[length] = map[length + 1] = i;
        units[length++] = static_cast<char16_t>(0xD7C0 + (cp >> 10));
        units[length++] = static_cast<char16_t>(0xDC00 | (cp & 0x3FF));
      }
      i += d.length;
    }
    if constexpr (kWithMap) map[length] = size;
  }
  patch(units, length);
  out.text.releaseBuffer(length);
  return true;
}

// Reads the code point at `i` (< end) and advances `i`; unpaired surrogates
// come back as themselves, which is what ICU's property functions expect.
inline UChar32 next_code_point(const char16_t* units, int32_t& i, int32_t end) {
  const char16_t lead = units[i++];
  if (lead >= 0xD800 && lead <= 0xDBFF && i < end) {
    const char16_t trail = units[i];
    if (trail >= 0xDC00 && trail <= 0xDFFF) {
      ++i;
      return (static_cast<UChar32>(lead) << 10) + trail - ((0xD800 << 10) + 0xDC00 - 0x10000);
    }
  }
  return lead;
}

// ---------------------------------------------------------------------------
// Break iterators, one of each kind per thread.

enum class IteratorKind { kSentence, kWord, kCharacter };

// Creating a break iterator loads and parses rule data (tens of microseconds or
// more), far more than segmenting a typical paragraph, so each thread creates
// one of each kind the first time it needs it and then only calls setText.
// Creating rather than cloning a shared prototype sidesteps any question about
// concurrent clone() calls; it costs once per thread.
icu::BreakIterator* thread_iterator(IteratorKind kind);

// ---------------------------------------------------------------------------
// Code units. The sentence code runs either on the UTF-16 copy that ICU needs
// or on the one-byte-per-code-point ASCII stand-in of the fast path (see
// StandInText); these overloads let the same templates serve both.

inline uint32_t unit_value(char c) { return static_cast<unsigned char>(c); }
inline uint32_t unit_value(char16_t c) { return c; }

inline UChar32 next_code_point(const char* units, int32_t& i, int32_t /*end*/) {
  return static_cast<unsigned char>(units[i++]);  // stand-ins are ASCII
}


}  // namespace followup::text::detail
