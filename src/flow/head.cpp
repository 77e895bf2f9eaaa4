#include "flow/head.h"

#include <algorithm>

namespace flow {

namespace {

const Len kStep = base::from_pt(0.5);

// The most lines any of the editor's lines (split at <br/>) takes.
int most_lines(const std::vector<compose::Line>& lines) {
  int most = 0, run = 0;
  for (const auto& l : lines) {
    ++run;
    most = std::max(most, run);
    if (l.last || l.break_reason.rfind("forced", 0) == 0) run = 0;
  }
  return most;
}

struct Setting {
  std::shared_ptr<const compose::Paragraph> para;
  std::vector<compose::Line> lines;
  Len size = 0;
  int most = 0;
};

// Display text (head mode) never hangs a mark past its measure, whatever its style says:
// a headline spans its block to the edge and a subhead its column, and the white past
// them is not measured for a mark (as a vertical head's columns never hang one).
Setting set_at(const Setter& s, const model::TextBlock& b, Len measure, Len size, const std::string& id, int page) {
  Setting t;
  t.para = std::make_shared<const compose::Paragraph>(s.paragraph(b, id, page, false, size, true, false, false));
  t.lines = t.para->lines(measure);
  t.size = size;
  t.most = most_lines(t.lines);
  return t;
}

// The size a headline or banner is set at, as a layout desk sizes it (docs/format.md
// "The headline group"): its size for the span; a little smaller (down to 90 %) when that
// keeps each of the editor's lines on one line; otherwise broken between words into
// balanced lines, and set smaller in 0.5 pt steps (down to 3/4) before a line of it takes
// three lines.
Setting fitted(const Setter& s, const model::TextBlock& b, Len measure, Len full, const std::string& id, int page) {
  Setting t = set_at(s, b, measure, full, id, page);
  const bool shrinkable = b.kind == model::TextKind::Headline || b.kind == model::TextKind::Banner ||
                          b.kind == model::TextKind::JumpHead;
  if (!shrinkable || t.most <= 1) return t;
  for (Len size = full - kStep; size >= full * 9 / 10; size -= kStep) {
    Setting u = set_at(s, b, measure, size, id, page);
    if (u.most <= 1) return u;
  }
  if (t.most <= 2) return t;
  Setting best = t;
  for (Len size = full - kStep; size >= full * 3 / 4; size -= kStep) {
    Setting u = set_at(s, b, measure, size, id, page);
    if (u.most < best.most) best = std::move(u);
    if (best.most <= 2) break;
  }
  return best;
}

// Grid lines one line at `size` takes: the style's lines, or the fewest that hold its
// leading (a headline set larger for its span may need more than the style's size does).
int rows_at(const Setter& s, const model::Style& st, Len size) {
  model::Style at = st;
  if (st.grid_lines == 0 && st.leading == 0) at.size = size;
  return s.rows_per_line(at);
}

}  // namespace

std::string role_of(model::TextKind k) {
  static const char* const names[] = {"kicker", "headline", "subtitle", "byline",  "body",
                                      "subhead", "caption", "credit",   "banner", "brief", "jumphead"};
  return names[static_cast<int>(k)];
}

int count_chars(const std::string& text, std::uint32_t from) {
  int n = 0;
  for (std::uint32_t i = from; i < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if ((b & 0xC0) != 0x80 && b != '\n') ++n;
  }
  return n;
}

int line_chars(const compose::Line& l) {
  int n = 0;
  for (const auto& seg : l.segments) n += count_chars(seg.text, 0);
  return n;
}

std::vector<HeadLine> head_lines(const Setter& s, const model::TextBlock& b, Len measure, const std::string& id,
                                 int page, int span) {
  const model::Style& st = s.style(b.style);
  const Len full = span > 0 ? st.size_for_span(span) : st.size;
  const Setting t = fitted(s, b, measure, full, id, page);
  const int rows = rows_at(s, st, t.size);
  std::vector<HeadLine> out;
  for (const auto& l : t.lines) out.push_back({l, rows, t.size, t.para});
  return out;
}

int HeadGroup::rows() const {
  int n = space_after;
  for (const auto& e : elements) {
    n += e.space_before;
    for (const auto& l : e.lines) n += l.rows;
  }
  return n;
}

HeadGroup head_group(const Setter& s, const std::vector<const model::TextBlock*>& blocks, Len measure,
                     const std::string& id, int page, int span) {
  HeadGroup g;
  int title_after = 0;  // largest space-after of kicker / headline / subtitle
  for (const model::TextBlock* b : blocks) {
    const model::Style& st = s.style(b->style);
    HeadGroup::Element e{b, role_of(b->kind), 0, head_lines(s, *b, measure, id, page, span)};
    if (b->kind == model::TextKind::Byline) {
      // After the title lines: their space, or the byline's own if larger.
      e.space_before = g.elements.empty() ? 0 : std::max(title_after, st.space_before_lines);
      title_after = 0;
      g.elements.push_back(std::move(e));
      g.space_after = st.space_after_lines;
      continue;
    }
    title_after = std::max(title_after, st.space_after_lines);
    g.elements.push_back(std::move(e));
    g.space_after = title_after;
  }
  return g;
}

}  // namespace flow
