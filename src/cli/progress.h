#pragma once
// Progress of a long build on standard error (docs/cli.md "Diagnostics"): only when
// standard error is a terminal and --quiet is not given, one line rewritten in place
// ("paperset: laying out page 7 of 16"), cleared before anything else is printed. A log
// file or a pipe gets none of it.
#include <iosfwd>
#include <mutex>
#include <string>

namespace cli {

class Progress {
 public:
  Progress(std::ostream& err, bool enabled) : err_(err), enabled_(enabled) {}
  ~Progress() { clear(); }
  // "laying out page", 3, 16 → "paperset: laying out page 3 of 16". Thread-safe.
  void step(const std::string& what, int done, int total);
  // Removes the line (before a message is printed).
  void clear();

 private:
  std::ostream& err_;
  bool enabled_;
  bool shown_ = false;
  std::mutex mutex_;
};

}  // namespace cli
