// followup-lint: a linter for the notes people send after a job interview.
#include <string>
#include <vector>

#include "cli/app.hpp"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  return followup::cli::run(args);
}
