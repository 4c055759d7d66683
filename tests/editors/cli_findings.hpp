// What the command line finds in a draft, in the shape an editor test
// compares with what the editor shows: "rule" or "rule:line:column".
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "support/process.hpp"

namespace followup::testing {

inline std::vector<std::string> cli_findings(const std::string& folder, const std::string& draft,
                                             bool with_position = false) {
  auto run = run_linter({"--format", "json", draft}, "", folder);
  std::vector<std::string> out;
  const nlohmann::json doc = nlohmann::json::parse(run.out);  // kept: the loop reads into it
  for (const auto& d : doc["files"][0]["diagnostics"]) {
    std::string rule = d["rule"].get<std::string>();
    out.push_back(with_position ? rule + ":" + std::to_string(d["line"].get<int>()) + ":" +
                                      std::to_string(d["column"].get<int>())
                                : rule);
  }
  return out;
}

}  // namespace followup::testing
