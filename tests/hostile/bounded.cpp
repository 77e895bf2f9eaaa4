#include "hostile/bounded.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "support/support.h"

namespace hostile {

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr int kSlowdown = 6;
#else
constexpr int kSlowdown = 1;
#endif

// Forks; the child runs `child` with stdout and stderr into a pipe. The parent reads
// the pipe until it closes or the deadline passes (then kills the child), and reaps the
// child with wait4 for its resource usage.
Bounded run_child(const std::function<void()>& child, double timeout) {
  int fds[2];
  if (::pipe(fds) != 0) return {};
  const auto start = std::chrono::steady_clock::now();
  std::fflush(nullptr);  // or the child inherits and repeats what the parent has buffered
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(fds[1], 1);
    ::dup2(fds[1], 2);
    ::close(fds[0]);
    ::close(fds[1]);
    child();
    ::_exit(127);
  }
  ::close(fds[1]);
  Bounded b;
  const auto deadline = start + std::chrono::duration<double>(timeout);
  char buf[4096];
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      b.timed_out = true;
      ::kill(pid, SIGKILL);
      break;
    }
    pollfd p{fds[0], POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(std::min<long long>(left.count(), 1000))) <= 0) continue;
    const ssize_t n = ::read(fds[0], buf, sizeof buf);
    if (n <= 0) break;
    if (b.output.size() < (1u << 20)) b.output.append(buf, static_cast<size_t>(n));
  }
  ::close(fds[0]);
  int status = 0;
  rusage ru{};
  ::wait4(pid, &status, 0, &ru);
  b.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  b.max_rss_kb = ru.ru_maxrss;
  b.cpu_seconds = static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
                  static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
  b.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
  return b;
}

}  // namespace

bool sanitized() { return kSlowdown > 1; }

double max_seconds() { return 10.0 * kSlowdown; }
long max_rss_kb() { return (1L << 20) * (kSlowdown > 1 ? 3 : 1); }

Bounded run_paperset(const std::vector<std::string>& args, double timeout) {
  return run_child(
      [&] {
        std::vector<char*> argv{const_cast<char*>(PAPERSET_BINARY)};
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        ::unsetenv("PAPERSET_ROOT");
        ::unsetenv("SOURCE_DATE_EPOCH");
        // A sanitizer finding exits 86/87, never the 1 of bad input.
        ::setenv("ASAN_OPTIONS", "exitcode=86", 1);
        ::setenv("UBSAN_OPTIONS", "halt_on_error=1:print_stacktrace=1:exitcode=87", 1);
        const std::string supp = "suppressions=" + (test::source_root() / "tests/data/cli/lsan.supp").string();
        ::setenv("LSAN_OPTIONS", supp.c_str(), 1);
        ::execv(PAPERSET_BINARY, argv.data());
      },
      timeout);
}

Bounded run_forked(const std::function<int()>& fn, double timeout) {
  return run_child([&] { ::_exit(fn()); }, timeout);
}

std::filesystem::path scratch(const std::string& tag) {
  struct Sweeper {
    std::vector<std::filesystem::path> dirs;
    ~Sweeper() {
      if (std::getenv("PAPERSET_KEEP_TEMP")) return;
      std::error_code ec;
      for (const auto& d : dirs) std::filesystem::remove_all(d, ec);
    }
  };
  static Sweeper sweeper;
  sweeper.dirs.push_back(test::temp_dir("hostile-" + tag));
  return sweeper.dirs.back();
}

void write_file(const std::filesystem::path& p, const std::string& bytes) {
  std::ofstream(p, std::ios::binary) << bytes;
}

std::string deflate_run(z_stream& z, const std::string& in, int flush) {
  std::string out;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  char buf[1 << 16];
  do {
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof buf;
    deflate(&z, flush);
    out.append(buf, sizeof buf - z.avail_out);
  } while (z.avail_out == 0);
  return out;
}

}  // namespace hostile
