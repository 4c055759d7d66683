// The language server: LSP 3.17 over stdin/stdout, a thin layer over the
// same Workspace and lint pipeline the command line uses.
#pragma once

#include "rules/workspace.hpp"

namespace followup::lsp {

// Serves until `exit` or end of input; returns the process exit code.
int serve(rules::Workspace& workspace);

}  // namespace followup::lsp
