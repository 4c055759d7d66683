// Rule: one public rule ID with its settings and the compiled check(s) that
// implement it. A rule is built from a TOML table (rules/*.toml or a user's
// rule file); its `check` key names a C++ check type from registry.cpp.
// A rule may list `variants`, each a table merged over the rule's own keys
// and built as a separate check: the way one ID covers several conditions.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/context.hpp"
#include "core/draft.hpp"
#include "core/severity.hpp"
#include "core/value.hpp"
#include "diag/diagnostic.hpp"
#include "diag/rule_docs.hpp"
#include "match/match.hpp"
#include "rules/params.hpp"
#include "rules/wording.hpp"

namespace followup::rules {

using match::Match;
using match::PatternList;

// A message template with {name} fields, checked when the rule loads.
class Message {
 public:
  Message() = default;
  explicit Message(std::string text);
  // Returns an error text when the template uses a field not in `fields`.
  std::optional<std::string> validate(const std::vector<std::string>& fields) const;
  std::string format(const std::vector<std::pair<std::string, std::string>>& args) const;
  const std::string& text() const { return text_; }

 private:
  std::string text_;
  // Every field is a plain {name}: format() substitutes by hand, which costs
  // a fraction of fmt's dynamic argument store (a finding's main expense).
  bool plain_ = true;
};

struct CheckCommon;

// The spans of each distinct `sections` list, built once per lint for all
// the checks that read the same sections (most read "paragraph" or the
// salutation). Keys come from RuleSet::build.
class SectionCache {
 public:
  // Starts a lint of `draft` with `keys` distinct section lists.
  void reset(const core::Draft& draft, size_t keys);
  const std::vector<core::Span>& spans(const CheckCommon& common);

 private:
  const core::Draft* draft_ = nullptr;
  std::vector<std::vector<core::Span>> spans_;  // by key; kept between lints for their memory
  std::vector<char> built_;
  std::deque<std::vector<core::Span>> unnumbered_;  // stable addresses
};

// What a check reads: the parsed draft and its resolved context.
struct LintInput {
  const core::Draft& draft;
  const core::Context& context;
  const match::LintScans* scans = nullptr;   // for PatternList::find_all and any
  SectionCache* sections = nullptr;          // the spans of a check's sections: sections->spans(common_)
};

// Collects the diagnostics of one rule for one draft. The first
// kMaxPerRule are kept; the next one becomes a notice that counts the rest
// (finish() writes the count), so a file where a rule fires millions of
// times (10 MB of "word word") costs memory and output in proportion to
// the rules, not to the findings.
class Emitter {
 public:
  static constexpr size_t kMaxPerRule = 100;

  // `rule_id` is kept by reference (no copy per rule per lint): it must
  // outlive the emitter, so a temporary is refused.
  Emitter(const std::string& rule_id, core::Severity severity, std::vector<diag::Diagnostic>& out)
      : rule_id_(rule_id), severity_(severity), out_(out) {}
  Emitter(std::string&&, core::Severity, std::vector<diag::Diagnostic>&) = delete;
  // The returned diagnostic may be given fixes; past the limit it is a
  // scratch one that is thrown away.
  diag::Diagnostic& report(core::Span span, std::string message, std::string help = {});
  // Writes the number of findings not listed into the notice, if any.
  void finish();

 private:
  const std::string& rule_id_;  // the Rule's, which outlives the lint
  core::Severity severity_;
  std::vector<diag::Diagnostic>& out_;
  size_t reported_ = 0;
  size_t notice_ = 0;  // index in out_ of the notice, once there is one
  diag::Diagnostic scratch_;
};

// Settings every check shares, read from the rule table by the loader.
struct CheckCommon {
  std::vector<std::string> sections;  // names from sections.hpp
  size_t sections_key = SIZE_MAX;     // equal for equal `sections` (numbered by RuleSet::build)
  Message message;
  std::string help;
  std::map<std::string, std::string> when;  // context key -> required value
};

class Check {
 public:
  explicit Check(CheckCommon common) : common_(std::move(common)) {}
  virtual ~Check() = default;
  virtual void run(const LintInput& input, Emitter& out) const = 0;
  const CheckCommon& common() const { return common_; }
  void set_sections_key(size_t key) { common_.sections_key = key; }

 protected:
  std::string format(const std::vector<std::pair<std::string, std::string>>& args) const {
    return common_.message.format(args);
  }
  const std::string& help() const { return common_.help; }

  CheckCommon common_;
};

struct Rule {
  std::string id;          // "<file stem>.<key>"
  std::string check_type;  // "existence", ...; empty for a stage's rule
  // A rule reported by a named lint stage (input, context, suppressions)
  // rather than by a check: the stage's findings take this message and help.
  std::string stage;
  Message stage_message;
  std::string stage_help;
  core::Severity default_severity = core::Severity::kWarning;
  std::optional<core::Severity> severity;  // nullopt = off
  std::set<core::Kind> kinds;              // empty = every kind, unknown included
  std::vector<std::string> media;          // empty = any medium
  bool any_language = false;               // `language = "any"`: also runs on notes not in English
  std::string summary;                     // one line, for --list-rules and SARIF
  std::string explain;
  std::vector<std::string> flag_examples;
  std::vector<std::string> pass_examples;
  core::Origin origin;
  // The settings a config may tune (max_sentences, patterns, ...), merged
  // with the config's; each value's origin says where it was set.
  core::Table parameters;
  std::vector<std::unique_ptr<Check>> checks;  // one per variant; none for a stage's rule

  bool applies_to(const core::Context& context) const;
};

// The rule's documentation, for --explain, hover and SARIF.
diag::RuleDoc rule_doc(const Rule& rule);

}  // namespace followup::rules
