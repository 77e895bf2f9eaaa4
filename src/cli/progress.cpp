#include "cli/progress.h"

#include <ostream>

namespace cli {

void Progress::step(const std::string& what, int done, int total) {
  if (!enabled_) return;
  std::lock_guard<std::mutex> lock(mutex_);
  // Carriage return, then erase to the end of the line (ECMA-48 EL).
  err_ << "\r\x1b[Kpaperset: " << what << " " << done << " of " << total << std::flush;
  shown_ = true;
}

void Progress::clear() {
  if (!enabled_) return;
  std::lock_guard<std::mutex> lock(mutex_);
  if (shown_) err_ << "\r\x1b[K" << std::flush;
  shown_ = false;
}

}  // namespace cli
