#include "match/options.hpp"

#include <string>

#include "match/match.hpp"

namespace followup::match {

RE2::Options pattern_options() {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(8 << 20);
  return options;
}

std::optional<std::string> pattern_error(std::string_view pattern) {
  RE2 re(re2::StringPiece(pattern.data(), pattern.size()), pattern_options());
  if (re.ok()) return std::nullopt;
  std::string why = re.error();
  if (re.error_code() == RE2::ErrorPatternTooLarge)
    why += " (the compiled pattern would need more than 8 MiB; split it or bound its repetitions)";
  return why;
}

}  // namespace followup::match
