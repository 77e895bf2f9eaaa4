#include "flow/head.h"

#include <algorithm>

namespace flow {

namespace {

// Editor's parts: the text split at <br/> into forced lines, each split at typed spaces.
std::vector<std::vector<std::string>> parts(const model::TextBlock& b) {
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

bool fits_one_line(const Setter& s, const std::string& text, const model::TextBlock& b, Len measure, Len size,
                   const std::string& id, int page) {
  return s.plain(text, b.style, id, page, false, size).lines(measure).size() <= 1;
}

// A headline part too long for the measure is first set smaller, in 0.5 pt steps down to
// 3/4 of the style's size, as a layout desk would, before it is broken inside a part.
Len fitting_size(const Setter& s, const std::vector<std::vector<std::string>>& lines, const model::TextBlock& b,
                 Len measure, const std::string& id, int page) {
  const Len full = s.style(b.style).size;
  const bool shrinkable = b.kind == model::TextKind::Headline || b.kind == model::TextKind::Banner;
  if (!shrinkable) return full;
  for (Len size = full; size >= full * 3 / 4; size -= base::from_pt(0.5)) {
    bool ok = true;
    for (const auto& ps : lines)
      for (const auto& part : ps) ok = ok && fits_one_line(s, part, b, measure, size, id, page);
    if (ok) return size;
  }
  return full;
}

void add_lines(std::vector<HeadLine>& out, compose::Paragraph p, Len measure, int rows, Len size) {
  auto para = std::make_shared<const compose::Paragraph>(std::move(p));
  for (auto& l : para->lines(measure)) out.push_back({std::move(l), rows, size, para});
}

}  // namespace

std::string role_of(model::TextKind k) {
  static const char* const names[] = {"kicker", "headline", "subtitle", "byline",  "body",
                                      "subhead", "caption", "credit",   "banner", "brief"};
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
                                 int page) {
  const model::Style& st = s.style(b.style);
  const int rows = s.rows_per_line(st);
  std::vector<HeadLine> out;
  if (!plain_runs(b)) {
    add_lines(out, s.paragraph(b, id, page, false), measure, rows, st.size);
    return out;
  }
  const auto lines = parts(b);
  const Len size = fitting_size(s, lines, b, measure, id, page);
  // Greedy over the editor's parts: as many as fit on one line, joined by their space.
  for (const auto& ps : lines) {
    for (size_t i = 0; i < ps.size();) {
      std::string text = ps[i];
      size_t j = i + 1;
      for (; j < ps.size() && fits_one_line(s, text + " " + ps[j], b, measure, size, id, page); ++j)
        text += " " + ps[j];
      add_lines(out, s.plain(text, b.style, id, page, false, size), measure, rows, size);
      i = j;
    }
  }
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
                     const std::string& id, int page) {
  HeadGroup g;
  int title_after = 0;  // largest space-after of kicker / headline / subtitle
  for (const model::TextBlock* b : blocks) {
    const model::Style& st = s.style(b->style);
    HeadGroup::Element e{b, role_of(b->kind), 0, head_lines(s, *b, measure, id, page)};
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
