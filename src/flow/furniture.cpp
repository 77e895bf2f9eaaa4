// Page furniture (docs/format.md "Briefs, masthead, ear"): briefs (简讯) set as a story of
// marked paragraphs, the masthead (报头) with its logo and issue data. The ear (报眼) is an
// article and goes through lay_out_article.
#include <algorithm>
#include <cmath>

#include "flow/calendar.h"
#include "flow/head.h"
#include "flow/pages.h"
#include "image/store.h"

namespace flow {

namespace {

// The item with the style's marker (■) in front of its lead-in, joined to it by a
// no-break space (UAX #14 GL): a marker never ends a line alone.
model::TextBlock with_marker(const model::Layout& L, const model::TextBlock& item) {
  model::TextBlock out = item;
  const std::string& m = L.style(item.style, item.loc).marker;
  const std::string mark = (m.empty() ? std::string("■") : m) + "\u00A0";
  if (!out.content.empty() && out.content.front().bold && !out.content.front().br)
    out.content.front().text = mark + out.content.front().text;
  else
    out.content.insert(out.content.begin(), model::Inline{mark, true, false, false, {}});
  return out;
}

}  // namespace

// Briefs are a story without a byline whose paragraphs are the items: they flow through
// the block's text columns (its box and columns= apply), balanced like any story.
void lay_out_briefs(Job& job, const model::Briefs& b) {
  model::Article a;
  a.id = b.id.empty() ? "briefs" : b.id;
  a.rect = b.rect;
  a.page = b.page;
  a.head = b.head;
  a.box = b.box;
  a.columns = b.columns;
  a.rules = b.rules;
  a.loc = b.loc;
  a.frames.push_back({b.rect, b.page, 0, b.loc});
  for (const auto& item : b.items) a.body.push_back(with_marker(job.layout(), item));
  lay_out_article(job, a);
}

namespace {

std::string masthead_style(const model::Layout& L) { return L.find_style("masthead-info") ? "masthead-info" : "folio"; }

// The issue data under the logo: the date (Gregorian with weekday, then 农历), then the
// issue number, the page count and the registration numbers.
std::vector<std::string> issue_data(const model::Issue& issue, const model::Masthead& m) {
  std::string second;
  if (!issue.number.empty()) second += "第" + issue.number + "期  ";
  second += "今日" + std::to_string(m.pages > 0 ? m.pages : static_cast<int>(issue.pages.size())) + "版";
  if (!m.cn.empty()) second += "  国内统一连续出版物号 " + m.cn;
  if (!m.post.empty()) second += "  邮发代号 " + m.post;
  return {gregorian_date(issue.date) + "  " + lunar_date(issue.date), second};
}

void place_logo(Job& job, const model::Masthead& m, const model::Box& area) {
  // A PDF logo is placed as a form: its vectors reach the PDF as they are.
  if (placed::is_pdf(m.logo)) {
    place_pdf_page(job, m.logo, 1, area, true, m.id.empty() ? "masthead" : m.id, m.loc, m.page);
    return;
  }
  const image::Info& info = job.opt.images->get(m.logo, m.loc).info;
  const double scale =
      std::min(static_cast<double>(area.w) / info.upright_width(), static_cast<double>(area.h) / info.upright_height());
  frame::Image img;
  img.path = m.logo.string();
  img.id = m.id.empty() ? "masthead" : m.id;
  img.loc = m.loc;
  img.orientation = info.orientation;
  img.img_w = img.w = static_cast<Len>(std::llround(info.upright_width() * scale));
  img.img_h = img.h = static_cast<Len>(std::llround(info.upright_height() * scale));
  img.img_x = img.x = area.x;  // flush left, as a masthead stands
  img.img_y = img.y = area.y + (area.h - img.h) / 2;
  frame::Page& page = job.page(m.page);
  frame::Box box;
  box.kind = "image", box.id = img.id, box.text = img.path;
  box.x = img.x, box.y = img.y, box.w = img.w, box.h = img.h;
  page.boxes.push_back(box);
  page.add(std::move(img));
}

}  // namespace

void lay_out_masthead(Job& job, const model::Issue& issue, const model::Masthead& m) {
  const Setter& s = job.setter;
  const model::Layout& L = job.layout();
  const model::Box box = L.box(m.rect);
  frame::Page& page = job.page(m.page);
  const std::string id = m.id.empty() ? "masthead" : m.id;
  record_block(page, id, "masthead", box);
  // The issue data from the foot of the block up; the logo (or the name) above it.
  const std::string style = masthead_style(L);
  const int rows = s.rows_per_line(s.style(style));
  std::vector<std::pair<std::shared_ptr<compose::Paragraph>, compose::Line>> lines;
  for (const auto& text : issue_data(issue, m)) {
    auto para = std::make_shared<compose::Paragraph>(s.plain(text, style, id, m.page));
    for (const auto& l : para->lines(box.w)) lines.push_back({para, l});
  }
  const int data_rows = std::min(m.rect.rows - 1, static_cast<int>(lines.size()) * rows);
  int row = m.rect.row + m.rect.rows - data_rows;
  const model::Box name_area{box.x, box.y, box.w, (m.rect.rows - data_rows) * L.pitch - L.pitch / 4};
  if (!m.logo.empty()) {
    place_logo(job, m, name_area);
  } else {
    const auto name = s.plain(issue.paper, "masthead", id, m.page);
    const auto nl = name.lines(box.w);
    if (!nl.empty())
      s.place(page, name, nl.front(), box.x, s.baseline_at_centre(name_area.y + name_area.h / 2, s.style("masthead").size),
              id, "masthead");
    int cut = 0;  // the name stands on one line: what does not fit is lost, never silently
    for (std::size_t i = 1; i < nl.size(); ++i) cut += line_chars(nl[i]);
    if (cut > 0)
      report_overset(job, "the paper's name is wider than the masthead: " + std::to_string(cut) + " of its characters did not fit",
                     "shorten paper=, or widen the masthead (cols=), or give it a logo=", m.loc, id, m.page, box);
  }
  int lost = 0;
  for (const auto& [para, l] : lines) {
    if (row + rows - 1 > m.rect.row + m.rect.rows - 1) {
      lost += line_chars(l);
      continue;
    }
    s.place(page, *para, l, box.x, s.baseline(L.row_y(row), rows, s.style(style).size), id, "masthead");
    row += rows;
  }
  if (lost > 0)
    report_overset(job, std::to_string(lost) + " characters of the masthead's issue data did not fit",
                   "make the block taller", m.loc, id, m.page, box);
}

}  // namespace flow
