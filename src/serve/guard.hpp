// Who may talk to the server. A page on another site can reach a loopback
// server too, through the victim's browser: by DNS rebinding (a name of the
// attacker's that now resolves to 127.0.0.1, so the request carries the
// attacker's Host) or by a cross-origin form or fetch (which carries the
// attacker's Origin). RequestGuard answers both questions from the headers
// alone; it holds no state beyond the served address and never throws.
#pragma once

#include <string>
#include <string_view>

namespace followup::serve {

class RequestGuard {
 public:
  RequestGuard(std::string bind_host, int port);

  // True when the Host header names the served address: the bound address,
  // a loopback name for a loopback server, or any IP literal for a server
  // bound to every interface. DNS names other than `localhost` never pass,
  // because a rebinding attack needs a DNS name of its own.
  bool host_allowed(std::string_view host_header) const;

  // True when a request that changes something (POST, PUT, ...) comes from
  // the page itself. Browsers send Origin on every cross-origin write; when
  // it is absent (curl, scripts), Sec-Fetch-Site still tells a cross-site
  // request apart.
  bool write_allowed(std::string_view origin, std::string_view sec_fetch_site) const;

 private:
  bool host_name_allowed(std::string_view name) const;

  std::string bind_host_;  // lowercase, IPv6 in brackets
  std::string port_;
  bool wildcard_ = false;  // bound to 0.0.0.0 or ::
  bool loopback_ = false;  // bound to a loopback address
};

}  // namespace followup::serve
