// The prefilter may only skip patterns that cannot match: for every built-in
// pattern and every draft we have (the corpus, the fixtures, each rule's
// examples), plus upper-case and accented variants, a pattern the prefilter
// rules out must indeed not match.
#include <re2/re2.h>
#include <unicode/unistr.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "config/toml_value.hpp"
#include "core/source.hpp"
#include "core/value_codec.hpp"
#include "parse/draft_parser.hpp"
#include "rules/builtin_rules.hpp"
#include "rules/params.hpp"
#include "match/builtin_atoms.hpp"
#include "match/match.hpp"
#include "match/options.hpp"
#include "match/part_scan.hpp"
#include "match/prefilter.hpp"
#include "rules/sections.hpp"
#include "support/process.hpp"

namespace {

namespace fs = std::filesystem;
using followup::match::AtomHits;

std::vector<std::string> sample_texts() {
  std::vector<std::string> texts;
  for (const char* folder : {"tests/corpus", "fixtures"}) {
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(FOLLOWUP_SOURCE_DIR) / folder)) {
      auto ext = entry.path().extension();
      if (entry.is_regular_file() && (ext == ".txt" || ext == ".md" || ext == ".eml"))
        texts.push_back(followup::testing::read_text(entry.path().string()));
    }
  }
  for (const auto& file : followup::rules::builtin_rule_files()) texts.emplace_back(file.text);
  const size_t base = texts.size();
  for (size_t i = 0; i < base; ++i) {
    std::string upper;
    icu::UnicodeString::fromUTF8(texts[i]).toUpper().toUTF8String(upper);
    texts.push_back(upper);
  }
  texts.push_back("RÉSUMÉ ATTACHED. I HAVE ATTACHED MY CV. TEAM PLAYER. THX! U R GREAT");
  texts.push_back("Ich habe meinen Lebenslauf angehängt; ſtrong communication ſkills, \u212Aeep me in mind");
  return texts;
}

}  // namespace

TEST_CASE("prefilter: a pattern it rules out never matches", "[rules][prefilter]") {
  const auto texts = sample_texts();
  REQUIRE(texts.size() > 100);
  size_t skipped = 0, checked = 0;
  for (const auto& text : texts) {
    const AtomHits hits = AtomHits::scan(text);
    for (const auto& entry : followup::match::builtin_pattern_atoms()) {
      auto atoms = followup::match::atoms_for(entry.pattern);
      REQUIRE(atoms.known);
      ++checked;
      if (hits.may_match(atoms)) continue;
      ++skipped;
      RE2 re(std::string(entry.pattern), followup::match::pattern_options());
      REQUIRE(re.ok());
      INFO("pattern: " << entry.pattern);
      INFO("text: " << text.substr(0, 200));
      CHECK_FALSE(RE2::PartialMatch(text, re));
    }
  }
  // It must also be worth having: most patterns are skipped on most drafts.
  CHECK(skipped * 2 > checked);
}

TEST_CASE("prefilter: atoms across a chunk boundary of a huge text are found", "[rules][prefilter]") {
  auto atoms = followup::match::atoms_for(R"((?i)\bteam[- ]player\b)");
  REQUIRE(atoms.known);
  for (size_t pad = 65530; pad < 65542; ++pad) {
    std::string text(pad, 'x');
    text += " team player ";
    CHECK(AtomHits::scan(text).may_match(atoms));
  }
  CHECK_FALSE(AtomHits::scan(std::string(200000, 'x')).may_match(atoms));
}

TEST_CASE("prefilter: patterns it does not know are always run", "[rules][prefilter]") {
  auto atoms = followup::match::atoms_for("a pattern from a user's rule file");
  CHECK_FALSE(atoms.known);
  CHECK(AtomHits::scan("nothing here").may_match(atoms));
}

TEST_CASE("prefilter: a pattern list skips and still finds", "[rules][prefilter]") {
  std::vector<std::string> sources;
  sources = {R"((?i)\bteam[- ]player\b)", R"((?i)\bself[- ]starter\b)", "user (pattern)"};
  followup::match::PatternList list(sources);
  const std::string text = "A TEAM PLAYER and a user pattern.";
  followup::match::PatternSets sets;
  const followup::core::Source source("t.txt", text);
  const followup::core::Draft draft = followup::parse::parse_draft(source);
  const followup::match::LintScans context(sets, draft);
  auto matches = list.find_all(text, {0, static_cast<uint32_t>(text.size())}, &context);
  REQUIRE(matches.size() == 2);
  CHECK(text.substr(matches[0].span.begin, matches[0].span.size()) == "TEAM PLAYER");
  CHECK(text.substr(matches[1].span.begin, matches[1].span.size()) == "pattern");
  CHECK(list.any(text, {0, 14}, &context));
  CHECK_FALSE(list.any(text, {14, 20}, &context));
}

TEST_CASE("built-in rule data decodes to exactly what the TOML parses to", "[rules][codec]") {
  std::function<void(const followup::core::Value&, const followup::core::Value&)> same =
      [&](const followup::core::Value& a, const followup::core::Value& b) {
        REQUIRE(a.data.index() == b.data.index());
        CHECK(a.origin.file == b.origin.file);
        CHECK(a.origin.line == b.origin.line);
        CHECK(a.origin.column == b.origin.column);
        if (a.is_string()) CHECK(a.str() == b.str());
        if (a.is_bool()) CHECK(a.boolean() == b.boolean());
        if (a.is_number()) CHECK(a.number() == b.number());
        if (a.is_array()) {
          REQUIRE(a.array().size() == b.array().size());
          for (size_t i = 0; i < a.array().size(); ++i) same(a.array()[i], b.array()[i]);
        }
        if (a.is_table()) {
          REQUIRE(a.table().size() == b.table().size());
          for (const auto& [key, value] : a.table()) {
            REQUIRE(b.table().count(key));
            same(value, b.table().at(key));
          }
        }
      };
  REQUIRE_FALSE(followup::rules::builtin_rule_files().empty());
  for (const auto& file : followup::rules::builtin_rule_files()) {
    INFO(file.path);
    std::string path(file.path);
    auto parsed = followup::config::parse_toml(file.text, path);
    REQUIRE(std::holds_alternative<followup::core::Value>(parsed));
    auto decoded = followup::core::decode_value(file.data, path);
    REQUIRE(decoded);
    same(std::get<followup::core::Value>(parsed), *decoded);
  }
}

TEST_CASE("value codec: round trip and damaged input", "[core][codec]") {
  followup::core::Value root;
  followup::core::Table table;
  followup::core::Value n;
  n.data = int64_t{-42};
  n.origin = {"f", 3, 7};
  table["n"] = n;
  followup::core::Value d;
  d.data = 2.5;
  table["d"] = d;
  followup::core::Value list;
  followup::core::Array items(2);
  items[0].data = std::string("é\0x", 4);
  items[1].data = true;
  list.data = items;
  table["list"] = list;
  root.data = table;
  const std::string bytes = followup::core::encode_value(root);
  auto back = followup::core::decode_value(bytes, "f");
  REQUIRE(back);
  CHECK(back->table().at("n").integer() == -42);
  CHECK(back->table().at("n").origin.line == 3);
  CHECK(back->table().at("d").number() == 2.5);
  CHECK(back->table().at("list").array()[0].str() == std::string("é\0x", 4));
  CHECK(back->table().at("list").array()[1].boolean());
  for (size_t cut = 0; cut < bytes.size(); ++cut) CHECK_FALSE(followup::core::decode_value(bytes.substr(0, cut), "f"));
  CHECK_FALSE(followup::core::decode_value(bytes + "x", "f"));
}

// Builds the parts of `text` and asks every kind's set until all are in
// steady use, so the tests see the shared pass and not the fallback.
struct ScannedDraft {
  followup::core::Source source;
  followup::core::Draft draft;
  ScannedDraft(const std::string& text) : source("t.txt", text), draft(followup::parse::parse_draft(source)) {}
};

TEST_CASE("part scan: one pass per part tells each list what matches there", "[rules][prefilter]") {
  std::vector<std::string> a, b, c, d;
  a = {R"((?i)\bteam[- ]player\b)", R"((?i)\bgo-getter\b)"};
  b = {R"((?i)\battached\b)", R"(^My\b)"};  // an anchor reads the part alone
  c = {R"(zzzq)"};
  d = {R"(^Best,$)", R"(Ana)"};
  followup::match::PatternList alone_a(a), alone_b(b), alone_d(d);
  followup::match::PatternSets sets;
  const auto paragraph = followup::rules::part_mask({"paragraph"});
  auto la = sets.make(a, paragraph);
  auto lb = sets.make(b, followup::rules::part_mask({"body"}));
  auto lc = sets.make(c, paragraph);
  auto ld = sets.make(d, followup::rules::part_mask({"closing", "signature"}));
  ScannedDraft note("Subject: Hi\n\nDear Sam,\n\nI am a team player.\n\nMy CV is attached.\n\nBest,\nAna\n");
  std::string_view text = note.source.text();
  const auto& paragraphs = note.draft.paragraphs;
  REQUIRE(paragraphs.size() == 2);
  REQUIRE(note.draft.closing);
  bool shared = false;
  // Cold, then steady: each kind's merged set takes over after some uses.
  for (int round = 0; round < 80; ++round) {
    INFO("round " << round);
    sets.wait_for_steady_sets();
    const followup::match::LintScans context(sets, note.draft);  // one per lint
    const followup::match::PartScan& scan = context.parts();
    for (auto span : paragraphs) {
      CHECK(la.find_all(text, span, &context).size() == alone_a.find_all(text, span).size());
      CHECK(lb.find_all(text, span, &context).size() == alone_b.find_all(text, span).size());
      CHECK(la.any(text, span, &context) == alone_a.any(text, span));
      CHECK_FALSE(lc.any(text, span, &context));
    }
    CHECK(la.any(text, paragraphs[0], &context));
    CHECK_FALSE(la.any(text, paragraphs[1], &context));
    CHECK(lb.find_all(text, paragraphs[1], &context).size() == 2);  // "^My" and "attached"
    CHECK(ld.find_all(text, *note.draft.closing, &context).size() == 1);
    CHECK(ld.find_all(text, note.draft.signature_lines.at(0), &context).size() == 1);
    // A span that is not a part (a match, a sentence) is scanned by the list itself.
    const followup::core::Span inside{paragraphs[0].begin + 7, paragraphs[0].end};
    CHECK(la.any(text, inside, &context) == alone_a.any(text, inside));
    CHECK(alone_d.find_all(text, inside).empty());
    shared = shared || scan.matches(paragraphs[0], paragraph).has_value();
  }
  CHECK(shared);
}

TEST_CASE("part scan agrees with each built-in pattern on every part of every sample", "[rules][prefilter]") {
  // The property the checks rely on: what a list finds in a part is the same
  // whether it asks the shared pass or scans the part itself.
  const auto texts = sample_texts();
  std::vector<followup::match::PatternList> lists, alone;
  followup::match::PatternSets sets;
  const auto every_part = followup::rules::part_mask({"header", "body"});
  for (const auto& entry : followup::match::builtin_pattern_atoms()) {
    std::vector<std::string> one;
    one = {std::string(entry.pattern), "zzzq"};
    lists.push_back(sets.make(one, every_part));
    alone.emplace_back(one);
  }
  size_t shared = 0, found = 0;
  for (const auto& text : texts) {
    if (text.find('\0') != std::string::npos) continue;
    ScannedDraft note(text);
    const followup::match::LintScans context(sets, note.draft);
    const followup::match::PartScan& scan = context.parts();
    std::vector<followup::core::Span> parts = note.draft.paragraphs;
    for (const auto& h : note.draft.headers) parts.push_back(h.value);
    parts.insert(parts.end(), note.draft.signature_lines.begin(), note.draft.signature_lines.end());
    if (note.draft.salutation) parts.push_back(*note.draft.salutation);
    if (note.draft.closing) parts.push_back(*note.draft.closing);
    for (auto span : parts) {
      shared += scan.matches(span, every_part).has_value() ? 1 : 0;
      for (size_t i = 0; i < lists.size(); ++i) {
        auto with = lists[i].find_all(text, span, &context);
        auto without = alone[i].find_all(text, span);
        REQUIRE(with.size() == without.size());
        for (size_t k = 0; k < with.size(); ++k) CHECK(with[k].span == without[k].span);
        found += with.size();
      }
    }
  }
  CHECK(shared > 0);
  CHECK(found > 0);
}

TEST_CASE("every span of every section is a part of a kind that part_mask gives the section", "[rules][prefilter]") {
  // section_spans and part_mask describe the same mapping in two forms; the
  // shared pass is exact only while they agree.
  ScannedDraft note(
      "Subject: Thanks\nTo: ana@example.com\nCc: jo@example.com\nDate: 2026-03-02\n\nDear Ana,\n\n"
      "Thank you for the call.\n\nI look forward to hearing from you.\n\nBest regards,\nJo Park\njo@example.com\n");
  for (const auto& name : followup::rules::section_names()) {
    INFO("section " << name);
    const auto spans = followup::rules::section_spans(note.draft, name);
    if (followup::rules::part_mask({name}) == 0) continue;
    CHECK(!spans.empty());
    std::vector<std::string> any_text;
    any_text = {"(?s).", "zzzq"};
    followup::match::PatternSets sets;
    const auto mask = followup::rules::part_mask({name});
    if (mask == 0) continue;  // a section the shared pass does not scan (letter_head): lists scan it themselves
    const auto list = sets.make(any_text, mask);
    for (int round = 0; round < 20; ++round) {  // until the kinds are in steady use
      sets.wait_for_steady_sets();
      const followup::match::LintScans scans(sets, note.draft);
      const followup::match::PartScan& scan = scans.parts();
      for (auto span : spans) {
        if (round == 19) CHECK(scan.matches(span, mask).has_value());
        else (void)scan.matches(span, mask);
      }
    }
  }
}
