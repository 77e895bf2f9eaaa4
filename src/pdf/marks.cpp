// Printer's marks in the band outside the bleed (docs/print.md "Marks"): crop marks that
// continue the trim edges outward, starting a gap beyond the bleed so they never print
// inside it, and registration targets centred on each side. Line width 0.25 pt.
#include <algorithm>

#include "pdf/content.h"
#include "pdf/util.h"

namespace pdf {

namespace {

struct Box {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

std::string pt(double a, double b) { return num(a) + " " + num(b) + " "; }

std::string line(double x0, double y0, double x1, double y1) { return pt(x0, y0) + "m " + pt(x1, y1) + "l S\n"; }

std::string crop_marks(const Box& t, double start, double end) {
  std::string s;
  for (int corner = 0; corner < 4; ++corner) {
    const double x = corner & 1 ? t.x1 : t.x0, sx = corner & 1 ? 1 : -1;
    const double y = corner & 2 ? t.y1 : t.y0, sy = corner & 2 ? 1 : -1;
    s += line(x + sx * start, y, x + sx * end, y);
    s += line(x, y + sy * start, x, y + sy * end);
  }
  return s;
}

std::string circle(double cx, double cy, double r) {
  const double k = 0.5523 * r;  // a quarter circle as one cubic Bézier
  return pt(cx + r, cy) + "m " + pt(cx + r, cy + k) + pt(cx + k, cy + r) + pt(cx, cy + r) + "c " +
         pt(cx - k, cy + r) + pt(cx - r, cy + k) + pt(cx - r, cy) + "c " + pt(cx - r, cy - k) + pt(cx - k, cy - r) +
         pt(cx, cy - r) + "c " + pt(cx + k, cy - r) + pt(cx + r, cy - k) + pt(cx + r, cy) + "c S\n";
}

std::string target(double cx, double cy, double r, double arm) {
  return circle(cx, cy, r) + line(cx - arm, cy, cx + arm, cy) + line(cx, cy - arm, cx, cy + arm);
}

// Targets in the middle of the marks band, drawn only when the band has room for one.
std::string registration_marks(const Box& t, double bleed, double band, double gap) {
  const double arm = std::min(band / 2 - gap, 12.0);
  const double r = arm * 0.6;
  if (r < 2.0) return {};
  const double d = bleed + band / 2, mx = (t.x0 + t.x1) / 2, my = (t.y0 + t.y1) / 2;
  return target(mx, t.y1 + d, r, arm) + target(mx, t.y0 - d, r, arm) + target(t.x0 - d, my, r, arm) +
         target(t.x1 + d, my, r, arm);
}

}  // namespace

std::string page_marks(const frame::Page& p, bool one_plate, PageNames& names) {
  if (p.marks <= 0) return {};
  const double off = base::to_pt(p.bleed + p.marks);
  const Box trim{off, off, off + base::to_pt(p.trim_w), off + base::to_pt(p.trim_h)};
  const double bleed = base::to_pt(p.bleed), band = base::to_pt(p.marks);
  const double gap = std::min(band / 4, 3.0);
  // Registration colour (/All paints every separation, ISO 32000-1 §8.6.6.4) so plates
  // can be aligned and trimmed on any one of them; K on a one-plate page.
  names.registration = names.registration || !one_plate;
  names.knockout = true;
  std::string s = "q\n/GSko gs\n";
  s += one_plate ? "0 0 0 1 K" : "/CSall CS 1 SCN";
  s += " 0.25 w 0 J [] 0 d\n";
  s += crop_marks(trim, bleed + gap, bleed + band - gap / 2);
  s += registration_marks(trim, bleed, band, gap);
  return s + "Q\n";
}

}  // namespace pdf
