#include "rules/rule.hpp"

#include <fmt/args.h>
#include <fmt/format.h>

namespace followup::rules {

std::optional<std::string> Message::validate(const std::vector<std::string>& fields) const {
  fmt::dynamic_format_arg_store<fmt::format_context> store;
  for (const auto& f : fields) store.push_back(fmt::arg(f.c_str(), std::string("x")));
  try {
    (void)fmt::vformat(text_, store);
  } catch (const fmt::format_error& e) {
    std::string known;
    for (const auto& f : fields) known += (known.empty() ? "{" : ", {") + f + "}";
    return fmt::format("bad message template '{}': {} (fields: {})", text_, e.what(),
                       known.empty() ? "none" : known);
  }
  return std::nullopt;
}

std::string Message::format(const std::vector<std::pair<std::string, std::string>>& args) const {
  fmt::dynamic_format_arg_store<fmt::format_context> store;
  for (const auto& [name, value] : args) store.push_back(fmt::arg(name.c_str(), value));
  try {
    return fmt::vformat(text_, store);
  } catch (const fmt::format_error&) {
    return text_;  // validated at load; kept as a safe fallback
  }
}

diag::Diagnostic& Emitter::report(core::Span span, std::string message, std::string help) {
  ++reported_;
  if (reported_ > kMaxPerRule + 1) {
    scratch_ = {};
    return scratch_;
  }
  diag::Diagnostic d;
  d.rule_id = rule_id_;
  d.severity = severity_;
  d.span = span;
  d.message = std::move(message);
  d.help = std::move(help);
  if (reported_ == kMaxPerRule + 1) {
    // Where the unlisted findings start; its own text is not shown.
    notice_ = out_.size();
    d.help = "a note seldom has this many; fix the ones listed and run again, or check that this "
             "file is a draft at all";
    out_.push_back(std::move(d));
    scratch_ = {};
    return scratch_;
  }
  out_.push_back(std::move(d));
  return out_.back();
}

void Emitter::finish() {
  if (reported_ <= kMaxPerRule) return;
  size_t hidden = reported_ - kMaxPerRule;
  out_[notice_].message = fmt::format(
      "{} more finding{} of this rule from here on {} not listed: each rule lists at most {} per file",
      hidden, hidden == 1 ? "" : "s", hidden == 1 ? "is" : "are", kMaxPerRule);
}

bool Rule::applies_to(const core::Context& context) const {
  if (!severity) return false;
  if (!kinds.empty() && !kinds.count(context.effective_kind())) return false;
  if (!media.empty()) {
    if (!context.medium) return false;
    bool found = false;
    for (const auto& m : media) found = found || m == *context.medium;
    if (!found) return false;
  }
  return true;
}

}  // namespace followup::rules
