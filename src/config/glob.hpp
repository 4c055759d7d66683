// Globs in gitignore syntax, for `exclude`, `[[overrides]] files`, `[[suppress]]
// files`, .gitignore files and globs on the command line:
//
//   *  ?  [abc]  [a-z]  [!abc]   within one path segment
//   **                           any number of segments ("a/**/b", "**/x", "a/**")
//   {txt,md}                     alternatives (may nest)
//   \x                           x itself
//   name/                        folders only (and so everything inside them)
//   /name  or  a/b               anchored at the base folder; "name" alone
//                                matches at any depth
//
// Matching is O(path x pattern) per alternative: no pattern backtracks
// exponentially, however many stars it has.
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace followup::config {

class Glob {
 public:
  // The compiled pattern, or why it cannot be one ("an unclosed '['").
  static std::variant<Glob, std::string> compile(std::string_view pattern);

  // `path` is relative to the glob's base folder, '/'-separated. A file
  // inside a matching folder matches too ("archive/" takes
  // "archive/2025/note.txt").
  bool matches(std::string_view path) const;
  // `path` itself only; `folder` says whether it names a folder.
  bool matches_entry(std::string_view path, bool folder) const;

  const std::string& text() const { return text_; }
  bool folder_only() const { return folder_only_; }

 private:
  using Segments = std::vector<std::string>;
  std::string text_;
  std::vector<Segments> alternatives_;  // brace-expanded, each split at '/'
  bool folder_only_ = false;
};

// Whether a single path segment matches one segment of a pattern (no '/').
bool segment_match(std::string_view pattern, std::string_view name);

// Whether the text holds glob characters (a command-line path to expand).
bool has_glob_chars(std::string_view text);

// Compiles and matches in one call (compiled patterns are cached per
// thread); a pattern that does not compile matches nothing.
bool glob_match(std::string_view pattern, std::string_view path);
bool glob_match_entry(std::string_view pattern, std::string_view path, bool folder);

}  // namespace followup::config
