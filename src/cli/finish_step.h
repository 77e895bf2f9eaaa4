#pragma once
// Drawing and finishing the PDF file(s) of an issue, whole or split per page.
#include <functional>
#include <string>
#include <vector>

#include "base/context.h"
#include "cli/args.h"
#include "cli/outputs.h"
#include "frame/palette.h"
#include "model/issue.h"

namespace cli {

// Renders, finishes and preflights the PDF(s) in memory: the whole issue (one path) or,
// with --split, one PDF per page (one path per page, in order). Findings go to ctx.diag,
// preflight's naming the PDF file and the issue's page. Writing them is cli/outputs.h's.
std::vector<MadePdf> make_pdfs(const BuildArgs& args, const model::Issue& issue, const frame::Document& doc,
                               const frame::Palette& palette, base::Context& ctx,
                               const std::vector<std::filesystem::path>& paths,
                               const std::function<void(int done, int total)>& progress = {});

}  // namespace cli
