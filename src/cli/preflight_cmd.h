#pragma once
// `paperset preflight FILE.pdf [--json]`: checks any PDF against docs/print.md.
#include <iosfwd>

#include "base/context.h"
#include "cli/args.h"

namespace cli {

int run_preflight(const PreflightArgs& args, base::Context& ctx, std::ostream& out, std::ostream& err);

}  // namespace cli
