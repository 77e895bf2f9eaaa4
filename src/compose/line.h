#pragma once
// The composer's output: one line of a paragraph, glyphs positioned from the line's
// start, with every adjustment and the reason the line broke there (--dump=lines).
#include <cstdint>
#include <string>
#include <vector>

#include "base/units.h"
#include "text/shape.h"

namespace compose {

using base::Len;

struct PlacedGlyph {
  std::uint32_t gid = 0;
  Len x = 0;  // pen position + x offset, from the line's start edge
  Len y = 0;  // offset from the baseline, y down (PDF/cairo convention)
};

// A run of glyphs in one face, size and tag, with the text it came from, so the PDF
// can carry exact text (cairo_show_text_glyphs; docs/libraries.md §2).
struct Segment {
  int face = 0;
  Len size = 0;
  int tag = 0;
  std::vector<PlacedGlyph> glyphs;
  std::string text;                          // UTF-8 of these clusters
  // (bytes, glyphs) per cluster, in order. A hyphen added at a line end is a cluster of
  // 0 bytes and 1 glyph: it is drawn but is not in the text (a copied word stays whole).
  std::vector<std::pair<int, int>> clusters;
  // A vertical line's runs (docs/composer.md "Vertical text"): how the glyphs stand —
  // upright, turned 90° clockwise, or 纵中横 — and a 纵中横 number's horizontal scale.
  text::Orient orient = text::Orient::Horizontal;
  int hscale = 1000;
};

struct Adjustment {
  std::uint32_t at = 0;  // byte offset in the paragraph where it applies
  Len delta = 0;         // + stretch, − shrink
  std::string why;       // "line-end-punct", "pair-compress", "han-latin", "justify", …
};

struct Line {
  std::vector<Segment> segments;
  std::uint32_t start = 0, end = 0;  // byte range of the paragraph text on this line
  Len measure = 0;                   // the width it was set to
  Len width = 0;                     // right edge of the last glyph's advance
  Len indent = 0;                    // start offset (first-line indent)
  bool last = false;                 // last line of its paragraph (not justified)
  std::string break_reason;          // why the line ended here
  std::vector<Adjustment> adjustments;
  Len max_glyph_size = 0;            // the largest size on the line (line height)
  // Justification: the stretch each gap between characters took (0 when none), also in
  // 1/1000 of the paragraph's em. A line stretched past 0.10 em per gap, or one left
  // short and set flush left because nothing could fill it without letter-spacing, is
  // loose: no choice of breaks avoided it, and flow reports it (docs/composer.md).
  Len gap_stretch = 0;
  int stretch_em1000 = 0;
  bool loose = false;
  bool hyphenated = false;  // ends with an added hyphen
  // A mark hung past the measure (CLREQ §3.1.7 行末悬挂, style option): how far the line
  // stands past `measure` — the mark's ink half, its blank half cut. 0 otherwise.
  Len hang = 0;
};

}  // namespace compose
