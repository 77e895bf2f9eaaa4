// The folio (报眉) above the grid on pages after the first: page number and section on
// the left, paper name and date on the right, over a rule (docs/typography.md "Roles").
// Page 1 carries the masthead instead: the paper's name large, date and number.
#include "flow/pages.h"

namespace flow {

namespace {

const char* weekday(const model::Date& d) {
  // Zeller's congruence, Gregorian calendar.
  static const char* names[] = {"星期六", "星期日", "星期一", "星期二", "星期三", "星期四", "星期五"};
  int m = d.month, y = d.year;
  if (m < 3) m += 12, y -= 1;
  const int h = (d.day + 13 * (m + 1) / 5 + y % 100 + (y % 100) / 4 + (y / 100) / 4 + 5 * (y / 100)) % 7;
  return names[h];
}

std::string date_cn(const model::Date& d) {
  return std::to_string(d.year) + "年" + std::to_string(d.month) + "月" + std::to_string(d.day) + "日";
}

// Sets `text` on one line of width `w`; returns the width it takes, or -1 when it needs
// more than the line (only the first line is set: the caller reports it).
Len place_text(Job& job, frame::Page& page, const std::string& text, const std::string& style, Len x, Len w,
               Len baseline, compose::Align align) {
  const Setter& s = job.setter;
  const auto para = s.plain(text, style, "folio", page.number);
  auto lines = para.lines(w);
  if (lines.empty()) return 0;
  compose::Line l = lines.front();
  const Len used = lines.size() > 1 ? Len{-1} : l.width;
  if (align == compose::Align::Right) {  // flush right whatever the style's alignment
    const Len shift = w - l.width;
    for (auto& seg : l.segments)
      for (auto& g : seg.glyphs) g.x += shift;
    l.indent += shift;
    l.width += shift;
  }
  s.place_mark(page, l, x, baseline, "folio", style == "masthead" ? "masthead" : "folio");
  page.boxes.back().kind = "folio";
  return used;
}

// The left and right texts of the folio share one line: cut, or meeting (less than an em
// of the folio's size apart), they would be lost or overprint — an overset error at the
// page (a long paper= or section= name).
void check_fit(Job& job, const model::Page& p, Len left, Len right, Len x, Len w, Len rule_y) {
  const Len gap = job.setter.style("folio").size;
  if (left >= 0 && right >= 0 && left + right + gap <= w) return;
  report_overset(job, "the folio's texts do not fit across the page on one line (the paper's name, the section or "
                      "the editor is too long): they would be cut or overprint",
                 "shorten paper=, section= or editor=", p.loc, "folio", p.number,
                 model::Box{x, rule_y - base::from_mm(12), w, base::from_mm(12)});
}

}  // namespace

void lay_out_folio(Job& job, const model::Issue& issue, const model::Page& p) {
  if (!p.of<model::Masthead>().empty()) return;  // the page's own <masthead> stands there
  const model::Layout& L = job.layout();
  frame::Page& page = job.page(p.number);
  const Len x = L.margin_left;
  const Len w = L.columns * L.column_width + (L.columns - 1) * L.gutter;
  const Len rule_y = L.margin_top - base::from_mm(2);
  const std::string date = date_cn(issue.date) + " " + weekday(issue.date);
  const bool masthead = p.number == issue.pages.front().number && L.find_style("masthead");
  if (masthead) {
    const Len name = place_text(job, page, issue.paper, "masthead", x, w, rule_y - base::from_mm(5), compose::Align::Left);
    std::string right = date;
    if (!issue.number.empty()) right += "  第" + issue.number + "期";
    check_fit(job, p, name, place_text(job, page, right, "folio", x, w, rule_y - base::from_mm(5), compose::Align::Right),
              x, w, rule_y);
  } else {
    std::string left = "第" + std::to_string(p.number) + "版";
    if (!p.section.empty()) left += "  " + p.section;
    if (!p.editor.empty()) left += "  责任编辑：" + p.editor;
    const Len l = place_text(job, page, left, "folio", x, w, rule_y - base::from_mm(2), compose::Align::Left);
    check_fit(job, p, l,
              place_text(job, page, issue.paper + "  " + date, "folio", x, w, rule_y - base::from_mm(2), compose::Align::Right),
              x, w, rule_y);
  }
  page.add(frame::Rule{x, rule_y, x + w, rule_y, base::from_pt(masthead ? 1.5 : 0.75), model::Cmyk{}});
}

}  // namespace flow
