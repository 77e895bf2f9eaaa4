// The proof sheet's server (paperset watch --serve): only the plain files of the sheet's
// folder, only to a client that asks for the loopback address, and an /events stream
// that names each finished rebuild.
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "cli/cli_helpers.h"
#include "cli/serve.h"

using namespace clitest;

namespace {

void put(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

// A sheet folder with its sheet, a proof, a hidden file, a link, a sub-folder and a
// FIFO, and a file beside the folder that no request may reach.
fs::path sheet_folder() {
  const fs::path root = scratch("serve");
  const fs::path dir = root / "proofs";
  fs::create_directories(dir / "sub");
  put(dir / "index.html", "<!doctype html><title>sheet</title>");
  put(dir / "page-01.png", "\x89PNG fake");
  put(dir / ".paperset-123-abc", "temporary");
  put(dir / "sub" / "page-02.png", "nested");
  put(dir / "notes.txt", "not a sheet file");
  put(root / "secret.png", "outside");
  fs::create_symlink(root / "secret.png", dir / "link.png");
  ::mkfifo((dir / "fifo.png").c_str(), 0600);
  return dir;
}

// One request on a fresh connection; the whole answer (the server closes it), or what
// came within `wait_ms` for a stream that stays open.
std::string ask(int port, const std::string& request, int wait_ms = 5000) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<std::uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
  timeval tv{wait_ms / 1000, (wait_ms % 1000) * 1000};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  CHECK(::send(fd, request.data(), request.size(), 0) == static_cast<ssize_t>(request.size()));
  std::string out;
  char buf[4096];
  for (ssize_t n; (n = ::recv(fd, buf, sizeof buf, 0)) > 0;) out.append(buf, static_cast<std::size_t>(n));
  ::close(fd);
  return out;
}

std::string get(int port, const std::string& target, const std::string& host = "") {
  return ask(port, "GET " + target + " HTTP/1.1\r\nHost: " + (host.empty() ? "127.0.0.1:" + std::to_string(port) : host) +
                       "\r\n\r\n");
}

bool status(const std::string& answer, int code) { return answer.rfind("HTTP/1.1 " + std::to_string(code) + " ", 0) == 0; }

}  // namespace

TEST_CASE("serve: only the plain files of the sheet's folder are served") {
  const fs::path dir = sheet_folder();
  CHECK(cli::served_file(dir, "index.html", "/") == dir / "index.html");
  CHECK(cli::served_file(dir, "index.html", "/page-01.png?t=17") == dir / "page-01.png");
  CHECK(cli::served_file(dir, "index.html", "/page%2D01.png") == dir / "page-01.png");
  for (const char* bad : {"/../secret.png", "/%2e%2e/secret.png", "/..%2fsecret.png", "/sub/page-02.png",
                          "/sub%2fpage-02.png", "/.paperset-123-abc", "/notes.txt", "/link.png", "/fifo.png",
                          "/missing.png", "/page-01.png%00.html", "/%zz.png", "page-01.png", "//etc/passwd", ""})
    CHECK_MESSAGE(!cli::served_file(dir, "index.html", bad), bad);
}

TEST_CASE("serve: the sheet over HTTP on the loopback address, and an event for each rebuild") {
  const fs::path dir = sheet_folder();
  cli::SheetServer server(dir, "index.html", 0);
  const int port = server.port();
  REQUIRE(port > 0);
  CHECK(server.url() == "http://127.0.0.1:" + std::to_string(port) + "/");

  const std::string sheet = get(port, "/");
  CHECK(status(sheet, 200));
  CHECK(sheet.find("Content-Type: text/html; charset=utf-8\r\n") != std::string::npos);
  CHECK(sheet.find("Cache-Control: no-store\r\n") != std::string::npos);
  CHECK(sheet.substr(sheet.find("\r\n\r\n") + 4) == "<!doctype html><title>sheet</title>");
  CHECK(status(get(port, "/page-01.png"), 200));
  const std::string head = ask(port, "HEAD /page-01.png HTTP/1.1\r\nHost: localhost:" + std::to_string(port) + "\r\n\r\n");
  CHECK(status(head, 200));
  CHECK(head.find("Content-Length: 9\r\n") != std::string::npos);
  CHECK(head.substr(head.find("\r\n\r\n") + 4).empty());

  CHECK(status(get(port, "/../secret.png"), 404));
  CHECK(status(get(port, "/link.png"), 404));
  CHECK(status(get(port, "/sub/page-02.png"), 404));
  CHECK(status(get(port, "/", "attacker.example"), 403));  // a DNS-rebinding page
  CHECK(status(get(port, "/", " "), 403));
  CHECK(status(ask(port, "POST / HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) + "\r\n\r\n"), 405));
  CHECK(status(ask(port, "nonsense\r\n\r\n"), 400));
  CHECK(status(ask(port, "GET /" + std::string(9000, 'a') + " HTTP/1.1\r\n\r\n"), 431));

  server.published(41);
  server.published(42);  // a stream starts at the latest rebuild, then follows
  std::string events;
  std::thread client([&] {
    events = ask(port, "GET /events HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) + "\r\n\r\n", 3000);
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(1000));
  server.published(43);
  client.join();
  CHECK(status(events, 200));
  CHECK(events.find("Content-Type: text/event-stream\r\n") != std::string::npos);
  CHECK(events.find("data: 41") == std::string::npos);
  CHECK(events.find("data: 42\n\n") != std::string::npos);
  CHECK(events.find("data: 43\n\n") != std::string::npos);
}
