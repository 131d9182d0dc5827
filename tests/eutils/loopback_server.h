// An HTTP/1.1 server on 127.0.0.1 (port 0: the kernel picks) for the
// E-utilities tests: one thread, one connection at a time, each answered by
// a scripted handler (status, headers, body) and closed; every request is
// recorded (method, path, query, form body). A response may stall: its
// headers and half its body are sent, then nothing until ReleaseStalls or
// the server stops. Nothing here reaches beyond loopback.
#ifndef CLAIMCHECK_TESTS_EUTILS_LOOPBACK_SERVER_H_
#define CLAIMCHECK_TESTS_EUTILS_LOOPBACK_SERVER_H_

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <cctype>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace claimcheck::testing {

struct LoopbackRequest {
  std::string method;  // GET, POST
  std::string path;    // /entrez/eutils/esearch.fcgi
  std::string query;   // after '?', raw
  std::string body;    // a POST's form
  // The parameters of the query and the form, percent-decoding undone
  // ('+' read as a space).
  std::map<std::string, std::string> Params() const {
    std::map<std::string, std::string> out;
    for (const std::string* part : {&query, &body}) {
      std::size_t at = 0;
      while (at < part->size()) {
        std::size_t end = part->find('&', at);
        if (end == std::string::npos) end = part->size();
        const std::string pair = part->substr(at, end - at);
        const std::size_t eq = pair.find('=');
        out[Decode(pair.substr(0, eq))] =
            eq == std::string::npos ? "" : Decode(pair.substr(eq + 1));
        at = end + 1;
      }
    }
    return out;
  }
  std::string Param(const std::string& name) const {
    const auto params = Params();
    const auto it = params.find(name);
    return it == params.end() ? "" : it->second;
  }
  // "esearch" or "efetch": the last path segment up to its '.'.
  std::string Endpoint() const {
    const std::string last = path.substr(path.rfind('/') + 1);
    return last.substr(0, last.find('.'));
  }

  static std::string Decode(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '+') {
        out += ' ';
      } else if (s[i] == '%' && i + 2 < s.size()) {
        out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
        i += 2;
      } else {
        out += s[i];
      }
    }
    return out;
  }
};

struct LoopbackResponse {
  int status = 200;
  std::string reason = "OK";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  bool stall = false;  // send half the body, then hold the connection
};

class LoopbackServer {
 public:
  using Handler = std::function<LoopbackResponse(const LoopbackRequest&)>;

  explicit LoopbackServer(Handler handler) : handler_(std::move(handler)) {
    // A proxy from the environment must not carry loopback requests
    // elsewhere (libcurl reads no_proxy).
    ::setenv("no_proxy", "127.0.0.1,localhost", 1);
    ::setenv("NO_PROXY", "127.0.0.1,localhost", 1);
    listen_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    REQUIRE(listen_ >= 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    REQUIRE(::bind(listen_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) ==
            0);
    REQUIRE(::listen(listen_, 16) == 0);
    socklen_t size = sizeof addr;
    REQUIRE(::getsockname(listen_, reinterpret_cast<sockaddr*>(&addr), &size) ==
            0);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { Serve(); });
  }

  ~LoopbackServer() { Stop(); }
  LoopbackServer(const LoopbackServer&) = delete;
  LoopbackServer& operator=(const LoopbackServer&) = delete;

  // Stops serving and closes the port: later connections are refused.
  void Stop() {
    if (stopping_.exchange(true)) return;
    released_ = true;
    changed_.notify_all();
    thread_.join();
    ::close(listen_);
  }

  int port() const { return port_; }
  // What CLAIMCHECK_EUTILS_URL is set to.
  std::string BaseUrl() const {
    return "http://127.0.0.1:" + std::to_string(port_) + "/entrez/eutils/";
  }

  std::vector<LoopbackRequest> Requests() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return requests_;
  }
  std::size_t RequestCount() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return requests_.size();
  }
  // Waits until `n` requests have come in; false after `timeout`.
  bool WaitForRequests(std::size_t n, std::chrono::milliseconds timeout) {
    std::unique_lock<std::mutex> lock(mutex_);
    return changed_.wait_for(lock, timeout,
                             [&] { return requests_.size() >= n; });
  }
  // Waits until a response is stalling; false after `timeout`.
  bool WaitForStall(std::chrono::milliseconds timeout) {
    std::unique_lock<std::mutex> lock(mutex_);
    return changed_.wait_for(lock, timeout, [&] { return stalling_; });
  }
  // Ends the stalled response (its connection is closed) and every later
  // one.
  void ReleaseStalls() {
    released_ = true;
    changed_.notify_all();
  }

 private:
  void Serve() {
    while (!stopping_) {
      pollfd p{listen_, POLLIN, 0};
      if (::poll(&p, 1, 50) <= 0) continue;
      const int fd = ::accept4(listen_, nullptr, nullptr, SOCK_CLOEXEC);
      if (fd < 0) continue;
      LoopbackRequest request;
      if (Read(fd, &request)) {
        {
          std::lock_guard<std::mutex> lock(mutex_);
          requests_.push_back(request);
        }
        changed_.notify_all();
        Answer(fd, handler_(request));
      }
      ::close(fd);
    }
  }

  // Reads one request (headers, then Content-Length bytes of body).
  bool Read(int fd, LoopbackRequest* request) {
    std::string data;
    std::size_t header_end = std::string::npos;
    std::size_t length = 0;
    const auto deadline =
        std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < deadline && !stopping_) {
      if (header_end != std::string::npos &&
          data.size() >= header_end + 4 + length) {
        break;
      }
      pollfd p{fd, POLLIN, 0};
      if (::poll(&p, 1, 50) <= 0) continue;
      char buffer[65536];
      const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
      if (n <= 0) return false;
      data.append(buffer, static_cast<std::size_t>(n));
      if (header_end == std::string::npos) {
        header_end = data.find("\r\n\r\n");
        if (header_end != std::string::npos) {
          length = ContentLength(data.substr(0, header_end));
        }
      }
    }
    if (header_end == std::string::npos) return false;
    const std::string line = data.substr(0, data.find("\r\n"));
    const std::size_t sp1 = line.find(' ');
    const std::size_t sp2 = line.find(' ', sp1 + 1);
    request->method = line.substr(0, sp1);
    const std::string target = line.substr(sp1 + 1, sp2 - sp1 - 1);
    const std::size_t q = target.find('?');
    request->path = target.substr(0, q);
    request->query = q == std::string::npos ? "" : target.substr(q + 1);
    request->body = data.substr(header_end + 4, length);
    return true;
  }

  static std::size_t ContentLength(const std::string& headers) {
    std::string lower;
    for (char c : headers) lower += static_cast<char>(std::tolower(c));
    const std::size_t at = lower.find("\r\ncontent-length:");
    if (at == std::string::npos) return 0;
    return std::strtoul(lower.c_str() + at + 17, nullptr, 10);
  }

  void Answer(int fd, const LoopbackResponse& r) {
    std::string head = "HTTP/1.1 " + std::to_string(r.status) + " " + r.reason +
                       "\r\nContent-Length: " + std::to_string(r.body.size()) +
                       "\r\nConnection: close\r\n";
    for (const auto& [name, value] : r.headers) {
      head += name + ": " + value + "\r\n";
    }
    head += "\r\n";
    if (!r.stall) {
      Send(fd, head + r.body);
      return;
    }
    Send(fd, head + r.body.substr(0, r.body.size() / 2));
    std::unique_lock<std::mutex> lock(mutex_);
    stalling_ = true;
    changed_.notify_all();
    // Held until released, the server stops, or the client goes away.
    while (!released_ && !stopping_) {
      changed_.wait_for(lock, std::chrono::milliseconds(50));
      pollfd p{fd, POLLIN | POLLRDHUP, 0};
      if (::poll(&p, 1, 0) > 0 && (p.revents & (POLLRDHUP | POLLHUP))) break;
    }
    stalling_ = false;
  }

  static void Send(int fd, const std::string& data) {
    std::size_t sent = 0;
    while (sent < data.size()) {
      const ssize_t n =
          ::send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return;
      sent += static_cast<std::size_t>(n);
    }
  }

  Handler handler_;
  int listen_ = -1;
  int port_ = 0;
  std::thread thread_;
  std::atomic<bool> stopping_{false};
  std::atomic<bool> released_{false};
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<LoopbackRequest> requests_;
  bool stalling_ = false;
};

}  // namespace claimcheck::testing

#endif  // CLAIMCHECK_TESTS_EUTILS_LOOPBACK_SERVER_H_
