// A page's content stream (ISO 32000-1 §8, §9), written from the frame items in drawing
// order, which is also reading order: the text comes back from the PDF story by story.
// * Colour as the layout gives it: `c m y k k|K` for process colours, `/CSn cs 1 scn` for a
//   spot colour (a Separation with its CMYK alternate). Never RGB, never grey for text.
// * 100 % K black overprints (OP/op true, OPM 1, docs/print.md "Overprint"); every other
//   colour, and every photo, knocks out. The graphics state is set only where it changes.
// * Text: one BT … ET per glyph run; glyphs are placed exactly where flow put them, with
//   TJ adjustments computed from the widths written in /W. A cluster whose characters the
//   ToUnicode CMap cannot give back (several glyphs, or a glyph that already maps to other
//   characters) is wrapped in an ActualText span (ISO 32000-1 §14.9.4).
#include <cmath>
#include <optional>
#include <variant>

#include "pdf/content.h"
#include "pdf/forms.h"
#include "pdf/util.h"
#include "pdf/vertical.h"

namespace pdf {

namespace {

using base::Len;

class Writer {
 public:
  Writer(const frame::Page& p, const Resources& res, PageNames& names)
      : res_(res), names_(names), off_(p.bleed + p.marks), top_(p.bleed + p.marks + p.trim_h) {}

  void operator()(const frame::GlyphRun& r);
  void operator()(const frame::Rule& r);
  void operator()(const frame::Fill& f);
  void operator()(const frame::Image& i);
  void operator()(const frame::Tint& t);
  void operator()(const frame::Path& p);
  void operator()(const frame::Placed& p);
  void operator()(const frame::Placeholder&) {}  // proofs only: nothing prints in an empty slot
  std::string take() { return std::move(s_); }

 private:
  // Page coordinates (y down from the trim's top-left) → PDF user space (y up, origin at
  // the MediaBox's lower-left corner).
  void x(Len v) { append_len(s_, off_ + v); }
  void y(Len v) { append_len(s_, top_ - v); }
  void sp() { s_ += ' '; }
  void colour(const frame::Cmyk& c, bool stroke);
  void line_width(Len w);
  void overprint(bool on);
  void glyphs(const frame::GlyphRun& r, const EmbeddedFont& f);

  const Resources& res_;
  PageNames& names_;
  Len off_, top_;
  std::string s_;
  std::optional<frame::Cmyk> fill_, stroke_;
  std::optional<bool> overprint_;
  Len line_width_ = 1000;  // PDF's initial line width is 1 pt
  int line_runs_left_ = 0;  // runs of the open line span (GlyphRun::line_runs)
};

void Writer::colour(const frame::Cmyk& c, bool stroke) {
  std::optional<frame::Cmyk>& now = stroke ? stroke_ : fill_;
  if (now && *now == c) return;
  now = c;
  if (!c.spot.empty()) {
    const std::size_t k = res_.spot_index(c);
    names_.spots.insert(k);
    s_ += "/CS" + std::to_string(k) + (stroke ? " CS " : " cs ");
    append_len(s_, c.tint);  // the screen of the ink: 1000 = solid
    s_ += stroke ? " SCN\n" : " scn\n";
    return;
  }
  for (int v : {c.c, c.m, c.y, c.k}) {
    append_len(s_, v);  // thousandths → 0..1, exact
    sp();
  }
  s_ += stroke ? "K\n" : "k\n";
}

void Writer::overprint(bool on) {
  if (overprint_ == on) return;
  overprint_ = on;
  (on ? names_.overprint : names_.knockout) = true;
  s_ += on ? "/GSop gs\n" : "/GSko gs\n";
}

void Writer::line_width(Len w) {
  if (w == line_width_) return;
  line_width_ = w;
  append_len(s_, w);
  s_ += " w\n";
}

void Writer::operator()(const frame::Rule& r) {
  colour(r.color, true);
  overprint(r.color.is_black());
  line_width(r.width);
  x(r.x0), sp(), y(r.y0), s_ += " m ";
  x(r.x1), sp(), y(r.y1), s_ += " l S\n";
}

void Writer::operator()(const frame::Fill& f) {
  colour(f.color, false);
  overprint(f.color.is_black());
  x(f.x), sp(), y(f.y + f.h), sp(), append_len(s_, f.w), sp(), append_len(s_, f.h), s_ += " re f\n";
}

// A tint (底纹) knocks out what is under it, black or not (frame.h): black type drawn
// over it overprints it instead.
void Writer::operator()(const frame::Tint& t) {
  colour(t.color, false);
  overprint(false);
  x(t.x), sp(), y(t.y + t.h), sp(), append_len(s_, t.w), sp(), append_len(s_, t.h), s_ += " re f\n";
}

// Subpaths of lines and Béziers: filled (nonzero winding) or stroked with butt caps and
// miter joins, PDF's defaults, which the page never changes.
void Writer::operator()(const frame::Path& p) {
  const bool stroke = p.stroke > 0;
  colour(p.color, stroke);
  overprint(p.color.is_black());
  if (stroke) line_width(p.stroke);
  std::size_t k = 0;
  auto point = [&] {
    x(p.pts[k].x), sp(), y(p.pts[k].y), sp();
    ++k;
  };
  for (const auto op : p.ops) {
    if (k + (op == frame::Path::Op::Curve ? 3 : op == frame::Path::Op::Close ? 0 : 1) > p.pts.size()) break;
    switch (op) {
      case frame::Path::Op::Move: point(), s_ += "m\n"; break;
      case frame::Path::Op::Line: point(), s_ += "l\n"; break;
      case frame::Path::Op::Curve: point(), point(), point(), s_ += "c\n"; break;
      case frame::Path::Op::Close: s_ += "h\n"; break;
    }
  }
  s_ += stroke ? "S\n" : "f\n";
}

// The whole image is placed at img_*; the visible box clips it when flow cropped it. The
// matrix turns the stored samples upright (frame::image_matrix), so a JPEG passes
// through unchanged whatever its EXIF orientation.
void Writer::operator()(const frame::Image& img) {
  const std::size_t k = res_.image_of.at(img.path);
  names_.images.insert(k);
  if (!res_.images[k].smask_flate.empty()) names_.transparency = true;
  overprint(false);  // a photo always knocks out (op would keep the plates under white)
  s_ += "q\n";
  if (img.x != img.img_x || img.y != img.img_y || img.w != img.img_w || img.h != img.img_h) {
    x(img.x), sp(), y(img.y + img.h), sp(), append_len(s_, img.w), sp(), append_len(s_, img.h), s_ += " re W n\n";
  }
  // Image space (p, q), q up, is the stored image with u = p, v = 1 − q; PDF y = top − y.
  const frame::ImageMatrix m = frame::image_matrix(img);
  append_len(s_, m.a), sp(), append_len(s_, -m.b), sp(), append_len(s_, -m.c), sp(), append_len(s_, m.d), sp();
  x(m.c + m.e), sp(), y(m.d + m.f), s_ += " cm /Im" + std::to_string(k) + " Do\nQ\n";
}

// A placed page: drawn with the default graphics state as to overprint (its own ExtGStates
// decide; black text of ours before it must not make it overprint), clipped to its box.
void Writer::operator()(const frame::Placed& p) {
  const std::size_t k = res_.form_of.at({p.path, p.page});
  names_.forms.insert(k);
  if (res_.forms[k].transparency) names_.transparency = true;
  overprint(false);
  s_ += "q\n";
  x(p.x), sp(), y(p.y + p.h), sp(), append_len(s_, p.w), sp(), append_len(s_, p.h), s_ += " re W n\n";
  const auto m = form_matrix(res_.forms[k].info, base::to_pt(off_ + p.x), base::to_pt(top_ - p.y - p.h), base::to_pt(p.w),
                             base::to_pt(p.h));
  for (double v : m) append_num(s_, v, 4), sp();
  s_ += "cm /Fm" + std::to_string(k) + " Do\nQ\n";
  fill_.reset(), stroke_.reset();  // a form's colours are its own; set ours again after it
}

void Writer::operator()(const frame::GlyphRun& r) {
  // A line read as one (a vertical column, docs/print.md "Vertical text"): one ActualText
  // span over its runs, so extractors give back the column as a line in reading order.
  if (r.line_runs > 0 && line_runs_left_ == 0) {
    s_ += "/Span <</ActualText <FEFF" + utf16_hex(r.line_text) + ">>> BDC\n";
    line_runs_left_ = r.line_runs;
  }
  if (!r.glyphs.empty()) {
    const EmbeddedFont& f = res_.font(r.face);
    (r.orient == frame::GlyphRun::Orient::Upright ? names_.vertical_fonts : names_.fonts).insert(r.face);
    colour(r.color, false);
    overprint(r.color.is_black());
    if (turned_run(r)) {
      show_turned_run(s_, r, f, off_, top_, line_runs_left_ > 0);
    } else {
      s_ += "BT\n/F" + std::to_string(r.face) + " ";
      append_len(s_, r.size);
      s_ += " Tf\n";
      glyphs(r, f);
      s_ += "ET\n";
    }
  }
  if (line_runs_left_ > 0 && --line_runs_left_ == 0) s_ += "EMC\n";
}

// Text showing with exact positions. `pen` follows the position a viewer computes (x in
// pt), so each adjustment corrects what rounding left over and nothing accumulates.
class TextLine {
 public:
  TextLine(std::string& s, double size) : s_(s), size_(size) {}
  void glyph(Len x_pt1000, Len y_pt1000, std::uint32_t code, double width) {
    const double x = static_cast<double>(x_pt1000) / 1000.0;
    if (!line_ || *line_ != y_pt1000) {
      close();
      s_ += "1 0 0 1 ";
      append_len(s_, x_pt1000);
      s_ += ' ';
      append_len(s_, y_pt1000);
      s_ += " Tm\n";
      line_ = y_pt1000;
      pen_ = x;
    }
    if (!open_) s_ += '[', open_ = true;
    const double adj = std::round((pen_ - x) * 1000.0 / size_ * 100.0) / 100.0;
    if (adj != 0.0) {
      if (hex_) s_ += '>', hex_ = false;
      append_num(s_, adj, 2);
      pen_ -= adj * size_ / 1000.0;
    }
    if (!hex_) s_ += '<', hex_ = true;
    append_hex4(s_, code);
    pen_ += width * size_ / 1000.0;
  }
  void close() {
    if (hex_) s_ += '>', hex_ = false;
    if (open_) s_ += "] TJ\n", open_ = false;
  }

 private:
  std::string& s_;
  double size_;
  std::optional<Len> line_;
  double pen_ = 0;
  bool open_ = false, hex_ = false;
};

void Writer::glyphs(const frame::GlyphRun& r, const EmbeddedFont& f) {
  TextLine line(s_, static_cast<double>(r.size) / 1000.0);
  std::size_t byte = 0, g = 0;
  auto show = [&](std::size_t i) {
    const frame::Glyph& gl = r.glyphs[i];
    line.glyph(off_ + gl.x, top_ - gl.y, f.code(gl.gid), f.width_1000(gl.gid));
  };
  for (const auto& [bytes, count] : r.clusters) {
    const std::string chars = r.text.substr(std::min(byte, r.text.size()), static_cast<std::size_t>(bytes));
    const std::size_t end = std::min(r.glyphs.size(), g + static_cast<std::size_t>(count));
    auto mapped = count == 1 && g < end ? f.text_of.find(r.glyphs[g].gid) : f.text_of.end();
    const bool span = line_runs_left_ == 0 && g < end && !(mapped != f.text_of.end() && mapped->second == chars);
    if (span) {
      line.close();
      s_ += "/Span <</ActualText <FEFF" + utf16_hex(chars) + ">>> BDC\n";
    }
    for (; g < end; ++g) show(g);
    if (span) {
      line.close();
      s_ += "EMC\n";
    }
    byte += static_cast<std::size_t>(bytes);
  }
  for (; g < r.glyphs.size(); ++g) show(g);  // glyphs no cluster names (none from flow)
  line.close();
}

}  // namespace

std::string page_content(const frame::Page& page, const Resources& res, PageNames& names) {
  Writer w(page, res, names);
  for (const auto& item : page.items) std::visit(w, item);
  return "q\n" + w.take() + "Q\n";
}

}  // namespace pdf
