// lint_document: the one door from a file as written to its findings, shared
// by the command line, the language server and the web page. The file's
// format comes from its name (SPEC §1); input::read decodes it to the text
// the pipeline reads, and the findings come back with spans into the file as
// written, so every renderer counts lines and columns where the writer sees
// them. A fix survives only where its span maps one-to-one onto the file's
// bytes; elsewhere the help says what to change.
#pragma once

#include <memory>
#include <string>

#include "core/source.hpp"
#include "input/read.hpp"
#include "lint/lint.hpp"

namespace followup::lint {

struct LintedDocument {
  std::shared_ptr<const core::Source> file;  // the file as written (as UTF-8), for positions
  LintResult result;                         // spans into *file
  input::Format format = input::Format::kPlain;
};

LintedDocument lint_document(const std::string& path, std::string bytes, const LintSettings& settings);

}  // namespace followup::lint
