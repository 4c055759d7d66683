// The web page lives in a module (followup-lint-serve.so) that only
// `followup-lint serve` loads: the program itself does not link the HTTP
// server or OpenSSL, and a missing module is a clear error, not a crash.
#include <catch2/catch.hpp>

#include <string>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

using followup::testing::run_command;
using followup::testing::run_linter;
using followup::testing::TempDir;

TEST_CASE("the program does not link the web page's libraries", "[cli][module]") {
  TempDir dir;
  auto r = run_command({"ldd", FOLLOWUP_BINARY}, dir.str());
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("libc.so") != std::string::npos);  // ldd listed the libraries
  CHECK(r.out.find("httplib") == std::string::npos);
  CHECK(r.out.find("libssl") == std::string::npos);
  CHECK(r.out.find("gmime") == std::string::npos);
  CHECK(r.out.find("libgio") == std::string::npos);
}

TEST_CASE("a mail read without the mail module says so once and is read as plain text", "[cli][module]") {
  TempDir dir;
  dir.write("note.eml",
            "Subject: Thank you\r\nTo: ana@example.com\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
            "Dear Ms. Rivera,\r\n\r\nThank you for your time today.\r\n\r\nSincerely,\r\nAna Cruz\r\n");
  auto with = run_linter({"--format", "json", "note.eml"}, "", dir.str());
  CHECK(with.out.find("mail reader is missing") == std::string::npos);
  auto without = run_linter({"--format", "json", "note.eml"}, "", dir.str(),
                            {"FOLLOWUP_LINT_MODULE_DIR=" + dir.str() + "/nowhere"});
  CHECK(without.exit_code == 1);
  CHECK(without.out.find("the mail reader is missing (the module followup-lint-mail.so is not installed") !=
        std::string::npos);
}

TEST_CASE("serve without its module exits 2 and says where it looked", "[cli][module]") {
  TempDir dir;
  auto r = run_linter({"serve", "--port", "0"}, "", dir.str(), {"FOLLOWUP_LINT_MODULE_DIR=" + dir.str()});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(r.err.find("followup-lint serve: error: the module followup-lint-serve.so is not installed (looked in " +
                   dir.str()) != std::string::npos);
}
