#pragma once
// Drawing and finishing the PDF file(s) of an issue, whole or split per page.
#include <string>
#include <vector>

#include "base/context.h"
#include "cli/args.h"
#include "frame/palette.h"
#include "model/issue.h"

namespace cli {

// Renders, finishes and writes (atomically) the PDF(s); returns the paths written.
std::vector<std::string> write_pdfs(const BuildArgs& args, const model::Issue& issue, const frame::Document& doc,
                                    const frame::Palette& palette, base::Context& ctx);

}  // namespace cli
