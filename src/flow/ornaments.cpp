#include "flow/ornaments.h"

#include <cmath>
#include <stdexcept>

namespace flow {

namespace {

// A pen that draws in a tile's own units: u along the band in tile lengths' fractions of
// `h` (so shapes keep their proportions), v across in units of the band height.
struct Pen {
  const Band& b;
  double u0 = 0;      // where the tile starts along the band, in pt·1000
  double su = 1, sv = 1;  // scale of one unit along and across
  frame::Path& out;

  frame::Path::Pt at(double u, double v) const {
    const double along = u0 + u * su, across = v * sv;
    return {b.x + std::llround(along * b.ax + across * b.cx), b.y + std::llround(along * b.ay + across * b.cy)};
  }
  void move(double u, double v) const { out.move(at(u, v).x, at(u, v).y); }
  void line(double u, double v) const { out.line(at(u, v).x, at(u, v).y); }
  void curve(double u1, double v1, double u2, double v2, double u3, double v3) const {
    out.curve(at(u1, v1), at(u2, v2), at(u3, v3));
  }
  // A circle (an ellipse when the tile is stretched) as four Bézier quarters.
  void circle(double cu, double cv, double r) const {
    const double k = 0.5523 * r;  // 4/3·(√2 − 1): the quarter-circle control distance
    move(cu + r, cv);
    curve(cu + r, cv + k, cu + k, cv + r, cu, cv + r);
    curve(cu - k, cv + r, cu - r, cv + k, cu - r, cv);
    curve(cu - r, cv - k, cu - k, cv - r, cu, cv - r);
    curve(cu + k, cv - r, cu + r, cv - k, cu + r, cv);
    out.close();
  }
  void polygon(std::initializer_list<std::pair<double, double>> pts) const {
    bool first = true;
    for (const auto& [u, v] : pts) first ? move(u, v) : line(u, v), first = false;
    out.close();
  }
};

struct Pattern {
  const char* name;
  double tile;    // tile length in band heights
  double stroke;  // stroke width in band heights; 0: filled
  void (*tile_fn)(const Pen&);    // one tile in units: u ∈ [0, tile], v ∈ [0, 1]
  void (*corner_fn)(const Pen&);  // the corner square: u, v ∈ [0, 1]
};

// 波纹: one period of a wave per tile (a cubic Bézier per half period).
void wave(const Pen& p) {
  p.move(0, 0.5);
  p.curve(1.0 / 3, 0.07, 2.0 / 3, 0.07, 1, 0.5);
  p.curve(4.0 / 3, 0.93, 5.0 / 3, 0.93, 2, 0.5);
}
void wave_corner(const Pen& p) { p.circle(0.5, 0.5, 0.22); }

// 回纹: a key (a square spiral) standing on a base line along the outer side.
void fret(const Pen& p) {
  p.move(0, 0.05);
  p.line(1, 0.05);
  p.move(0.12, 0.05);
  p.line(0.12, 0.95);
  p.line(0.92, 0.95);
  p.line(0.92, 0.3);
  p.line(0.37, 0.3);
  p.line(0.37, 0.72);
  p.line(0.68, 0.72);
  p.line(0.68, 0.5);
}
void fret_corner(const Pen& p) {
  p.polygon({{0.05, 0.05}, {0.95, 0.05}, {0.95, 0.95}, {0.05, 0.95}});
  p.polygon({{0.35, 0.35}, {0.65, 0.35}, {0.65, 0.65}, {0.35, 0.65}});
}

// 菱形: a row of lozenges with a small dot between them.
void diamond(const Pen& p) {
  p.polygon({{0.45, 0.08}, {0.8, 0.5}, {0.45, 0.92}, {0.1, 0.5}});
  p.circle(1.05, 0.5, 0.07);
}
void diamond_corner(const Pen& p) { p.polygon({{0.5, 0.08}, {0.92, 0.5}, {0.5, 0.92}, {0.08, 0.5}}); }

// 珠串: a string of beads, large and small.
void bead(const Pen& p) {
  p.circle(0.4, 0.5, 0.32);
  p.circle(0.97, 0.5, 0.13);
}
void bead_corner(const Pen& p) { p.circle(0.5, 0.5, 0.36); }

const Pattern& pattern(const std::string& name) {
  static const Pattern kPatterns[] = {{"wave", 2.0, 0.13, wave, wave_corner},
                                      {"fret", 1.0, 0.1, fret, fret_corner},
                                      {"diamond", 1.1, 0, diamond, diamond_corner},
                                      {"bead", 1.1, 0, bead, bead_corner}};
  for (const auto& p : kPatterns)
    if (name == p.name) return p;
  throw std::invalid_argument("unknown ornament pattern '" + name + "'");  // the layout reader checked it
}

}  // namespace

void ornament_edge(const std::string& name, const Band& band, Len height, frame::Path& out) {
  const Pattern& pat = pattern(name);
  const double h = static_cast<double>(height);
  const double nominal = pat.tile * h;
  const int n = std::max(1, static_cast<int>(std::lround(static_cast<double>(band.length) / nominal)));
  const double actual = static_cast<double>(band.length) / n;  // tiles stretched to fill the edge
  for (int i = 0; i < n; ++i) pat.tile_fn(Pen{band, i * actual, actual / pat.tile, h, out});
}

void ornament_corner(const std::string& name, const Band& square, Len height, frame::Path& out) {
  const double h = static_cast<double>(height);
  pattern(name).corner_fn(Pen{square, 0, h, h, out});
}

Len ornament_stroke(const std::string& name, Len height) {
  return std::llround(pattern(name).stroke * static_cast<double>(height));
}

}  // namespace flow
