// The composer's interface for flow: a paragraph is analysed once; lines are pulled one
// at a time at whatever measure the current column or wrap gives (docs/architecture.md).
#include <algorithm>

#include "compose/para_impl.h"

namespace compose {

Paragraph::Paragraph(const text::FontSet& fonts, text::ShapedText shaped, ParaStyle style)
    : impl_(std::make_unique<Impl>()) {
  impl_->fonts = &fonts;
  impl_->shaped = std::move(shaped);
  impl_->style = style;
  impl_->analyze();
}

Paragraph::~Paragraph() = default;
Paragraph::Paragraph(Paragraph&&) noexcept = default;
Paragraph& Paragraph::operator=(Paragraph&&) noexcept = default;

bool Paragraph::done(const Cursor& c) const { return impl_->atom_at(c.pos) >= impl_->vis_end; }

const text::ShapedText& Paragraph::shaped() const { return impl_->shaped; }

Line Paragraph::next_line(Cursor& c, Len measure) const {
  const Impl& p = *impl_;
  const std::uint32_t text_end = static_cast<std::uint32_t>(p.shaped.text.size());
  std::size_t s = p.atom_at(c.pos);
  while (s < p.vis_end && p.atoms[s].kind == Kind::Space) ++s;  // dropped at a line start
  const bool first = c.line_index == 0;
  Line line;
  if (s >= p.vis_end) {  // nothing visible is left
    line.measure = measure;
    line.last = true;
    line.break_reason = "end";
    line.max_glyph_size = p.em;
  } else {
    const Choice ch = p.avoid_orphan(s, measure, first, p.choose(s, measure, first));
    line = p.set_line(s, ch, measure, first);
    line.end = line.last || ch.b >= p.atoms.size() ? text_end : p.atoms[ch.b].start;
  }
  if (s >= p.vis_end) line.end = text_end;
  line.start = std::min(c.pos, text_end);
  c.pos = line.end;
  ++c.line_index;
  return line;
}

std::vector<Line> Paragraph::lines(Len measure) const {
  std::vector<Line> out;
  Cursor c;
  while (!done(c)) out.push_back(next_line(c, measure));
  return out;
}

}  // namespace compose
