// A banner (通栏 slogan): its lines (split where the editor wrote <br/>) centred across
// the block and centred vertically in its grid rows.
#include "flow/head.h"
#include "flow/pages.h"

namespace flow {

void lay_out_banner(Job& job, const model::Banner& b) {
  const Setter& s = job.setter;
  const model::Layout& L = job.layout();
  const model::Box box = L.box(b.rect);
  frame::Page& page = job.page(b.page);
  page.boxes.push_back({"block", b.id, box.x, box.y, box.w, box.h, 0, "banner"});
  const auto lines = head_lines(s, b.text, box.w, b.id, b.page);
  int rows = 0;
  for (const auto& hl : lines) rows += hl.rows;
  if (rows > b.rect.rows) {
    job.diag.error("overset",
                   "the banner needs " + std::to_string(rows) + " grid lines but has " + std::to_string(b.rect.rows) +
                       "; make the block taller or the text shorter",
                   b.loc, b.id, b.page);
  }
  const model::Style& st = s.style(b.text.style);
  Len top = box.y + (box.h - rows * L.pitch) / 2;
  for (const auto& hl : lines) {
    s.place(page, hl.line, box.x, s.baseline(top, hl.rows, st.size), b.id);
    top += hl.rows * L.pitch;
  }
}

}  // namespace flow
