#pragma once
// A layout: page size, margins, grid and named styles (layouts/NAME.xml).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/context.h"
#include "base/pdfx.h"
#include "model/style.h"

namespace model {

struct GridRect {
  int col = 0, cols = 0, row = 0, rows = 0;  // 1-based grid units
  bool empty() const { return cols <= 0 || rows <= 0; }
  bool overlaps(const GridRect& o) const {
    return col < o.col + o.cols && o.col < col + cols && row < o.row + o.rows && o.row < row + rows;
  }
  bool contains(const GridRect& o) const {
    return o.col >= col && o.col + o.cols <= col + cols && o.row >= row && o.row + o.rows <= row + rows;
  }
};

struct Box {
  Len x = 0, y = 0, w = 0, h = 0;  // millipoints, origin top-left of the trim box, y down
};

// A line style (线型) for box frames and rules between blocks (docs/format.md "<stroke>").
// `weight` is the width of one line (solid, dashed, double, thick-thin), the diameter of
// a dot (dotted) or the height of the band (ornament, 花边); band() is the width of the
// whole band the stroke takes across its line.
struct Stroke {
  enum class Type { Solid, Double, ThickThin, Dotted, Dashed, Ornament };
  std::string name;
  Type type = Type::Solid;
  Len weight = base::from_pt(0.5);
  Len gap = 0;          // between the lines of double / thick-thin, between dots and dashes
  std::string pattern;  // ornament: a name of the pattern library (flow/ornaments.h)
  Cmyk color;
  base::Loc loc;
  Len band() const {
    switch (type) {
      case Type::Double: return 2 * weight + gap;
      case Type::ThickThin: return 4 * weight + gap;  // the thick line is 3 × weight
      default: return weight;
    }
  }
};

// A box style (docs/format.md "<box>"): the frame drawn round a block, the tint (底纹)
// behind it, the inner padding that keeps its text off the frame, and the gutter between
// its text columns.
struct BoxStyle {
  std::string name;
  std::string frame;        // a stroke name; empty: no frame
  bool sides[4] = {true, true, true, true};  // top, right, bottom, left
  bool has_tint = false;
  Cmyk tint;                // the screen itself (Cmyk::screened applied)
  int pad_rows = 0;         // grid lines of padding at the top and the bottom
  int pad_em1000 = 0;       // padding at the left and right, in 1/1000 body em
  Len gutter = 0;           // between text columns; 0: the layout's gutter
  base::Loc loc;
};

struct Layout {
  std::string name;
  base::Loc loc;
  std::string description;
  Len trim_w = 0, trim_h = 0;  // trimmed page size
  Len bleed = base::from_mm(3);
  Len margin_top = 0, margin_bottom = 0, margin_left = 0, margin_right = 0;
  int columns = 0;
  Len column_width = 0;  // a whole number of body ems (docs/typography.md "The character grid")
  Len gutter = 0;
  int rows = 0;          // grid lines
  Len pitch = 0;         // one grid line = the body leading
  bool crop_marks = true;
  Len marks_length = base::from_mm(5);  // crop mark length, drawn outside the bleed
  int ink_limit_percent = 240;
  std::optional<base::PdfX> pdfx;  // <print pdfx>: the plant's PDF/X standard (--pdfx overrides)
  int ad_tolerance_percent = 3;  // an ad's box may be scaled by at most this to fill its slot
  std::string jump_to = "（下转第{page}版）";    // end of a part that continues elsewhere
  std::string jump_from = "（上接第{page}版）";  // head of a continuation
  bool block_rules = true;                        // rules between blocks
  std::string block_rule_stroke;                  // their stroke; empty: a 0.5 pt black hairline
  std::map<std::string, Stroke> strokes;          // <stroke name=…>
  std::map<std::string, BoxStyle> boxes;          // <box name=…>
  std::map<std::string, Style> styles;            // "body", "headline", … (see layouts/README.md)

  const Style& style(const std::string& name, const base::Loc& used_at = {}) const;
  // A stroke or box by name; an unknown name is an error at `used_at` listing the known ones.
  const Stroke& stroke(const std::string& name, const base::Loc& used_at = {}) const;
  const BoxStyle& box_style(const std::string& name, const base::Loc& used_at = {}) const;
  const Style* find_style(const std::string& name) const;
  // Geometry of the grid, in trim-box coordinates.
  Len col_x(int col) const { return margin_left + (col - 1) * (column_width + gutter); }
  Len row_y(int row) const { return margin_top + (row - 1) * pitch; }
  Box box(const GridRect& r) const {
    return {col_x(r.col), row_y(r.row), r.cols * column_width + (r.cols - 1) * gutter, r.rows * pitch};
  }
  Len body_size() const { return style("body").size; }
};

// The names of the ornament (花边) patterns flow can draw.
const std::vector<std::string>& ornament_patterns();

// name: a layout name in ctx.layouts_dir (without extension) or a path to a file.
// A relative path resolves against the folder of referenced_from.file (the issue).
Layout load_layout(const std::string& name_or_path, const base::Context& ctx, const base::Loc& referenced_from);
// The same from memory (tests); `file` is used in messages and as the default name.
Layout parse_layout(const std::string& xml, const std::string& file, const base::Limits& limits = {});
// Names of the layouts in ctx.layouts_dir (file stems of *.xml), sorted.
std::vector<std::string> layout_names(const base::Context& ctx);

}  // namespace model
