#pragma once
// The fixture PDFs of tests/data/pdf (see README.md there) and the frame documents whose
// palettes they were drawn with: the colour order here must stay the one the fixtures
// were generated with, or finish will (rightly) find colours that are not in the palette.
#include <string>

#include "base/context.h"
#include "base/units.h"
#include "finish/finish.h"
#include "frame/frame.h"
#include "support/support.h"

namespace fx {

inline std::string pdf(const std::string& name) {
  return base::read_file(test::source_root() / "tests" / "data" / "pdf" / name);
}

inline frame::Cmyk cmyk(int c, int m, int y, int k, std::string spot = {}) {
  frame::Cmyk x;
  x.c = static_cast<std::uint16_t>(c);
  x.m = static_cast<std::uint16_t>(m);
  x.y = static_cast<std::uint16_t>(y);
  x.k = static_cast<std::uint16_t>(k);
  x.spot = std::move(spot);
  return x;
}

inline frame::Page page(base::Len trim_w_pt, base::Len trim_h_pt, base::Len marks) {
  frame::Page p;
  p.trim_w = trim_w_pt * base::kPt;
  p.trim_h = trim_h_pt * base::kPt;
  p.bleed = base::from_mm(3);
  p.marks = marks;
  return p;
}

inline void use(frame::Page& p, const frame::Cmyk& c) {
  frame::GlyphRun r;
  r.color = c;
  p.add(r);
}

// black_text.pdf: one page, trim 200 × 120 pt, bleed 3 mm, no marks; 100 % K text only.
inline frame::Document black_text_doc() {
  frame::Document d;
  d.title = "黑色文字";
  d.date_iso = "2024-03-05T06:00:00Z";
  frame::Page p = page(200, 120, 0);
  use(p, cmyk(0, 0, 0, 1000));
  d.pages.push_back(p);
  return d;
}

// mixed.pdf: two pages, trim 300 × 200 pt, bleed 3 mm, marks 10 mm. Page 1: text, rules,
// fills, a spot colour, a gradient, a tiling pattern, a 50 % group; page 2: RGB / grey /
// Adobe CMYK JPEGs, an RGB PNG and a PNG with alpha.
inline const frame::Cmyk kBlack = cmyk(0, 0, 0, 1000), kRed = cmyk(0, 1000, 1000, 0), kYellow = cmyk(0, 100, 800, 0),
                         kBlue = cmyk(1000, 600, 0, 0), kSpot = cmyk(0, 950, 1000, 0, "PANTONE 485 C"),
                         kGreen = cmyk(800, 0, 1000, 0), kGrey = cmyk(0, 0, 0, 500);

inline frame::Document mixed_doc() {
  frame::Document d;
  d.title = "Mixed <test> & \"quotes\"";
  d.date_iso = "2024-03-05T06:00:00Z";
  frame::Page p1 = page(300, 200, base::from_mm(10));
  for (const auto& c : {kBlack, kRed, kYellow, kBlue, kSpot, kGreen, kGrey}) use(p1, c);
  d.pages.push_back(p1);
  d.pages.push_back(page(300, 200, base::from_mm(10)));
  return d;
}

inline finish::Options options(const frame::Document& doc) {
  finish::Options o;
  o.title = doc.title;
  o.date_iso = doc.date_iso;
  o.producer = "paperset test";
  finish::use_output_condition(o, finish::default_output_condition(test::context()));
  o.palette = frame::Palette::of(doc);
  o.pages = finish::page_boxes(doc);
  return o;
}

}  // namespace fx
