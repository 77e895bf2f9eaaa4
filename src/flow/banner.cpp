// A banner (通栏 slogan): its lines (split where the editor wrote <br/> or a space when
// too long) centred across the block, the group centred vertically in its grid rows.
// A banner is a block, not running text: its lines need not sit on the grid one by one,
// so the leading (the style's grid lines per line) is tightened, down to the type size,
// when the block is short; only what does not fit even then is overset.
#include <algorithm>

#include "flow/head.h"
#include "flow/pages.h"

namespace flow {

namespace {

void banner_overset(Job& job, const model::Banner& b, int need, int lost_chars) {
  const std::string msg = "the banner needs " + std::to_string(need) + " grid lines but has " +
                          std::to_string(b.rect.rows) + " (" + std::to_string(lost_chars) +
                          " characters did not fit)";
  report_overset(job, msg, "make the block taller or the text shorter", b.loc, b.id, b.page, job.layout().box(b.rect));
}

}  // namespace

void lay_out_banner(Job& job, const model::Banner& b) {
  const Setter& s = job.setter;
  const model::Layout& L = job.layout();
  const model::Box box = L.box(b.rect);
  frame::Page& page = job.page(b.page);
  record_block(page, b.id, "banner", box);
  const auto lines = head_lines(s, b.text, box.w, b.id, b.page, b.rect.cols);
  if (lines.empty()) return;
  Len size = 0, natural = 0;
  for (const auto& hl : lines) size = std::max(size, hl.size), natural = std::max(natural, hl.rows * L.pitch);
  const auto n = static_cast<Len>(lines.size());
  const Len k = std::min(n, box.h / size);  // lines that fit set solid
  const Len lead = k > 0 ? std::min(natural, box.h / k) : 0;
  const Len top = box.y + (box.h - k * lead) / 2;
  int lost = 0;
  for (Len i = 0; i < n; ++i) {
    const HeadLine& hl = lines[static_cast<size_t>(i)];
    if (i >= k) {
      lost += line_chars(hl.line);
      continue;
    }
    const Len base = s.baseline_at_centre(top + i * lead + lead / 2, hl.size);
    s.place(page, *hl.para, hl.line, box.x, base, b.id, "banner");
  }
  if (k < n) banner_overset(job, b, static_cast<int>((n * size + L.pitch - 1) / L.pitch), lost);
}

}  // namespace flow
