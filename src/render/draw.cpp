#include "render/draw.h"

#include <cairo-ft.h>
#include <fontconfig/fontconfig.h>

#include <cmath>

#include "base/context.h"
#include "image/image.h"

namespace render {

namespace {
double pt(base::Len l) { return base::to_pt(l); }
}  // namespace

void release_pdfs(std::map<std::string, PopplerDocument*>& docs);  // placed.cpp

Drawer::Drawer(const frame::Document& doc, image::Store& images) : doc_(doc), images_(images) {}

Drawer::~Drawer() {
  for (auto& [k, f] : fonts_) cairo_font_face_destroy(f);
  for (auto& [k, s] : pictures_) cairo_surface_destroy(s);
  release_pdfs(pdfs_);
}

// cairo gets its own face, opened from the file + index that text/ resolved (docs/libraries.md
// §1: never share HarfBuzz's face with cairo). A pattern with FC_FILE/FC_INDEX makes cairo
// open exactly that file, with no fontconfig substitution.
cairo_font_face_t* Drawer::font(int face) {
  auto it = fonts_.find(face);
  if (it != fonts_.end()) return it->second;
  const frame::Face& f = doc_.faces.at(static_cast<size_t>(face));
  FcPattern* pat = FcPatternCreate();
  FcPatternAddString(pat, FC_FILE, reinterpret_cast<const FcChar8*>(f.file.c_str()));
  FcPatternAddInteger(pat, FC_INDEX, f.index);
  FcPatternAddBool(pat, FC_HINTING, FcFalse);
  cairo_font_face_t* cf = cairo_ft_font_face_create_for_pattern(pat);
  FcPatternDestroy(pat);
  fonts_[face] = cf;
  return cf;
}

// A screen approximation of the layout's CMYK (a spot colour by its CMYK alternate at its
// tint); the PDF carries the exact colour, the proof only shows where it is.
void Drawer::colour(cairo_t* cr, const frame::Cmyk& c) {
  const double t = c.spot.empty() ? 1.0 : c.tint / 1000.0;  // a spot screen: its alternate scaled
  const double k = 1.0 - t * c.k / 1000.0;
  cairo_set_source_rgb(cr, (1.0 - t * c.c / 1000.0) * k, (1.0 - t * c.m / 1000.0) * k, (1.0 - t * c.y / 1000.0) * k);
}

// Text with cairo_show_text_glyphs and the composer's clusters, so that copy/paste and
// pdftotext give back exactly the characters written (docs/libraries.md §2).
void Drawer::text(cairo_t* cr, const frame::GlyphRun& r) {
  if (r.glyphs.empty()) return;
  cairo_set_font_face(cr, font(r.face));
  cairo_set_font_size(cr, pt(r.size));
  colour(cr, r.color);
  // Vertical text (frame.h GlyphRun::orient): an upright glyph is drawn from its horizontal
  // origin as any other; a turned run about its first glyph's origin, rotated 90°
  // clockwise; a condensed one (纵中横) scaled in x about it, as the PDF shows them.
  const bool turned = r.orient == frame::GlyphRun::Orient::Rotated;
  const double k = turned ? 1.0 : r.hscale / 1000.0;
  const double x0 = pt(r.glyphs[0].x), y0 = pt(r.glyphs[0].y);
  const bool local = turned || r.hscale != 1000;
  std::vector<cairo_glyph_t> gs(r.glyphs.size());
  for (size_t i = 0; i < gs.size(); ++i) {
    const double x = pt(r.glyphs[i].x), y = pt(r.glyphs[i].y);
    gs[i] = {r.glyphs[i].gid, x, y};
    if (turned) gs[i].x = y - y0, gs[i].y = x0 - x;  // page (x0 - v, y0 + u) ← local (u, v)
    else if (local) gs[i].x = (x - x0) / k, gs[i].y = y - y0;
  }
  std::vector<cairo_text_cluster_t> cs(r.clusters.size());
  for (size_t i = 0; i < cs.size(); ++i) cs[i] = {r.clusters[i].first, r.clusters[i].second};
  if (local) {
    cairo_save(cr);
    cairo_translate(cr, x0, y0);
    if (turned) cairo_rotate(cr, M_PI / 2);
    else cairo_scale(cr, k, 1.0);
  }
  cairo_show_text_glyphs(cr, r.text.data(), static_cast<int>(r.text.size()), gs.data(), static_cast<int>(gs.size()),
                         cs.data(), static_cast<int>(cs.size()), static_cast<cairo_text_cluster_flags_t>(0));
  if (local) cairo_restore(cr);
}

void Drawer::rule(cairo_t* cr, const frame::Rule& r) {
  colour(cr, r.color);
  cairo_set_line_width(cr, pt(r.width));
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
  cairo_move_to(cr, pt(r.x0), pt(r.y0));
  cairo_line_to(cr, pt(r.x1), pt(r.y1));
  cairo_stroke(cr);
}

void Drawer::fill(cairo_t* cr, const frame::Fill& f) {
  colour(cr, f.color);
  cairo_rectangle(cr, pt(f.x), pt(f.y), pt(f.w), pt(f.h));
  cairo_fill(cr);
}

void Drawer::tint(cairo_t* cr, const frame::Tint& t) {
  colour(cr, t.color);
  cairo_rectangle(cr, pt(t.x), pt(t.y), pt(t.w), pt(t.h));
  cairo_fill(cr);
}

void Drawer::path(cairo_t* cr, const frame::Path& p) {
  cairo_new_path(cr);
  size_t k = 0;
  for (const auto op : p.ops) {
    switch (op) {
      case frame::Path::Op::Move: cairo_move_to(cr, pt(p.pts[k].x), pt(p.pts[k].y)), k += 1; break;
      case frame::Path::Op::Line: cairo_line_to(cr, pt(p.pts[k].x), pt(p.pts[k].y)), k += 1; break;
      case frame::Path::Op::Curve:
        cairo_curve_to(cr, pt(p.pts[k].x), pt(p.pts[k].y), pt(p.pts[k + 1].x), pt(p.pts[k + 1].y), pt(p.pts[k + 2].x),
                       pt(p.pts[k + 2].y));
        k += 3;
        break;
      case frame::Path::Op::Close: cairo_close_path(cr); break;
    }
  }
  colour(cr, p.color);
  if (p.stroke > 0) {
    cairo_set_line_width(cr, pt(p.stroke));
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
    cairo_stroke(cr);
  } else {
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
    cairo_fill(cr);
  }
}

// The photo's proof pixels from the build's store: kept from the decode the PDF made, or
// decoded now, once, at the proof's resolution.
cairo_surface_t* Drawer::picture(const frame::Image& img) {
  auto it = pictures_.find(img.path);
  if (it != pictures_.end()) return it->second;
  auto* px = new std::shared_ptr<const image::Pixels>(images_.proof(images_.get(img.path, img.loc)));
  const image::Pixels& p = **px;
  cairo_surface_t* s = cairo_image_surface_create_for_data(
      reinterpret_cast<unsigned char*>(const_cast<std::uint32_t*>(p.data.data())),
      p.alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24, p.width, p.height, p.width * 4);
  static cairo_user_data_key_t key;
  cairo_surface_set_user_data(s, &key, px, [](void* v) { delete static_cast<std::shared_ptr<const image::Pixels>*>(v); });
  pictures_[img.path] = s;
  return s;
}

// The stored pixels turned upright and scaled by the same matrix the PDF gets
// (frame::image_matrix), clipped to the visible box.
void Drawer::image(cairo_t* cr, const frame::Image& img) {
  cairo_surface_t* s = picture(img);
  const double w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
  const frame::ImageMatrix m = frame::image_matrix(img);
  cairo_matrix_t place;
  cairo_matrix_init(&place, pt(m.a) / w, pt(m.b) / w, pt(m.c) / h, pt(m.d) / h, pt(m.e), pt(m.f));
  if (img.w <= 0 || img.h <= 0 || cairo_matrix_invert(&place) != CAIRO_STATUS_SUCCESS) return;  // nothing visible
  cairo_matrix_invert(&place);
  cairo_save(cr);
  cairo_rectangle(cr, pt(img.x), pt(img.y), pt(img.w), pt(img.h));
  cairo_clip(cr);
  cairo_transform(cr, &place);
  cairo_set_source_surface(cr, s, 0, 0);
  cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
  cairo_paint(cr);
  cairo_restore(cr);
}

void Drawer::page(cairo_t* cr, const frame::Page& p) {
  struct Draw {
    Drawer& d;
    cairo_t* cr;
    void operator()(const frame::GlyphRun& r) const { d.text(cr, r); }
    void operator()(const frame::Rule& r) const { d.rule(cr, r); }
    void operator()(const frame::Fill& f) const { d.fill(cr, f); }
    void operator()(const frame::Image& i) const { d.image(cr, i); }
    void operator()(const frame::Tint& t) const { d.tint(cr, t); }
    void operator()(const frame::Path& p) const { d.path(cr, p); }
    void operator()(const frame::Placed& p) const { d.placed(cr, p); }
    void operator()(const frame::Placeholder& p) const { d.placeholder(cr, p); }
  };
  for (const auto& item : p.items) std::visit(Draw{*this, cr}, item);
}

// Proof-only overlay: grid lines pale cyan, frame edges blue, overset red.
void Drawer::overlay(cairo_t* cr, const frame::Page& p) {
  for (const auto& o : p.overlay) {
    if (o.kind == frame::Overlay::Grid) cairo_set_source_rgba(cr, 0, 0.6, 0.9, 0.25);
    if (o.kind == frame::Overlay::FrameEdge) cairo_set_source_rgba(cr, 0.1, 0.3, 1, 0.6);
    if (o.kind == frame::Overlay::Overset) cairo_set_source_rgba(cr, 1, 0, 0, 0.8);
    cairo_set_line_width(cr, o.kind == frame::Overlay::Overset ? 2 : 0.5);
    cairo_rectangle(cr, pt(o.x), pt(o.y), pt(o.w), pt(o.h));
    cairo_stroke(cr);
  }
}

}  // namespace render
