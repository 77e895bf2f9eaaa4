#pragma once
// Running one hostile case in a child process and measuring what it took: exit status,
// output, wall time and peak memory (getrusage of the child via wait4). These are
// resource bounds — "finishes within 10 s and 1 GiB" — not timing benchmarks.
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <zlib.h>

namespace hostile {

struct Bounded {
  int exit_code = -1;  // 128 + signal when killed
  bool timed_out = false;
  std::string output;  // stdout + stderr
  double seconds = 0;      // wall time
  double cpu_seconds = 0;  // user + system time of the child
  // Within the time bound: wall time, or — when the machine's other load stretched the
  // wall time — CPU time within the bound and wall time within three times it (so a
  // child blocked on a pipe or a lock still fails).
  bool in_time(double bound) const {
    return !timed_out && (seconds < bound || (cpu_seconds < bound && seconds < 3 * bound));
  }
  long max_rss_kb = 0;
};

// The bounds of the spec: 10 s and 1 GiB on the 2-core machine; sanitizer builds run
// several times slower and map shadow memory, so they get a proportionally larger bound.
double max_seconds();
// True in the sanitizer build (Debug, ASan + UBSan): in-process cases use smaller sizes.
bool sanitized();
long max_rss_kb();

// Runs the built paperset with `args` (no shell); killed after `timeout` seconds.
Bounded run_paperset(const std::vector<std::string>& args, double timeout = 120);
// Runs `fn` in a forked child; its return value is the exit code.
Bounded run_forked(const std::function<int()>& fn, double timeout = 120);

// Deflates `in` on the open stream `z` with `flush` and returns what came out: the huge
// compressed inputs (PNG rows, PDF streams) are built from repeated flushed blocks.
std::string deflate_run(z_stream& z, const std::string& in, int flush);

// A scratch folder for one case, removed (with the huge inputs) when the tests end.
std::filesystem::path scratch(const std::string& tag);
void write_file(const std::filesystem::path& p, const std::string& bytes);

}  // namespace hostile
