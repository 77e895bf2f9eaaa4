#pragma once
// `paperset build`: issue → model → fonts → flow (shaping, composing) → PDF (+ proofs).
#include <iosfwd>

#include "base/context.h"
#include "cli/args.h"

namespace cli {

// Returns the exit code: 0 success, 1 bad input or failed checks. Writes nothing to
// the output path unless the whole build succeeded.
int run_build(const BuildArgs& args, base::Context& ctx, std::ostream& out, std::ostream& err);

}  // namespace cli
