// Vertical text in the PDF (docs/print.md "Vertical text").
// * Upright glyphs are shown with a second Type 0 font over the same CIDFont, encoded
//   Identity-V (writing mode 1, ISO 32000-1 §9.7.4.3): each glyph is placed by its vertical
//   origin and advances down the page by its vertical displacement, both from /DW2 and
//   /W2, which carry the source face's vmtx and VORG (text::ProgramGlyph). Viewers and
//   extractors then know the text is vertical.
// * Turned glyphs (Latin in a vertical line) use the horizontal font under a text matrix
//   turned 90° clockwise, [0 -1 1 0 x y]; a condensed 纵中横 number one scaled in x.
// * Positions are exact: one Tm where a line starts or moves across, then TJ adjustments
//   along the line computed from the numbers written in /W and /W2 (as content.cpp does for
//   horizontal text), so nothing accumulates.
#include "pdf/vertical.h"

#include <cmath>
#include <map>
#include <optional>

#include "pdf/util.h"

namespace pdf {

namespace {

double r3(double v) { return std::round(v * 1000.0) / 1000.0; }

}  // namespace

EmbeddedFont::VMetrics EmbeddedFont::vmetrics(std::uint32_t gid) const {
  const text::ProgramGlyph* g = program.find(gid);
  if (!g) return {};
  const double k = 1000.0 / program.upem;
  return {r3(-g->v_advance * k), r3(g->v_origin_x * k), r3(g->v_origin_y * k)};
}

// /DW2 [vy w1] is the commonest pair among the glyphs whose vx is half their width (the
// default PDF assumes); /W2 lists every other glyph as `c [w1 vx vy …]`, consecutive CIDs
// in one array.
std::string vertical_metrics(const EmbeddedFont& f) {
  std::map<std::pair<double, double>, int> count;
  for (const auto& g : f.program.glyphs) {
    const auto m = f.vmetrics(g.gid);
    if (m.vx == r3(f.width_1000(g.gid) / 2)) ++count[{m.vy, m.w1}];
  }
  std::pair<double, double> dw{880, -1000};
  int best = 0;
  for (const auto& [k, n] : count)
    if (n > best) best = n, dw = k;
  std::vector<std::pair<std::uint32_t, EmbeddedFont::VMetrics>> w2;
  for (const auto& g : f.program.glyphs) {
    const auto m = f.vmetrics(g.gid);
    if (m.vx != r3(f.width_1000(g.gid) / 2) || m.vy != dw.first || m.w1 != dw.second) w2.emplace_back(g.code, m);
  }
  std::sort(w2.begin(), w2.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::string s = "/DW2 [" + num(dw.first) + " " + num(dw.second) + "] /W2 [";
  for (std::size_t i = 0; i < w2.size();) {
    std::size_t j = i + 1;
    while (j < w2.size() && w2[j].first == w2[j - 1].first + 1) ++j;
    s += std::to_string(w2[i].first) + " [";
    for (std::size_t k = i; k < j; ++k)
      s += (k > i ? " " : "") + num(w2[k].second.w1) + " " + num(w2[k].second.vx) + " " + num(w2[k].second.vy);
    s += "]";
    i = j;
  }
  return s + "]";
}

namespace {

using base::Len;
using Orient = frame::GlyphRun::Orient;

// The pen of one text object, along the axis the glyphs advance on. `along` grows in the
// direction of writing (down the page for Upright and Rotated, right for Scaled);
// `across` is the other PDF coordinate; a change across starts a new Tm.
class AxisLine {
 public:
  AxisLine(std::string& s, Orient o, double size, double k) : s_(s), o_(o), size_(size), k_(k) {}

  // (x, y): the glyph's text position in PDF user space (pt, millipoints exact).
  void glyph(Len x, Len y, std::uint32_t code, double advance_1000) {
    const bool down = o_ != Orient::Horizontal;
    const double along = down ? -static_cast<double>(y) / 1000.0 : static_cast<double>(x) / 1000.0;
    const Len across = down ? x : y;
    if (!across_ || *across_ != across) start(x, y, along, across);
    if (!open_) s_ += '[', open_ = true;
    // Upright (writing mode 1): a TJ number moves the pen down; else back along x.
    const double adj = o_ == Orient::Upright ? std::round((along - pen_) * 1000.0 / size_ * 100.0) / 100.0
                                             : std::round((pen_ - along) * 1000.0 / (size_ * k_) * 100.0) / 100.0;
    if (adj != 0.0) {
      if (hex_) s_ += '>', hex_ = false;
      append_num(s_, adj, 2);
      pen_ += o_ == Orient::Upright ? adj * size_ / 1000.0 : -adj * size_ * k_ / 1000.0;
    }
    if (!hex_) s_ += '<', hex_ = true;
    append_hex4(s_, code);
    pen_ += advance_1000 * size_ * k_ / 1000.0;
  }
  void close() {
    if (hex_) s_ += '>', hex_ = false;
    if (open_) s_ += "] TJ\n", open_ = false;
  }

 private:
  void start(Len x, Len y, double along, Len across) {
    close();
    if (o_ == Orient::Rotated) s_ += "0 -1 1 0 ";  // text x runs down the page, glyph tops face right
    else if (o_ == Orient::Upright) s_ += "1 0 0 1 ";
    else append_num(s_, k_, 3), s_ += " 0 0 1 ";    // condensed in x (纵中横)
    append_len(s_, x);
    s_ += ' ';
    append_len(s_, y);
    s_ += " Tm\n";
    across_ = across;
    pen_ = along;
  }

  std::string& s_;
  Orient o_;
  double size_, k_;
  std::optional<Len> across_;
  double pen_ = 0;
  bool open_ = false, hex_ = false;
};

}  // namespace

void show_turned_run(std::string& s, const frame::GlyphRun& r, const EmbeddedFont& f, Len off, Len top,
                     bool in_line_span) {
  const bool upright = r.orient == Orient::Upright;
  s += "BT\n/" + std::string(upright ? "V" : "F") + std::to_string(r.face) + " ";
  append_len(s, r.size);
  s += " Tf\n";
  const double size = static_cast<double>(r.size) / 1000.0;
  AxisLine line(s, r.orient, size, r.orient == Orient::Rotated ? 1.0 : r.hscale / 1000.0);
  auto show = [&](std::size_t i) {
    const frame::Glyph& g = r.glyphs[i];
    if (!upright) return line.glyph(off + g.x, top - g.y, f.code(g.gid), f.width_1000(g.gid));
    // Identity-V: the text position is the glyph's vertical origin, v = (vx, vy) from its
    // horizontal origin (ISO 32000-1 §9.7.4.3).
    const auto m = f.vmetrics(g.gid);
    line.glyph(off + g.x + std::llround(m.vx * static_cast<double>(r.size) / 1000.0),
               top - g.y + std::llround(m.vy * static_cast<double>(r.size) / 1000.0), f.code(g.gid), -m.w1);
  };
  std::size_t byte = 0, g = 0;
  for (const auto& [bytes, count] : r.clusters) {
    const std::string chars = r.text.substr(std::min(byte, r.text.size()), static_cast<std::size_t>(bytes));
    const std::size_t end = std::min(r.glyphs.size(), g + static_cast<std::size_t>(count));
    auto mapped = count == 1 && g < end ? f.text_of.find(r.glyphs[g].gid) : f.text_of.end();
    const bool span = !in_line_span && g < end && !(mapped != f.text_of.end() && mapped->second == chars);
    if (span) line.close(), s += "/Span <</ActualText <FEFF" + utf16_hex(chars) + ">>> BDC\n";
    for (; g < end; ++g) show(g);
    if (span) line.close(), s += "EMC\n";
    byte += static_cast<std::size_t>(bytes);
  }
  for (; g < r.glyphs.size(); ++g) show(g);
  line.close();
  s += "ET\n";
}

}  // namespace pdf
