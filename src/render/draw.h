#pragma once
// The drawing code shared by the PDF and PNG paths.
#include <cairo.h>

#include <map>

#include "frame/frame.h"
#include "frame/palette.h"

namespace render {

class Drawer {
 public:
  Drawer(const frame::Document& doc, const frame::Palette& palette);
  ~Drawer();
  Drawer(const Drawer&) = delete;
  Drawer& operator=(const Drawer&) = delete;

  // Draws one page with the trim box's top-left at the current origin (units: pt).
  void page(cairo_t* cr, const frame::Page& p);
  void overlay(cairo_t* cr, const frame::Page& p);

 private:
  cairo_font_face_t* font(int face);
  cairo_surface_t* picture(const frame::Image& img);
  void text(cairo_t* cr, const frame::GlyphRun& r);
  void rule(cairo_t* cr, const frame::Rule& r);
  void fill(cairo_t* cr, const frame::Fill& f);
  void tint(cairo_t* cr, const frame::Tint& t);
  void path(cairo_t* cr, const frame::Path& p);
  void image(cairo_t* cr, const frame::Image& img);
  void colour(cairo_t* cr, const frame::Cmyk& c);

  const frame::Document& doc_;
  const frame::Palette& palette_;
  std::map<int, cairo_font_face_t*> fonts_;
  std::map<std::string, cairo_surface_t*> pictures_;
};

}  // namespace render
