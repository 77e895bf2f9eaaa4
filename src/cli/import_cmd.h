#pragma once
// `paperset import FILE [--format nitf|newsml|text] [--keep-copy] [--kicker hl2|title]`:
// prints a copy file (NITF, NewsML-G2, plain-text manuscript) as issue XML for editing,
// and the clean-up's changes on standard error (docs/import.md).
#include <iosfwd>
#include <string>
#include <vector>

#include "base/context.h"
#include "cli/args.h"

namespace cli {

int run_import(const ImportArgs& args, base::Context& ctx, std::ostream& out, std::ostream& err);

}  // namespace cli
