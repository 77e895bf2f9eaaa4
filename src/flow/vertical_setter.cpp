// A composed vertical line onto the page (竖排; docs/format.md "Vertical text"): glyph runs
// that say how their glyphs stand (frame::GlyphRun::orient), the line's text on its first
// run so the PDF gives the column back as one line, and the line box for --dump=pages.
#include "flow/setter.h"

namespace flow {

namespace {

frame::GlyphRun::Orient orient_of(text::Orient o) {
  switch (o) {
    case text::Orient::Upright: return frame::GlyphRun::Orient::Upright;
    case text::Orient::Rotated: return frame::GlyphRun::Orient::Rotated;
    default: return frame::GlyphRun::Orient::Horizontal;  // 纵中横: horizontal glyphs, condensed
  }
}

// A 纵中横 number is one cluster to the composer; each digit is its own character and glyph,
// so each gets its own cluster and the PDF's ToUnicode maps the half-width digit forms.
std::vector<std::pair<int, int>> split_tcy(const compose::Segment& seg) {
  std::vector<std::pair<int, int>> out;
  for (const auto& [bytes, glyphs] : seg.clusters) {
    if (bytes != glyphs || bytes <= 1) {
      out.emplace_back(bytes, glyphs);
      continue;
    }
    for (int i = 0; i < bytes; ++i) out.emplace_back(1, 1);
  }
  return out;
}

}  // namespace

void Setter::place_vertical(frame::Page& page, const compose::Paragraph& para, const compose::Line& line, Len x,
                            Len y_top, const std::string& id, const std::string& role) const {
  if (dump_) *dump_ += compose::dump_line(para, line) + "\n";
  if (line.loose) report_loose(line, id, page.number, role);
  add_vertical(page, line, x, y_top, id, "line", role);
}

void Setter::place_vertical_mark(frame::Page& page, const compose::Line& line, Len x, Len y_top,
                                 const std::string& id, const std::string& role) const {
  add_vertical(page, line, x, y_top, id, role, role);
}

void Setter::add_vertical(frame::Page& page, const compose::Line& line, Len x, Len y_top, const std::string& id,
                          const std::string& kind, const std::string& role) const {
  std::string chars;
  const std::size_t first = page.items.size();
  int runs = 0;
  for (const auto& seg : line.segments) {
    frame::GlyphRun run;
    run.face = seg.face;
    run.size = seg.size;
    run.color = inks_.at(static_cast<size_t>(seg.tag));
    run.orient = orient_of(seg.orient);
    run.hscale = seg.hscale;
    run.glyphs.reserve(seg.glyphs.size());
    for (const auto& g : seg.glyphs) run.glyphs.push_back({g.gid, x + g.x, y_top + g.y});
    run.text = seg.text;
    run.clusters = seg.orient == text::Orient::Tcy ? split_tcy(seg) : seg.clusters;
    chars += seg.text;
    if (run.glyphs.empty()) continue;
    page.add(std::move(run));
    ++runs;
  }
  if (runs > 0) {  // the column reads as one line (docs/print.md "Vertical text")
    auto& head = std::get<frame::GlyphRun>(page.items[first]);
    head.line_text = chars;
    head.line_runs = runs;
  }
  const Len size = line.max_glyph_size;
  frame::Box box;
  box.kind = kind;
  box.id = id;
  box.x = x - size / 2;
  box.w = size;
  box.y = y_top + line.indent;
  box.h = line.width - line.hang - line.indent;  // to the tier's foot; a hung mark below it
  box.hang = line.hang;
  box.vertical = true;
  box.baseline = x;
  box.text = std::move(chars);
  box.role = role;
  box.hyphenated = line.hyphenated;  // the composer's quality, as horizontal lines carry it
  box.loose = line.loose;
  for (const auto& a : line.adjustments) box.compressed += a.why == "pair-compress";
  page.boxes.push_back(std::move(box));
}

}  // namespace flow
