#include "cli/lint_run.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <map>
#include <filesystem>
#include <set>
#include <thread>

#include "cli/inputs.hpp"
#include "cli/reorder_window.hpp"
#include "config/config.hpp"
#include "diag/fixes.hpp"
#include "diag/report.hpp"
#include "lint/document.hpp"
#include "platform/system.hpp"

namespace followup::cli {
namespace fs = std::filesystem;

namespace {

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
  std::map<std::string, std::pair<size_t, size_t>> rule_counts;  // --statistics: rule -> (findings, fixable)
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
  if (!platform::write_atomically(input.path, std::string(outcome.source->text()), original, error)) {
    // Nothing was written: report the draft as it was read, not the fixed text.
    outcome.error = error;
    outcome.fixes_applied = 0;
    lint_bytes(original);
  }
}

Outcome lint_one(const Input& input, const Options& o, lint::Workspace& workspace) {
  Outcome outcome;
  const bool from_stdin = input.path == "-";
  outcome.path = from_stdin ? o.stdin_filename.value_or("<stdin>") : input.path;
  if (!input.error.empty()) {
    outcome.error = input.error;
    return outcome;
  }
  std::string error;
  auto text = from_stdin ? read_stdin(error) : read_file(input.path, error);
  if (!text) {
    outcome.error = error;
    return outcome;
  }
  // Standard input is found a config as if it were the file it names, or a file in this folder.
  auto resolved = workspace.resolve(from_stdin ? fs::path(o.stdin_filename.value_or("stdin.txt")) : fs::path(input.path));
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
  if (o.fix && !from_stdin) apply_fixes(input, o, outcome, lint_bytes);
  return outcome;
}

Rendered render(Outcome outcome, const Options& o, const diag::ReportRenderer& renderer) {
  Rendered r;
  if (!outcome.error.empty())
    r.error = fmt::format("{}: error: {}\n", diag::printable(outcome.path), diag::printable(outcome.error));
  r.config_errors = std::move(outcome.config_errors);
  r.diff = std::move(outcome.diff);
  r.fixes_applied = outcome.fixes_applied;
  r.used_suppressions = std::move(outcome.result.used_suppressions);
  if (!outcome.source) return r;
  diag::FileReport report{outcome.source.get(), outcome.path,
                          std::string(core::kind_name(outcome.result.context.effective_kind())),
                          std::move(outcome.result.diagnostics)};
  if (o.diff_only) {
    // only the diff is shown
  } else if (o.statistics) {
    for (const auto& d : report.diagnostics) {
      auto& [count, fixable] = r.rule_counts[d.rule_id];
      ++count;
      fixable += std::any_of(d.fixes.begin(), d.fixes.end(),
                             [](const diag::Fix& f) { return f.applicability == diag::Applicability::kSafe; });
    }
  } else {
    r.report = renderer.file(report);
  }
  r.summary = diag::summarize(report);
  r.fails = std::any_of(report.diagnostics.begin(), report.diagnostics.end(),
                        [&](const diag::Diagnostic& d) { return d.severity >= o.fail_on; });
  return r;
}

// --color wins; then FORCE_COLOR and NO_COLOR (each counts when set and not
// empty; FORCE_COLOR=0 does not force); then whether the report goes to a terminal.
bool use_color(const Options& o, std::FILE* sink) {
  if (o.color_given) return o.color == ColorMode::kAlways;
  const char* force = std::getenv("FORCE_COLOR");
  if (force && *force && std::string_view(force) != "0") return true;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  return platform::is_terminal(sink);
}

// A terminal's width; else $COLUMNS; else 140 columns, as a log or a pipe
// reads better with a 350-column paragraph cut around each caret too.
uint32_t excerpt_width(std::FILE* sink) {
  if (uint32_t columns = platform::terminal_columns(sink)) return columns;
  if (const char* env = std::getenv("COLUMNS")) {
    long columns = std::strtol(env, nullptr, 10);
    if (columns >= 20 && columns <= 100000) return static_cast<uint32_t>(columns);
  }
  return 140;
}

std::unique_ptr<diag::ReportRenderer> make_renderer(const Options& o, lint::Workspace& workspace, std::FILE* sink) {
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
  return diag::text_renderer({use_color(o, sink), excerpt_width(sink)}, !o.quiet);
}

// Writes each file's piece as it comes, in input order, and keeps what the
// end of the run needs.
class ReportWriter {
 public:
  ReportWriter(const Options& o, const diag::ReportRenderer& renderer, std::FILE* sink)
      : o_(o), renderer_(renderer), sink_(sink) {
    if (!o_.statistics && !o_.diff_only) out(renderer_.head());
  }

  void write(Rendered r) {
    for (auto& line : r.config_errors)
      if (printed_config_errors_.insert(line).second) err(line + "\n");
    failed_ = failed_ || !r.config_errors.empty() || !r.error.empty();
    err(r.error);
    // The diff goes beside the report: stdout holds one document in the machine formats.
    if (!r.diff.empty() && (o_.format == Format::kText || o_.diff_only)) out(r.diff);
    else if (!r.diff.empty()) err(r.diff);
    if (!r.report.empty()) {
      if (wrote_piece_) out(renderer_.separator());
      out(r.report);
      wrote_piece_ = true;
      flush_now_and_then();
    }
    if (r.summary) totals_.add(*r.summary);
    for (const auto& [rule, n] : r.rule_counts) {
      rule_counts_[rule].first += n.first;
      rule_counts_[rule].second += n.second;
    }
    // --diff reports changes only: the exit code says whether there were any.
    fails_ = fails_ || (o_.diff_only ? !r.diff.empty() : r.fails);
    fixed_ += r.fixes_applied;
    used_.insert(r.used_suppressions.begin(), r.used_suppressions.end());
  }

  int finish(lint::Workspace& workspace, const std::vector<fs::path>& walked) {
    totals_.failed = failed_;
    if (o_.statistics) out(statistics(workspace));
    else if (!o_.diff_only) out(renderer_.tail(totals_));
    if (std::fflush(sink_) != 0 || std::ferror(sink_)) {
      err(fmt::format("followup-lint: error: cannot write the report{}: {}\n",
                      o_.output_file ? " to " + *o_.output_file : "", std::strerror(errno)));
      failed_ = true;
    }
    if (o_.format == Format::kText && o_.fix && !o_.dry_run && fixed_ && !o_.quiet)
      err(fmt::format("applied {} fix{}\n", fixed_, fixed_ == 1 ? "" : "es"));
    report_stale_settings(workspace, walked);
    if (failed_) return 2;
    return fails_ && !o_.exit_zero ? 1 : 0;
  }

 private:
  void out(std::string_view s) { std::fwrite(s.data(), 1, s.size(), sink_); }

  std::string statistics(lint::Workspace& workspace) {
    auto resolved = workspace.resolve("stdin.txt");
    std::vector<diag::RuleCount> counts;
    for (const auto& [rule, n] : rule_counts_) {
      diag::RuleCount c{rule, "", "", n.first, n.second};
      if (auto severity = totals_.rules.find(rule); severity != totals_.rules.end())
        c.severity = std::string(core::severity_name(severity->second));
      if (resolved.settings)
        if (const rules::Rule* r = resolved.settings->rules->find(rule)) c.summary = r->summary;
      counts.push_back(std::move(c));
    }
    return o_.format == Format::kJson ? diag::render_statistics_json(std::move(counts), totals_)
                                      : diag::render_statistics_text(std::move(counts));
  }

  // Config settings that did nothing in this run: a [[suppress]] that
  // silenced nothing, and an exclude glob that matched no file of a folder
  // walked whole (a typo such as "archiv/" otherwise fails silently).
  void report_stale_settings(lint::Workspace& workspace, const std::vector<fs::path>& walked) {
    for (const auto& config : workspace.configs()) {
      for (const auto& s : config->suppressions) {
        if (used_.count(&s)) continue;
        err(fmt::format("{}:{}:{}: warning: this [[suppress]] for '{}' matched nothing; remove it if it is stale\n",
                        s.origin.file, s.origin.line, s.origin.column, s.rule));
      }
    }
    for (const auto& glob : workspace.unmatched_excludes(walked))
      err(fmt::format("{}:{}:{}: warning: the exclude pattern '{}' matched no file in the folders linted; "
                      "check its spelling, or remove it if it is stale\n",
                      glob.origin.file, glob.origin.line, glob.origin.column, glob.pattern));
  }

  // Findings reach a reader (a pipe, an editor's task runner) as they come,
  // at the cost of one write every few milliseconds, not one per file.
  void flush_now_and_then() {
    auto now = std::chrono::steady_clock::now();
    if (now - last_flush_ < std::chrono::milliseconds(20)) return;
    std::fflush(sink_);
    last_flush_ = now;
  }

  const Options& o_;
  const diag::ReportRenderer& renderer_;
  std::FILE* sink_;
  std::chrono::steady_clock::time_point last_flush_{};
  diag::RunTotals totals_;
  std::map<std::string, std::pair<size_t, size_t>> rule_counts_;
  std::set<std::string> printed_config_errors_;
  std::set<const config::Suppression*> used_;
  bool wrote_piece_ = false, failed_ = false, fails_ = false;
  size_t fixed_ = 0;
};

// Where the report goes: standard output, or the --output-file.
struct Sink {
  std::FILE* file = stdout;
  std::string error;
  explicit Sink(const Options& o) {
    if (!o.output_file) return;
    file = std::fopen(o.output_file->c_str(), "wb");
    if (!file) error = fmt::format("cannot write {}: {}", *o.output_file, std::strerror(errno));
  }
  ~Sink() {
    if (file && file != stdout) std::fclose(file);
  }
  Sink(const Sink&) = delete;
  Sink& operator=(const Sink&) = delete;
};

std::vector<fs::path> walked_folders(const Options& o) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& p : o.paths)
    if (p != "-" && fs::is_directory(p, ec)) out.emplace_back(p);
  return out;
}

}  // namespace

int lint_paths(const Options& o, lint::Workspace& workspace) {
  Sink sink(o);
  if (!sink.error.empty()) {
    err(fmt::format("followup-lint: error: {}\n", sink.error));
    return 2;
  }
  auto renderer = make_renderer(o, workspace, sink.file);
  ReportWriter writer(o, *renderer, sink.file);
  WalkOptions walk;
  walk.excluded = [&](const fs::path& p, bool folder) { return workspace.excluded(p, folder); };
  walk.exclude_named = o.force_exclude;
  walk.follow_links = o.follow_links;
  // With --force-exclude, standard input named as an excluded file is passed over, as the file would be.
  std::vector<std::string> paths = o.paths;
  if (o.force_exclude && o.stdin_filename && workspace.excluded(*o.stdin_filename)) paths.clear();
  auto process = [&](const Input& input) { return render(lint_one(input, o, workspace), o, *renderer); };
  unsigned jobs = o.jobs ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
  std::error_code ec;
  if (paths.size() <= 1 && !(paths.size() == 1 && fs::is_directory(paths.front(), ec))) jobs = 1;  // no threads for one draft
  if (jobs <= 1) {
    walk_inputs(paths, walk, [&](Input input) { writer.write(process(input)); });
    return writer.finish(workspace, walked_folders(o));
  }
  // The walk feeds the workers as it finds drafts; a few files per worker in
  // flight keeps them busy without holding a run's worth of output.
  ReorderWindow<Input, Rendered> window(8 * jobs, [&writer](Rendered r) { writer.write(std::move(r)); });
  std::thread walker([&] {
    walk_inputs(paths, walk, [&](Input input) { window.add(std::move(input)); });
    window.close();
  });
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < jobs; ++t)
    workers.emplace_back([&] {
      while (auto item = window.claim()) window.put(item->first, process(item->second));
    });
  window.wait_written();
  walker.join();
  for (auto& w : workers) w.join();
  return writer.finish(workspace, walked_folders(o));
}

}  // namespace followup::cli
