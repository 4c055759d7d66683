#include "serve/guard.hpp"

#include <catch2/catch.hpp>

namespace followup::serve {

TEST_CASE("RequestGuard: a loopback server answers to loopback names on its port", "[serve]") {
  RequestGuard guard("127.0.0.1", 8480);
  CHECK(guard.host_allowed("127.0.0.1:8480"));
  CHECK(guard.host_allowed("localhost:8480"));
  CHECK(guard.host_allowed("[::1]:8480"));
  CHECK_FALSE(guard.host_allowed("127.0.0.1"));
  CHECK_FALSE(guard.host_allowed("127.0.0.1:8481"));
  CHECK_FALSE(guard.host_allowed("attacker.example:8480"));
  CHECK_FALSE(guard.host_allowed("127.0.0.1.nip.io:8480"));
  CHECK_FALSE(guard.host_allowed("10.0.0.5:8480"));
  CHECK_FALSE(guard.host_allowed(":8480"));
  CHECK_FALSE(guard.host_allowed(""));
}

TEST_CASE("RequestGuard: a server on every interface takes IP literals, never DNS names",
          "[serve]") {
  RequestGuard guard("0.0.0.0", 8480);
  CHECK(guard.host_allowed("192.168.1.20:8480"));
  CHECK(guard.host_allowed("[fe80::1]:8480"));
  CHECK(guard.host_allowed("localhost:8480"));
  CHECK_FALSE(guard.host_allowed("myhost.lan:8480"));
}

TEST_CASE("RequestGuard: an IPv6 server and the default port", "[serve]") {
  CHECK(RequestGuard("::1", 9000).host_allowed("[::1]:9000"));
  CHECK(RequestGuard("::1", 9000).host_allowed("localhost:9000"));
  CHECK(RequestGuard("127.0.0.1", 80).host_allowed("127.0.0.1"));
  CHECK(RequestGuard("127.0.0.1", 80).host_allowed("localhost:80"));
}

TEST_CASE("RequestGuard: writes only from the page itself", "[serve]") {
  RequestGuard guard("127.0.0.1", 8480);
  CHECK(guard.write_allowed("http://127.0.0.1:8480", "same-origin"));
  CHECK(guard.write_allowed("http://localhost:8480", ""));
  CHECK(guard.write_allowed("", ""));
  CHECK(guard.write_allowed("", "none"));
  CHECK_FALSE(guard.write_allowed("http://evil.example", ""));
  CHECK_FALSE(guard.write_allowed("null", ""));
  CHECK_FALSE(guard.write_allowed("https://127.0.0.1:8480", ""));
  CHECK_FALSE(guard.write_allowed("http://127.0.0.1:9999", ""));
  CHECK_FALSE(guard.write_allowed("", "cross-site"));
  CHECK_FALSE(guard.write_allowed("", "same-site"));
}

}  // namespace followup::serve
