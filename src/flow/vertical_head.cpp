// The vertical head group (竖题; docs/format.md "Vertical text").
#include "flow/vertical_head.h"

#include <algorithm>

#include "flow/head.h"

namespace flow {

int VerticalHead::pitches() const {
  int n = 0;
  for (const auto& l : lines) n += l.gap_before + l.pitches;
  return n;
}

namespace {

constexpr Len kLong = base::from_pt(100000);  // a column no part reaches: its natural length

// The editor's parts (docs/typography.md "Roles and fonts": a head breaks where the editor
// typed a space or a line break): lines at <br/>, parts at spaces.
std::vector<std::vector<std::string>> parts_of(const model::TextBlock& b) {
  std::vector<std::vector<std::string>> out{{""}};
  for (const auto& in : b.content) {
    if (in.br) {
      out.push_back({""});
      continue;
    }
    for (char ch : in.text) {
      if (ch != ' ') out.back().back() += ch;
      else if (!out.back().back().empty()) out.back().push_back("");
    }
  }
  for (auto& line : out)
    if (!line.empty() && line.back().empty()) line.pop_back();
  return out;
}

bool plain_runs(const model::TextBlock& b) {
  for (const auto& in : b.content)
    if (in.bold || in.italic || !in.style.empty()) return false;
  return true;
}

Len natural(const compose::Paragraph& p) {
  const auto ls = p.lines(kLong);
  return ls.empty() ? 0 : ls.front().width - ls.front().indent;
}

struct Ctx {
  const Setter& s;
  const model::TextBlock& b;
  Len max;
  const std::string& id;
  int page;
  compose::Paragraph para(const std::string& t, Len size) const {
    model::TextBlock part;  // display text (head mode: breaks between words, balanced)
    part.style = b.style;
    part.content.push_back({t, false, false, false, {}});
    return s.paragraph(part, id, page, false, size, true, true, false);  // no mark hung (below)
  }
};

// A headline part longer than the column is set smaller, in 0.5 pt steps down to 3/4 of
// its size, before it is broken (as horizontal heads, flow/head.cpp).
Len fitting_size(const Ctx& c, const std::vector<std::vector<std::string>>& lines) {
  const Len full = c.s.style(c.b.style).size;
  if (c.b.kind != model::TextKind::Headline) return full;
  for (Len size = full; size >= full * 3 / 4; size -= base::from_pt(0.5)) {
    bool ok = true;
    for (const auto& ps : lines)
      for (const auto& part : ps) ok = ok && natural(c.para(part, size)) <= c.max;
    if (ok) return size;
  }
  return full;
}

// A part that still needs several columns is broken by the composer's head mode: the
// fewest columns, between words, centred ones balanced (docs/composer.md "Headlines").
void add_part(VerticalHead& h, const Ctx& c, compose::Paragraph p, int pitches, const std::string& role) {
  auto para = std::make_shared<const compose::Paragraph>(std::move(p));
  const model::Align align = c.s.style(c.b.style).align;
  for (auto& l : para->lines(c.max)) {
    const Len len = l.width - l.indent;
    h.lines.push_back({std::move(l), para, role, pitches, 0, align, len});
  }
}

void add_element(VerticalHead& h, const Ctx& c, const std::string& role) {
  const int pitches = c.s.rows_per_line(c.s.style(c.b.style));
  if (!plain_runs(c.b)) {
    // A head column is placed by its length along its zone: no mark hangs past its foot.
    add_part(h, c, c.s.paragraph(c.b, c.id, c.page, false, 0, true, true, false), pitches, role);
    return;
  }
  const auto lines = parts_of(c.b);
  const Len size = fitting_size(c, lines);
  for (const auto& ps : lines)  // greedy over the parts: as many as fit one column
    for (std::size_t i = 0; i < ps.size();) {
      std::string text = ps[i];
      std::size_t j = i + 1;
      for (; j < ps.size() && natural(c.para(text + " " + ps[j], size)) <= c.max; ++j) text += " " + ps[j];
      add_part(h, c, c.para(text, size), pitches, role);
      i = j;
    }
}

Len along(const VerticalHead::Line& l, Len extent) {
  switch (l.align) {
    case model::Align::Center: return (extent - l.length) / 2;
    case model::Align::Right: return extent - l.length;
    default: return 0;
  }
}

}  // namespace

VerticalHead vertical_head(const Setter& s, const std::vector<const model::TextBlock*>& blocks, Len max_measure,
                           const std::string& id, int page) {
  VerticalHead h;
  for (const model::TextBlock* b : blocks) {
    const Ctx c{s, *b, max_measure, id, page};
    add_element(h, c, role_of(b->kind));
    h.space_after = std::max(h.space_after, s.style(b->style).space_after_lines);
  }
  for (const auto& l : h.lines) h.extent = std::max(h.extent, std::min(l.length, max_measure));
  return h;
}

HeadLost place_vertical_head(const Setter& s, frame::Page* page, const VerticalHead& h, Len right, Len top, Len pitch,
                             int max_pitches, const std::string& id) {
  HeadLost lost;
  int at = 0;
  bool full = false;  // once a line does not fit, the rest of the group is overset
  for (const auto& l : h.lines) {
    at += l.gap_before;
    full = full || at + l.pitches > max_pitches;
    if (full) {
      ++lost.lines, lost.chars += line_chars(l.line);
      continue;
    }
    const Len x = right - at * pitch - l.pitches * pitch / 2;
    if (page) s.place_vertical(*page, *l.para, l.line, x, top + along(l, h.extent) - l.line.indent, id, l.role);
    at += l.pitches;
  }
  return lost;
}

}  // namespace flow
