#pragma once
// `paperset build`: issue → model → fonts → flow (shaping, composing) → PDF (+ proofs).
#include <filesystem>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "base/context.h"
#include "cli/args.h"
#include "cli/cache.h"
#include "cli/session.h"
#include "frame/frame.h"

namespace cli {

// What one build hands the next (paperset watch): the page cache, kept in memory, and
// the last good build's pages for the proof sheet of a failed rebuild.
struct BuildState {
  std::unique_ptr<PageCache> cache;
  Session session;               // fonts, images and placed PDFs kept loaded
  bool keep_on_failure = false;  // a failed build leaves the last good results in place
  long long generation = 0;      // the proof sheet's, so an open sheet knows to reload
  std::shared_ptr<const frame::Document> last_good;
  std::vector<int> rebuilt;      // out: the pages the last build laid out
  std::vector<std::filesystem::path> inputs;  // out: every file the last build read (the issue at least)
  double elapsed_ms = 0;         // out: the last build's time
};

// Returns the exit code: 0 success, 1 bad input or failed checks. Writes nothing to
// the output path unless the whole build succeeded.
int run_build(const BuildArgs& args, base::Context& ctx, std::ostream& out, std::ostream& err,
              BuildState* state = nullptr);

}  // namespace cli
