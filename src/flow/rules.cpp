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

// Every block on page p: its own blocks and every article frame placed on it, whichever
// page the article is listed on (jumps).
std::vector<Owned> rects_on(const Job& job, const model::Issue& issue, const model::Page& p) {
  std::vector<Owned> out;
  const model::Layout& L = issue.layout;
  for (const auto& pg : issue.pages) {
    int order = 0;
    for (const auto& block : pg.blocks) {
      ++order;
      const auto* a = std::get_if<model::Article>(&block);
      if (!a) continue;
      const auto fitted = job.fitted_frames.find(a->id);  // a last frame copyfitting lengthened
      for (const auto& f : fitted == job.fitted_frames.end() ? a->frames : fitted->second)
        if (f.page == p.number) out.push_back(owned_article(L, *a, f, pg.number == p.number ? order : 0));
    }
  }
  int n = 0;
  for (const auto& block : p.blocks) {
    ++n;
    const std::string key = std::to_string(n);
    std::visit(base::Overloaded{[](const model::Article&) {},
                                [&](const model::Photo& ph) { out.push_back({ph.rect, "photo:" + key, ph.rules, {}, n}); },
                                [&](const model::Banner& b) { out.push_back({b.rect, "banner:" + key, b.rules, {}, n}); },
                                [](const model::Rule&) {},  // a rule block is its own separator
                                [&](const model::Briefs& b) { out.push_back(owned_briefs(L, b, key, n)); },
                                [&](const model::Masthead& m) { out.push_back({m.rect, "masthead:" + key, m.rules, {}, n}); },
                                [&](const model::Ad& a) { out.push_back({a.rect, "ad:" + key, a.rules, {}, n}); }},
               block);
  }
  return out;
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

}  // namespace

void draw_block_rules(Job& job, const model::Issue& issue, const model::Page& p) {
  const model::Layout& L = job.layout();
  if (!L.block_rules) return;
  const auto rs = rects_on(job, issue, p);
  Segments vertical, horizontal;
  for (const auto& oa : rs) {
    for (const auto& ob : rs) {
      if (oa.owner == ob.owner) continue;
      const model::GridRect &a = oa.rect, &b = ob.rect;
      const std::string& st = stroke_between(oa, ob);
      const int r0 = std::max(a.row, b.row), r1 = std::min(a.row + a.rows, b.row + b.rows);
      if (a.col + a.cols == b.col && r0 < r1 && !oa.framed[1] && !ob.framed[3])
        vertical[{L.col_x(b.col) - L.gutter / 2, st}].push_back({L.row_y(r0), L.row_y(r1)});
      const int c0 = std::max(a.col, b.col), c1 = std::min(a.col + a.cols, b.col + b.cols);
      if (a.row + a.rows == b.row && c0 < c1 && !oa.framed[2] && !ob.framed[0])
        horizontal[{L.row_y(b.row), st}].push_back({L.col_x(c0), L.col_x(c1) - L.gutter});
    }
  }
  frame::Page& page = job.page(p.number);
  const auto stroke = [&](const std::string& name) -> const model::Stroke& {
    const std::string& n = name.empty() ? L.block_rule_stroke : name;
    return n.empty() ? hairline() : L.stroke(n);
  };
  for (const auto& [key, pieces] : vertical)
    for (const auto& [y0, y1] : merged(pieces, 0)) draw_rule(page, stroke(key.second), key.first, y0, key.first, y1);
  for (const auto& [key, pieces] : horizontal)
    for (const auto& [x0, x1] : merged(pieces, L.gutter)) draw_rule(page, stroke(key.second), x0, key.first, x1, key.first);
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
