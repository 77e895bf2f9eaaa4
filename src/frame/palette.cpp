#include "frame/palette.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>

#include "base/error.h"

namespace frame {

namespace {

using Rgb255 = std::array<int, 3>;

// Two stand-ins must differ by at least this many 1/255 steps in some channel, so
// that cairo's 6-decimal output maps back to exactly one entry (palette.h).
constexpr int kMinStep = 2;

bool clashes(const Rgb255& a, const Rgb255& b) {
  return std::abs(a[0] - b[0]) < kMinStep && std::abs(a[1] - b[1]) < kMinStep &&
         std::abs(a[2] - b[2]) < kMinStep;
}

bool free_slot(const Rgb255& c, const std::vector<Rgb255>& taken) {
  for (int v : c)
    if (v < 0 || v > 255) return false;
  return std::none_of(taken.begin(), taken.end(), [&](const Rgb255& t) { return clashes(c, t); });
}

// Offsets of Chebyshev radius r, nearest (Euclidean) first, then lexicographic, so
// the nudge is deterministic and as small as possible.
std::vector<Rgb255> ring(int r) {
  std::vector<Rgb255> out;
  for (int a = -r; a <= r; ++a)
    for (int b = -r; b <= r; ++b)
      for (int c = -r; c <= r; ++c)
        if (std::max({std::abs(a), std::abs(b), std::abs(c)}) == r) out.push_back({a, b, c});
  std::stable_sort(out.begin(), out.end(), [](const Rgb255& x, const Rgb255& y) {
    return x[0] * x[0] + x[1] * x[1] + x[2] * x[2] < y[0] * y[0] + y[1] * y[1] + y[2] * y[2];
  });
  return out;
}

Rgb255 nudge(const Rgb255& target, const std::vector<Rgb255>& taken) {
  if (free_slot(target, taken)) return target;
  for (int r = 1; r < 256; ++r)
    for (const auto& d : ring(r)) {
      const Rgb255 c{target[0] + d[0], target[1] + d[1], target[2] + d[2]};
      if (free_slot(c, taken)) return c;
    }
  throw base::Error({}, "too many distinct colours for the RGB stand-in palette",
                    "use fewer distinct CMYK colours in the layout");
}

Rgb255 to255(const Rgb& c) {
  auto q = [](double v) { return static_cast<int>(std::lround(std::clamp(v, 0.0, 1.0) * 255.0)); };
  return {q(c.r), q(c.g), q(c.b)};
}

void add_unique(std::vector<Cmyk>& list, const Cmyk& c) {
  if (std::find(list.begin(), list.end(), c) == list.end()) list.push_back(c);
}

// Colours in first-use order: pages in order, items in drawing order.
std::vector<Cmyk> used_colours(const Document& doc) {
  std::vector<Cmyk> list;
  for (const auto& page : doc.pages)
    for (const auto& item : page.items) {
      if (const auto* r = std::get_if<GlyphRun>(&item)) add_unique(list, r->color);
      if (const auto* r = std::get_if<Rule>(&item)) add_unique(list, r->color);
      if (const auto* f = std::get_if<Fill>(&item)) add_unique(list, f->color);
      if (const auto* t = std::get_if<Tint>(&item)) add_unique(list, t->color);
      if (const auto* p = std::get_if<Path>(&item)) add_unique(list, p->color);
    }
  add_unique(list, Cmyk{});  // 100 % K is always present (folios, rules, marks)
  return list;
}

}  // namespace

Rgb Palette::approximate(const Cmyk& c) {
  const double t = c.spot.empty() ? 1.0 : c.tint / 1000.0;  // a spot screen: its alternate scaled
  const double k = 1.0 - t * c.k / 1000.0;
  return {(1.0 - t * c.c / 1000.0) * k, (1.0 - t * c.m / 1000.0) * k, (1.0 - t * c.y / 1000.0) * k};
}

Palette Palette::of(const Document& doc) {
  const std::vector<Cmyk> colours = used_colours(doc);
  std::vector<Rgb255> taken;
  std::vector<Rgb255> slots(colours.size());
  // Pure black is placed first so it keeps (0, 0, 0): black text then looks black in
  // proofs and finish/ recognises it without any nudge.
  for (std::size_t i = 0; i < colours.size(); ++i)
    if (colours[i].is_black()) taken.push_back(slots[i] = {0, 0, 0});
  for (std::size_t i = 0; i < colours.size(); ++i)
    if (!colours[i].is_black()) taken.push_back(slots[i] = nudge(to255(approximate(colours[i])), taken));
  Palette p;
  for (std::size_t i = 0; i < colours.size(); ++i)
    p.entries_.push_back({colours[i], Rgb{slots[i][0] / 255.0, slots[i][1] / 255.0, slots[i][2] / 255.0}});
  return p;
}

Rgb Palette::rgb(const Cmyk& c) const {
  for (const auto& e : entries_)
    if (e.cmyk == c) return e.rgb;
  auto pct = [](int v) { return std::to_string(v / 10) + (v % 10 ? "." + std::to_string(v % 10) : ""); };
  throw base::Error({}, "colour C" + pct(c.c) + " M" + pct(c.m) + " Y" + pct(c.y) + " K" + pct(c.k) +
                            (c.spot.empty() ? "" : " (" + c.spot + ")") + " is not in the document palette",
                    "build the palette with Palette::of(document) after the document is complete");
}

const PaletteEntry* Palette::find(double r, double g, double b, double tolerance) const {
  const PaletteEntry* best = nullptr;
  double best_d = 0;
  for (const auto& e : entries_) {
    const double d = std::max({std::fabs(e.rgb.r - r), std::fabs(e.rgb.g - g), std::fabs(e.rgb.b - b)});
    if (d <= tolerance && (!best || d < best_d)) {
      best = &e;
      best_d = d;
    }
  }
  return best;
}

}  // namespace frame
