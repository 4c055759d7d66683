#include "serve/guard.hpp"

#include <algorithm>
#include <cctype>

namespace followup::serve {
namespace {

std::string lowercase(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string bracket_ipv6(std::string host) {
  if (host.find(':') != std::string::npos && host.front() != '[') return "[" + host + "]";
  return host;
}

bool is_ipv4_literal(std::string_view name) {
  int dots = 0;
  for (char c : name) {
    if (c == '.') {
      ++dots;
    } else if (!std::isdigit(static_cast<unsigned char>(c))) {
      return false;
    }
  }
  return dots == 3;
}

bool is_ipv6_literal(std::string_view name) {
  if (name.size() < 3 || name.front() != '[' || name.back() != ']') return false;
  return std::all_of(name.begin() + 1, name.end() - 1,
                     [](unsigned char c) { return std::isxdigit(c) || c == ':' || c == '.'; });
}

bool is_loopback_name(std::string_view name) {
  return name == "localhost" || name == "[::1]" ||
         (is_ipv4_literal(name) && name.starts_with("127."));
}

}  // namespace

RequestGuard::RequestGuard(std::string bind_host, int port)
    : bind_host_(bracket_ipv6(lowercase(bind_host))), port_(std::to_string(port)) {
  wildcard_ = bind_host_.empty() || bind_host_ == "0.0.0.0" || bind_host_ == "[::]";
  loopback_ = is_loopback_name(bind_host_);
}

bool RequestGuard::host_name_allowed(std::string_view name) const {
  if (name.empty()) return false;
  if (name == bind_host_) return true;
  if (loopback_ || wildcard_) {
    if (is_loopback_name(name)) return true;
  }
  return wildcard_ && (is_ipv4_literal(name) || is_ipv6_literal(name));
}

bool RequestGuard::host_allowed(std::string_view host_header) const {
  std::string host = lowercase(host_header);
  // The port is part of the served address: another local service on
  // another port is another origin.
  std::string suffix = ":" + port_;
  if (host.size() > suffix.size() && host.ends_with(suffix)) {
    return host_name_allowed(std::string_view(host).substr(0, host.size() - suffix.size()));
  }
  // Browsers leave out the default port.
  return port_ == "80" && host_name_allowed(host);
}

bool RequestGuard::write_allowed(std::string_view origin, std::string_view sec_fetch_site) const {
  if (!origin.empty()) {
    // "null" (sandboxed frames, file: pages) starts with no scheme and fails here.
    constexpr std::string_view kScheme = "http://";
    std::string o = lowercase(origin);
    return o.starts_with(kScheme) && host_allowed(std::string_view(o).substr(kScheme.size()));
  }
  return sec_fetch_site != "cross-site" && sec_fetch_site != "same-site";
}

}  // namespace followup::serve
