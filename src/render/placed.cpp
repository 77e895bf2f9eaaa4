// Placed PDF pages and placeholders on the proofs. poppler-glib draws the placed page
// onto the proof's cairo surface (poppler_page_render), so the proof shows the ad as the
// PDF carries it; its box is found as the writer finds it (placed::page), and mapped
// from poppler's rendering of the CropBox, turned by /Rotate, with top-left origin.
#include <poppler.h>

#include <algorithm>

#include "base/context.h"
#include "render/draw.h"

namespace render {

namespace {

double pt(base::Len l) { return base::to_pt(l); }

// Page space → the turned page's space (y up) whose lower-left corner is the turned
// box's: the same turning as pdf/forms.cpp's form_matrix, at scale 1.
void turned(const placed::Rect& b, int rotate, double px, double py, double& u, double& v) {
  switch (rotate) {
    case 90: u = py - b.y0, v = b.x1 - px; break;
    case 180: u = b.x1 - px, v = b.y1 - py; break;
    case 270: u = b.y1 - py, v = px - b.x0; break;
    default: u = px - b.x0, v = py - b.y0;
  }
}

}  // namespace

void release_pdfs(std::map<std::string, PopplerDocument*>& docs) {
  for (auto& [k, d] : docs)
    if (d) g_object_unref(d);
  docs.clear();
}

PopplerDocument* Drawer::pdf(const std::string& path) {
  if (auto it = pdfs_.find(path); it != pdfs_.end()) return it->second;
  const std::string bytes = base::read_file(path);
  GBytes* gb = g_bytes_new(bytes.data(), bytes.size());
  GError* err = nullptr;
  PopplerDocument* d = poppler_document_new_from_bytes(gb, nullptr, &err);
  g_bytes_unref(gb);
  if (err) g_error_free(err);
  return pdfs_[path] = d;
}

void Drawer::placed(cairo_t* cr, const frame::Placed& f) {
  PopplerDocument* d = pdf(f.path);
  PopplerPage* page = d ? poppler_document_get_page(d, f.page - 1) : nullptr;
  if (!page) return placeholder(cr, {f.x, f.y, f.w, f.h, f.id});
  const placed::PageInfo& info = placed::page(placed_.get(f.path, f.loc), f.page, f.loc);
  PopplerRectangle crop;
  poppler_page_get_crop_box(page, &crop);
  const placed::Rect c{std::min(crop.x1, crop.x2), std::min(crop.y1, crop.y2), std::max(crop.x1, crop.x2),
                       std::max(crop.y1, crop.y2)};
  // The box's corners in the turned crop box (y up), then in poppler's output (y down).
  double u0, v0, u1, v1;
  turned(c, info.rotate, info.box.x0, info.box.y0, u0, v0);
  turned(c, info.rotate, info.box.x1, info.box.y1, u1, v1);
  const double crop_h = info.rotate % 180 ? c.width() : c.height();
  const double left = std::min(u0, u1), top = crop_h - std::max(v0, v1), w = std::abs(u1 - u0);
  cairo_save(cr);
  cairo_rectangle(cr, pt(f.x), pt(f.y), pt(f.w), pt(f.h));
  cairo_clip(cr);
  cairo_translate(cr, pt(f.x), pt(f.y));
  cairo_scale(cr, pt(f.w) / w, pt(f.w) / w);
  cairo_translate(cr, -left, -top);
  poppler_page_render(page, cr);
  cairo_restore(cr);
  g_object_unref(page);
}

// A slot whose material is missing: grey, crossed, labelled (never in the PDF).
void Drawer::placeholder(cairo_t* cr, const frame::Placeholder& p) {
  const double x = pt(p.x), y = pt(p.y), w = pt(p.w), h = pt(p.h);
  cairo_save(cr);
  cairo_set_source_rgb(cr, 0.92, 0.92, 0.92);
  cairo_rectangle(cr, x, y, w, h);
  cairo_fill_preserve(cr);
  cairo_set_source_rgb(cr, 0.45, 0.45, 0.45);
  cairo_set_line_width(cr, 1);
  cairo_stroke(cr);
  cairo_move_to(cr, x, y), cairo_line_to(cr, x + w, y + h);
  cairo_move_to(cr, x + w, y), cairo_line_to(cr, x, y + h);
  cairo_set_line_width(cr, 0.5);
  cairo_stroke(cr);
  cairo_select_font_face(cr, "Noto Sans CJK SC", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  double size = std::clamp(h / 6, 6.0, 36.0);
  cairo_set_font_size(cr, size);
  cairo_text_extents_t e;
  cairo_text_extents(cr, p.label.c_str(), &e);
  if (e.width > 0.9 * w && e.width > 0) {  // a narrow slot: the label as large as fits
    size = std::max(4.0, size * 0.9 * w / e.width);
    cairo_set_font_size(cr, size);
    cairo_text_extents(cr, p.label.c_str(), &e);
  }
  const double tx = x + (w - e.width) / 2 - e.x_bearing, ty = y + (h - e.height) / 2 - e.y_bearing;
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_rectangle(cr, tx + e.x_bearing - 4, ty + e.y_bearing - 4, e.width + 8, e.height + 8);
  cairo_fill(cr);
  cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
  cairo_move_to(cr, tx, ty);
  cairo_show_text(cr, p.label.c_str());
  cairo_restore(cr);
}

}  // namespace render
