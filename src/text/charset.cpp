#include "text/charset.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ucsdet.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <memory>

#include "core/utf8.hpp"

namespace followup::text {
namespace {

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

Converter open_converter(std::string_view charset) {
  std::string name(charset);
  UErrorCode err = U_ZERO_ERROR;
  Converter cnv(ucnv_open(name.c_str(), &err));
  if (U_FAILURE(err) || name.empty()) return nullptr;
  return cnv;
}

struct InvalidBytes {
  const char* base = nullptr;  // the input's first byte
  std::optional<uint32_t> first;
};

// Records where the first undecodable byte sits, then substitutes U+FFFD as
// ICU's default callback would.
void record_invalid(const void* context, UConverterToUnicodeArgs* args, const char* units,
                    int32_t length, UConverterCallbackReason reason, UErrorCode* err) {
  auto* state = static_cast<InvalidBytes*>(const_cast<void*>(context));
  if (reason <= UCNV_IRREGULAR && !state->first) {
    auto at = (args->source - state->base) - length;
    state->first = static_cast<uint32_t>(std::max<decltype(at)>(at, 0));
  }
  UCNV_TO_U_CALLBACK_SUBSTITUTE(nullptr, args, units, length, reason, err);
}

// Appends UTF-16 units (with the source offset of each) as UTF-8 code points.
class Utf8Sink {
 public:
  explicit Utf8Sink(Transcoded& out) : out_(out) {}
  void unit(UChar u, uint32_t source) {
    if (U16_IS_LEAD(u)) {
      lead_ = u;
      lead_source_ = source;
      return;
    }
    if (U16_IS_TRAIL(u) && lead_) {
      emit(U16_GET_SUPPLEMENTARY(lead_, u), lead_source_);
      lead_ = 0;
      return;
    }
    flush();
    emit(U16_IS_SURROGATE(u) ? 0xFFFD : u, source);
  }
  void flush() {
    if (lead_) emit(0xFFFD, lead_source_);
    lead_ = 0;
  }

 private:
  void emit(char32_t cp, uint32_t source) {
    out_.origins.push_back({static_cast<uint32_t>(out_.utf8.size()), source});
    core::append_utf8(out_.utf8, cp);
  }
  Transcoded& out_;
  UChar lead_ = 0;
  uint32_t lead_source_ = 0;
};

}  // namespace

Transcoded to_utf8(std::string_view bytes, std::string_view charset) {
  Transcoded out;
  Converter cnv = open_converter(charset);
  if (!cnv) {
    out.known = false;
    return out;
  }
  InvalidBytes invalid{bytes.data(), std::nullopt};
  UErrorCode err = U_ZERO_ERROR;
  ucnv_setToUCallBack(cnv.get(), record_invalid, &invalid, nullptr, nullptr, &err);
  out.utf8.reserve(bytes.size());
  Utf8Sink sink(out);
  std::vector<UChar> buffer(8192);
  std::vector<int32_t> offsets(buffer.size());
  const char* source = bytes.data();
  const char* limit = source + bytes.size();
  uint32_t last_source = 0;
  do {
    // ICU's offsets count from where this call's source starts.
    const uint32_t call_base = static_cast<uint32_t>(source - bytes.data());
    UChar* target = buffer.data();
    err = U_ZERO_ERROR;
    ucnv_toUnicode(cnv.get(), &target, buffer.data() + buffer.size(), &source, limit,
                   offsets.data(), true, &err);
    for (ptrdiff_t k = 0; k < target - buffer.data(); ++k) {
      auto at = static_cast<size_t>(k);
      if (offsets[at] >= 0) last_source = call_base + static_cast<uint32_t>(offsets[at]);
      sink.unit(buffer[at], last_source);
    }
  } while (err == U_BUFFER_OVERFLOW_ERROR);
  sink.flush();
  out.origins.push_back(
      {static_cast<uint32_t>(out.utf8.size()), static_cast<uint32_t>(bytes.size())});
  out.first_invalid = invalid.first;
  return out;
}

std::string canonical_charset(std::string_view charset) {
  if (!open_converter(charset)) return {};
  std::string name(charset);
  UErrorCode err = U_ZERO_ERROR;
  const char* iana = ucnv_getStandardName(name.c_str(), "IANA", &err);
  if (U_SUCCESS(err) && iana != nullptr) return iana;
  err = U_ZERO_ERROR;
  const char* mime = ucnv_getStandardName(name.c_str(), "MIME", &err);
  return U_SUCCESS(err) && mime != nullptr ? std::string(mime) : name;
}

bool is_utf8_name(std::string_view charset) {
  std::string n;
  for (char c : charset)
    if (c != '-' && c != '_') n += static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
  return n == "utf8";
}

std::string guess_charset(std::string_view bytes) {
  // The detector needs no more than the start of a file to decide.
  const auto length = static_cast<int32_t>(std::min<size_t>(bytes.size(), 64 * 1024));
  UErrorCode err = U_ZERO_ERROR;
  UCharsetDetector* detector = ucsdet_open(&err);
  std::string name;
  if (U_SUCCESS(err)) {
    ucsdet_setText(detector, bytes.data(), length, &err);
    const UCharsetMatch* match = ucsdet_detect(detector, &err);
    if (U_SUCCESS(err) && match != nullptr && ucsdet_getConfidence(match, &err) >= 20) {
      const char* found = ucsdet_getName(match, &err);
      if (U_SUCCESS(err) && found != nullptr) name = found;
    }
    ucsdet_close(detector);
  }
  // Latin-1 text written on Windows is windows-1252 (its superset, with
  // curly quotes and dashes at 0x80-0x9F): name the one that decodes both.
  if (name.empty() || name == "ISO-8859-1" || name == "ISO-8859-15" || is_utf8_name(name)) {
    bool high = std::any_of(bytes.begin(), bytes.end(), [](char c) { return (c & 0x80) != 0; });
    return high ? "windows-1252" : std::string();
  }
  return name;
}

}  // namespace followup::text
