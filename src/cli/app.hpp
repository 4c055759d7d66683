// The followup-lint command: parses options and runs one action. Output goes
// to stdout (results) and stderr (errors about the run itself).
#pragma once

#include <string>
#include <vector>

namespace followup::cli {

// Returns the process exit code: 0 clean, 1 findings, 2 usage/config/I-O error.
int run(const std::vector<std::string>& args);

}  // namespace followup::cli
