// A Service for development and for the page tests before the core is wired
// in: it runs a followup-lint binary on a temporary copy of the draft.
// Unlike the real wiring it does touch the disk (a private temporary folder,
// removed after each call), so it is never built into followup-lint.
#pragma once

#include <string>

#include "serve/service.hpp"

namespace followup::serve::testing {

// `binary` is a followup-lint that knows --format json, --kind, --context,
// --list-rules and --explain. The context object becomes --kind and
// --context KEY=VALUE flags.
Service make_cli_service(std::string binary);

}  // namespace followup::serve::testing
