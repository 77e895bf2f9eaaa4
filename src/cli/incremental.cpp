#include "cli/incremental.h"

#include <map>

namespace cli {

frame::Document lay_out_pages(const model::Issue& issue, const text::FontSet& fonts, base::Context& ctx,
                              flow::Options opt, PageCache* cache, std::string* line_dump) {
  if (!cache) return flow::lay_out(issue, fonts, ctx, opt, line_dump);
  const std::set<int> fresh = line_dump ? std::set<int>{} : cache->laid_out();
  auto wanted = [&](int page) { return line_dump || fresh.count(page) > 0; };
  // Layout's findings are collected apart, page by page, then merged with the cached
  // pages' in page order: the report lists them as a clean build does.
  base::Context lctx = ctx;
  lctx.diag = base::Diagnostics();
  lctx.diag.set_error_limit(ctx.diag.error_limit());
  std::map<int, std::vector<base::Finding>> by_page;
  size_t seen = 0;
  opt.lay_out_page = wanted;
  opt.page_done = [&](int page) {
    const auto& all = lctx.diag.findings();
    by_page[page].assign(all.begin() + static_cast<std::ptrdiff_t>(seen), all.end());
    seen = all.size();
  };
  frame::Document doc;
  try {
    doc = flow::lay_out(issue, fonts, lctx, opt, line_dump);
  } catch (...) {
    ctx.diag.merge(lctx.diag);  // what layout found before it stopped, as a clean build reports it
    throw;
  }
  for (auto& page : doc.pages) {
    if (wanted(page.number)) {
      cache->store(page, by_page[page.number]);
      for (const auto& f : by_page[page.number]) ctx.diag.add(f);
      continue;
    }
    CachedPage c = cache->cached(page.number);
    page = std::move(c.page);
    for (const auto& f : c.findings) ctx.diag.add(f);
  }
  return doc;
}

}  // namespace cli
