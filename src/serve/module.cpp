// The web page as a module of its own (followup-lint-serve.so), loaded by
// `followup-lint serve` only: the HTTP server and OpenSSL it links stay out
// of every other run. The one entry point keeps C linkage so that it can be
// found by name; the types it passes are the ones of service.hpp, built by
// the same compiler in the same build.
#include <iostream>

#include "serve/service.hpp"

extern "C" __attribute__((visibility("default"))) int followup_serve_run(
    const followup::serve::Service* service, const followup::serve::ServeOptions* options, std::ostream* log) {
  return followup::serve::run_server(*service, *options, *log);
}
