// The page's routes and request checks, on any httplib server. Server puts
// them on a listening socket; the HTTP fuzz target (fuzz/fuzz_http.cpp)
// feeds them requests from memory, so both run the same checks.
#pragma once

#include <httplib.h>

#include <mutex>
#include <string>

#include "serve/guard.hpp"
#include "serve/service.hpp"

namespace followup::serve {

class Site {
 public:
  Site(Service service, ServeOptions options);

  // The address the server answers to, for the Host check; call it once
  // the port is known.
  void set_address(const std::string& host, int port);

  // Routes, request checks, default headers and the body limit.
  void install(httplib::Server& http);

 private:
  using HandlerResponse = httplib::Server::HandlerResponse;

  HandlerResponse check_request(const httplib::Request& req, httplib::Response& res) const;
  void handle_write(const httplib::Request& req, httplib::Response& res,
                    const httplib::ContentReader& reader);
  bool read_body(httplib::Response& res, const httplib::ContentReader& reader,
                 std::string& body) const;
  void handle_lint(const httplib::Request& req, httplib::Response& res, const std::string& body);
  void handle_rules(httplib::Response& res);

  Service service_;
  ServeOptions options_;
  RequestGuard guard_{"127.0.0.1", 0};
  std::mutex lint_mutex_;  // the core's lint is not assumed to be reentrant
};

}  // namespace followup::serve
