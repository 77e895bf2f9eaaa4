// Hairlines between neighbouring blocks (the layout's rules between-blocks): vertical in
// the middle of the gutter, horizontal on the row boundary, only along the shared edge.
#include <algorithm>

#include "flow/pages.h"

namespace flow {

namespace {

// Every block on page p: its own photos and banners and every article frame placed on it,
// whichever page the article is listed on (jumps).
std::vector<model::GridRect> rects_on(const model::Issue& issue, const model::Page& p) {
  std::vector<model::GridRect> out;
  for (const auto& pg : issue.pages)
    for (const auto& a : pg.articles)
      for (const auto& f : a.frames)
        if (f.page == p.number) out.push_back(f.rect);
  for (const auto& ph : p.photos) out.push_back(ph.rect);
  for (const auto& b : p.banners) out.push_back(b.rect);
  return out;
}

}  // namespace

void draw_block_rules(Job& job, const model::Issue& issue, const model::Page& p) {
  const model::Layout& L = job.layout();
  if (!L.block_rules) return;
  frame::Page& page = job.page(p.number);
  const Len w = base::from_pt(0.5);
  const auto rs = rects_on(issue, p);
  for (const auto& a : rs) {
    for (const auto& b : rs) {
      const int r0 = std::max(a.row, b.row), r1 = std::min(a.row + a.rows, b.row + b.rows);
      if (a.col + a.cols == b.col && r0 < r1) {
        const Len x = L.col_x(b.col) - L.gutter / 2;
        page.add(frame::Rule{x, L.row_y(r0), x, L.row_y(r1), w, model::Cmyk{}});
      }
      const int c0 = std::max(a.col, b.col), c1 = std::min(a.col + a.cols, b.col + b.cols);
      if (a.row + a.rows == b.row && c0 < c1) {
        const Len y = L.row_y(b.row);
        page.add(frame::Rule{L.col_x(c0), y, L.col_x(c1) - L.gutter, y, w, model::Cmyk{}});
      }
    }
  }
}

}  // namespace flow
