// The page on a server backed by a followup-lint binary, for development and
// for running tests/serve/page_test.py before `followup-lint serve` exists:
//   followup-serve-dev --binary /path/to/followup-lint [--port N] [--open]
#include <cstring>
#include <iostream>
#include <string>

#include "serve/service.hpp"
#include "tests/serve/cli_service.hpp"

int main(int argc, char** argv) {
  followup::serve::ServeOptions options;
  std::string binary;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--binary" && i + 1 < argc) {
      binary = argv[++i];
    } else if (arg == "--port" && i + 1 < argc) {
      options.port = std::stoi(argv[++i]);
    } else if (arg == "--open") {
      options.open_browser = true;
    } else {
      std::cerr << "usage: followup-serve-dev --binary FOLLOWUP_LINT [--port N] [--open]\n";
      return 2;
    }
  }
  if (binary.empty()) {
    std::cerr << "followup-serve-dev: --binary is required\n";
    return 2;
  }
  return followup::serve::run_server(followup::serve::testing::make_cli_service(binary), options,
                                     std::cout);
}
