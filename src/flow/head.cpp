#include "flow/head.h"

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

}  // namespace

namespace {

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
  for (Len size = full; size >= full * 3 / 4; size -= base::from_pt(0.5)) {
    bool ok = true;
    for (const auto& ps : lines)
      for (const auto& part : ps) ok = ok && fits_one_line(s, part, b, measure, size, id, page);
    if (ok || !shrinkable) return size;
  }
  return full;
}

}  // namespace

std::vector<HeadLine> head_lines(const Setter& s, const model::TextBlock& b, Len measure, const std::string& id,
                                 int page) {
  const int rows = s.rows_per_line(s.style(b.style));
  std::vector<HeadLine> out;
  auto add_all = [&](const compose::Paragraph& p) {
    for (auto& l : p.lines(measure)) {
      s.dump(p, l);
      out.push_back({std::move(l), rows});
    }
  };
  if (!plain_runs(b)) {
    add_all(s.paragraph(b, id, page, false));
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
      add_all(s.plain(text, b.style, id, page, false, size));
      i = j;
    }
  }
  return out;
}

int head_rows(const Setter& s, const std::vector<std::vector<HeadLine>>& group,
              const std::vector<const model::TextBlock*>& blocks) {
  int rows = 0;
  for (size_t k = 0; k < group.size(); ++k) {
    const model::Style& st = s.style(blocks[k]->style);
    rows += st.space_before_lines + st.space_after_lines;
    for (const auto& hl : group[k]) rows += hl.rows;
  }
  return rows;
}

}  // namespace flow
