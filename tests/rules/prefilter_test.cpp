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

#include "core/value_codec.hpp"
#include "config/toml_value.hpp"
#include "rules/builtin_rules.hpp"
#include "rules/params.hpp"
#include "rules/prefilter.hpp"
#include "rules/text_util.hpp"
#include "support/process.hpp"

namespace {

namespace fs = std::filesystem;
using followup::rules::AtomHits;

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
    for (const auto& entry : followup::rules::builtin_pattern_atoms()) {
      auto atoms = followup::rules::atoms_for(entry.pattern);
      REQUIRE(atoms.known);
      ++checked;
      if (hits.may_match(atoms)) continue;
      ++skipped;
      RE2 re(std::string(entry.pattern), followup::rules::pattern_options());
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
  auto atoms = followup::rules::atoms_for(R"((?i)\bteam[- ]player\b)");
  REQUIRE(atoms.known);
  for (size_t pad = 65530; pad < 65542; ++pad) {
    std::string text(pad, 'x');
    text += " team player ";
    CHECK(AtomHits::scan(text).may_match(atoms));
  }
  CHECK_FALSE(AtomHits::scan(std::string(200000, 'x')).may_match(atoms));
}

TEST_CASE("prefilter: patterns it does not know are always run", "[rules][prefilter]") {
  auto atoms = followup::rules::atoms_for("a pattern from a user's rule file");
  CHECK_FALSE(atoms.known);
  CHECK(AtomHits::scan("nothing here").may_match(atoms));
}

TEST_CASE("prefilter: a pattern list skips and still finds", "[rules][prefilter]") {
  followup::rules::PatternSources sources;
  sources.patterns = {R"((?i)\bteam[- ]player\b)", R"((?i)\bself[- ]starter\b)", "user (pattern)"};
  followup::rules::PatternList list(sources);
  const std::string text = "A TEAM PLAYER and a user pattern.";
  followup::rules::AtomScan scan(text);
  followup::rules::PatternContext context;
  context.atoms = &scan;
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

TEST_CASE("may_match_in: one pass over a stretch of sections rules out only what cannot match",
          "[rules][prefilter]") {
  followup::rules::PatternSources sources;
  sources.patterns = {R"((?i)\bteam[- ]player\b)", R"([^.?!]*attached)"};
  followup::rules::PatternList list(sources);
  const std::string text = "Subject: Hi\n\nDear Sam,\n\nI am a team player.\n\nBest,\nAna\n";
  auto span_of = [&](const std::string& part) {
    auto at = static_cast<uint32_t>(text.find(part));
    return followup::core::Span{at, at + static_cast<uint32_t>(part.size())};
  };
  for (int steady = 0; steady < 20; ++steady) {  // cold (prefilter) and steady (RE2::Set) uses alike
    CHECK_FALSE(list.may_match_in(text, {span_of("Best,"), span_of("Ana")}));
  }
  followup::rules::PatternList busy(sources);
  // Text between the spans counts too: the answer may be a false "maybe".
  CHECK(busy.may_match_in(text, {span_of("Dear Sam,"), span_of("Best,")}));
  CHECK(busy.may_match_in(text, {span_of("Hi"), span_of("I am a team player.")}));
  // A list that keeps finding something stops paying for the extra pass and
  // answers "maybe" at once, even where nothing matches.
  for (int i = 0; i < 40; ++i) CHECK(busy.may_match_in(text, {span_of("Hi"), span_of("I am a team player.")}));
  CHECK(busy.may_match_in(text, {span_of("Best,"), span_of("Ana")}));
  // A span that ends inside a word: \b reads differently there ("team" alone
  // matches \bteam\b, inside "teammates" it does not), so no shortcut.
  followup::rules::PatternSources word;
  word.patterns = {R"(\bteam\b)", "zzzq"};
  followup::rules::PatternList word_list(word);
  const std::string mates = "teammates\n\nBest,";
  CHECK(!word_list.find_all(mates, {0, 4}).empty());
  CHECK(word_list.may_match_in(mates, {{0, 4}, {11, 16}}));
  CHECK_FALSE(word_list.may_match_in(mates, {{0, 9}, {11, 16}}));
  CHECK_FALSE(list.may_match_in(text, {}));

  // An anchor makes the shortcut unsound: always run section by section.
  followup::rules::PatternSources anchored;
  anchored.patterns = {R"(^Best,$)", R"(x)"};
  followup::rules::PatternList anchored_list(anchored);
  CHECK(anchored_list.may_match_in(text, {span_of("Hi"), span_of("Dear Sam,")}));
  // A negated class is no anchor.
  followup::rules::PatternSources negated;
  negated.patterns = {R"([^.?!]{3}zzz)", R"(qqq[$])"};
  followup::rules::PatternList negated_list(negated);
  CHECK_FALSE(negated_list.may_match_in(text, {span_of("Hi"), span_of("Dear Sam,")}));
}

TEST_CASE("may_match_in agrees with find_all for every built-in rule list on every sample",
          "[rules][prefilter]") {
  // The property the checks rely on: when a pattern matches inside one of
  // the spans, may_match_in says so. Spans: the draft's lines.
  const auto texts = sample_texts();
  std::vector<followup::rules::PatternList> lists;
  for (const auto& entry : followup::rules::builtin_pattern_atoms()) {
    followup::rules::PatternSources one;
    one.patterns = {std::string(entry.pattern), "zzzq"};
    lists.emplace_back(one);
  }
  size_t ruled_out = 0;
  for (const auto& text : texts) {
    std::vector<followup::core::Span> lines;
    uint32_t start = 0;
    for (uint32_t i = 0; i <= text.size(); ++i) {
      if (i == text.size() || text[i] == '\n') {
        if (i > start) lines.push_back({start, i});
        start = i + 1;
      }
    }
    for (const auto& list : lists) {
      bool found = false;
      for (auto line : lines) found = found || !list.find_all(text, line).empty();
      bool may = list.may_match_in(text, lines);
      if (found) CHECK(may);
      ruled_out += may ? 0 : 1;
    }
  }
  CHECK(ruled_out > 0);
}

TEST_CASE("stretch groups: one pass for several lists gives each list its own answer",
          "[rules][prefilter]") {
  followup::rules::PatternSources a, b, c;
  a.patterns = {R"((?i)\bteam[- ]player\b)", R"((?i)\bgo-getter\b)"};
  b.patterns = {R"((?i)\battached\b)", R"((?i)\benclosed\b)"};
  c.patterns = {R"(zzzq)"};
  followup::rules::PatternList la(a), lb(b), lc(c), alone(a);
  auto group = std::make_shared<followup::rules::StretchGroup>();
  la.join(group);
  lb.join(group);
  lc.join(group);
  const std::string text = "Subject: Hi\n\nDear Sam,\n\nI am a team player.\n\nMy CV is attached.\n\nBest,\nAna\n";
  const std::vector<followup::core::Span> spans = {{13, 22}, {24, 43}, {45, 63}};
  // Cold, then steady: the group's merged set takes over after 16 uses per member.
  for (int round = 0; round < 60; ++round) {
    followup::rules::PatternContext context;  // one per lint
    INFO("round " << round);
    CHECK(la.may_match_in(text, spans, &context));
    CHECK(lb.may_match_in(text, spans, &context));
    CHECK_FALSE(lc.may_match_in(text, spans, &context));
    CHECK(la.may_match_in(text, {{13, 22}, {45, 63}}, &context) == alone.may_match_in(text, {{13, 22}, {45, 63}}));
  }
}
