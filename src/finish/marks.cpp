// Page boxes (docs/print.md "Page boxes", ISO 15930-7 §6.2.2: every page has TrimBox and
// BleedBox, BleedBox ⊆ MediaBox) and printer's marks in the margin outside the bleed.
// cairo's page is the MediaBox = trim + 2 × (bleed + marks), trim centred in it.
#include <algorithm>
#include <cmath>

#include "finish/steps.h"

namespace finish {

namespace {

struct Box {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

QPDFObjectHandle box_array(const Box& b) {
  return QPDFObjectHandle::parse("[" + pdf_num(b.x0, 3) + " " + pdf_num(b.y0, 3) + " " + pdf_num(b.x1, 3) + " " +
                                 pdf_num(b.y1, 3) + "]");
}

Box grow(const Box& b, double d) { return {b.x0 - d, b.y0 - d, b.x1 + d, b.y1 + d}; }

Box media_of(QPDFPageObjectHelper& page) {
  auto r = page.getMediaBox().getArrayAsRectangle();
  return {std::min(r.llx, r.urx), std::min(r.lly, r.ury), std::max(r.llx, r.urx), std::max(r.lly, r.ury)};
}

Box trim_of(QPDFPageObjectHelper& page, const PageBoxes& pb) {
  const Box m = media_of(page);
  const double inset = base::to_pt(pb.bleed + pb.marks);
  return {m.x0 + inset, m.y0 + inset, m.x1 - inset, m.y1 - inset};
}

std::string line(double x0, double y0, double x1, double y1) {
  return pdf_num(x0, 3) + " " + pdf_num(y0, 3) + " m " + pdf_num(x1, 3) + " " + pdf_num(y1, 3) + " l S\n";
}

// Crop marks: the trim edges continued outward, starting a gap beyond the bleed so
// they never print inside the bleed area.
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
  const double k = 0.5523 * r;  // cubic Bézier quarter circle
  auto p = [](double a, double b) { return pdf_num(a, 3) + " " + pdf_num(b, 3) + " "; };
  return p(cx + r, cy) + "m " + p(cx + r, cy + k) + p(cx + k, cy + r) + p(cx, cy + r) + "c " + p(cx - k, cy + r) +
         p(cx - r, cy + k) + p(cx - r, cy) + "c " + p(cx - r, cy - k) + p(cx - k, cy - r) + p(cx, cy - r) + "c " +
         p(cx + k, cy - r) + p(cx + r, cy - k) + p(cx + r, cy) + "c S\n";
}

std::string target(double cx, double cy, double r, double arm) {
  return circle(cx, cy, r) + line(cx - arm, cy, cx + arm, cy) + line(cx, cy - arm, cx, cy + arm);
}

// Registration targets centred on each side, in the middle of the marks band.
std::string registration_marks(const Box& t, double bleed, double band, double gap) {
  const double arm = std::min(band / 2 - gap, 12.0);
  const double r = arm * 0.6;
  if (r < 2.0) return {};  // band too narrow for a target
  const double d = bleed + band / 2, mx = (t.x0 + t.x1) / 2, my = (t.y0 + t.y1) / 2;
  return target(mx, t.y1 + d, r, arm) + target(mx, t.y0 - d, r, arm) + target(t.x0 - d, my, r, arm) +
         target(t.x1 + d, my, r, arm);
}

// Registration colour: the special colourant /All paints every separation (ISO 32000-1
// §8.6.6.4), so plates can be aligned and trimmed on any one of them.
QPDFObjectHandle all_separation(QPDF& pdf) {
  return pdf.makeIndirectObject(QPDFObjectHandle::parse(
      "[/Separation /All /DeviceCMYK << /FunctionType 2 /Domain [0 1] /C0 [0 0 0 0] /C1 [1 1 1 1] /N 1 >>]"));
}

}  // namespace

void set_page_boxes(QPDF&, QPDFPageObjectHelper& page, const PageBoxes& pb, int page_no) {
  const Box m = media_of(page);
  const double want_w = base::to_pt(pb.trim_w + 2 * (pb.bleed + pb.marks));
  const double want_h = base::to_pt(pb.trim_h + 2 * (pb.bleed + pb.marks));
  if (std::fabs((m.x1 - m.x0) - want_w) > 0.01 || std::fabs((m.y1 - m.y0) - want_h) > 0.01)
    throw base::Error({}, "page " + std::to_string(page_no) + ": MediaBox is " + pdf_num(m.x1 - m.x0, 2) + " × " +
                              pdf_num(m.y1 - m.y0, 2) + " pt, but trim + 2 × (bleed + marks) is " +
                              pdf_num(want_w, 2) + " × " + pdf_num(want_h, 2) + " pt",
                      "pass finish the PageBoxes of the same frame document that render drew");
  const Box trim = trim_of(page, pb);
  auto obj = page.getObjectHandle();
  obj.replaceKey("/MediaBox", box_array(m));
  obj.replaceKey("/TrimBox", box_array(trim));
  obj.replaceKey("/BleedBox", box_array(grow(trim, base::to_pt(pb.bleed))));
  obj.removeKey("/CropBox");  // cairo writes none; a stray one could hide the marks
  obj.removeKey("/ArtBox");   // ISO 15930-7: ArtBox and TrimBox must not both be present
}

void add_marks(QPDF& pdf, QPDFPageObjectHelper& page, const PageBoxes& pb, QPDFObjectHandle& registration) {
  if (pb.marks <= 0) return;
  const Box trim = trim_of(page, pb);
  const double bleed = base::to_pt(pb.bleed), band = base::to_pt(pb.marks);
  const double gap = std::min(band / 4, 3.0);
  // Registration colour on pages that use several plates; K on one-plate pages.
  std::string s = pb.black_only ? "Q\nq\n0 0 0 1 K 0.25 w 0 J [] 0 d\n" : "Q\nq\n/PSall CS 1 SCN 0.25 w 0 J [] 0 d\n";
  s += crop_marks(trim, bleed + gap, bleed + band - gap / 2);
  s += registration_marks(trim, bleed, band, gap);
  s += "Q\n";
  auto resources = page.getObjectHandle().getKey("/Resources");
  if (pb.black_only) {
    page.addPageContents(QPDFObjectHandle::newStream(&pdf, "q\n"), true);
    page.addPageContents(QPDFObjectHandle::newStream(&pdf, s), false);
    return;
  }
  if (!resources.getKey("/ColorSpace").isDictionary())
    resources.replaceKey("/ColorSpace", QPDFObjectHandle::newDictionary());
  if (!registration.isInitialized() || registration.isNull()) registration = all_separation(pdf);
  resources.getKey("/ColorSpace").replaceKey("/PSall", registration);
  // cairo's content starts with an unbalanced `cm` (y flip) outside any q: wrap it so
  // the marks are drawn in default page space.
  page.addPageContents(QPDFObjectHandle::newStream(&pdf, "q\n"), true);
  page.addPageContents(QPDFObjectHandle::newStream(&pdf, s), false);
}

}  // namespace finish
