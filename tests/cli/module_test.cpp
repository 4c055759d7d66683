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
}

TEST_CASE("serve without its module exits 2 and says where it looked", "[cli][module]") {
  TempDir dir;
  auto r = run_linter({"serve", "--port", "0"}, "", dir.str(), {"FOLLOWUP_LINT_MODULE_DIR=" + dir.str()});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(r.err.find("followup-lint serve: error: the module followup-lint-serve.so is not installed (looked in " +
                   dir.str()) != std::string::npos);
}
