#include "flow/strokes.h"

#include <algorithm>
#include <cmath>

#include "flow/ornaments.h"

namespace flow {

namespace {

using T = model::Stroke::Type;

frame::Path::Pt at(const Band& b, Len u, Len v) { return {b.x + u * b.ax + v * b.cx, b.y + u * b.ay + v * b.cy}; }

// The parallel lines of a line stroke: (distance of the line's centre from the band's
// outer side, width). 文武线 (thick-thin): the thick line (3 × weight) outside.
std::vector<std::pair<Len, Len>> lines_of(const model::Stroke& s) {
  const Len w = s.weight;
  switch (s.type) {
    case T::Double: return {{w / 2, w}, {w + s.gap + w / 2, w}};
    case T::ThickThin: return {{3 * w / 2, 3 * w}, {3 * w + s.gap + w / 2, w}};
    default: return {{w / 2, w}};
  }
}

// Positions from `from` to `to` (inclusive) at a spacing near `step` that divides the
// distance exactly, so dots and dashes end on the corners.
std::vector<Len> spaced(Len from, Len to, Len step) {
  const Len len = to - from;
  const int n = std::max(1, static_cast<int>(std::lround(static_cast<double>(len) / std::max<Len>(step, 1))));
  std::vector<Len> out;
  for (int i = 0; i <= n; ++i) out.push_back(from + len * i / n);
  return out;
}

void dots(frame::Page& page, const model::Stroke& s, const Band& b, Len u0, Len u1) {
  frame::Path p;
  p.color = s.color;
  const double r = s.weight / 2.0, k = 0.5523 * r;
  for (const Len u : spaced(u0, u1, s.weight + s.gap)) {
    const auto c = at(b, u, s.weight / 2);
    const double cx = static_cast<double>(c.x), cy = static_cast<double>(c.y);
    auto pt = [](double x, double y) { return frame::Path::Pt{std::llround(x), std::llround(y)}; };
    p.move(std::llround(cx + r), c.y);
    p.curve(pt(cx + r, cy + k), pt(cx + k, cy + r), pt(cx, cy + r));
    p.curve(pt(cx - k, cy + r), pt(cx - r, cy + k), pt(cx - r, cy));
    p.curve(pt(cx - r, cy - k), pt(cx - k, cy - r), pt(cx, cy - r));
    p.curve(pt(cx + k, cy - r), pt(cx + r, cy - k), pt(cx + r, cy));
    p.close();
  }
  page.add(std::move(p));
}

// Dashes 3 × weight long, the gaps stretched so that a dash starts and ends the line.
void dashes(frame::Page& page, const model::Stroke& s, const Band& b, Len u0, Len u1) {
  const Len dash = 3 * s.weight, len = u1 - u0;
  const int n = std::max(1, static_cast<int>(std::lround(static_cast<double>(len + s.gap) / (dash + s.gap))));
  const Len gap = n > 1 ? (len - n * dash) / (n - 1) : 0;
  frame::Path p;
  p.color = s.color;
  p.stroke = s.weight;
  for (int i = 0; i < n; ++i) {
    const Len a = u0 + i * (dash + gap), e = n > 1 ? std::min(a + dash, u1) : u1;
    p.move(at(b, a, s.weight / 2).x, at(b, a, s.weight / 2).y);
    p.line(at(b, e, s.weight / 2).x, at(b, e, s.weight / 2).y);
  }
  page.add(std::move(p));
}

// One side of a frame, or a whole rule. `start` / `end`: a side of the frame meets this
// one there (line strokes stop at the other side's lines; ornaments leave the corner).
void side(frame::Page& page, const model::Stroke& s, const Band& b, bool start, bool end) {
  switch (s.type) {
    case T::Dotted: return dots(page, s, b, start ? s.weight / 2 : 0, b.length - (end ? s.weight / 2 : 0));
    case T::Dashed: return dashes(page, s, b, 0, b.length);
    case T::Ornament: {
      const Len h = s.weight;
      Band edge = b;
      const Len u0 = start ? h : 0, u1 = b.length - (end ? h : 0);
      if (u1 <= u0) return;
      edge.x = at(b, u0, 0).x, edge.y = at(b, u0, 0).y, edge.length = u1 - u0;
      frame::Path p;
      p.color = s.color;
      p.stroke = ornament_stroke(s.pattern, h);
      ornament_edge(s.pattern, edge, h, p);
      return page.add(std::move(p));
    }
    default:
      for (const auto& [off, w] : lines_of(s)) {
        const Len inset = off - w / 2;  // the other side's line of the same rank starts here
        const Len u0 = start ? inset : 0, u1 = b.length - (end ? inset : 0);
        const auto a = at(b, u0, off), e = at(b, u1, off);
        page.add(frame::Rule{a.x, a.y, e.x, e.y, w, s.color});
      }
  }
}

void corner(frame::Page& page, const model::Stroke& s, const Band& b) {
  if (s.type != T::Ornament) return;
  frame::Path p;
  p.color = s.color;
  p.stroke = ornament_stroke(s.pattern, s.weight);
  Band square = b;
  square.length = s.weight;
  ornament_corner(s.pattern, square, s.weight, p);
  page.add(std::move(p));
}

}  // namespace

const model::Stroke& hairline() {
  static const model::Stroke s = [] {
    model::Stroke h;
    h.name = "hairline";
    h.weight = base::from_pt(0.5);
    return h;
  }();
  return s;
}

void draw_rule(frame::Page& page, const model::Stroke& st, Len x0, Len y0, Len x1, Len y1) {
  const Len h = st.band();
  const Band b = y0 == y1 ? Band{std::min(x0, x1), y0 - h / 2, 1, 0, 0, 1, std::abs(x1 - x0)}
                          : Band{x0 - h / 2, std::min(y0, y1), 0, 1, 1, 0, std::abs(y1 - y0)};
  side(page, st, b, false, false);
}

void draw_frame(frame::Page& page, const model::Stroke& st, const model::Box& r, const bool sides[4]) {
  // Clockwise from the top-left corner; each side starts at the corner it owns, its band
  // running inwards (c points into the box).
  const Band bands[4] = {{r.x, r.y, 1, 0, 0, 1, r.w},
                         {r.x + r.w, r.y, 0, 1, -1, 0, r.h},
                         {r.x + r.w, r.y + r.h, -1, 0, 0, -1, r.w},
                         {r.x, r.y + r.h, 0, -1, 1, 0, r.h}};
  for (int i = 0; i < 4; ++i) {
    if (!sides[i]) continue;
    const bool start = sides[(i + 3) % 4], end = sides[(i + 1) % 4];
    side(page, st, bands[i], start, end);
    if (start) corner(page, st, bands[i]);
  }
}

}  // namespace flow
