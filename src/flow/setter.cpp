#include "flow/setter.h"

#include "text/shape.h"

namespace flow {

Setter::Setter(const model::Layout& layout, const text::FontSet& fonts, base::Diagnostics& diag)
    : layout_(layout), fonts_(fonts), diag_(diag) {}

// <i> is CJK emphasis: Kai for Han text (docs/format.md); <b> the bold weight of the role.
int Setter::face_for(const model::Style& s, bool bold, bool italic) const {
  const text::Role role = italic && fonts_.has_role(text::Role::Kai) ? text::Role::Kai : s.font;
  return fonts_.face(role, s.bold || bold);
}

int Setter::tag_for(const model::Cmyk& c) const {
  for (size_t i = 0; i < inks_.size(); ++i)
    if (inks_[i] == c) return static_cast<int>(i);
  inks_.push_back(c);
  return static_cast<int>(inks_.size() - 1);
}

static compose::ParaStyle para_style(const model::Style& s, bool indent) {
  compose::ParaStyle p;
  switch (s.align) {
    case model::Align::Justify: p.align = compose::Align::Justify; break;
    case model::Align::Left: p.align = compose::Align::Left; break;
    case model::Align::Center: p.align = compose::Align::Center; break;
    case model::Align::Right: p.align = compose::Align::Right; break;
  }
  p.indent_em1000 = indent ? s.indent_em1000 : 0;
  p.han_latin_em1000 = s.han_latin_em1000;
  p.han_latin_min_em1000 = s.han_latin_min_em1000;
  p.han_latin_max_em1000 = s.han_latin_max_em1000;
  p.space_em1000 = s.space_em1000;
  p.hanging_punct = s.hanging_punct;
  p.half_open_at_start = s.half_open_at_start;
  p.keep_dates = s.keep_dates;
  return p;
}

compose::Paragraph Setter::paragraph(const model::TextBlock& block, const std::string& context, int page,
                                     bool indent, Len size, bool head, bool vertical, bool hang) const {
  const model::Style& base_style = layout_.style(block.style, block.loc);
  std::string text;
  std::vector<text::Span> spans;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> datelines;
  for (const auto& in : block.content) {
    const model::Style& st = in.style.empty() ? base_style : layout_.style(in.style, block.loc);
    const std::string piece = in.br ? std::string("\n") : in.text;
    if (piece.empty()) continue;
    const auto start = static_cast<std::uint32_t>(text.size());
    text += piece;
    const Len sz = size > 0 && (in.style.empty() || st.size == base_style.size) ? size : st.size;
    spans.push_back({start, static_cast<std::uint32_t>(text.size()), face_for(st, in.bold, in.italic), sz,
                     tag_for(st.color)});
    if (in.dateline) datelines.emplace_back(start, static_cast<std::uint32_t>(text.size()));
  }
  text::ShapeOptions opt;
  opt.context = context;
  opt.page = page;
  opt.vertical = vertical;  // docs/composer.md "Vertical text"
  opt.tcy_digits = base_style.tcy_digits;
  opt.corner_quotes = base_style.corner_quotes;
  opt.half_width_digits = base_style.half_width_digits;
  // Headlines are shaped at several sizes and widths before one is chosen: report each
  // finding (e.g. a missing glyph) once.
  base::Diagnostics found;
  auto shaped = text::shape(fonts_, std::move(text), spans, found, opt);
  for (const auto& f : found.findings())
    if (reported_.insert(f.code + '\n' + f.message + '\n' + f.article + '\n' + std::to_string(f.page)).second)
      diag_.add(f);
  compose::ParaStyle ps = para_style(base_style, indent);
  ps.datelines = std::move(datelines);
  ps.head = head;
  ps.hanging_punct = ps.hanging_punct && hang;
  if (vertical) ps.direction = compose::Direction::Vertical;
  return compose::Paragraph(fonts_, std::move(shaped), std::move(ps));
}

compose::Paragraph Setter::plain(const std::string& text, const std::string& style, const std::string& context,
                                 int page, bool indent, Len size, bool vertical) const {
  model::TextBlock b;
  b.style = style;
  b.content.push_back({text, false, false, false, {}});
  return paragraph(b, context, page, indent, size, false, vertical);
}

int Setter::rows_per_line(const model::Style& s) const {
  if (s.grid_lines > 0) return s.grid_lines;
  // Body text sits one line per grid line; larger type takes the smallest whole number
  // of grid lines that holds its leading (default 1.2 × size).
  const Len leading = s.leading > 0 ? s.leading : (s.size * 6 + 4) / 5;
  const Len pitch = layout_.pitch;
  return std::max<int>(1, static_cast<int>((leading + pitch - 1) / pitch));
}

Len Setter::baseline(Len top, int rows, Len size) const {
  return baseline_at_centre(top + rows * layout_.pitch / 2, size);
}

// Lines are placed on the ideographic em box (docs/typography.md "The character grid"): the
// box runs from ideo_top above the baseline to ideo_bottom below it; its centre goes on
// `centre`. The body font's box is used for every line so that lines of one size share
// their baseline whatever their face.
Len Setter::baseline_at_centre(Len centre, Len size) const {
  const text::FaceInfo& f = fonts_.info(fonts_.face(text::Role::Song, false));
  return centre - size / 2 + base::scale_units(f.ideo_top, size, f.upem);
}

void Setter::place(frame::Page& page, const compose::Paragraph& para, const compose::Line& line, Len x,
                   Len baseline, const std::string& id, const std::string& role, int scale1000) const {
  if (dump_) *dump_ += compose::dump_line(para, line) + "\n";
  if (line.loose) report_loose(line, id, page.number, role);
  add(page, line, x, baseline, id, "line", role, scale1000);
}

// A loose line (docs/composer.md "Loose lines"): no choice of breaks kept it within
// 0.10 em per gap. Reported by article, with the line, so the desk can edit the text.
void Setter::report_loose(const compose::Line& line, const std::string& id, int page, const std::string& role) const {
  std::string text;
  for (const auto& seg : line.segments) text += seg.text;
  const int e = line.stretch_em1000;
  const std::string how = line.gap_stretch > 0 ? "stretched " + std::to_string(e / 1000) + "." +
                                                     std::to_string(1000 + e % 1000).substr(1, 2) + " em per gap"
                                               : "left short (set flush left, never letter-spaced)";
  diag_.warn("loose-line",
             "a " + role + " line is " + how + ": \"" + text + "\"; no choice of line breaks avoids it — " +
                 "reword the sentence or change the column width",
             {}, id, page);
}

void Setter::place_mark(frame::Page& page, const compose::Line& line, Len x, Len baseline, const std::string& id,
                        const std::string& role) const {
  add(page, line, x, baseline, id, role, role);
}

void Setter::add(frame::Page& page, const compose::Line& line, Len x, Len baseline, const std::string& id,
                 const std::string& kind, const std::string& role, int scale1000) const {
  const auto scaled = [scale1000](Len v) { return (v * scale1000 + (v >= 0 ? 500 : -500)) / 1000; };
  std::string chars;
  for (const auto& seg : line.segments) {
    frame::GlyphRun run;
    run.face = seg.face;
    run.size = seg.size;
    run.color = inks_.at(static_cast<size_t>(seg.tag));
    run.glyphs.reserve(seg.glyphs.size());
    for (const auto& g : seg.glyphs) run.glyphs.push_back({g.gid, x + scaled(g.x), baseline + g.y});
    run.text = seg.text;
    run.clusters = seg.clusters;
    chars += seg.text;
    if (!run.glyphs.empty()) page.add(std::move(run));
  }
  const Len size = line.max_glyph_size;
  const text::FaceInfo& f = fonts_.info(fonts_.face(text::Role::Song, false));
  frame::Box box;
  box.kind = kind;
  box.id = id;
  box.x = x + scaled(line.indent);
  box.w = scaled(line.width - line.hang) - scaled(line.indent);
  box.hang = scaled(line.hang);
  box.y = baseline - base::scale_units(f.ideo_top, size, f.upem);
  box.h = size;
  box.baseline = baseline;
  box.text = std::move(chars);
  box.role = role;
  box.hyphenated = line.hyphenated;
  box.loose = line.loose;
  for (const auto& a : line.adjustments) box.compressed += a.why == "pair-compress";
  page.boxes.push_back(std::move(box));
}

}  // namespace flow
