#pragma once
// Internal to text/: what horizontal (shape.cpp) and vertical (vertical.cpp) shaping share —
// the characters of a span, their resolved HarfBuzz scripts and the face each one takes.
#include <hb.h>

#include <string>
#include <vector>

#include "text/shape.h"

namespace text {

struct Char {
  std::uint32_t at = 0, len = 0;
  char32_t cp = 0;
  Script script = Script::Other;
};

std::vector<Char> decode(const std::string& t, std::uint32_t start, std::uint32_t end);
std::vector<hb_script_t> resolve_scripts(const std::vector<Char>& cs);
// The span's face, unless it lacks the glyph (then Song, then Hei) or sets the quote as a
// narrow Latin glyph (then Song; in vertical text only where the face has no vertical form).
int face_for(const FontSet& fonts, int face, char32_t cp, bool vertical = false);

// vertical.cpp
void shape_vertical(const FontSet& fonts, ShapedText& out, const Span& sp, hb_buffer_t* buf, hb_language_t lang,
                    const ShapeOptions& opt);
// The hwid feature over each run of ASCII digits in text[start, end) (clusters are bytes),
// for ShapeOptions::half_width_digits.
std::vector<hb_feature_t> half_width_digits(const std::string& text, std::uint32_t start, std::uint32_t end);
// “ ” ‘ ’ → 「 」 『 』 in place (each pair has the same UTF-8 length, so clusters keep their bytes).
void use_corner_quotes(std::string& text);

}  // namespace text
