#pragma once
// `paperset watch` (docs/cli.md "Watching an issue"): build, then rebuild on every save
// of the issue or a file it reads, with the page cache kept in memory so that only the
// pages a change touches are laid out and drawn again; the proof sheet reloads itself.
#include <iosfwd>

#include "base/context.h"
#include "cli/args.h"

namespace cli {

// Runs until a signal stops it (the exit status is then 128 + the signal's number).
// Returns 1 when nothing can be watched.
int run_watch(const BuildArgs& args, const base::Context& ctx, std::ostream& err);

}  // namespace cli
