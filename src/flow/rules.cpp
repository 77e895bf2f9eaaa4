// Hairlines between neighbouring blocks (the layout's rules between-blocks): vertical in
// the middle of the gutter, horizontal on the grid-line boundary, only along the shared
// edge. Frames of one article are one block (no rule inside a story); pieces of a rule
// that continue each other across a gutter are drawn as one line.
#include <algorithm>
#include <map>

#include "flow/pages.h"

namespace flow {

namespace {

struct Owned {
  model::GridRect rect;
  std::string owner;  // the block (article, photo, banner); frames share their article's
};

// Every block on page p: its own photos and banners and every article frame placed on it,
// whichever page the article is listed on (jumps).
std::vector<Owned> rects_on(const model::Issue& issue, const model::Page& p) {
  std::vector<Owned> out;
  for (const auto& pg : issue.pages)
    for (const model::Article& a : pg.of<model::Article>())
      for (const auto& f : a.frames)
        if (f.page == p.number) out.push_back({f.rect, "article:" + a.id});
  int n = 0;
  for (const auto& block : p.blocks)
    std::visit(base::Overloaded{[](const model::Article&) {},
                                [&](const model::Photo& ph) { out.push_back({ph.rect, "photo:" + std::to_string(n++)}); },
                                [&](const model::Banner& b) { out.push_back({b.rect, "banner:" + std::to_string(n++)}); }},
               block);
  return out;
}

using Segments = std::map<Len, std::vector<std::pair<Len, Len>>>;  // position → [from, to] pieces

// Joins pieces on one line that touch or are a gutter apart.
std::vector<std::pair<Len, Len>> merged(std::vector<std::pair<Len, Len>> v, Len gap) {
  std::sort(v.begin(), v.end());
  std::vector<std::pair<Len, Len>> out;
  for (const auto& s : v) {
    if (!out.empty() && s.first <= out.back().second + gap) out.back().second = std::max(out.back().second, s.second);
    else out.push_back(s);
  }
  return out;
}

}  // namespace

void draw_block_rules(Job& job, const model::Issue& issue, const model::Page& p) {
  const model::Layout& L = job.layout();
  if (!L.block_rules) return;
  const auto rs = rects_on(issue, p);
  Segments vertical, horizontal;
  for (const auto& [a, oa] : rs) {
    for (const auto& [b, ob] : rs) {
      if (oa == ob) continue;
      const int r0 = std::max(a.row, b.row), r1 = std::min(a.row + a.rows, b.row + b.rows);
      if (a.col + a.cols == b.col && r0 < r1) vertical[L.col_x(b.col) - L.gutter / 2].push_back({L.row_y(r0), L.row_y(r1)});
      const int c0 = std::max(a.col, b.col), c1 = std::min(a.col + a.cols, b.col + b.cols);
      if (a.row + a.rows == b.row && c0 < c1) horizontal[L.row_y(b.row)].push_back({L.col_x(c0), L.col_x(c1) - L.gutter});
    }
  }
  frame::Page& page = job.page(p.number);
  const Len w = base::from_pt(0.5);
  for (const auto& [x, pieces] : vertical)
    for (const auto& [y0, y1] : merged(pieces, 0)) page.add(frame::Rule{x, y0, x, y1, w, model::Cmyk{}});
  for (const auto& [y, pieces] : horizontal)
    for (const auto& [x0, x1] : merged(pieces, L.gutter)) page.add(frame::Rule{x0, y, x1, y, w, model::Cmyk{}});
}

}  // namespace flow
