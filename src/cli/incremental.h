#pragma once
// Laying out an issue with the page cache (cli/cache.h): the pages the cache plans to
// lay out are laid out, the others come from the cache, and the findings of every page
// are added to the build's diagnostics in the order a clean build adds them.
#include "base/context.h"
#include "cli/cache.h"
#include "flow/flow.h"

namespace cli {

// `cache` null: a plain lay_out. `line_dump` needs every line composed: with it the
// cache is not read (every page is laid out) but is still written.
frame::Document lay_out_pages(const model::Issue& issue, const text::FontSet& fonts, base::Context& ctx,
                              flow::Options opt, PageCache* cache, std::string* line_dump);

}  // namespace cli
