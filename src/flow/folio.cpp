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

void place_text(Job& job, frame::Page& page, const std::string& text, const std::string& style, Len x, Len w,
                Len baseline, compose::Align align) {
  const Setter& s = job.setter;
  const auto para = s.plain(text, style, "folio", page.number);
  auto lines = para.lines(w);
  if (lines.empty()) return;
  compose::Line l = lines.front();
  if (align == compose::Align::Right) {  // flush right whatever the style's alignment
    const Len shift = w - l.width;
    for (auto& seg : l.segments)
      for (auto& g : seg.glyphs) g.x += shift;
    l.indent += shift;
    l.width += shift;
  }
  s.place_mark(page, l, x, baseline, "folio", style == "masthead" ? "masthead" : "folio");
  page.boxes.back().kind = "folio";
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
    place_text(job, page, issue.paper, "masthead", x, w, rule_y - base::from_mm(5), compose::Align::Left);
    std::string right = date;
    if (!issue.number.empty()) right += "  第" + issue.number + "期";
    place_text(job, page, right, "folio", x, w, rule_y - base::from_mm(5), compose::Align::Right);
  } else {
    std::string left = "第" + std::to_string(p.number) + "版";
    if (!p.section.empty()) left += "  " + p.section;
    if (!p.editor.empty()) left += "  责任编辑：" + p.editor;
    place_text(job, page, left, "folio", x, w, rule_y - base::from_mm(2), compose::Align::Left);
    place_text(job, page, issue.paper + "  " + date, "folio", x, w, rule_y - base::from_mm(2), compose::Align::Right);
  }
  page.add(frame::Rule{x, rule_y, x + w, rule_y, base::from_pt(masthead ? 1.5 : 0.75), model::Cmyk{}});
}

}  // namespace flow
