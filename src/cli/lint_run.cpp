#include "cli/lint_run.hpp"

#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <thread>

#include "cli/atomic_write.hpp"
#include "cli/inputs.hpp"
#include "cli/reorder_window.hpp"
#include "config/config.hpp"
#include "diag/fixes.hpp"
#include "diag/report.hpp"
#include "lint/document.hpp"

namespace followup::cli {
namespace fs = std::filesystem;

namespace {

void out(std::string_view s) { std::fwrite(s.data(), 1, s.size(), stdout); }
void err(std::string_view s) { std::fwrite(s.data(), 1, s.size(), stderr); }

// One input linted, before it is rendered.
struct Outcome {
  std::string path;
  std::shared_ptr<const core::Source> source;
  lint::LintResult result;
  std::string error;  // I/O or config error: this file was not linted
  std::vector<std::string> config_errors;
  std::string diff;  // --fix --dry-run
  size_t fixes_applied = 0;
};

// What the writer needs of one file once its worker is done; the file's
// text and findings are gone by then.
struct Rendered {
  std::string report;  // the file's piece of the report
  std::string diff;
  std::string error;                       // "path: error: ..." for stderr
  std::vector<std::string> config_errors;  // formatted, written once per run each
  std::optional<diag::FileSummary> summary;
  std::vector<const config::Suppression*> used_suppressions;
  size_t fixes_applied = 0;
  bool fails = false;  // a finding at or above --fail-on
};

// The file's text with --fix applied until nothing changes (at most 10
// passes), then written or diffed.
void apply_fixes(const Input& input, const Options& o, Outcome& outcome,
                 const std::function<void(std::string)>& lint_bytes) {
  if (!outcome.result.readable) return;  // never rewrite a file we cannot read as text
  const std::string original(outcome.source->text());
  for (int pass = 0; pass < 10; ++pass) {
    auto applied = diag::apply_fixes(outcome.source->text(), outcome.result.diagnostics, o.unsafe_fixes);
    if (applied.fixes == 0 || applied.text == outcome.source->text()) break;
    outcome.fixes_applied += applied.fixes;
    lint_bytes(std::move(applied.text));
  }
  if (outcome.source->text() == original) return;
  if (o.dry_run) {
    outcome.diff = diag::unified_diff(outcome.path, original, outcome.source->text());
    return;
  }
  std::string error;
  if (!write_atomically(input.path, std::string(outcome.source->text()), original, error)) {
    // Nothing was written: report the draft as it was read, not the fixed text.
    outcome.error = error;
    outcome.fixes_applied = 0;
    lint_bytes(original);
  }
}

Outcome lint_one(const Input& input, const Options& o, lint::Workspace& workspace) {
  Outcome outcome;
  outcome.path = input.path == "-" ? "<stdin>" : input.path;
  if (!input.error.empty()) {
    outcome.error = input.error;
    return outcome;
  }
  std::string error;
  auto text = input.path == "-" ? read_stdin(error) : read_file(input.path, error);
  if (!text) {
    outcome.error = error;
    return outcome;
  }
  auto resolved = workspace.resolve(input.path == "-" ? fs::path("stdin.txt") : fs::path(input.path));
  if (!resolved.settings) {
    for (const auto& e : resolved.errors) outcome.config_errors.push_back(config::format_error(e));
    return outcome;
  }
  auto lint_bytes = [&](std::string bytes) {
    auto linted = lint::lint_document(outcome.path, std::move(bytes), *resolved.settings);
    outcome.source = std::move(linted.file);
    outcome.result = std::move(linted.result);
  };
  lint_bytes(std::move(*text));
  if (o.fix && input.path != "-") apply_fixes(input, o, outcome, lint_bytes);
  return outcome;
}

Rendered render(Outcome outcome, const Options& o, const diag::ReportRenderer& renderer) {
  Rendered r;
  if (!outcome.error.empty()) r.error = fmt::format("{}: error: {}\n", outcome.path, outcome.error);
  r.config_errors = std::move(outcome.config_errors);
  r.diff = std::move(outcome.diff);
  r.fixes_applied = outcome.fixes_applied;
  r.used_suppressions = std::move(outcome.result.used_suppressions);
  if (!outcome.source) return r;
  diag::FileReport report{outcome.source.get(), outcome.path,
                          std::string(core::kind_name(outcome.result.context.effective_kind())),
                          std::move(outcome.result.diagnostics)};
  r.report = renderer.file(report);
  r.summary = diag::summarize(report);
  r.fails = std::any_of(report.diagnostics.begin(), report.diagnostics.end(),
                        [&](const diag::Diagnostic& d) { return d.severity >= o.fail_on; });
  return r;
}

std::unique_ptr<diag::ReportRenderer> make_renderer(const Options& o, lint::Workspace& workspace) {
  switch (o.format) {
    case Format::kJson: return diag::json_renderer();
    case Format::kGithub: return diag::github_renderer();
    case Format::kSarif: {
      std::vector<diag::RuleDoc> docs;
      auto resolved = workspace.resolve("stdin.txt");
      if (resolved.settings)
        for (const auto& r : resolved.settings->rules->rules()) docs.push_back(rules::rule_doc(*r));
      return diag::sarif_renderer(std::move(docs));
    }
    case Format::kText: break;
  }
  // NO_COLOR counts when set and not empty (no-color.org); an explicit --color always wins over it.
  const char* no_color = std::getenv("NO_COLOR");
  bool color = o.color == ColorMode::kAlways ||
               (o.color == ColorMode::kAuto && ::isatty(STDOUT_FILENO) && !(no_color && *no_color));
  return diag::text_renderer({color}, !o.quiet);
}

// Writes each file's piece as it comes, in input order, and keeps what the
// end of the run needs.
class ReportWriter {
 public:
  ReportWriter(const Options& o, const diag::ReportRenderer& renderer) : o_(o), renderer_(renderer) {
    out(renderer_.head());
  }

  void write(Rendered r) {
    for (auto& line : r.config_errors)
      if (printed_config_errors_.insert(line).second) err(line + "\n");
    failed_ = failed_ || !r.config_errors.empty() || !r.error.empty();
    err(r.error);
    // The diff goes beside the report: stdout holds one document in the machine formats.
    if (!r.diff.empty()) (o_.format == Format::kText ? out : err)(r.diff);
    if (!r.report.empty()) {
      if (wrote_piece_) out(renderer_.separator());
      out(r.report);
      wrote_piece_ = true;
      flush_now_and_then();
    }
    if (r.summary) totals_.add(*r.summary);
    fails_ = fails_ || r.fails;
    fixed_ += r.fixes_applied;
    used_.insert(r.used_suppressions.begin(), r.used_suppressions.end());
  }

  int finish(lint::Workspace& workspace) {
    out(renderer_.tail(totals_));
    std::fflush(stdout);
    if (o_.format == Format::kText && o_.fix && !o_.dry_run && fixed_ && !o_.quiet)
      err(fmt::format("applied {} fix{}\n", fixed_, fixed_ == 1 ? "" : "es"));
    // Config suppressions that silenced nothing anywhere in this run.
    for (const auto& config : workspace.configs()) {
      for (const auto& s : config->suppressions) {
        if (used_.count(&s)) continue;
        err(fmt::format("{}:{}:{}: warning: this [[suppress]] for '{}' matched nothing; remove it if it is stale\n",
                        s.origin.file, s.origin.line, s.origin.column, s.rule));
      }
    }
    return failed_ ? 2 : fails_ ? 1 : 0;
  }

 private:
  // Findings reach a reader (a pipe, an editor's task runner) as they come,
  // at the cost of one write every few milliseconds, not one per file.
  void flush_now_and_then() {
    auto now = std::chrono::steady_clock::now();
    if (now - last_flush_ < std::chrono::milliseconds(20)) return;
    std::fflush(stdout);
    last_flush_ = now;
  }

  const Options& o_;
  const diag::ReportRenderer& renderer_;
  std::chrono::steady_clock::time_point last_flush_{};
  diag::RunTotals totals_;
  std::set<std::string> printed_config_errors_;
  std::set<const config::Suppression*> used_;
  bool wrote_piece_ = false, failed_ = false, fails_ = false;
  size_t fixed_ = 0;
};

}  // namespace

int lint_paths(const Options& o, lint::Workspace& workspace) {
  auto renderer = make_renderer(o, workspace);
  ReportWriter writer(o, *renderer);
  auto excluded = [&](const fs::path& p) { return workspace.excluded(p); };
  auto process = [&](const Input& input) { return render(lint_one(input, o, workspace), o, *renderer); };
  unsigned jobs = o.jobs ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
  std::error_code ec;
  if (o.paths.size() == 1 && !fs::is_directory(o.paths.front(), ec)) jobs = 1;  // one draft: no threads to start
  if (jobs <= 1) {
    walk_inputs(o.paths, excluded, [&](Input input) { writer.write(process(input)); });
    return writer.finish(workspace);
  }
  // The walk feeds the workers as it finds drafts; a few files per worker in
  // flight keeps them busy without holding a run's worth of output.
  ReorderWindow<Input, Rendered> window(8 * jobs);
  std::thread walker([&] {
    walk_inputs(o.paths, excluded, [&](Input input) { window.add(std::move(input)); });
    window.close();
  });
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < jobs; ++t)
    workers.emplace_back([&] {
      while (auto item = window.claim()) window.put(item->first, process(item->second));
    });
  while (auto rendered = window.take()) writer.write(std::move(*rendered));
  walker.join();
  for (auto& w : workers) w.join();
  return writer.finish(workspace);
}

}  // namespace followup::cli
