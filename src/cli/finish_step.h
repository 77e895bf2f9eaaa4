#pragma once
// Making the PDF file(s) of an issue, whole or split per page, with pdf/.
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "base/context.h"
#include "cli/args.h"
#include "cli/outputs.h"
#include "frame/frame.h"
#include "image/store.h"
#include "placed/placed.h"
#include "model/issue.h"
#include "pdf/pdf.h"

namespace cli {

// Starts preparing the issue's photos on a background thread, so that their decoding and
// conversion run while the pages are laid out; the photos shown on the pages in `drawn`
// (whose proofs this build draws) keep their proof pixels from that decode. Throws
// base::Error for a bad output profile.
std::shared_ptr<pdf::PhotoWork> start_photos(const BuildArgs& args, const model::Issue& issue, image::Store& images,
                                             const base::Context& ctx, const std::set<int>& drawn);

// Writes and preflights the PDF(s) in memory: the whole issue (one path) or, with
// --split, one PDF per page (one path per page, in order), all from fonts and photos
// prepared once (pdf::prepare). Findings go to ctx.diag, preflight's naming the PDF file
// and the issue's page. Writing the files is cli/outputs.h's. `prepared` runs once the
// fonts and photos are prepared (every photo decoded), before the files are written.
std::vector<MadePdf> make_pdfs(const BuildArgs& args, const model::Issue& issue, const frame::Document& doc,
                               image::Store& images, placed::Library& placed, pdf::PhotoWork* photos,
                               base::Context& ctx,
                               const std::vector<std::filesystem::path>& paths,
                               const std::function<void(int done, int total)>& progress = {},
                               const std::function<void()>& prepared = {});

}  // namespace cli
