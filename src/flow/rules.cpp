// Rules between neighbouring blocks (the layout's rules between-blocks): in the middle of
// the gutter between side-by-side blocks, on the grid-line boundary between stacked ones,
// only along the shared edge. Frames of one article are one block (no rule inside a
// story); pieces of a rule that continue each other across a gutter are drawn as one line.
// The stroke is the layout's (<rules stroke=…>, else a 0.5 pt hairline) unless one of the
// two blocks names its own with rules= (the later block in the issue file wins). A side
// a box frame already draws gets no rule beside it.
#include <algorithm>
#include <map>

#include "flow/pages.h"
#include "flow/strokes.h"

namespace flow {

namespace {

struct Owned {
  model::GridRect rect;
  std::string owner;  // the block (article, photo, banner); frames share their article's
  std::string rules;  // the block's own stroke for its rules; empty: the layout's
  bool framed[4] = {false, false, false, false};  // top, right, bottom, left drawn by a box frame
  int order = 0;      // document order on the page
};

Owned owned_article(const model::Layout& L, const model::Article& a, const model::Frame& f, int order) {
  Owned o{f.rect, "article:" + a.id, a.rules, {}, order};
  if (!a.box.empty()) {
    const model::BoxStyle& b = L.box_style(a.box);
    if (!b.frame.empty()) std::copy(b.sides, b.sides + 4, o.framed);
  }
  return o;
}

Owned owned_briefs(const model::Layout& L, const model::Briefs& b, const std::string& key, int order) {
  Owned o{b.rect, "briefs:" + key, b.rules, {}, order};
  if (!b.box.empty()) {
    const model::BoxStyle& bs = L.box_style(b.box);
    if (!bs.frame.empty()) std::copy(bs.sides, bs.sides + 4, o.framed);
  }
  return o;
}

// Every block of every page: its own blocks and every article frame placed on it,
// whichever page the article is listed on (jumps). One pass over the issue (collecting
// the frames page by page cost O(pages × frames): 345 s for 100 000 pages).
std::map<int, std::vector<Owned>> rects_by_page(const Job& job, const model::Issue& issue) {
  std::map<int, std::vector<Owned>> out;
  const model::Layout& L = issue.layout;
  for (const auto& p : issue.pages) {
    int n = 0;
    for (const auto& block : p.blocks) {
      ++n;
      const std::string key = std::to_string(n);
      auto& here = out[p.number];
      std::visit(base::Overloaded{[&](const model::Article& a) {
                                    // A last frame copyfitting lengthened counts as lengthened.
                                    const auto fitted = job.fitted_frames.find(a.id);
                                    for (const auto& f : fitted == job.fitted_frames.end() ? a.frames : fitted->second)
                                      out[f.page].push_back(owned_article(L, a, f, f.page == p.number ? n : 0));
                                  },
                                  [&](const model::Photo& ph) { here.push_back({ph.rect, "photo:" + key, ph.rules, {}, n}); },
                                  [&](const model::Banner& b) { here.push_back({b.rect, "banner:" + key, b.rules, {}, n}); },
                                  [](const model::Rule&) {},  // a rule block is its own separator
                                  [&](const model::Briefs& b) { here.push_back(owned_briefs(L, b, key, n)); },
                                  [&](const model::Masthead& m) {
                                    here.push_back({m.rect, "masthead:" + key, m.rules, {}, n});
                                  },
                                  [&](const model::Ad& a) { here.push_back({a.rect, "ad:" + key, a.rules, {}, n}); }},
                 block);
    }
  }
  return out;
}

// Blocks that end at a boundary (`before`) and those that start there (`after`). Blocks
// never overlap (model checks it), so each side's ranges along the boundary are
// disjoint and the touching pairs are found by one merge of the two sorted sides:
// O(n log n), where comparing every pair of a page's blocks took minutes for 100 000.
struct Side {
  std::vector<const Owned*> before, after;
};

// Calls emit(a, b, from, to) for every a in s.before and b in s.after whose ranges
// [lo, lo + len) meet in [from, to).
template <class Lo, class Len_, class Emit>
void touching(Side& s, Lo lo, Len_ len, Emit emit) {
  auto by_lo = [&](const Owned* x, const Owned* y) { return lo(*x) < lo(*y); };
  std::sort(s.before.begin(), s.before.end(), by_lo);
  std::sort(s.after.begin(), s.after.end(), by_lo);
  for (size_t i = 0, j = 0; i < s.before.size() && j < s.after.size();) {
    const Owned& a = *s.before[i];
    const Owned& b = *s.after[j];
    const int from = std::max(lo(a), lo(b)), to = std::min(lo(a) + len(a), lo(b) + len(b));
    if (from < to && a.owner != b.owner) emit(a, b, from, to);
    if (lo(a) + len(a) < lo(b) + len(b)) ++i;
    else ++j;
  }
}

const std::string& stroke_between(const Owned& a, const Owned& b) {
  const Owned& later = a.order > b.order ? a : b;
  const Owned& earlier = &later == &a ? b : a;
  return later.rules.empty() ? earlier.rules : later.rules;
}

using Pieces = std::vector<std::pair<Len, Len>>;
using Segments = std::map<std::pair<Len, std::string>, Pieces>;  // (position, stroke) → [from, to] pieces

// Joins pieces on one line that touch or are a gutter apart.
Pieces merged(Pieces v, Len gap) {
  std::sort(v.begin(), v.end());
  Pieces out;
  for (const auto& s : v) {
    if (!out.empty() && s.first <= out.back().second + gap) out.back().second = std::max(out.back().second, s.second);
    else out.push_back(s);
  }
  return out;
}

void draw_page_rules(Job& job, int page_number, const std::vector<Owned>& rs) {
  const model::Layout& L = job.layout();
  std::map<int, Side> cols, rows;  // boundary column / grid line → the blocks on each side
  for (const auto& o : rs) {
    cols[o.rect.col + o.rect.cols].before.push_back(&o), cols[o.rect.col].after.push_back(&o);
    rows[o.rect.row + o.rect.rows].before.push_back(&o), rows[o.rect.row].after.push_back(&o);
  }
  Segments vertical, horizontal;
  const auto row_lo = [](const Owned& o) { return o.rect.row; };
  const auto row_len = [](const Owned& o) { return o.rect.rows; };
  const auto col_lo = [](const Owned& o) { return o.rect.col; };
  const auto col_len = [](const Owned& o) { return o.rect.cols; };
  for (auto& [c, side] : cols)
    touching(side, row_lo, row_len, [&, c = c](const Owned& a, const Owned& b, int r0, int r1) {
      if (!a.framed[1] && !b.framed[3])
        vertical[{L.col_x(c) - L.gutter / 2, stroke_between(a, b)}].push_back({L.row_y(r0), L.row_y(r1)});
    });
  for (auto& [r, side] : rows)
    touching(side, col_lo, col_len, [&, r = r](const Owned& a, const Owned& b, int c0, int c1) {
      if (!a.framed[2] && !b.framed[0])
        horizontal[{L.row_y(r), stroke_between(a, b)}].push_back({L.col_x(c0), L.col_x(c1) - L.gutter});
    });
  frame::Page& page = job.page(page_number);
  const auto stroke = [&](const std::string& name) -> const model::Stroke& {
    const std::string& n = name.empty() ? L.block_rule_stroke : name;
    return n.empty() ? hairline() : L.stroke(n);
  };
  for (const auto& [key, pieces] : vertical)
    for (const auto& [y0, y1] : merged(pieces, 0)) draw_rule(page, stroke(key.second), key.first, y0, key.first, y1);
  for (const auto& [key, pieces] : horizontal)
    for (const auto& [x0, x1] : merged(pieces, L.gutter)) draw_rule(page, stroke(key.second), x0, key.first, x1, key.first);
}

}  // namespace

void draw_block_rules(Job& job, const model::Issue& issue) {
  if (!job.layout().block_rules) return;
  for (const auto& [page, rs] : rects_by_page(job, issue))
    if (!job.opt.lay_out_page || job.opt.lay_out_page(page)) draw_page_rules(job, page, rs);
}

// A rule block: its stroke across the middle of its grid rectangle, horizontal when the
// block is at least as wide as it is tall, else vertical.
void lay_out_rule(Job& job, const model::Rule& r) {
  const model::Layout& L = job.layout();
  const model::Box b = L.box(r.rect);
  frame::Page& page = job.page(r.page);
  record_block(page, r.id, "rule", b, false);
  const model::Stroke& st = L.stroke(r.stroke, r.loc);
  if (b.w >= b.h) draw_rule(page, st, b.x, b.y + b.h / 2, b.x + b.w, b.y + b.h / 2);
  else draw_rule(page, st, b.x + b.w / 2, b.y, b.x + b.w / 2, b.y + b.h);
}

}  // namespace flow
