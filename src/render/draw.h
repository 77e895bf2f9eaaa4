#pragma once
// Drawing one page of the frame tree with cairo, for the PNG proofs.
#include <cairo.h>

#include <map>
#include <memory>

#include "frame/frame.h"
#include "image/store.h"
#include "placed/placed.h"

typedef struct _PopplerDocument PopplerDocument;

namespace render {

class Drawer {
 public:
  Drawer(const frame::Document& doc, image::Store& images);
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
  void placed(cairo_t* cr, const frame::Placed& p);
  void placeholder(cairo_t* cr, const frame::Placeholder& p);
  PopplerDocument* pdf(const std::string& path);
  void colour(cairo_t* cr, const frame::Cmyk& c);

  const frame::Document& doc_;
  image::Store& images_;
  std::map<int, cairo_font_face_t*> fonts_;
  std::map<std::string, cairo_surface_t*> pictures_;
  placed::Library placed_;
  std::map<std::string, PopplerDocument*> pdfs_;
};

}  // namespace render
