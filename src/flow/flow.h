#pragma once
// Flow: blocks on the page grid → placed frames per page (docs/architecture.md). Articles
// thread their text through their frames column by column, pulling lines from the
// composer one at a time; photos, captions, banners, folios and jump lines are set here.
#include <functional>

#include "base/context.h"
#include "frame/frame.h"
#include "image/store.h"
#include "model/issue.h"
#include "placed/placed.h"
#include "text/fonts.h"

namespace flow {

struct Options {
  bool allow_overset = false;  // overset is an error unless allowed (then a warning + proof mark)
  bool allow_low_res = false;  // photos under 100 ppi are an error unless allowed
  bool balance = true;         // balance the columns of an article's last frame (docs/format.md)
  std::function<void(int done, int total)> progress;  // called after each page is laid out
  image::Store* images = nullptr;  // the build's image files (read and probed once); nullptr: a store of its own
  // Incremental builds (docs/architecture.md "Incremental builds"): when set, only the
  // pages it accepts are laid out — their blocks, in the issue's order — and the other
  // pages stay empty; `page_done` is called after each page laid out (its findings are
  // those added since the previous call).
  std::function<bool(int page)> lay_out_page;
  std::function<void(int page)> page_done;
  placed::Library* placed = nullptr;  // the build's placed PDFs (ads, logos); nullptr: a library of its own
};

// Lays out the whole issue. Findings (overset, underset, missing glyphs …) go to ctx.diag.
// With `line_dump`, every composed line is recorded there (--dump=lines).
frame::Document lay_out(const model::Issue& issue, const text::FontSet& fonts, base::Context& ctx,
                        const Options& opt = {}, std::string* line_dump = nullptr);

// --dump=pages: every block, frame, line box and image box with its coordinates, one
// record per line, in points rounded to 0.01.
std::string dump_pages(const frame::Document& doc);

}  // namespace flow
