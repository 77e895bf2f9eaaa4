#include "cli/temp_file.h"

#include <fcntl.h>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>

#include "base/error.h"

namespace cli {

namespace fs = std::filesystem;

namespace {

// The paths the signal handler unlinks. A fixed array of atomic pointers: the handler
// may only do async-signal-safe things (POSIX.1-2017 §2.4.3), so no locks, no allocation.
constexpr int kSlots = 4096;
std::atomic<char*> g_slots[kSlots];
const int kSignals[] = {SIGINT, SIGTERM, SIGHUP};

extern "C" void on_fatal_signal(int sig) {
  for (auto& slot : g_slots)
    if (char* p = slot.load()) ::unlink(p);
  // SA_RESETHAND restored the default action: end the process by the same signal.
  ::raise(sig);
}

sigset_t fatal_set() {
  sigset_t set;
  sigemptyset(&set);
  for (int s : kSignals) sigaddset(&set, s);
  return set;
}

mode_t file_mode() {
  // umask() can only be read by setting it; done once, before any thread starts.
  static const mode_t mode = [] {
    const mode_t m = ::umask(022);
    ::umask(m);
    return static_cast<mode_t>(0666 & ~m);
  }();
  return mode;
}

std::string errno_text() { return std::strerror(errno); }

}  // namespace

int remember_for_removal(const std::string& path) {
  char* copy = ::strdup(path.c_str());
  if (!copy) throw std::bad_alloc();
  for (int i = 0; i < kSlots; ++i) {
    char* expected = nullptr;
    if (g_slots[i].compare_exchange_strong(expected, copy)) return i;
  }
  std::free(copy);
  throw base::Error({path, 0}, "more than " + std::to_string(kSlots) + " output files at once",
                    "write fewer files in one build");
}

void forget_for_removal(int slot) {
  if (slot < 0) return;
  // The handler must not unlink through a pointer being freed: hold the signals.
  SignalsHeld held;
  std::free(g_slots[slot].exchange(nullptr));
}

void install_cleanup_handlers() {
  file_mode();
  struct sigaction sa {};
  sa.sa_handler = on_fatal_signal;
  sa.sa_flags = SA_RESETHAND;
  sa.sa_mask = fatal_set();
  for (int s : kSignals) {
    struct sigaction old {};
    // A signal ignored by whoever started us (nohup) stays ignored.
    if (::sigaction(s, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) continue;
    ::sigaction(s, &sa, nullptr);
  }
  std::signal(SIGPIPE, SIG_IGN);
}

SignalsHeld::SignalsHeld() {
  const sigset_t set = fatal_set();
  ::pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

SignalsHeld::~SignalsHeld() {
  const sigset_t set = fatal_set();
  ::pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
}

TempFile::TempFile(const fs::path& folder, const fs::path& for_output) : for_output_(for_output) {
  std::string tmpl = (folder.empty() ? fs::path(".") : folder) / (".paperset-" + std::to_string(::getpid()) + "-XXXXXX");
  {
    SignalsHeld held;  // the file and its slot appear together
    fd_ = ::mkostemp(tmpl.data(), O_CLOEXEC);
    if (fd_ >= 0) {
      path_ = tmpl;
      slot_ = remember_for_removal(tmpl);
    }
  }
  if (fd_ < 0)
    throw base::Error({for_output.string(), 0},
                      "cannot create a file in the folder '" + folder.string() + "': " + errno_text(),
                      "check that the folder exists and that you may write in it");
  ::fchmod(fd_, file_mode());
}

TempFile::~TempFile() {
  if (done_) return;
  if (fd_ >= 0) ::close(fd_);
  ::unlink(path_.c_str());
  forget_for_removal(slot_);
}

void TempFile::write(const std::string& bytes) {
  bool ok = fd_ >= 0;
  for (size_t done = 0; ok && done < bytes.size();) {
    const ssize_t n = ::write(fd_, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    done += ok ? static_cast<size_t>(n) : 0;
  }
  ok = ok && ::fsync(fd_) == 0;
  if (!ok)
    throw base::Error({for_output_.string(), 0}, "cannot write '" + for_output_.string() + "': " + errno_text(),
                      "check that the disk has space and the folder is writable");
}

void TempFile::close() {
  if (fd_ >= 0 && ::close(fd_) != 0)
    throw base::Error({for_output_.string(), 0}, "cannot write '" + for_output_.string() + "': " + errno_text(),
                      "check that the disk has space and the folder is writable");
  fd_ = -1;
}

void TempFile::commit_to(const fs::path& target) {
  close();
  if (::rename(path_.c_str(), target.c_str()) != 0)
    throw base::Error({target.string(), 0}, "cannot write '" + target.string() + "': " + errno_text(),
                      "check that the folder is writable and the name is a valid file name");
  done_ = true;
  forget_for_removal(slot_);
}

bool is_temp_name(const std::string& name) { return name.rfind(".paperset-", 0) == 0; }

int remove_orphaned_temps(const fs::path& folder) {
  int removed = 0;
  std::error_code ec;
  for (auto it = fs::directory_iterator(folder.empty() ? fs::path(".") : folder, ec);
       !ec && it != fs::directory_iterator(); it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!is_temp_name(name)) continue;
    const long pid = std::strtol(name.c_str() + 10, nullptr, 10);
    if (pid <= 0 || pid == ::getpid() || ::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;
    std::error_code rm;
    if (!it->is_directory(rm) && fs::remove(it->path(), rm)) ++removed;
  }
  return removed;
}

}  // namespace cli
