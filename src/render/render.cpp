#include "render/render.h"

#include <memory>

#include "base/error.h"
#include "image/png_encode.h"
#include "render/draw.h"

namespace render {

namespace {

void check(cairo_status_t st, const std::string& what) {
  if (st != CAIRO_STATUS_SUCCESS)
    throw base::Error({}, what + ": " + cairo_status_to_string(st), "report this as a bug with the input issue");
}

struct SurfaceFree {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextFree {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceFree>;
using ContextPtr = std::unique_ptr<cairo_t, ContextFree>;

}  // namespace

void render_png(const frame::Document& doc, image::Store& images, int page_index, const std::filesystem::path& out,
                const PngOptions& opt) {
  const frame::Page& p = doc.pages.at(static_cast<size_t>(page_index));
  const double scale = opt.dpi / 72.0;
  const int w = static_cast<int>(base::to_pt(p.trim_w) * scale + 0.5);
  const int h = static_cast<int>(base::to_pt(p.trim_h) * scale + 0.5);
  const SurfacePtr surf_owner(cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h));
  cairo_surface_t* surf = surf_owner.get();
  const ContextPtr cr_owner(cairo_create(surf));
  cairo_t* cr = cr_owner.get();
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_scale(cr, scale, scale);
  {
    Drawer drawer(doc, images);
    drawer.page(cr, p);
    if (opt.overlay) drawer.overlay(cr, p);
  }
  check(cairo_status(cr), "drawing the proof failed");
  cairo_surface_flush(surf);
  image::write_proof_png(out, cairo_image_surface_get_data(surf), w, h, cairo_image_surface_get_stride(surf));
}

}  // namespace render
