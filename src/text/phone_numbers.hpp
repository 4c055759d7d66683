// Phone numbers written in a note, found with libphonenumber (the only user
// of it): "(555) 010-4477", "678 8990", "+49 30 1234567", "07700 900123".
// Thread-safe; never throws.
#pragma once

#include <string_view>
#include <vector>

#include "core/span.hpp"

namespace followup::text {

// Byte spans of the phone numbers in `text`, in order. `region` is the
// two-letter country whose numbers are written without a country code
// ("US"). A number a few other countries would recognise counts too, so a
// note written from abroad is read right without a config.
std::vector<core::Span> find_phone_numbers(std::string_view text, std::string_view region);

}  // namespace followup::text
