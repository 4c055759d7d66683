// Parts of followup-lint that live in modules of their own and are loaded
// only when a run needs them: a module's libraries (the web page's HTTP
// server and OpenSSL) then cost nothing to a run that does not, and most
// runs start 3 ms sooner.
//
// A module is looked for in $FOLLOWUP_LINT_MODULE_DIR when that is set;
// else beside the running program, in ../lib/followup-lint from the
// program (an install), and in the build folder it was built in.
#pragma once

#include <string>
#include <variant>

namespace followup::platform {

// The address of `symbol` in the module `file` ("followup-lint-serve.so"),
// loading it once; or why it could not be had, naming the places looked in.
std::variant<void*, std::string> module_symbol(const std::string& file, const std::string& symbol);

}  // namespace followup::platform
