// Fuzzes the TOML loaders with the same bytes read two ways:
//  - as a .followup-lint.toml (parse_config), whose [context], globs and
//    [rules."ID"] settings are then applied the way Workspace applies them;
//  - as a user's rule file (parse_toml + RuleSet::build, as Workspace does
//    for rule_paths), whose rules, when they load, lint a sample draft.
// Mistakes must come back as LoadErrors with a file and a message; nothing
// may crash or throw.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "config/config.hpp"
#include "config/toml_value.hpp"
#include "core/source.hpp"
#include "fuzz_support.hpp"
#include "parse/draft_parser.hpp"
#include "lint/lint.hpp"
#include "rules/rule_set.hpp"

using namespace followup;

namespace {

const char* const kConfigPath = "/fuzz/project/.followup-lint.toml";
const char* const kRulePath = "/fuzz/project/team.toml";

void check_errors(const std::vector<config::LoadError>& errors) {
  for (const auto& e : errors) {
    FUZZ_CHECK(!e.origin.file.empty());
    FUZZ_CHECK(!e.message.empty());
    (void)config::format_error(e);
  }
}

// A draft with every part, and a context with every key set, so that user
// rules of any check type find something to look at.
const core::Source& sample_source() {
  static const core::Source source(
      "/fuzz/project/notes/acme.txt",
      "Subject: Thank you for the interview\n"
      "To: jane.rivera@acme.example\n"
      "Date: 2024-04-02\n"
      "\n"
      "Dear Ms. Rivera,\n"
      "\n"
      "Thank you for speaking with me on Monday about the Data Analyst role at Acme. "
      "I enjoyed hearing how your team uses SQL every day!\n"
      "\n"
      "- I have attached my portfolio.\n"
      "- Please let me know if you need anything else.\n"
      "\n"
      "Best regards,\n"
      "Ana Cruz\n"
      "(555) 010-4477\n");
  return source;
}

const core::Draft& sample_draft() {
  static const core::Draft draft = parse::parse_draft(sample_source());
  return draft;
}

const core::Context& sample_context() {
  static const core::Context context = [] {
    core::Context c;
    std::vector<config::LoadError> errors;
    auto parsed = config::parse_toml(
        "kind = \"thank-you\"\n"
        "medium = \"email\"\n"
        "position = \"Data Analyst\"\n"
        "company = \"Acme\"\n"
        "interviewers = [\"Jane Rivera\"]\n"
        "candidate = \"Ana Cruz\"\n"
        "interview_date = 2024-04-01\n"
        "sent_date = 2024-04-02\n"
        "attachments = [\"portfolio.pdf\"]\n",
        "sample-context.toml");
    config::apply_context(c, std::get<core::Value>(parsed).table(), "sample", errors);
    FUZZ_CHECK(errors.empty());
    return c;
  }();
  return context;
}

void fuzz_config_file(std::string_view text) {
  auto parsed = config::parse_config(text, kConfigPath);
  if (auto* errors = std::get_if<std::vector<config::LoadError>>(&parsed)) {
    FUZZ_CHECK(!errors->empty());
    check_errors(*errors);
    return;
  }
  const config::Config& config = std::get<config::Config>(parsed);
  for (const auto& glob : config.exclude)
    (void)config::glob_match(glob, "notes/acme/thank-you.txt");
  for (const auto& o : config.overrides)
    for (const auto& glob : o.files) (void)config::glob_match(glob, "notes/acme/thank-you.txt");
  for (const auto& s : config.suppressions)
    for (const auto& glob : s.files) (void)config::glob_match(glob, "drafts/x.md");
  if (config.rules.empty()) return;  // rebuilding the built-in rules is the slow part

  std::vector<const rules::RuleFile*> files;
  for (const auto& f : rules::builtin_rules()) files.push_back(&f);
  std::vector<config::LoadError> errors;
  auto set = rules::RuleSet::build(files, config.rules, errors, {config.kind_signals, config.words});
  check_errors(errors);
  if (!errors.empty()) return;
  for (const auto& d : lint::run_rules(sample_draft(), sample_context(), *set, match::LintScans(set->patterns(), sample_draft())))
    FUZZ_CHECK(d.span.end <= sample_source().size());
}

void fuzz_rule_file(std::string_view text) {
  auto parsed = config::parse_toml(text, kRulePath);
  if (auto* error = std::get_if<config::LoadError>(&parsed)) {
    check_errors({*error});
    return;
  }
  rules::RuleFile file{kRulePath, std::move(std::get<core::Value>(parsed))};
  std::vector<config::LoadError> errors;
  auto set = rules::RuleSet::build({&file}, {}, errors);
  check_errors(errors);
  if (!errors.empty()) return;
  for (const auto& d : lint::run_rules(sample_draft(), sample_context(), *set, match::LintScans(set->patterns(), sample_draft())))
    FUZZ_CHECK(d.span.end <= sample_source().size());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text = fuzz::as_text(data, size);
  fuzz_config_file(text);
  fuzz_rule_file(text);
  return 0;
}
