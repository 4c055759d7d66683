#include "rules/rule.hpp"

#include <fmt/args.h>
#include <fmt/format.h>

namespace followup::rules {

namespace {

// Whether each replacement field of `text` is a plain {name}: no format
// spec, conversion or nesting; "{{" and "}}" are escapes.
bool plain_fields(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{') {
      if (i + 1 < text.size() && text[i + 1] == '{') {
        ++i;
        continue;
      }
      size_t close = text.find('}', i);
      if (close == std::string_view::npos) return false;
      std::string_view name = text.substr(i + 1, close - i - 1);
      if (name.empty() || name.find_first_of(":!{") != std::string_view::npos) return false;
      i = close;
    } else if (text[i] == '}') {
      if (i + 1 < text.size() && text[i + 1] == '}') {
        ++i;
        continue;
      }
      return false;
    }
  }
  return true;
}

// A quoted value (a subject, a salutation, a name) can be as long as the
// line it came from; past this many bytes the message shows its start only,
// so a 10 KB subject does not become a 10 KB diagnostic.
constexpr size_t kMaxFieldBytes = 160;

std::string_view capped(std::string_view value, bool& cut) {
  cut = value.size() > kMaxFieldBytes;
  if (!cut) return value;
  size_t end = kMaxFieldBytes;
  while (end > 0 && (static_cast<unsigned char>(value[end]) & 0xC0) == 0x80) --end;
  return value.substr(0, end);
}

void append_field(std::string& out, std::string_view value) {
  bool cut = false;
  out += capped(value, cut);
  if (cut) out += "...";
}

}  // namespace

Message::Message(std::string text) : text_(std::move(text)), plain_(plain_fields(text_)) {}

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
  if (plain_) {
    std::string out;
    out.reserve(text_.size() + 32);
    bool known = true;
    for (size_t i = 0; i < text_.size() && known; ++i) {
      const char c = text_[i];
      if ((c == '{' || c == '}') && i + 1 < text_.size() && text_[i + 1] == c) {
        out += c;
        ++i;
      } else if (c == '{') {
        const size_t close = text_.find('}', i);
        const std::string_view name = std::string_view(text_).substr(i + 1, close - i - 1);
        known = false;
        for (const auto& [field, value] : args) {
          if (field != name) continue;
          append_field(out, value);
          known = true;
          break;
        }
        i = close;
      } else {
        out += c;
      }
    }
    if (known) return out;  // else fmt's answer for an unknown field below
  }
  fmt::dynamic_format_arg_store<fmt::format_context> store;
  for (const auto& [name, value] : args) {
    std::string shown;
    append_field(shown, value);
    store.push_back(fmt::arg(name.c_str(), std::move(shown)));
  }
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
  if (!context.language.empty() && !any_language) return false;
  if (!media.empty()) {
    if (!context.medium) return false;
    bool found = false;
    for (const auto& m : media) found = found || m == *context.medium;
    if (!found) return false;
  }
  return true;
}

diag::RuleDoc rule_doc(const Rule& rule) {
  diag::RuleDoc doc;
  doc.id = rule.id;
  doc.severity = std::string(core::severity_name(rule.default_severity));
  doc.summary = rule.summary;
  doc.explain = rule.explain;
  if (!rule.kinds.empty()) {
    doc.kinds.clear();
    for (auto k : rule.kinds) doc.kinds += (doc.kinds.empty() ? "" : ",") + std::string(core::kind_name(k));
  }
  if (!rule.media.empty()) doc.media = rule.media.front();
  doc.flag_examples = rule.flag_examples;
  doc.pass_examples = rule.pass_examples;
  return doc;
}

}  // namespace followup::rules
