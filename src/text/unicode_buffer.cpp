#include "text/unicode_buffer.hpp"

#include <unicode/locid.h>

#include <memory>

namespace followup::text::detail {

Utf16Text& thread_text() {
  thread_local Utf16Text buffer;
  return buffer;
}

icu::BreakIterator* thread_iterator(IteratorKind kind) {
  thread_local std::unique_ptr<icu::BreakIterator> iterators[3];
  thread_local bool failed[3] = {false, false, false};
  const auto slot = static_cast<size_t>(kind);
  if (!iterators[slot] && !failed[slot]) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale en("en");
    std::unique_ptr<icu::BreakIterator> created;
    switch (kind) {
      case IteratorKind::kSentence:
        created.reset(icu::BreakIterator::createSentenceInstance(en, status));
        break;
      case IteratorKind::kWord:
        created.reset(icu::BreakIterator::createWordInstance(en, status));
        break;
      case IteratorKind::kCharacter:
        created.reset(icu::BreakIterator::createCharacterInstance(en, status));
        break;
    }
    // A missing ICU data file fails every time; remember it instead of retrying
    // (and paying for the lookup) on every call.
    if (U_FAILURE(status) || !created) {
      failed[slot] = true;
    } else {
      iterators[slot] = std::move(created);
    }
  }
  return iterators[slot].get();
}

}  // namespace followup::text::detail
