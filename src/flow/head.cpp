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
  // Greedy over the editor's parts: as many as fit on one line, joined by their space.
  for (const auto& ps : parts(b)) {
    for (size_t i = 0; i < ps.size();) {
      std::string text = ps[i];
      size_t j = i + 1;
      for (; j < ps.size(); ++j) {
        const std::string wider = text + " " + ps[j];
        if (s.plain(wider, b.style, id, page).lines(measure).size() > 1) break;
        text = wider;
      }
      add_all(s.plain(text, b.style, id, page));
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
