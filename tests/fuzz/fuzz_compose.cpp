// The composer: random text and measures. The first bytes choose the paragraph style,
// the font, the size and the measures; the rest is the text, made into what the model
// hands the composer (valid UTF-8; no control characters but the line feed of <br/>).
// Besides crashes, a line that does not advance the cursor is a bug (flow would loop).
#include <cstdlib>
#include <vector>

#include "base/utf8.h"
#include "compose/composer.h"
#include "fuzz/fuzz_support.h"
#include "text/shape.h"

namespace {

// What the model lets through (model/xml_scan.cpp, the whitespace rule): tabs and CRs
// have become spaces, controls and noncharacters are refused.
std::string model_text(std::string_view raw) {
  std::string out;
  for (size_t i = 0; i < raw.size() && out.size() < 6000;) {
    int len = 1;
    char32_t c = base::decode_utf8(raw, i, len);
    i += static_cast<size_t>(len);
    if (c == U'\t' || c == U'\r') c = U' ';
    const bool control = (c < 0x20 && c != U'\n') || (c >= 0x7F && c <= 0x9F);
    const bool nonchar = (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE || (c >= 0xD800 && c <= 0xDFFF);
    if (!control && !nonchar && c <= 0x10FFFF) base::append_utf8(out, c);
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 8) return 0;
  const text::FontSet& fonts = fuzz::fonts();
  compose::ParaStyle st;
  st.align = static_cast<compose::Align>(data[0] & 3);
  st.hanging_punct = data[0] & 4;
  st.half_open_at_start = data[0] & 8;
  // The ranges the layout reader allows (model/limits.h): indent 0–20 em, spaces 0–4 em,
  // Han–Latin 0–2 em with min ≤ value ≤ max.
  st.indent_em1000 = data[1] * 20000 / 255;
  st.space_em1000 = (data[2] & 15) * 250;
  st.han_latin_min_em1000 = (data[2] >> 4) * 40;
  st.han_latin_em1000 = st.han_latin_min_em1000 + (data[3] & 15) * 40;
  st.han_latin_max_em1000 = st.han_latin_em1000 + (data[3] >> 4) * 40;
  static const text::Role kRoles[] = {text::Role::Song, text::Role::Hei, text::Role::Kai};
  const int face = fonts.face(kRoles[(data[4] & 3) % 3], data[4] & 4);
  // Sizes 1–1000 pt, skewed to body sizes; measures from a fraction of an em to wide.
  const base::Len em = data[5] < 200 ? base::from_pt(5 + data[5] / 10.0) : base::from_pt((data[5] - 199) * 18.0);
  std::vector<base::Len> measures;
  for (int k = 6; k < 8; ++k) measures.push_back(std::max<base::Len>(1, em * data[k] / 16));

  const std::string text = model_text(std::string_view(reinterpret_cast<const char*>(data) + 8, size - 8));
  if (text.empty()) return 0;
  base::Diagnostics diag;
  text::ShapedText shaped =
      text::shape(fonts, text, {{0, static_cast<std::uint32_t>(text.size()), face, em, 0}}, diag);
  compose::Paragraph para(fonts, std::move(shaped), st);
  compose::Cursor c;
  for (size_t n = 0; !para.done(c); ++n) {
    const std::uint32_t before = c.pos;
    para.next_line(c, measures[n % measures.size()]);
    if (c.pos <= before && !para.done(c)) std::abort();  // no progress: flow would loop
    if (n > text.size() + 2) std::abort();               // more lines than characters
  }
  return 0;
}
