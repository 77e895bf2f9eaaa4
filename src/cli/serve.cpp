// The proof sheet's server (serve.h): HTTP/1.1 (RFC 9112) reduced to what a browser
// showing the sheet asks — GET or HEAD of a file, one response per connection
// ("Connection: close") — and one Server-Sent Events stream per open sheet (HTML Living
// Standard §9.2: "data: GENERATION" and a blank line per rebuild).
#include "cli/serve.h"

#include <arpa/inet.h>
#include <csignal>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <list>
#include <mutex>
#include <thread>

#include "base/error.h"
#include "base/files.h"

namespace cli {

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

constexpr std::size_t kMostRequestBytes = 8192;  // a request line and headers; more is refused
constexpr std::size_t kMostConnections = 64;
constexpr auto kRequestTime = std::chrono::seconds(10);  // to send the request in

const char* content_type(const std::string& ext) {
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".png") return "image/png";
  if (ext == ".js") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".json") return "application/json";
  return nullptr;
}

// %XX escapes decoded (RFC 3986 §2.1); nullopt for a bad escape or a NUL.
std::optional<std::string> percent_decoded(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '%') {
      out += s[i];
      continue;
    }
    if (i + 2 >= s.size() || !std::isxdigit(static_cast<unsigned char>(s[i + 1])) ||
        !std::isxdigit(static_cast<unsigned char>(s[i + 2])))
      return std::nullopt;
    const char c = static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
    if (c == '\0') return std::nullopt;
    out += c;
    i += 2;
  }
  return out;
}

// A plain file name: letters, digits, '.', '_', '-', not starting with '.'.
bool plain_name(const std::string& name) {
  if (name.empty() || name[0] == '.') return false;
  for (unsigned char c : name)
    if (!std::isalnum(c) && c != '.' && c != '_' && c != '-') return false;
  return true;
}

std::string status_line(int code) {
  switch (code) {
    case 200: return "200 OK";
    case 400: return "400 Bad Request";
    case 403: return "403 Forbidden";
    case 404: return "404 Not Found";
    case 405: return "405 Method Not Allowed";
    case 431: return "431 Request Header Fields Too Large";
    default: return "500 Internal Server Error";
  }
}

std::string response(int code, const std::string& type, const std::string& body, bool head = false) {
  std::string r = "HTTP/1.1 " + status_line(code) + "\r\nContent-Type: " + type +
                  "\r\nContent-Length: " + std::to_string(body.size()) +
                  "\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n";
  if (code == 405) r += "Allow: GET, HEAD\r\n";
  r += "\r\n";
  if (!head) r += body;
  return r;
}

std::string error_response(int code) { return response(code, "text/plain; charset=utf-8", status_line(code) + "\n"); }

// The value of header `name` (case-insensitive, RFC 9110 §5.1) in `headers`, or "".
std::string header(const std::string& headers, const std::string& name) {
  std::size_t at = headers.find("\r\n");
  while (at != std::string::npos && at + 2 < headers.size()) {
    const std::size_t end = headers.find("\r\n", at + 2);
    const std::string line = headers.substr(at + 2, end == std::string::npos ? std::string::npos : end - at - 2);
    const std::size_t colon = line.find(':');
    if (colon == name.size() && strncasecmp(line.c_str(), name.c_str(), name.size()) == 0) {
      std::size_t v = colon + 1;
      while (v < line.size() && (line[v] == ' ' || line[v] == '\t')) ++v;
      std::size_t e = line.size();
      while (e > v && (line[e - 1] == ' ' || line[e - 1] == '\t')) --e;
      return line.substr(v, e - v);
    }
    at = end;
  }
  return "";
}

struct Conn {
  int fd = -1;
  std::string in, out;
  std::size_t sent = 0;
  bool events = false;       // an open /events stream
  bool answered = false;     // closes once `out` is sent
  long long told = 0;        // the generation an /events stream was last sent
  Clock::time_point since = Clock::now();
};

}  // namespace

std::optional<fs::path> served_file(const fs::path& folder, const std::string& index, const std::string& target) {
  if (target.empty() || target[0] != '/') return std::nullopt;
  const auto name = percent_decoded(target.substr(1, target.find_first_of("?#") - 1));
  if (!name) return std::nullopt;
  const std::string file = name->empty() ? index : *name;
  if (!plain_name(file) || !content_type(fs::path(file).extension().string())) return std::nullopt;
  const fs::path p = folder / file;
  struct stat st {};
  if (::lstat(p.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;  // no link, folder, FIFO, device
  return p;
}

struct SheetServer::Impl {
  fs::path folder;
  std::string index;
  int listen_fd = -1, port = 0;
  int wake[2] = {-1, -1};  // published() → the thread
  std::atomic<long long> generation{0};
  std::atomic<bool> stop{false};
  std::list<Conn> conns;
  std::thread thread;

  void run();
  void accept_all();
  void read_from(Conn& c);
  void answer(Conn& c, const std::string& request);
  void write_to(Conn& c);
  void tell_events();
  bool host_allowed(const std::string& host) const {
    const std::string p = ":" + std::to_string(port);
    return host == "127.0.0.1" + p || host == "localhost" + p;
  }
};

void SheetServer::Impl::accept_all() {
  while (conns.size() < kMostConnections) {
    const int fd = ::accept4(listen_fd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) return;
    conns.push_back({});
    conns.back().fd = fd;
  }
}

void SheetServer::Impl::read_from(Conn& c) {
  char buf[4096];
  const ssize_t n = ::recv(c.fd, buf, sizeof buf, 0);
  if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) {
    c.answered = true, c.out.clear(), c.sent = 0;  // the peer went away
    return;
  }
  if (n < 0 || c.events || c.answered) return;  // an open stream sends nothing that matters
  c.in.append(buf, static_cast<std::size_t>(n));
  const std::size_t end = c.in.find("\r\n\r\n");
  if ((end == std::string::npos ? c.in.size() : end) > kMostRequestBytes) c.out = error_response(431), c.answered = true;
  else if (end != std::string::npos) answer(c, c.in.substr(0, end + 2));
}

void SheetServer::Impl::answer(Conn& c, const std::string& request) {
  c.answered = true;
  const std::size_t sp1 = request.find(' '), sp2 = request.find(' ', sp1 + 1);
  const std::size_t eol = request.find("\r\n");
  if (sp1 == std::string::npos || sp2 == std::string::npos || sp2 > eol ||
      request.compare(sp2 + 1, 7, "HTTP/1.") != 0) {
    c.out = error_response(400);
    return;
  }
  const std::string method = request.substr(0, sp1), target = request.substr(sp1 + 1, sp2 - sp1 - 1);
  if (!host_allowed(header(request, "Host"))) c.out = error_response(403);
  else if (method != "GET" && method != "HEAD") c.out = error_response(405);
  else if (target == "/events" && method == "GET") {
    c.events = true, c.answered = false;
    c.out = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n\r\nretry: 1000\n\n";
    c.told = 0;  // sent the current generation at once: a rebuild may have finished before it connected
  } else if (const auto file = served_file(folder, index, target)) {
    try {
      const std::string body = base::read_input_file(*file, {}, "proof file '" + file->string() + "'", {1ull << 30, ""});
      c.out = response(200, content_type(file->extension().string()), body, method == "HEAD");
    } catch (const base::Error&) {
      c.out = error_response(404);  // renamed away in between
    }
  } else {
    c.out = error_response(404);
  }
}

void SheetServer::Impl::write_to(Conn& c) {
  while (c.sent < c.out.size()) {
    const ssize_t n = ::send(c.fd, c.out.data() + c.sent, c.out.size() - c.sent, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno == EAGAIN) return;
    if (n <= 0) {
      c.answered = true, c.events = false, c.out.clear(), c.sent = 0;  // broken: closed below
      return;
    }
    c.sent += static_cast<std::size_t>(n);
  }
  c.out.clear(), c.sent = 0;
}

void SheetServer::Impl::tell_events() {
  const long long g = generation.load();
  for (auto& c : conns)
    if (c.events && c.told != g && g > 0) c.out += "data: " + std::to_string(g) + "\n\n", c.told = g;
}

void SheetServer::Impl::run() {
  std::vector<pollfd> fds;
  std::vector<Conn*> of;
  while (!stop) {
    tell_events();
    fds.assign({{listen_fd, POLLIN, 0}, {wake[0], POLLIN, 0}});
    of.assign(2, nullptr);
    for (auto& c : conns) {
      fds.push_back({c.fd, static_cast<short>(POLLIN | (c.out.empty() ? 0 : POLLOUT)), 0});
      of.push_back(&c);
    }
    if (::poll(fds.data(), fds.size(), 1000) < 0 && errno != EINTR) break;
    if (fds[1].revents) {
      char drain[64];
      while (::read(wake[0], drain, sizeof drain) > 0) {
      }
    }
    for (std::size_t i = 2; i < fds.size(); ++i) {
      if (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) read_from(*of[i]);
      if (!of[i]->out.empty()) write_to(*of[i]);
    }
    if (fds[0].revents & POLLIN) accept_all();
    conns.remove_if([](const Conn& c) {
      const bool done = (c.answered && c.out.empty()) || (!c.events && !c.answered && Clock::now() - c.since > kRequestTime);
      if (done) ::close(c.fd);
      return done;
    });
  }
}

SheetServer::SheetServer(const fs::path& folder, const std::string& index, int port) : impl_(std::make_unique<Impl>()) {
  impl_->folder = folder.empty() ? fs::path(".") : folder;
  impl_->index = index;
  const auto fail = [&](const std::string& what) {
    const std::string why = std::strerror(errno);
    if (impl_->listen_fd >= 0) ::close(impl_->listen_fd);
    throw base::Error({}, "cannot serve the proof sheet on 127.0.0.1:" + std::to_string(port) + ": " + what + ": " + why,
                      "give --serve another port, or 0 for any free one");
  };
  impl_->listen_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (impl_->listen_fd < 0) fail("socket");
  const int one = 1;
  ::setsockopt(impl_->listen_fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<std::uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);  // the loopback address only, never the network
  if (::bind(impl_->listen_fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) fail("bind");
  if (::listen(impl_->listen_fd, 16) != 0) fail("listen");
  socklen_t len = sizeof a;
  ::getsockname(impl_->listen_fd, reinterpret_cast<sockaddr*>(&a), &len);
  impl_->port = ntohs(a.sin_port);
  if (::pipe2(impl_->wake, O_NONBLOCK | O_CLOEXEC) != 0) fail("pipe");
  impl_->thread = std::thread([this] {
    sigset_t all;  // signals (Ctrl-C) are the watch loop's to handle, not this thread's
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, nullptr);
    impl_->run();
  });
}

SheetServer::~SheetServer() {
  impl_->stop = true;
  published(impl_->generation.load());
  if (impl_->thread.joinable()) impl_->thread.join();
  for (auto& c : impl_->conns) ::close(c.fd);
  ::close(impl_->listen_fd);
  ::close(impl_->wake[0]);
  ::close(impl_->wake[1]);
}

int SheetServer::port() const { return impl_->port; }

std::string SheetServer::url() const { return "http://127.0.0.1:" + std::to_string(impl_->port) + "/"; }

void SheetServer::published(long long generation) {
  impl_->generation = generation;
  const char one = 1;
  [[maybe_unused]] const ssize_t n = ::write(impl_->wake[1], &one, 1);  // full: a wake-up is pending anyway
}

}  // namespace cli
