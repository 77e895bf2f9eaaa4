// The watch loop: inotify (inotify(7)) on the folders of every input, so that a file an
// editor replaces by renaming a new one over it is seen as well as one written in place.
#include "cli/watch.h"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <cstdio>
#include <fstream>
#include <map>
#include <ostream>
#include <set>

#include "cli/build.h"
#include "cli/serve.h"
#include "cli/temp_file.h"

namespace cli {

namespace fs = std::filesystem;

namespace {

// Saves within this long of each other are one change (an editor writing a backup,
// then the file; a script writing several files).
constexpr int kDebounceMs = 100;

using Clock = std::chrono::steady_clock;

class Watcher {
 public:
  Watcher() : fd_(::inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {}
  ~Watcher() {
    if (fd_ >= 0) ::close(fd_);
  }
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;
  bool ok() const { return fd_ >= 0; }

  // Watches the folders of `files` for changes to those files.
  void watch(const std::vector<fs::path>& files) {
    for (const auto& f : files) {
      std::error_code ec;
      const fs::path abs = fs::absolute(f, ec).lexically_normal();
      const fs::path dir = abs.parent_path();
      wanted_[dir.string()].insert(abs.filename().string());
      if (dirs_.count(dir.string())) continue;
      const int wd = ::inotify_add_watch(fd_, dir.c_str(), IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_ATTRIB);
      if (wd >= 0) dirs_[dir.string()] = wd, dir_of_[wd] = dir.string();
    }
  }

  // Waits until a watched file changed and no further change came for kDebounceMs.
  // Returns the changed files.
  std::set<std::string> wait() {
    std::set<std::string> changed;
    while (changed.empty()) read_events(-1, changed);
    while (read_events(kDebounceMs, changed)) {
    }
    return changed;
  }

 private:
  // Reads what arrives within `timeout_ms` (-1: until something does); true if any event came.
  bool read_events(int timeout_ms, std::set<std::string>& changed) {
    pollfd p{fd_, POLLIN, 0};
    const int n = ::poll(&p, 1, timeout_ms);
    if (n <= 0) return false;
    alignas(inotify_event) char buf[16384];
    bool any = false;
    for (;;) {
      const ssize_t len = ::read(fd_, buf, sizeof buf);
      if (len <= 0) break;
      for (ssize_t at = 0; at < len;) {
        const auto* e = reinterpret_cast<const inotify_event*>(buf + at);
        at += static_cast<ssize_t>(sizeof(inotify_event) + e->len);
        if (e->len == 0) continue;
        const auto dir = dir_of_.find(e->wd);
        if (dir == dir_of_.end() || !wanted_[dir->second].count(e->name)) continue;
        changed.insert((fs::path(dir->second) / e->name).string());
        any = true;
      }
    }
    return any;
  }

  int fd_;
  std::map<std::string, int> dirs_;
  std::map<int, std::string> dir_of_;
  std::map<std::string, std::set<std::string>> wanted_;  // folder → file names in it
};

// The sheet's folder holds sheet-state.js: an open sheet reads it every few hundred
// milliseconds and reloads when the generation it names is not its own.
void write_state(const BuildArgs& args, long long generation) {
  const fs::path dir = fs::path(args.proof_sheet).parent_path();
  const fs::path target = (dir.empty() ? fs::path(".") : dir) / "sheet-state.js";
  TempFile t(target.parent_path(), target);
  t.write("window.papersetGeneration = " + std::to_string(generation) + ";\n");
  t.commit_to(target);
}

std::string pages_text(const std::vector<int>& pages, size_t total) {
  if (pages.size() == total) return "all " + std::to_string(total) + " pages";
  if (pages.empty()) return "no page";
  std::string s = pages.size() == 1 ? "page" : "pages";
  for (size_t i = 0; i < pages.size(); ++i) s += (i ? ", " : " ") + std::to_string(pages[i]);
  return s;
}

fs::path default_cache(const BuildArgs& args) {
  if (!args.cache_dir.empty()) return args.cache_dir;
  const fs::path out(args.output);
  const fs::path folder = args.split ? out : out.parent_path();
  return (folder.empty() ? fs::path(".") : folder) / ".paperset-cache";
}

}  // namespace

int run_watch(const BuildArgs& given, const base::Context& base_ctx, std::ostream& err) {
  // The page cache's folder is also where prepared photos are kept (docs/print.md "Photo cache").
  BuildArgs args = given;
  args.cache_dir = default_cache(given).string();
  Watcher watcher;
  if (!watcher.ok()) {
    err << "paperset: error: cannot watch files (inotify): " << std::strerror(errno)
        << "\n  fix: raise fs.inotify.max_user_instances, or use paperset build\n";
    return 1;
  }
  std::unique_ptr<SheetServer> server;
  if (args.serve_port >= 0) {
    const fs::path sheet(args.proof_sheet);
    try {
      server = std::make_unique<SheetServer>(sheet.parent_path(), sheet.filename().string(), args.serve_port);
    } catch (const base::Error& e) {
      err << "paperset: error: " << e.message() << "\n  fix: " << e.fix() << "\n";
      return 1;
    }
    err << "paperset watch: serving the proof sheet at " << server->url() << " (Ctrl-C stops)\n";
    err.flush();
  }
  BuildState state;
  state.keep_on_failure = true;
  state.cache = std::make_unique<PageCache>(default_cache(args));
  state.generation = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::system_clock::now().time_since_epoch()).count();
  for (;;) {
    ++state.generation;
    base::Context ctx = base_ctx;
    const auto t0 = Clock::now();
    const int status = run_build(args, ctx, err, err, &state);
    const double s = std::chrono::duration<double>(Clock::now() - t0).count();
    try {
      write_state(args, state.generation);
    } catch (const base::Error&) {
    }
    if (server) server->published(state.generation);
    char when[16];
    std::snprintf(when, sizeof when, "%.2f", s);
    const size_t total = state.last_good ? state.last_good->pages.size() : state.rebuilt.size();
    err << "paperset watch: " << (status == 0 ? "built " : "build failed; ") << pages_text(state.rebuilt, total)
        << " laid out in " << when << " s; watching for changes (Ctrl-C stops)\n";
    err.flush();
    watcher.watch(state.inputs);
    const auto changed = watcher.wait();
    err << "paperset watch: changed: ";
    for (const auto& c : changed) err << base::escape_text(c) << " ";
    err << "\n";
  }
}

}  // namespace cli
