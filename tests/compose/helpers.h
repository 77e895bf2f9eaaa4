#pragma once
// Shared helpers of the composer tests: the real fonts (Debian packages, pinned by the
// font map), shaping a string in one face, and reading lines back as text.
#include <memory>
#include <string>
#include <vector>

#include "base/utf8.h"
#include "compose/composer.h"
#include "model/font_map.h"
#include "support/support.h"
#include "text/fonts.h"
#include "text/shape.h"

namespace ct {

using base::Len;

struct Fonts {
  std::shared_ptr<text::FontSet> set;
  int song = 0, kai = 0, hei = 0;
};

inline const Fonts& fonts() {
  static const Fonts f = [] {
    const auto ctx = test::context();
    const auto map = model::load_font_map(ctx);
    Fonts out;
    out.set = text::FontSet::load(map, ctx);
    out.song = out.set->face(text::Role::Song, false);
    out.kai = out.set->face(text::Role::Kai, false);
    out.hei = out.set->face(text::Role::Hei, false);
    return out;
  }();
  return f;
}

inline Len em(double pt) { return base::from_pt(pt); }

inline text::ShapedText shape(const std::string& s, double pt = 9, int face = -1, const text::ShapeOptions& opt = {}) {
  base::Diagnostics diag;
  const int f = face < 0 ? fonts().song : face;
  return text::shape(*fonts().set, s, {{0, static_cast<std::uint32_t>(s.size()), f, base::from_pt(pt), 0}}, diag, opt);
}

inline compose::ParaStyle style(int indent_em1000 = 0, compose::Align align = compose::Align::Justify) {
  compose::ParaStyle st;
  st.indent_em1000 = indent_em1000;
  st.align = align;
  return st;
}

inline compose::Paragraph para(const std::string& s, compose::ParaStyle st = style(), double pt = 9, int face = -1) {
  return compose::Paragraph(*fonts().set, shape(s, pt, face), st);
}

// Body text as the bundled layouts set it: half-width digits and hanging punctuation.
inline compose::Paragraph body_para(const std::string& s, compose::ParaStyle st, double pt) {
  text::ShapeOptions opt;
  opt.half_width_digits = true;
  st.hanging_punct = true;
  return compose::Paragraph(*fonts().set, shape(s, pt, -1, opt), st);
}

inline std::string line_text(const compose::Line& l) {
  std::string t;
  for (const auto& seg : l.segments) t += seg.text;
  return t;
}

// The lines of a paragraph at `measure_em` ems of `pt`, joined by '|'.
inline std::string layout(const compose::Paragraph& p, double measure_em, double pt = 9) {
  std::string out;
  for (const auto& l : p.lines(base::from_pt(measure_em * pt))) out += (out.empty() ? "" : "|") + line_text(l);
  return out;
}

inline std::u32string u32(const std::string& s) { return base::to_u32(s); }

// x of the n-th glyph of a line, over all segments.
inline Len glyph_x(const compose::Line& l, std::size_t n) {
  for (const auto& seg : l.segments) {
    if (n < seg.glyphs.size()) return seg.glyphs[n].x;
    n -= seg.glyphs.size();
  }
  return -1;
}

inline Len sum_adjust(const compose::Line& l, const std::string& why) {
  Len t = 0;
  for (const auto& a : l.adjustments)
    if (a.why == why) t += a.delta;
  return t;
}

}  // namespace ct
