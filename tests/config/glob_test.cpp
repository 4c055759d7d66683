// Globs in gitignore syntax (config/glob.hpp): each form the config's
// exclude, [[overrides]] and .gitignore files use, with near misses.
#include <catch2/catch.hpp>

#include <string>

#include "config/glob.hpp"

using followup::config::Glob;
using followup::config::glob_match;
using followup::config::glob_match_entry;

TEST_CASE("glob: '*' stays in a segment / '**' crosses them / '?' is one character", "[config][glob]") {
  CHECK(glob_match("*.txt", "a.txt"));
  CHECK(glob_match("*.txt", "drafts/deep/a.txt"));  // no '/': the name in any folder
  CHECK_FALSE(glob_match("*.txt", "a.md"));
  CHECK_FALSE(glob_match("*.txt", "a.txt.bak"));
  CHECK(glob_match("drafts/*.txt", "drafts/a.txt"));
  CHECK_FALSE(glob_match("drafts/*.txt", "drafts/deep/a.txt"));
  CHECK_FALSE(glob_match("drafts/*.txt", "other/drafts/a.txt"));  // a '/' anchors it at the config's folder
  CHECK(glob_match("drafts/**/*.txt", "drafts/a.txt"));
  CHECK(glob_match("drafts/**/*.txt", "drafts/x/y/z/a.txt"));
  CHECK(glob_match("**/old/*.md", "a/b/old/n.md"));
  CHECK(glob_match("tmp-?.txt", "tmp-1.txt"));
  CHECK_FALSE(glob_match("tmp-?.txt", "tmp-12.txt"));
  CHECK(glob_match("caf?.txt", "café.txt"));  // '?' takes one character, not one byte
}

TEST_CASE("glob: 'dir/' takes a folder and all inside it, never a file of that name", "[config][glob]") {
  CHECK(glob_match("archive/", "archive/note.txt"));
  CHECK(glob_match("archive/", "drafts/archive/2025/note.txt"));  // at any depth, like .gitignore
  CHECK_FALSE(glob_match("archive/", "archived/note.txt"));
  CHECK_FALSE(glob_match_entry("archive/", "archive", false));  // a file named archive
  CHECK(glob_match_entry("archive/", "archive", true));
  CHECK(glob_match("/archive/", "archive/note.txt"));
  CHECK_FALSE(glob_match("/archive/", "drafts/archive/note.txt"));  // a leading '/' anchors
}

TEST_CASE("glob: [abc], [a-z], [!a] and {a,b}", "[config][glob]") {
  CHECK(glob_match("[bc].*", "b.txt"));
  CHECK(glob_match("[bc].*", "c.md"));
  CHECK_FALSE(glob_match("[bc].*", "a.txt"));
  CHECK(glob_match("draft-[0-9].txt", "draft-7.txt"));
  CHECK_FALSE(glob_match("draft-[0-9].txt", "draft-x.txt"));
  CHECK(glob_match("draft-[!0-9].txt", "draft-x.txt"));
  CHECK_FALSE(glob_match("draft-[!0-9].txt", "draft-7.txt"));
  CHECK(glob_match("*.{txt,md}", "notes/a.md"));
  CHECK(glob_match("*.{txt,md}", "a.txt"));
  CHECK_FALSE(glob_match("*.{txt,md}", "a.eml"));
  CHECK(glob_match("{old,archive/{2024,2025}}/*.txt", "archive/2025/a.txt"));
  CHECK_FALSE(glob_match("{old,archive/{2024,2025}}/*.txt", "archive/2023/a.txt"));
  CHECK(glob_match("\\[draft\\].txt", "[draft].txt"));
  CHECK_FALSE(glob_match("\\[draft\\].txt", "d.txt"));
}

TEST_CASE("glob: a pattern that cannot match is refused with the reason", "[config][glob]") {
  auto why = [](const char* pattern) {
    auto compiled = Glob::compile(pattern);
    auto* error = std::get_if<std::string>(&compiled);
    return error ? *error : std::string("compiled");
  };
  CHECK(why("drafts/[ab.txt") == "an unclosed '['");
  CHECK(why("*.{txt,md") == "an unclosed '{'");
  CHECK(why("") == "an empty pattern");
  CHECK(why("{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}{o,p}{q,r}") == "too many {,} alternatives (at most 256)");
  CHECK(why("*.txt") == "compiled");
  CHECK_FALSE(glob_match("drafts/[ab.txt", "drafts/a.txt"));  // refused patterns match nothing
}

TEST_CASE("glob: many stars against a long name that almost matches still answers", "[config][glob]") {
  // Backtracking star by star would try about 40^12 ways here.
  std::string name(4000, 'a');
  CHECK_FALSE(glob_match("*a*a*a*a*a*a*a*a*a*a*a*a*b", name));
  CHECK(glob_match("*a*a*a*a*a*a*a*a*a*a*a*a*", name));
  std::string deep;
  for (int i = 0; i < 300; ++i) deep += "d/";
  CHECK_FALSE(glob_match("**/x/**/y/**/z/**/w.txt", deep + "w.txt"));
  CHECK(glob_match("**/d/**/d/**/w.txt", deep + "w.txt"));
}
