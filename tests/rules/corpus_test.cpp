// Precision and recall of every built-in rule over the corpus in
// tests/corpus. A draft under rules/ names its expectation:
// rules/<group>/<rule>-fire-N.<ext> must make <group>.<rule> report, and
// rules/<group>/<rule>-near-N.<ext> is a near miss for it that must not.
// tests/corpus/expected.toml adds what a name cannot say (`expect`: more
// rules that must report, `near`: more near misses), and lists drafts whose
// names do not follow the pattern. Drafts under clean/<kind>/ are
// well-written notes that must be read as <kind> and report nothing at all.
// The test runs the real binary (`followup-lint --format json`), prints a
// per-rule table and fails on anything below 100%.
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "config/toml_value.hpp"
#include "rules/rule_set.hpp"
#include "support/process.hpp"

namespace {

namespace fs = std::filesystem;

struct Expectation {
  std::set<std::string> expect;
  std::set<std::string> near;
};

struct Tally {
  int tp = 0, fp = 0, fn = 0;
  int fire_drafts = 0, near_drafts = 0;
  std::vector<std::string> problems;
};

// The linter's JSON report on `folder`, with anything it wrote to stderr after it.
std::string run_json(const std::string& folder) {
  auto r = followup::testing::run_linter({"--format", "json", "--jobs", "2", folder}, "",
                                         fs::current_path().string());
  std::string out = r.out + r.err;
  INFO(out.substr(0, 2000));
  REQUIRE(r.exit_code < 128);  // not killed by a signal
  REQUIRE(r.exit_code != 2);   // 0 or 1: linted, with or without findings
  return out;
}

std::map<std::string, Expectation> read_manifest(const fs::path& path) {
  std::ifstream in(path);
  REQUIRE(in.good());
  std::stringstream text;
  text << in.rdbuf();
  auto parsed = followup::config::parse_toml(text.str(), path.string());
  if (auto* error = std::get_if<followup::config::LoadError>(&parsed)) FAIL(error->message);
  std::map<std::string, Expectation> out;
  for (const auto& [file, entry] : std::get<followup::core::Value>(parsed).table()) {
    INFO("expected.toml entry " << file);
    REQUIRE(entry.is_table());
    Expectation e;
    for (const auto& [key, list] : entry.table()) {
      REQUIRE((key == "expect" || key == "near"));
      REQUIRE(list.is_array());
      for (const auto& id : list.array()) (key == "expect" ? e.expect : e.near).insert(id.str());
    }
    for (const auto& id : e.near) CHECK(e.expect.count(id) == 0);
    out[file] = e;
  }
  return out;
}

std::string percent(int num, int den) {
  return den == 0 ? "-" : fmt::format("{:.1f}%", 100.0 * num / den);
}

// What the name of `rel` (a path under rules/) says: <group>/<rule>-fire-N.<ext>
// expects <group>.<rule>, <group>/<rule>-near-N.<ext> is a near miss for it.
std::optional<Expectation> expectation_from_name(const std::string& rel) {
  static const std::regex kName(R"(([a-z0-9-]+)/([a-z0-9-]+)-(fire|near)-[0-9]+\.[a-z]+)");
  std::smatch m;
  if (!std::regex_match(rel, m, kName)) return std::nullopt;
  Expectation e;
  (m[3] == "fire" ? e.expect : e.near).insert(m[1].str() + "." + m[2].str());
  return e;
}

// Every draft under rules/ with what it must and must not report: its name's
// expectation and expected.toml's entry together.
std::map<std::string, Expectation> expectations(
    const fs::path& rules_dir, const std::map<std::string, Expectation>& manifest) {
  std::map<std::string, Expectation> out;
  for (const auto& entry : fs::recursive_directory_iterator(rules_dir)) {
    if (!entry.is_regular_file()) continue;
    std::string rel = entry.path().lexically_relative(rules_dir).generic_string();
    auto from_name = expectation_from_name(rel);
    auto listed = manifest.find(rel);
    if (!from_name && listed == manifest.end()) {
      FAIL_CHECK("rules/" << rel
                          << " is neither named <rule>-fire-N / <rule>-near-N nor listed in "
                             "tests/corpus/expected.toml");
      continue;
    }
    Expectation e = from_name.value_or(Expectation{});
    if (listed != manifest.end()) {
      size_t before = e.expect.size() + e.near.size();
      e.expect.insert(listed->second.expect.begin(), listed->second.expect.end());
      e.near.insert(listed->second.near.begin(), listed->second.near.end());
      INFO("expected.toml entry " << rel << " only repeats what its name says");
      CHECK(e.expect.size() + e.near.size() > before);
    }
    for (const auto& id : e.near) {
      INFO("rules/" << rel << " both expects and is a near miss for " << id);
      CHECK(e.expect.count(id) == 0);
    }
    out[rel] = e;
  }
  return out;
}

}  // namespace

TEST_CASE("every rule is exact on the corpus and clean notes stay clean", "[rules][corpus]") {
  const fs::path root = fs::path(FOLLOWUP_SOURCE_DIR) / "tests" / "corpus";
  const auto manifest = read_manifest(root / "expected.toml");
  for (const auto& [file, e] : manifest) {
    INFO("listed in expected.toml but not in tests/corpus/rules: " << file);
    CHECK(fs::is_regular_file(root / "rules" / file));
  }
  const auto expected = expectations(root / "rules", manifest);

  std::vector<std::string> rule_ids;
  {
    std::vector<const followup::rules::RuleFile*> files;
    for (const auto& f : followup::rules::builtin_rules()) files.push_back(&f);
    std::vector<followup::rules::LoadError> errors;
    auto set = followup::rules::RuleSet::build(files, {}, errors);
    REQUIRE(errors.empty());
    for (const auto& r : set->rules()) rule_ids.push_back(r->id);
  }
  std::map<std::string, Tally> tally;
  for (const auto& id : rule_ids) tally[id];
  for (const auto& [file, e] : expected) {
    for (const auto& id : e.expect) {
      INFO(file << " expects unknown rule " << id);
      REQUIRE(tally.count(id));
      ++tally[id].fire_drafts;
    }
    for (const auto& id : e.near) {
      INFO(file << " is a near miss for unknown rule " << id);
      REQUIRE(tally.count(id));
      ++tally[id].near_drafts;
    }
  }

  const std::string output = run_json(root.string());
  nlohmann::json report;
  try {
    report = nlohmann::json::parse(output);
  } catch (const std::exception& e) {
    FAIL("the linter's JSON does not parse: " << e.what() << "\n" << output.substr(0, 2000));
  }

  std::set<std::string> seen;
  std::map<std::string, int> clean_per_kind;
  std::vector<std::string> clean_problems;
  for (const auto& file : report.at("files")) {
    std::string rel =
        fs::path(file.at("path").get<std::string>()).lexically_relative(root).generic_string();
    std::map<std::string, std::vector<std::string>> fired;  // rule -> "line: message"
    for (const auto& d : file.at("diagnostics"))
      fired[d.at("rule").get<std::string>()].push_back(
          fmt::format("{}:{}: {} {}", rel, d.at("line").get<int>(),
                      d.at("severity").get<std::string>(), d.at("message").get<std::string>()));

    if (rel.rfind("clean/", 0) == 0) {
      std::string kind = fs::path(rel).parent_path().filename().string();
      ++clean_per_kind[kind];
      if (file.at("kind").get<std::string>() != kind)
        clean_problems.push_back(
            fmt::format("{}: read as {}, not {}", rel, file.at("kind").get<std::string>(), kind));
      for (const auto& [id, where] : fired) {
        if (tally.count(id)) tally[id].fp += static_cast<int>(where.size() ? 1 : 0);
        for (const auto& w : where) clean_problems.push_back(fmt::format("{} [{}]", w, id));
      }
      continue;
    }
    REQUIRE(rel.rfind("rules/", 0) == 0);
    std::string key = rel.substr(6);
    seen.insert(key);
    auto it = expected.find(key);
    if (it == expected.end()) {
      FAIL_CHECK(rel << " was linted but is not a file under tests/corpus/rules");
      continue;
    }
    for (const auto& id : it->second.expect) {
      if (fired.count(id)) {
        ++tally[id].tp;
      } else {
        ++tally[id].fn;
        tally[id].problems.push_back(fmt::format("missed in {}", rel));
      }
    }
    for (const auto& [id, where] : fired) {
      if (it->second.expect.count(id)) continue;
      if (!tally.count(id)) tally[id];
      ++tally[id].fp;
      for (const auto& w : where) tally[id].problems.push_back("false alarm: " + w);
    }
  }
  for (const auto& [file, e] : expected) {
    INFO("in tests/corpus/rules but not linted: " << file);
    CHECK(seen.count(file) == 1);
  }

  std::string table = fmt::format("\n{:<28} {:>4} {:>4} {:>4} {:>10} {:>8} {:>6} {:>5}\n", "rule",
                                  "tp", "fp", "fn", "precision", "recall", "fires", "near");
  int drafts = static_cast<int>(seen.size());
  int clean = 0;
  for (const auto& [kind, n] : clean_per_kind) clean += n;
  for (const auto& [id, t] : tally) {
    table += fmt::format("{:<28} {:>4} {:>4} {:>4} {:>10} {:>8} {:>6} {:>5}\n", id, t.tp, t.fp,
                         t.fn, percent(t.tp, t.tp + t.fp), percent(t.tp, t.tp + t.fn),
                         t.fire_drafts, t.near_drafts);
  }
  table += fmt::format(
      "{} rule drafts, {} clean notes ({} thank-you, {} status-inquiry, {} rejection-reply)\n",
      drafts, clean, clean_per_kind["thank-you"], clean_per_kind["status-inquiry"],
      clean_per_kind["rejection-reply"]);
  std::cout << table;

  for (const auto& [id, t] : tally) {
    INFO(id);
    for (const auto& p : t.problems) UNSCOPED_INFO(p);
    CHECK(t.fp == 0);
    CHECK(t.fn == 0);
    CHECK(t.fire_drafts >= 3);
    CHECK(t.near_drafts >= 2);
  }
  for (const auto& p : clean_problems) UNSCOPED_INFO(p);
  CHECK(clean_problems.empty());
  for (const char* kind : {"thank-you", "status-inquiry", "rejection-reply"}) {
    INFO(kind);
    CHECK(clean_per_kind[kind] >= 10);
  }
}
