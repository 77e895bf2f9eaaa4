#pragma once
// Named styles and the page grid of a layout (layouts/*.xml). Pure data: model/ never
// sees fonts (docs/architecture.md), so a style names a font *role*, resolved by text/.
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "base/error.h"
#include "base/units.h"

namespace model {

using base::Len;

// Colours are written in CMYK in layouts (docs/print.md "Colour"); components in 1/1000
// (0..1000 = 0..100 %). A named spot colour keeps its name and CMYK alternate.
struct Cmyk {
  std::uint16_t c = 0, m = 0, y = 0, k = 1000;
  std::string spot;  // empty: process colour
  // A spot colour's tint level in 1/1000 (a 20 % screen of the ink is 200); c m y k are
  // then its alternate at 100 %. Process colours carry their level in c m y k: always 1000.
  std::uint16_t tint = 1000;
  bool operator==(const Cmyk&) const = default;
  bool is_black() const { return c == 0 && m == 0 && y == 0 && k == 1000 && spot.empty(); }
  // This colour as a screen of `level` (1/1000): process components scaled, a spot's tint.
  Cmyk screened(int level) const {
    Cmyk out = *this;
    if (!spot.empty()) {
      out.tint = static_cast<std::uint16_t>(tint * level / 1000);
      return out;
    }
    auto f = [level](std::uint16_t v) { return static_cast<std::uint16_t>((v * level + 500) / 1000); };
    out.c = f(c), out.m = f(m), out.y = f(y), out.k = f(k);
    return out;
  }
};

enum class FontRole { Song, Hei, Kai, Fang };
enum class Align { Justify, Left, Center, Right };

struct Style {
  std::string name;
  FontRole font = FontRole::Song;
  bool bold = false;
  Len size = base::from_pt(9);
  // The sizes copyfitting may set this style at (docs/format.md "Copyfitting"); both equal
  // `size` when the style gives no range.
  Len size_min = 0, size_max = 0;
  // Line pitch of a multi-line element; 0 = the layout's grid pitch (body text).
  Len leading = 0;
  // Whole grid lines taken by each line of this element (占行, docs/typography.md "The
  // character grid"); 0 = the smallest whole number of grid lines that holds `leading`.
  int grid_lines = 0;
  Align align = Align::Justify;
  int indent_em1000 = 0;          // first-line indent in 1/1000 em (2000 = 2 em)
  int han_latin_em1000 = 125;     // Han–Latin space: newspaper default 1/8 em
  int han_latin_min_em1000 = 0;   // may shrink to 0 …
  int han_latin_max_em1000 = 250; // … or grow to 1/4 em (docs/typography.md "Spacing")
  int space_em1000 = 500;         // width of a space typed between Han characters
  bool hanging_punct = false;     // off by default (docs/typography.md "Punctuation width")
  bool half_open_at_start = false;
  bool keep_dates = false;        // 1月4日 never split across lines (unless a line would be loose)
  // Size by span (headlines): (from this many columns, size), ascending; empty: `size`.
  std::vector<std::pair<int, Len>> span_sizes;
  // The longest readable line (captions): in 1/1000 em of `size`; 0: no limit. A text
  // set wider is set in columns of the grid (max_measure_columns) or at this measure.
  int max_measure_em1000 = 0;
  bool max_measure_columns = false;
  Len size_for_span(int columns) const {
    Len best = size;
    for (const auto& [from, sz] : span_sizes)
      if (columns >= from) best = sz;
    return best;
  }
  int space_before_lines = 0;     // grid lines of space above (subheads)
  int space_after_lines = 0;
  Cmyk color;                     // default 100 % K
  std::string marker;             // set before each brief of a <briefs> (■, ●); empty: ■
  int tcy_digits = 2;             // vertical text: numbers of up to this many digits as 纵中横
  bool corner_quotes = false;     // “ ” ‘ ’ set as 「 」 『 』
  bool half_width_digits = true;  // 0–9 in the face's half-width forms (半角数字, one em per two)
  base::Loc loc;
};

}  // namespace model
