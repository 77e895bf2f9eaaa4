#include "render/render.h"

#include <cairo-pdf.h>

#include <memory>

#include "base/error.h"
#include "render/draw.h"

namespace render {

namespace {

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

double media_pt(base::Len trim, const frame::Page& p) { return base::to_pt(trim + 2 * (p.bleed + p.marks)); }

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

std::string render_pdf(const frame::Document& doc, const frame::Palette& palette, int page_index,
                       const PdfOptions& opt) {
  std::string out;
  const auto& first = doc.pages.at(page_index >= 0 ? static_cast<size_t>(page_index) : 0);
  // Owned so that an error while drawing (a corrupt image) frees the surface and context.
  const SurfacePtr surf(
      cairo_pdf_surface_create_for_stream(append, &out, media_pt(first.trim_w, first), media_pt(first.trim_h, first)));
  cairo_pdf_surface_restrict_to_version(surf.get(), CAIRO_PDF_VERSION_1_5);
  // Dates from the issue, never the clock: two builds give the same bytes (docs/libraries.md §3).
  cairo_pdf_surface_set_metadata(surf.get(), CAIRO_PDF_METADATA_CREATE_DATE, doc.date_iso.c_str());
  cairo_pdf_surface_set_metadata(surf.get(), CAIRO_PDF_METADATA_MOD_DATE, doc.date_iso.c_str());
  cairo_pdf_surface_set_metadata(surf.get(), CAIRO_PDF_METADATA_TITLE, doc.title.c_str());
  cairo_pdf_surface_set_metadata(surf.get(), CAIRO_PDF_METADATA_CREATOR, opt.creator.c_str());
  {
    Drawer drawer(doc, palette);
    const ContextPtr cr(cairo_create(surf.get()));
    for (size_t i = 0; i < doc.pages.size(); ++i) {
      if (page_index >= 0 && i != static_cast<size_t>(page_index)) continue;
      const frame::Page& p = doc.pages[i];
      cairo_pdf_surface_set_size(surf.get(), media_pt(p.trim_w, p), media_pt(p.trim_h, p));
      cairo_save(cr.get());
      const double off = base::to_pt(p.bleed + p.marks);
      cairo_translate(cr.get(), off, off);
      drawer.page(cr.get(), p);
      cairo_restore(cr.get());
      cairo_show_page(cr.get());
    }
    check(cairo_status(cr.get()), "drawing the PDF failed");
  }
  cairo_surface_finish(surf.get());
  check(cairo_surface_status(surf.get()), "writing the PDF failed");
  return out;
}

void render_png(const frame::Document& doc, const frame::Palette& palette, int page_index,
                const std::filesystem::path& out, const PngOptions& opt) {
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
    Drawer drawer(doc, palette);
    drawer.page(cr, p);
    if (opt.overlay) drawer.overlay(cr, p);
  }
  check(cairo_status(cr), "drawing the proof failed");
  const cairo_status_t st = cairo_surface_write_to_png(surf, out.c_str());
  if (st != CAIRO_STATUS_SUCCESS)
    throw base::Error({out.string(), 0}, std::string("cannot write the proof: ") + cairo_status_to_string(st),
                      "check that the --png folder exists and is writable");
}

}  // namespace render
