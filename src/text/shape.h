#pragma once
// Shaping: a paragraph's styled spans → glyphs with clusters, via HarfBuzz with the
// language set explicitly (zh-Hans) and Han / Latin / digit runs itemized
// (docs/libraries.md §1 pitfalls: never guess the language from the locale).
#include <cstdint>
#include <string>
#include <vector>

#include "base/diag.h"
#include "text/fonts.h"

namespace text {

// A span of the paragraph's text in one style.
struct Span {
  std::uint32_t start = 0, end = 0;  // byte range in the paragraph text
  int face = 0;                      // from FontSet::face
  Len size = 0;                      // font size (1 em)
  int tag = 0;                       // opaque to text/ and compose/: the caller's style index
};

enum class Script : std::uint8_t { Han, Latin, Digit, Punct, Space, Other };

// How a run's glyphs stand in their line (docs/composer.md "Vertical text").
enum class Orient : std::uint8_t {
  Horizontal,  // a horizontal line
  Upright,     // a vertical line, glyphs upright: shaped top to bottom (vert), placed by vmtx/VORG
  Rotated,     // a vertical line, glyphs shaped left to right and turned 90° clockwise
  Tcy,         // a vertical line, 纵中横: a short number set across the column within one em
};

// In a vertical line (a run that is not Horizontal) the inline axis runs down the page:
// `advance` is the advance along it; `x_offset` is across the line, from the line's centre
// to the glyph's origin (right positive); `y_offset` is along it, up positive as HarfBuzz's
// (the origin lies `y_offset` above the pen). The origin is where the glyph is drawn from:
// its horizontal baseline origin, turned with the glyph when the run is Rotated.
struct Glyph {
  std::uint32_t gid = 0;
  int face = 0;
  Len advance = 0;   // at the span's size
  Len x_offset = 0;  // HarfBuzz offsets, y up
  Len y_offset = 0;
  std::uint32_t cluster = 0;  // byte offset in the paragraph text (monotone characters)
  bool unsafe_to_break = false;
};

struct ShapedRun {
  std::uint32_t start = 0, end = 0;  // byte range
  int face = 0;
  Len size = 0;
  int tag = 0;
  Script script = Script::Other;
  std::uint32_t first_glyph = 0, glyph_count = 0;  // into ShapedText::glyphs
  Orient orient = Orient::Horizontal;
  int hscale = 1000;  // Tcy: the glyphs' horizontal scale in 1/1000, so the number fits one em
};

struct ShapedText {
  std::string text;              // the paragraph, UTF-8
  std::vector<Glyph> glyphs;     // in logical order
  std::vector<ShapedRun> runs;   // itemized runs, in order
};

struct ShapeOptions {
  std::string language = "zh-Hans";
  std::string context;  // for missing-glyph findings (article id)
  int page = 0;
  // Vertical text (竖排, docs/composer.md "Vertical text"): Han and CJK marks upright in
  // their vertical forms; Latin words and longer numbers turned 90° clockwise; numbers of
  // at most `tcy_digits` digits set across the column as 纵中横 (0: none).
  bool vertical = false;
  int tcy_digits = 2;
  // “ ” ‘ ’ set as 「 」 『 』 (the text itself is changed: the page shows corner brackets).
  bool corner_quotes = false;
  // ASCII digits in the face's half-width forms (OpenType hwid; Noto CJK: 500/1000), as
  // Chinese papers set numbers (半角数字): two digits take one em, a year two, so a line
  // with numbers keeps the em grid. Faces without hwid keep their own digits.
  bool half_width_digits = false;
};

// Shapes `text` in the given spans (which must cover it in order). Code points missing
// from a span's face fall back to the Song role, then Hei; a code point missing from all
// is reported to `diag` ("missing-glyph") and drawn as .notdef. Control characters
// (U+000A, a forced line break from <br/>) get glyph 0 with zero advance: the composer
// treats U+000A as a mandatory break and draws no glyph for it.
ShapedText shape(const FontSet& fonts, std::string text, const std::vector<Span>& spans,
                 base::Diagnostics& diag, const ShapeOptions& opt = {});

// Classification used by itemization and the composer.
Script script_of(char32_t cp);

// The marks a vertical line turns 90° clockwise when the font has no vertical form for
// them (dashes, ellipses, brackets, quotes, wave dashes; UAX #50 classes R and Tr).
bool turns_in_vertical(char32_t cp);

}  // namespace text
