// A rule set answers the same whether it is cold (the first drafts of a run:
// each pattern list scans for itself) or in steady use (a batch or an editor
// session: one shared RE2::Set pass per part of the draft, part_scan.hpp).
#include <catch2/catch.hpp>
#include <filesystem>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "core/source.hpp"
#include "parse/draft_parser.hpp"
#include "lint/lint.hpp"
#include "match/part_scan.hpp"
#include "rules/sections.hpp"
#include "rules/rule_set.hpp"
#include "support/process.hpp"

namespace {

namespace fs = std::filesystem;
namespace rules = followup::rules;
namespace lint = followup::lint;

std::shared_ptr<const rules::RuleSet> fresh_builtin_set() {
  std::vector<const rules::RuleFile*> files;
  for (const auto& f : rules::builtin_rules()) files.push_back(&f);
  std::vector<rules::LoadError> errors;
  std::shared_ptr<const rules::RuleSet> set = rules::RuleSet::build(files, {}, errors);
  REQUIRE(errors.empty());
  return set;
}

// The rule corpus and the CLI fixtures: drafts of every kind, each rule's
// hits and near misses.
std::vector<std::string> drafts() {
  std::vector<std::string> texts;
  for (const char* folder : {"tests/corpus", "fixtures/cli"}) {
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(FOLLOWUP_SOURCE_DIR) / folder))
      if (entry.is_regular_file() && entry.path().extension() == ".txt")
        texts.push_back(followup::testing::read_text(entry.path().string()));
  }
  return texts;
}

using Finding = std::tuple<std::string, uint32_t, uint32_t, std::string>;

std::vector<Finding> findings(const std::string& text, const std::shared_ptr<const rules::RuleSet>& set) {
  lint::LintSettings settings;
  settings.rules = set;
  followup::core::Source source("draft.txt", text);
  std::vector<Finding> out;
  for (const auto& d : lint::lint(source, settings).diagnostics)
    out.emplace_back(d.rule_id, d.span.begin, d.span.end, d.message);
  return out;
}

}  // namespace

TEST_CASE("findings are the same from a cold rule set and from one in steady use", "[rules][prefilter]") {
  const auto texts = drafts();
  REQUIRE(texts.size() > 100);
  auto steady = fresh_builtin_set();
  for (const auto& text : texts) (void)findings(text, steady);  // warms every kind of part up
  steady->patterns().wait_for_steady_sets();

  // The steady set really answers from the shared pass now.
  followup::core::Source probe("probe.txt", "Dear Ana,\n\nThank you for the call today.\n\nBest regards,\nJo Park\n");
  const auto draft = followup::parse::parse_draft(probe);
  REQUIRE(!draft.paragraphs.empty());
  const followup::match::LintScans scans(steady->patterns(), draft);
  const followup::match::PartScan& scan = scans.parts();
  CHECK(scan.matches(draft.paragraphs.front(), rules::part_mask({"paragraph"})).has_value());

  size_t total = 0;
  for (size_t i = 0; i < texts.size(); ++i) {
    INFO("draft " << i << ":\n" << texts[i]);
    auto cold = findings(texts[i], fresh_builtin_set());  // every list scans for itself
    CHECK(findings(texts[i], steady) == cold);
    total += cold.size();
  }
  CHECK(total > 100);
}
