// `followup-lint serve`: the local web page of src/serve/, wired to the same
// lint core as the command line and the language server.
#pragma once

#include "cli/options.hpp"
#include "lint/workspace.hpp"

namespace followup::cli {

int serve_page(const Options& options, lint::Workspace& workspace);

}  // namespace followup::cli
