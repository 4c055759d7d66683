// followup-rulegen: turns rules/*.toml (the rules) and rules/data/*.toml
// (word lists and kind signals they share) into C++ at build time, so the
// built-in rules travel inside the binary and start-up parses no TOML.
//
//   followup-rulegen OUTPUT.cpp RULES_DIR
//
// For every file it writes the TOML text (for documentation and tests)
// and the parsed tree in core/value_codec's binary form. For every pattern
// it writes the literal "atoms" RE2's FilteredRE2 derives from it: strings
// (lowercased) at least one of which occurs in any text the pattern
// matches. At lint time a draft is scanned once for all atoms, and patterns
// with none present are never compiled or run. A broken rule file fails the
// build with file:line:col.
#include <re2/filtered_re2.h>
#include <re2/re2.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "config/toml_value.hpp"
#include "core/value_codec.hpp"

namespace fs = std::filesystem;
using followup::core::Value;

namespace {

// Keys whose strings the checks compile as patterns: every check type's
// pattern keys, from the registry's rows.
std::set<std::string> pattern_keys() {
  std::set<std::string> keys;
#define FIELDS(...)
#define PATTERNS(...) std::initializer_list<const char*>{__VA_ARGS__}
#define CHECK_TYPE(name, factory, fields, patterns) \
  for (const char* key : patterns) keys.insert(key);
#include "rules/check_types.def"
#undef CHECK_TYPE
#undef PATTERNS
#undef FIELDS
  keys.insert("pattern");  // a kind signal's (rules/data/kind-signals.toml)
  return keys;
}
const std::set<std::string> kPatternKeys = pattern_keys();

// A pattern key's value: a string, an array of strings, or an array of
// [pattern, replacement] pairs.
void collect_pattern_value(const Value& item, std::set<std::string>& out) {
  if (item.is_string()) {
    out.insert(item.str());
  } else if (item.is_array()) {
    for (const auto& p : item.array()) {
      if (p.is_string()) out.insert(p.str());
      if (p.is_array() && !p.array().empty() && p.array()[0].is_string()) out.insert(p.array()[0].str());
    }
  }
}

void collect_patterns(const Value& value, std::set<std::string>& out) {
  if (!value.is_table()) {
    if (value.is_array())
      for (const auto& item : value.array()) collect_patterns(item, out);
    return;
  }
  for (const auto& [key, item] : value.table()) {
    if (kPatternKeys.count(key)) {
      collect_pattern_value(item, out);
    } else {
      collect_patterns(item, out);
    }
  }
}

// A C++ string literal for any bytes (octal escapes never run into the next character).
std::string literal(std::string_view bytes) {
  std::string out = "\"";
  size_t column = 0;
  for (unsigned char c : bytes) {
    if (column > 100) {
      out += "\"\n    \"";
      column = 0;
    }
    if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '?') {
      out += static_cast<char>(c);
      column += 1;
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\%03o", c);
      out += buf;
      column += 4;
    }
  }
  return out + "\"";
}

// The pattern's prefilter as clauses over its atoms: in any text the pattern
// matches, every clause has at least one atom present. FilteredRE2 keeps its
// AND/OR tree private, so the clauses are found by asking it: grow a set of
// atoms that still does not let the pattern through, one atom at a time in
// a given order; the atoms left out form a clause. One pass per starting
// atom finds the clauses that matter (for "I (have )?attached" both the
// "i" clause and the {"attached", ...} one). No clauses: always run.
std::vector<std::vector<int>> clauses_of(re2::FilteredRE2& filter, size_t atom_count) {
  auto passes = [&](const std::vector<int>& present) {
    std::vector<int> potential;
    filter.AllPotentials(present, &potential);
    return !potential.empty();
  };
  std::vector<std::vector<int>> clauses;
  if (atom_count == 0 || passes({})) return clauses;
  for (size_t start = 0; start < atom_count; ++start) {
    std::vector<int> blocked;  // atoms that together still do not let it through
    for (size_t k = 0; k < atom_count; ++k) {
      int atom = static_cast<int>((start + k) % atom_count);
      blocked.push_back(atom);
      std::vector<int> sorted = blocked;
      std::sort(sorted.begin(), sorted.end());
      if (passes(sorted)) blocked.pop_back();
    }
    std::vector<int> clause;
    for (size_t a = 0; a < atom_count; ++a)
      if (std::find(blocked.begin(), blocked.end(), static_cast<int>(a)) == blocked.end())
        clause.push_back(static_cast<int>(a));
    if (std::find(clauses.begin(), clauses.end(), clause) == clauses.end()) clauses.push_back(clause);
  }
  return clauses;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// The .toml files of `folder`, sorted.
std::vector<fs::path> toml_files(const fs::path& folder) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder, ec))
    if (entry.path().extension() == ".toml") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

// Writes `function`, returning the embedded files under `prefix`, and
// collects their patterns; false (reported) when a file does not parse.
bool write_files(std::ostream& out, const char* function, const std::string& prefix,
                 const std::vector<fs::path>& files, std::set<std::string>& patterns) {
  out << "const std::vector<BuiltinRuleFile>& " << function << "() {\n"
      << "  static const std::vector<BuiltinRuleFile> files = {\n";
  bool ok = true;
  for (const auto& path : files) {
    const std::string name = prefix + path.filename().string();
    const std::string text = read_file(path);
    auto parsed = followup::config::parse_toml(text, name);
    if (auto* error = std::get_if<followup::config::LoadError>(&parsed)) {
      std::cerr << path.string() << ":" << error->origin.line << ":" << error->origin.column
                << ": error: " << error->message << "\n";
      ok = false;
      continue;
    }
    const Value& root = std::get<Value>(parsed);
    collect_patterns(root, patterns);
    const std::string data = followup::core::encode_value(root);
    out << "      {" << literal(name) << ",\n    " << literal(text) << ",\n    std::string_view(" << literal(data)
        << ", " << data.size() << ")},\n";
  }
  out << "  };\n  return files;\n}\n\n";
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: followup-rulegen OUTPUT.cpp RULES_DIR\n";
    return 2;
  }
  const fs::path rules_dir = argv[2];
  std::ostringstream out;
  out << "// Generated from rules/*.toml and rules/data/*.toml by tools/rulegen.cpp. Do not edit.\n"
      << "#include \"match/builtin_atoms.hpp\"\n#include \"rules/builtin_rules.hpp\"\n\n"
      << "namespace followup::rules {\n\n";
  std::set<std::string> patterns;
  bool ok = write_files(out, "builtin_rule_files", "rules/", toml_files(rules_dir), patterns);
  ok = write_files(out, "builtin_data_files", "rules/data/", toml_files(rules_dir / "data"), patterns) && ok;
  if (!ok) return 1;
  out << "}  // namespace followup::rules\n\nnamespace followup::match {\n\n";

  RE2::Options options;  // as match/options.cpp pattern_options()
  options.set_log_errors(false);
  options.set_max_mem(8 << 20);
  out << "namespace {\n";
  std::vector<std::pair<std::string, size_t>> table;  // pattern, number of clauses
  size_t index = 0;
  for (const auto& pattern : patterns) {
    re2::FilteredRE2 filter(1);
    int id = 0;
    if (filter.Add(pattern, options, &id) != RE2::NoError) continue;  // reported when the rule loads
    std::vector<std::string> atoms;
    filter.Compile(&atoms);
    std::vector<std::vector<int>> clauses = clauses_of(filter, atoms.size());
    if (!clauses.empty()) {
      out << "constexpr std::string_view kAtoms" << index << "[] = {";
      for (const auto& atom : atoms) out << literal(atom) << ", ";
      out << "};\n";
      for (size_t c = 0; c < clauses.size(); ++c) {
        out << "constexpr uint16_t kClause" << index << "_" << c << "[] = {";
        for (int a : clauses[c]) out << a << ", ";
        out << "};\n";
      }
      out << "constexpr std::span<const uint16_t> kClauses" << index << "[] = {";
      for (size_t c = 0; c < clauses.size(); ++c) out << "kClause" << index << "_" << c << ", ";
      out << "};\n";
    }
    table.emplace_back(pattern, clauses.size());
    ++index;
  }
  out << "}  // namespace\n\n"
      << "std::span<const BuiltinPatternAtoms> builtin_pattern_atoms() {\n"
      << "  static const BuiltinPatternAtoms table[] = {\n";
  for (size_t i = 0; i < table.size(); ++i) {
    out << "      {" << literal(table[i].first) << ", ";
    if (table[i].second) out << "kAtoms" << i << ", kClauses" << i << "},\n";
    else out << "{}, {}},\n";
  }
  out << "  };\n  return table;\n}\n\n}  // namespace followup::match\n";

  const std::string generated = out.str();
  const fs::path output = argv[1];
  if (read_file(output) != generated) {  // unchanged output keeps dependants from rebuilding
    fs::create_directories(output.parent_path());
    std::ofstream(output, std::ios::binary) << generated;
  }
  return 0;
}
