// Unit tests of cli::parse_options: every option of SPEC §6, its defaults,
// and the usage errors that end the run with exit code 2.
#include "cli/options.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <variant>
#include <vector>

using followup::cli::Action;
using followup::cli::ColorMode;
using followup::cli::Format;
using followup::cli::Options;
using followup::cli::parse_options;
using followup::core::Severity;

namespace {

Options parse_ok(const std::vector<std::string>& args) {
  auto parsed = parse_options(args);
  if (auto* message = std::get_if<std::string>(&parsed))
    FAIL("unexpected usage error: " << *message);
  return std::get<Options>(parsed);
}

std::string parse_error(const std::vector<std::string>& args) {
  auto parsed = parse_options(args);
  if (std::holds_alternative<Options>(parsed)) FAIL("expected a usage error");
  return std::get<std::string>(parsed);
}

}  // namespace

TEST_CASE("parse_options: defaults with one path", "[cli][options]") {
  Options o = parse_ok({"draft.txt"});
  CHECK(o.action == Action::kLint);
  CHECK(o.paths == std::vector<std::string>{"draft.txt"});
  CHECK(o.format == Format::kText);
  CHECK_FALSE(o.config.has_value());
  CHECK_FALSE(o.kind.has_value());
  CHECK(o.context.empty());
  CHECK_FALSE(o.template_mode);
  CHECK_FALSE(o.fix);
  CHECK_FALSE(o.unsafe_fixes);
  CHECK_FALSE(o.dry_run);
  CHECK(o.color == ColorMode::kAuto);
  CHECK(o.fail_on == Severity::kWarning);
  CHECK(o.jobs == 0u);
  CHECK_FALSE(o.quiet);
}

TEST_CASE("parse_options: paths keep their order / '-' is stdin and '--' ends the options",
          "[cli][options]") {
  Options o = parse_ok({"b.txt", "-", "drafts/", "--", "--quiet", "-x"});
  CHECK(o.paths == std::vector<std::string>{"b.txt", "-", "drafts/", "--quiet", "-x"});
  CHECK_FALSE(o.quiet);
}

TEST_CASE("parse_options: --format takes text / json / sarif / github / as two words or with '='",
          "[cli][options]") {
  CHECK(parse_ok({"--format", "text", "a.txt"}).format == Format::kText);
  CHECK(parse_ok({"--format", "json", "a.txt"}).format == Format::kJson);
  CHECK(parse_ok({"--format=sarif", "a.txt"}).format == Format::kSarif);
  CHECK(parse_ok({"-f", "github", "a.txt"}).format == Format::kGithub);
  CHECK(parse_error({"--format", "yaml", "a.txt"}) ==
        "unknown format 'yaml' (expected text, json, sarif or github)");
  CHECK(parse_error({"a.txt", "--format"}) == "--format needs a value: --format FORMAT");
}

TEST_CASE("parse_options: --config / --kind / --context and --template", "[cli][options]") {
  Options o =
      parse_ok({"--config", "team.toml", "--kind", "status-inquiry", "--context", "company=Acme",
                "--context=position=Account Manager", "--template", "a.txt"});
  REQUIRE(o.config.has_value());
  CHECK(*o.config == "team.toml");
  REQUIRE(o.kind.has_value());
  CHECK(*o.kind == "status-inquiry");
  CHECK(o.context == std::vector<std::string>{"company=Acme", "position=Account Manager"});
  CHECK(o.template_mode);
  CHECK(parse_ok({"-c", "x.toml", "a.txt"}).config == std::optional<std::string>("x.toml"));
  CHECK(parse_ok({"--kind=thank-you", "a.txt"}).kind == std::optional<std::string>("thank-you"));
  CHECK(parse_ok({"--kind", "rejection-reply", "a.txt"}).kind ==
        std::optional<std::string>("rejection-reply"));

  CHECK(parse_error({"--kind", "interview", "a.txt"}) ==
        "unknown kind of note 'interview' (expected thank-you, status-inquiry or rejection-reply)");
  CHECK(parse_error({"--kind", "unknown", "a.txt"}) ==
        "unknown kind of note 'unknown' (expected thank-you, status-inquiry or rejection-reply)");
  CHECK(parse_error({"--context", "company", "a.txt"}) == "--context needs KEY=VALUE");
  CHECK(parse_error({"a.txt", "--context"}) == "--context needs a value: --context KEY=VALUE");
  CHECK(parse_error({"a.txt", "--config"}) == "--config needs a value: --config FILE");
}

TEST_CASE("parse_options: --color and --fail-on", "[cli][options]") {
  CHECK(parse_ok({"--color", "always", "a.txt"}).color == ColorMode::kAlways);
  CHECK(parse_ok({"--color=never", "a.txt"}).color == ColorMode::kNever);
  CHECK(parse_ok({"--colour", "auto", "a.txt"}).color == ColorMode::kAuto);
  CHECK(parse_error({"--color", "sometimes", "a.txt"}) ==
        "unknown color mode 'sometimes' (expected auto, always or never)");

  CHECK(parse_ok({"--fail-on", "error", "a.txt"}).fail_on == Severity::kError);
  CHECK(parse_ok({"--fail-on=info", "a.txt"}).fail_on == Severity::kInfo);
  CHECK(parse_ok({"--fail-on", "warning", "a.txt"}).fail_on == Severity::kWarning);
  CHECK(parse_error({"--fail-on", "never", "a.txt"}) == "--fail-on needs error, warning or note");
  CHECK(parse_error({"--fail-on", "off", "a.txt"}) == "--fail-on needs error, warning or note");
}

TEST_CASE("parse_options: --jobs accepts 1..1024 and nothing else", "[cli][options]") {
  CHECK(parse_ok({"--jobs", "1", "a.txt"}).jobs == 1u);
  CHECK(parse_ok({"--jobs=2", "a.txt"}).jobs == 2u);
  CHECK(parse_ok({"-j", "1024", "a.txt"}).jobs == 1024u);
  const std::string error = "--jobs needs a number from 1 to 1024";
  CHECK(parse_error({"--jobs", "0", "a.txt"}) == error);
  CHECK(parse_error({"--jobs", "1025", "a.txt"}) == error);
  CHECK(parse_error({"--jobs", "-1", "a.txt"}) == error);
  CHECK(parse_error({"--jobs", "two", "a.txt"}) == error);
  CHECK(parse_error({"--jobs", "4x", "a.txt"}) == error);  // trailing junk is not a number
  CHECK(parse_error({"--jobs", "", "a.txt"}) == error);
  CHECK(parse_error({"--jobs=99999999999999999999", "a.txt"}) == error);
  CHECK(parse_error({"a.txt", "--jobs"}) == "--jobs needs a value: --jobs N");
}

TEST_CASE("parse_options: --fix / --unsafe-fixes / --dry-run and --quiet", "[cli][options]") {
  Options o = parse_ok({"--fix", "--unsafe-fixes", "--dry-run", "--quiet", "a.txt"});
  CHECK(o.fix);
  CHECK(o.unsafe_fixes);
  CHECK(o.dry_run);
  CHECK(o.quiet);
  CHECK(parse_ok({"-q", "a.txt"}).quiet);
  CHECK(parse_error({"--dry-run", "a.txt"}) == "--unsafe-fixes and --dry-run go with --fix (or use --diff)");
  CHECK(parse_error({"--unsafe-fixes", "a.txt"}) == "--unsafe-fixes and --dry-run go with --fix (or use --diff)");
}

TEST_CASE("parse_options: a switch given a value is a usage error / not silently on",
          "[cli][options]") {
  CHECK(parse_error({"--fix=no", "a.txt"}) == "--fix takes no value (found '--fix=no')");
  CHECK(parse_error({"--quiet=false", "a.txt"}) ==
        "--quiet takes no value (found '--quiet=false')");
  CHECK(parse_error({"--template=0", "a.txt"}) ==
        "--template takes no value (found '--template=0')");
  CHECK(parse_error({"--help=1"}) == "--help takes no value (found '--help=1')");
}

TEST_CASE("parse_options: actions --help / --version / --list-rules / --explain / --show-config / --lsp",
          "[cli][options]") {
  CHECK(parse_ok({"--help"}).action == Action::kHelp);
  CHECK(parse_ok({"-h"}).action == Action::kHelp);
  CHECK(parse_ok({"--version"}).action == Action::kVersion);
  CHECK(parse_ok({"-V"}).action == Action::kVersion);
  CHECK(parse_ok({"--list-rules"}).action == Action::kListRules);
  CHECK(parse_ok({"--lsp"}).action == Action::kLsp);

  Options explain = parse_ok({"--explain", "cliche.soft-skill"});
  CHECK(explain.action == Action::kExplain);
  CHECK(explain.explain_rule == "cliche.soft-skill");
  CHECK(parse_ok({"--explain=salutation.missing"}).explain_rule == "salutation.missing");
  CHECK(parse_error({"--explain"}) ==
        "--explain needs a value: --explain RULE");

  Options show = parse_ok({"--show-config", "drafts/a.md"});
  CHECK(show.action == Action::kShowConfig);
  CHECK(show.paths == std::vector<std::string>{"drafts/a.md"});
  CHECK(parse_error({"--show-config"}) == "--show-config needs a value: --show-config FILE");
  CHECK(parse_ok({"--dump-sections", "a.txt"}).action == Action::kDumpSections);
}

TEST_CASE("parse_options: no input and unknown options are usage errors", "[cli][options]") {
  CHECK(parse_error({}) == "no input: give files, folders or '-' (see --help)");
  CHECK(parse_error({"--quiet"}) == "no input: give files, folders or '-' (see --help)");
  CHECK(parse_error({"--frobnicate", "a.txt"}) == "unknown option '--frobnicate' (see --help)");
  CHECK(parse_error({"-z", "a.txt"}) == "unknown option '-z' (see --help)");
  CHECK(parse_error({"--format-json", "a.txt"}) == "unknown option '--format-json' (see --help)");
}

TEST_CASE("usage_text names every option of SPEC §6", "[cli][options]") {
  const std::string usage = followup::cli::usage_text();
  for (const char* option :
       {"--format", "--config", "--kind", "--context", "--template", "--fix", "--unsafe-fixes",
        "--dry-run", "--color", "--fail-on", "--jobs", "--quiet", "--version", "--help",
        "--explain", "--list-rules", "--show-config", "--lsp", "NO_COLOR"}) {
    INFO(option);
    CHECK(usage.find(option) != std::string::npos);
  }
  CHECK(usage.find("Exit codes: 0") != std::string::npos);
}
