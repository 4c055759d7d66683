// A rule's documentation as people read it, formatted in one place for
// `--explain` (plain text), the language server's hover (Markdown) and the
// SARIF rule table (RuleDoc's fields). The rule data (rules/*.toml) is the
// single source; rules::rule_doc() fills a RuleDoc from a loaded rule.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace followup::diag {

struct RuleDoc {
  std::string id;
  std::string severity;  // default level
  std::string summary;
  std::string explain;
  std::string kinds = "all";  // "thank-you,status-inquiry" or "all"
  std::string media;          // "email", "letter" or empty (any)
  std::vector<std::string> flag_examples;
  std::vector<std::string> pass_examples;
};

// `--explain RULE`: heading, summary, explanation, then the examples.
std::string rule_docs_text(const RuleDoc& doc);
// The hover's part about the rule: its summary and the explanation, fenced.
std::string rule_docs_markdown(const RuleDoc& doc);

// Where a rule's documentation is published (docs/rules.md, one anchor per rule).
std::string rule_docs_url(std::string_view rule_id);

// A rule ID as a name people read in tools that list rules by name
// ("salutation.combined" -> "SalutationCombined"); SARIF wants it to differ from the ID.
std::string rule_display_name(std::string_view rule_id);

// Backslash-escapes the characters that would turn quoted draft text into
// Markdown emphasis, code, links or HTML.
std::string escape_markdown(std::string_view text);

}  // namespace followup::diag
