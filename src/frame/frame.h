#pragma once
// The output tree: pages of positioned glyph runs, rules, fills and images in physical
// units (millipoints, origin at the top-left of the trim box, y down). pdf/ writes it and
// render/ draws the proofs from it; nothing here knows PDF, cairo or fonts beyond file +
// index.
#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "base/error.h"
#include "base/kinds.h"
#include "base/units.h"
#include "model/style.h"

namespace frame {

using base::Len;
using model::Cmyk;

struct Glyph {
  std::uint32_t gid = 0;
  Len x = 0, y = 0;  // baseline origin of the glyph on the page
};

struct GlyphRun {
  int face = 0;  // index into Document::faces
  Len size = 0;
  Cmyk color;
  std::vector<Glyph> glyphs;
  std::string text;                           // the characters these glyphs show
  std::vector<std::pair<int, int>> clusters;  // (bytes, glyphs) per cluster

  // Vertical text (竖排; docs/print.md "Vertical text"). Upright: glyphs standing in a
  // vertical line; (x, y) is still each glyph's horizontal origin (the PDF shows them with
  // the face's vertical font, Identity-V, from their vertical origins). Rotated: each glyph
  // turned 90° clockwise about (x, y), its baseline running down the page. `hscale` < 1000
  // condenses the glyphs horizontally about their origins (纵中横 numbers).
  enum class Orient : std::uint8_t { Horizontal, Upright, Rotated };
  Orient orient = Orient::Horizontal;
  int hscale = 1000;
  // The first run of a line that extractors must read as one line (a vertical column):
  // the line's text and how many runs, this one included, it spans (the PDF wraps them in
  // one ActualText span).
  std::string line_text;
  int line_runs = 0;
};

struct Rule {
  Len x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  Len width = 0;
  Cmyk color;
};

struct Fill {
  Len x = 0, y = 0, w = 0, h = 0;
  Cmyk color;
};

struct Image {
  std::string path;    // the source file (JPEG / PNG / TIFF)
  Len x = 0, y = 0, w = 0, h = 0;  // the visible (clipped) box on the page
  Len img_x = 0, img_y = 0, img_w = 0, img_h = 0;  // where the whole image is placed, upright
  // The file's EXIF / TIFF orientation (image::Info::orientation, 1–8): the writers turn
  // the stored pixels upright in the placement (the PDF keeps a JPEG's bytes as they are).
  int orientation = 1;
  std::string id;
  base::Loc loc;  // the <photo> element, so a corrupt image found while drawing names it
};

// Where the stored image goes: page = (a·u + c·v + e, b·u + d·v + f) for a point (u, v)
// of the stored pixels as fractions of their width and height (v down), page units y
// down. It turns the image upright by its orientation (CIPA DC-008 §4.6.4 A, tag 0x0112)
// and scales it onto img_x, img_y, img_w, img_h.
struct ImageMatrix {
  Len a = 0, b = 0, c = 0, d = 0, e = 0, f = 0;
};
inline ImageMatrix image_matrix(const Image& i) {
  // Per orientation: X = xu·u + xv·v + x0 and Y = yu·u + yv·v + y0, in the upright box.
  static constexpr int kTable[8][6] = {{1, 0, 0, 0, 1, 0},  {-1, 0, 1, 0, 1, 0}, {-1, 0, 1, 0, -1, 1},
                                       {1, 0, 0, 0, -1, 1}, {0, 1, 0, 1, 0, 0},  {0, -1, 1, 1, 0, 0},
                                       {0, -1, 1, -1, 0, 1}, {0, 1, 0, -1, 0, 1}};
  const int* t = kTable[i.orientation >= 1 && i.orientation <= 8 ? i.orientation - 1 : 0];
  return {i.img_w * t[0], i.img_h * t[3], i.img_w * t[1], i.img_h * t[4], i.img_x + i.img_w * t[2],
          i.img_y + i.img_h * t[5]};
}

// A tint (底纹): a screen of one colour behind a block's content, the bottom layer of the
// block. `color` is the screen itself: a process colour at its own percentages
// ("0 0 0 10" is a 10 % black screen), or a spot colour at `color.tint`. A tint never
// overprints (it knocks out what is under it, the paper); black (100 % K) text and rules
// drawn over it overprint it, so every plate of the tint runs on under black type and
// the type cannot be misregistered against a white gap (docs/print.md "Overprint").
struct Tint {
  Len x = 0, y = 0, w = 0, h = 0;
  Cmyk color;
};

// A vector shape (ornaments 花边, the dots of dotted rules, corner pieces): subpaths of
// straight and cubic Bézier segments. Filled with the nonzero winding rule when `stroke`
// is 0, else stroked at that width with butt caps and miter joins. Overprint as any
// other colour: 100 % K overprints, everything else knocks out.
struct Path {
  enum class Op : std::uint8_t { Move, Line, Curve, Close };
  struct Pt {
    Len x = 0, y = 0;
  };
  std::vector<Op> ops;
  std::vector<Pt> pts;  // Move, Line: 1 point; Curve: 3 (two control points, end); Close: 0
  Cmyk color;
  Len stroke = 0;

  void move(Len x, Len y) { ops.push_back(Op::Move), pts.push_back({x, y}); }
  void line(Len x, Len y) { ops.push_back(Op::Line), pts.push_back({x, y}); }
  void curve(Pt a, Pt b, Pt c) { ops.push_back(Op::Curve), pts.push_back(a), pts.push_back(b), pts.push_back(c); }
  void close() { ops.push_back(Op::Close); }
};

// Page `page` of a PDF (an ad, a vector logo) drawn as a Form XObject: its box (TrimBox,
// else CropBox, else MediaBox, turned by its /Rotate) scaled uniformly onto x, y, w, h,
// which also clips it. Fonts, colour spaces and overprint are the file's own.
struct Placed {
  std::string path;  // the PDF file
  int page = 1;      // its page, 1-based
  Len x = 0, y = 0, w = 0, h = 0;
  std::string id;
  base::Loc loc;  // the element that placed it
};

// A slot kept for material still missing (an ad not delivered, a photo not there with
// --allow-missing-photos): nothing in the PDF; on the proofs a grey box with a cross and
// `label` ("广告 p3-ad 运河置业").
struct Placeholder {
  Len x = 0, y = 0, w = 0, h = 0;
  std::string label;
};

// Proof-only marks (grid, frame edges, overset); never drawn into the PDF (docs/print.md "Proofs").
struct Overlay {
  enum Kind { Grid, FrameEdge, Overset } kind = FrameEdge;
  Len x = 0, y = 0, w = 0, h = 0;
};

// What flow placed where, for --dump=pages and for tests (never drawn).
struct Box {
  std::string kind;  // "block", "frame", "column", "line", "image", "caption", "jump", …
  std::string id;    // block / article id
  Len x = 0, y = 0, w = 0, h = 0;
  Len baseline = 0;  // for line boxes: the baseline's y
  std::string text;  // for line boxes: the characters
  std::string role;  // for line boxes: what the line sets ("body", "headline", "caption", "jump", …)
  // For line boxes, the composer's quality of the line (the proof sheet sums it per
  // article): ends with an added hyphen, punctuation pairs compressed, loose.
  bool hyphenated = false;
  int compressed = 0;
  bool loose = false;
  // A line box's hung mark (CLREQ §3.1.7 行末悬挂): how far past x + w it stands, into
  // the gutter or the margin — for a vertical line (`vertical`) how far below y + h, into
  // the white between tiers or under the frame. w (h) itself ends at the line's measure,
  // so the block checks stay strict for everything else.
  Len hang = 0;
  bool vertical = false;  // a line set down the page (竖排): its inline axis is y
};

// One thing drawn on a page. The variant lists every kind the writers know; a new kind
// (a placed PDF page, a tinted box, vertical text …) is added here, and std::visit in
// render/ and pdf/ then fails to compile until both draw it.
using Item = std::variant<GlyphRun, Rule, Fill, Image, Tint, Path, Placed, Placeholder>;

// The items of one kind, in drawing order: `for (const Rule& r : page.of<Rule>())`.
template <class T>
using ItemsOf = base::KindsOf<T, Item>;

struct Page {
  int number = 0;
  std::string name;  // file-name stem for --split ("page-01")
  Len trim_w = 0, trim_h = 0;
  Len bleed = 0;
  Len marks = 0;     // extra room outside the bleed for crop / registration marks (0: none)
  // Everything drawn, in drawing order, which is also reading order: blocks in the order
  // the issue lists them, lines in reading order (pdftotext -raw reads the stories so).
  std::vector<Item> items;
  std::vector<Overlay> overlay;
  std::vector<Box> boxes;

  void add(Item i) { items.push_back(std::move(i)); }
  template <class T>
  ItemsOf<T> of() const {
    return ItemsOf<T>(items);
  }
};

struct Face {
  std::string file;
  int index = 0;
  std::string family;
};

struct Document {
  std::string title;
  std::string date_iso;  // "2024-01-05T00:00:00Z": PDF creation date (deterministic)
  std::vector<Face> faces;
  std::vector<Page> pages;
};

}  // namespace frame
