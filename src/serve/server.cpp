// The life cycle of `followup-lint serve`: the socket, its timeouts and
// threads, and the wait for a signal. The routes and request checks are
// Site's (site.cpp).
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>

#include "platform/system.hpp"
#include "serve/service.hpp"
#include "serve/site.hpp"
#include "serve/worker_pool.hpp"

extern char** environ;

namespace followup::serve {
namespace {

// Connections the server serves at once; more wait in the listen queue.
constexpr std::size_t kMaxWorkers = 256;
// httplib listens with a backlog of 5, so a burst of connections (a page
// that opens many at once, a load test) sees SYNs dropped and one-second
// retries; this many wait in the kernel instead.
constexpr int kListenBacklog = 1024;

// httplib's server with its listening socket's backlog widened.
class ListeningServer : public httplib::Server {
 public:
  void widen_backlog(int backlog) { ::listen(svr_sock_, backlog); }
};

std::string url_host(const std::string& host) {
  if (host.find(':') != std::string::npos) return "[" + host + "]";
  return host.empty() ? "127.0.0.1" : host;
}

}  // namespace

struct Server::Impl {
  explicit Impl(Service service, ServeOptions serve_options)
      : options(serve_options), site(std::move(service), std::move(serve_options)) {}

  ServeOptions options;
  ListeningServer http;
  Site site;
  std::thread thread;
  std::atomic<bool> failed{false};
  int port = 0;

  void bind();
};

void Server::Impl::bind() {
  http.new_task_queue = [n = options.threads] {
    return new WorkerPool(static_cast<std::size_t>(std::max(1, n)), kMaxWorkers);
  };
  // Workers are few; an idle browser connection should not hold one long.
  http.set_keep_alive_timeout(2);
  // On loopback a request's bytes come at once; a client that stalls in its
  // headers holds a worker for this long at most per read.
  http.set_read_timeout(2);
  // httplib's default adds SO_REUSEPORT, which lets a second server share
  // the port unnoticed and split the requests with the first.
  http.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  // httplib writes the headers and the body separately; with Nagle on, the
  // body waits for the client's delayed ACK, 40 ms on Linux.
  http.set_tcp_nodelay(true);
  if (options.port == 0) {
    port = http.bind_to_any_port(options.host);
  } else {
    port = http.bind_to_port(options.host, options.port) ? options.port : -1;
  }
  if (port <= 0) {
    throw std::runtime_error("cannot listen on " + url_host(options.host) + ":" +
                             std::to_string(options.port) +
                             " (in use? try --port 0 for a free port)");
  }
  http.widen_backlog(kListenBacklog);
  site.set_address(options.host, port);
}

Server::Server(Service service, ServeOptions options)
    : impl_(std::make_unique<Impl>(std::move(service), std::move(options))) {
  impl_->bind();
  impl_->site.install(impl_->http);
  impl_->thread = std::thread([impl = impl_.get()] {
    if (!impl->http.listen_after_bind()) impl->failed = true;
  });
  // stop() is a no-op until the listen loop runs; wait for it so that a
  // Server destroyed right away still shuts down.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (!impl_->http.is_running() && !impl_->failed &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

Server::~Server() { stop(); }

int Server::port() const { return impl_->port; }

std::string Server::url() const {
  return "http://" + url_host(impl_->options.host) + ":" + std::to_string(impl_->port) + "/";
}

bool Server::running() const { return impl_->http.is_running() && !impl_->failed; }

void Server::stop() {
  impl_->http.stop();
  if (impl_->thread.joinable()) impl_->thread.join();
}

namespace {

// Blocks until SIGINT or SIGTERM, or until the server stops on its own.
void wait_for_signal(const Server& server, const platform::StopSignals& signals) {
  while (server.running())
    if (signals.wait(200)) return;
}

}  // namespace

int run_server(const Service& service, const ServeOptions& options, std::ostream& log) {
  // Blocked before the server's threads start, so that they inherit the mask
  // and only wait_for_signal receives the signals.
  platform::StopSignals signals;
  int code = 0;
  try {
    Server server(service, options);
    log << "followup-lint serve: " << server.url() << "  (Ctrl+C to stop)\n" << std::flush;
    // Best effort: a missing xdg-open only means the user opens the URL by hand.
    if (options.open_browser && !platform::open_in_browser(server.url()))
      log << "followup-lint serve: could not start a browser; open " << server.url() << " yourself\n";
    wait_for_signal(server, signals);
    code = server.running() ? 0 : 2;
    server.stop();
  } catch (const std::runtime_error& e) {
    log << "followup-lint serve: " << e.what() << "\n";
    code = 2;
  }
  return code;
}

}  // namespace followup::serve
