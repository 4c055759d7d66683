// The Debian package CPack builds (cmake/install.cmake): its Depends line
// comes from the shared libraries the program and its modules link, and unpacked
// into an empty root with `dpkg -x` it runs, finds its modules in
// /usr/lib/followup-lint, and brings its man page, completions, editor
// files and docs. Needs cpack, dpkg-deb and dpkg-shlibdeps (dpkg-dev).
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>
#include <string>

#include "support/drafts.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using followup::testing::find_program;
using followup::testing::read_text;
using followup::testing::run_command;
using followup::testing::TempDir;

namespace {
bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A status inquiry saved by a mail client: quoted-printable, a soft line break inside a cliché.
const std::string kMail =
    "From: Ana Cruz <ana.cruz@example.com>\r\n"
    "To: Sam Jones <sam.jones@example.com>\r\n"
    "Subject: Thank you - Customer Service Associate interview\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n"
    "Content-Transfer-Encoding: quoted-printable\r\n"
    "\r\n"
    "Dear Mr. Jones,\r\n\r\n"
    "Thank you for speaking with me about the Customer Service Associate role. I am a team=\r\n"
    " player and I enjoyed the call.\r\n\r\n"
    "Thank you again for your time. You can reach me at (555) 010-4477.\r\n\r\n"
    "Sincerely,\r\nAna Cruz\r\n(555) 010-4477\r\n";
}  // namespace

TEST_CASE("the .deb from cpack installs into an empty root and runs from there", "[slow][package]") {
  for (const char* tool : {"cpack", "dpkg-deb", "dpkg-shlibdeps"}) {
    INFO(tool << " must be on PATH (scripts/deps.sh --test installs dpkg-dev)");
    REQUIRE_FALSE(find_program(tool).empty());
  }
  TempDir dir;
  std::string out = dir.mkdir("packages");
  auto pack = run_command({"cpack", "-G", "DEB", "-B", out, "--config", FOLLOWUP_BUILD_DIR "/CPackConfig.cmake"},
                          FOLLOWUP_BUILD_DIR);
  INFO(pack.out << pack.err);
  REQUIRE(pack.exit_code == 0);
  fs::path deb;
  for (const auto& e : fs::directory_iterator(out))
    if (e.path().extension() == ".deb") deb = e.path();
  REQUIRE_FALSE(deb.empty());

  auto depends = run_command({"dpkg-deb", "-f", deb.string(), "Depends"}, out).out;
  INFO("Depends: " << depends);
  for (const char* package : {"libicu72", "libtomlplusplus3", "libfmt9", "libmd4c0", "libgmime-3.0-0", "libcpp-httplib0.11"})
    CHECK(contains(depends, package));
  // RE2, libphonenumber and gumbo are in the program itself unless the build
  // links them as shared libraries (cmake/static_deps.cmake).
  auto needed = run_command({"objdump", "-p", FOLLOWUP_BINARY}, out).out;
  INFO("the program's dynamic section: " << needed);
  for (auto [package, library] : {std::pair{"libre2-9", "libre2.so"}, std::pair{"libphonenumber8", "libphonenumber.so"},
                                  std::pair{"libgumbo1", "libgumbo.so"}}) {
    INFO(package);
    CHECK(contains(depends, package) == !FOLLOWUP_STATIC_DEPS);
    CHECK(contains(needed, library) == !FOLLOWUP_STATIC_DEPS);
  }

  std::string root = dir.mkdir("root");
  REQUIRE(run_command({"dpkg-deb", "-x", deb.string(), root}, out).exit_code == 0);
  for (const char* file : {"usr/bin/followup-lint", "usr/lib/followup-lint/followup-lint-mail.so",
                           "usr/lib/followup-lint/followup-lint-serve.so", "usr/share/man/man1/followup-lint.1",
                           "usr/share/bash-completion/completions/followup-lint",
                           "usr/share/zsh/vendor-completions/_followup-lint",
                           "usr/share/fish/vendor_completions.d/followup-lint.fish",
                           "usr/share/followup-lint/editors/neovim/followup-lint.lua",
                           "usr/share/doc/followup-lint/LICENSE", "usr/share/doc/followup-lint/README.md"}) {
    INFO(file);
    CHECK(fs::exists(fs::path(root) / file));
  }
  std::string binary = root + "/usr/bin/followup-lint";
  auto version = run_command({binary, "--version"}, out);
  CHECK(version.exit_code == 0);
  CHECK(std::regex_search(version.out, std::regex(R"(^followup-lint \d+\.\d+\.\d+ \()")));

  // A mail needs the mail module, found beside the installed program.
  dir.write("note.eml", kMail);
  auto linted = run_command({binary, "--format", "json", (dir / "note.eml").string()}, out, {"FOLLOWUP_LINT_MODULE_DIR="});
  INFO(linted.out << linted.err);
  CHECK(linted.exit_code == 1);
  CHECK(contains(linted.out, "\"rule\":\"cliche.soft-skill\""));
  CHECK_FALSE(contains(linted.out + linted.err, "the mail reader is missing"));

  auto man = read_text(fs::path(root) / "usr/share/man/man1/followup-lint.1");
  CHECK(contains(man, "\\-\\-force\\-exclude"));  // written from the same --help the program prints
}
