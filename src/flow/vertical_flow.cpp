// An article's vertical parts (竖排; docs/format.md "Vertical text"): a head group set
// vertically — at the right of a vertical first frame, or in its own grid columns beside
// horizontal text — and the body's lines in the tiers of vertical frames, right to left,
// tier after tier. The body flow is the horizontal one (body_flow.cpp): a tier is a slot
// whose rows are line positions, so keep-with-next, widows, jumps and balancing (the
// tiers of the last frame end at the same line) work unchanged.
#include "flow/article.h"

namespace flow {

namespace {

Len span_of(const model::Layout& L, int cols) { return cols * L.column_width + (cols - 1) * L.gutter; }

}  // namespace

int ArticleFlow::prepare_vertical_head() {
  const model::Layout& L = job_.layout();
  const model::Frame& f = a_.frames.front();
  const Inner in = inner_of(L, a_, f);
  head_zone_ = {0, 0};
  std::vector<const model::TextBlock*> blocks;
  for (const auto& b : a_.head) blocks.push_back(&b);
  if (blocks.empty()) return f.vertical ? 1 : in.row_first;
  const Len height = (in.row_last - in.row_first + 1) * L.pitch;
  vhead_ = vertical_head(s_, blocks, height, a_.id, f.page);
  const Len top = L.row_y(in.row_first);
  Len x0 = in.x, x1 = in.x + in.w;
  if (!f.vertical) {  // in its own grid columns beside the text, on the right unless side="left"
    const Len w = vhead_.pitches() * L.pitch;
    int n = 1;
    while (n + 1 < f.rect.cols && span_of(L, n) < w) ++n;
    const int col = a_.head_left ? f.rect.col : f.rect.col + f.rect.cols - n;
    head_zone_ = {col, n};
    x0 = std::max(L.col_x(col), in.x);
    x1 = std::min(L.col_x(col) + span_of(L, n), in.x + in.w);
  }
  // The lines on line pitches across the zone, centred in it (in a vertical frame: as the
  // tiers' lines, vertical_slots.cpp).
  const int lines = static_cast<int>(std::max<Len>((x1 - x0) / L.pitch, 0));
  const int used = f.vertical ? lines : std::min(lines, vhead_.pitches());
  const Len right = x1 - (x1 - x0 - used * L.pitch) / 2;
  const HeadLost lost = place_vertical_head(s_, nullptr, vhead_, right, top, L.pitch, lines, a_.id);  // measured
  head_lost_lines_ += lost.lines, head_lost_chars_ += lost.chars;
  keep([this, page = f.page, right, top, lines] {
    place_vertical_head(s_, &job_.page(page), vhead_, right, top, job_.layout().pitch, lines, a_.id);
  });
  return f.vertical ? vhead_.pitches() + vhead_.space_after + 1 : in.row_first;
}

// Every item of an article with vertical frames gets its vertical setting too; where a
// tier has no white below its foot for a hung mark, a setting that hangs none as well.
void ArticleFlow::make_vertical_items() {
  Len measure = 0;
  for (const auto& sl : slots_)
    if (sl.vertical) measure = measure == 0 ? sl.w : std::min(measure, sl.w);
  if (measure == 0) return;
  const int page = a_.frames.front().page;
  for (Item& it : *items_) {
    const model::TextBlock& b = *it.block;
    const bool indent = b.kind == model::TextKind::Para || b.kind == model::TextKind::Item;
    const bool subhead = b.kind == model::TextKind::Subhead;  // display text: head mode, as horizontal
    it.vpara = std::make_shared<compose::Paragraph>(s_.paragraph(b, a_.id, page, indent, 0, subhead, true));
    if (!subhead && cramped(it, true))
      it.vflush = std::make_shared<compose::Paragraph>(s_.paragraph(b, a_.id, page, indent, 0, false, true, false));
    if (!subhead) continue;
    // A subhead: one column per line, aligned in the tier as its style says.
    for (auto& l : it.vpara->lines(measure)) it.vfixed.push_back({std::move(l), it.rows, it.size, it.vpara});
  }
}

bool ArticleFlow::cramped(const Item& it, bool vertical) const {
  if (!s_.style(it.block->style).hanging_punct) return false;
  return std::any_of(slots_.begin(), slots_.end(),
                     [&](const Slot& sl) { return sl.vertical == vertical && !hang_fits(sl.end_room, it.size); });
}

// Where the first thing below each vertical frame starts on its page: another block or
// frame in its grid columns (any rule between them stands on that boundary), else the
// trim's foot (the bottom margin is white).
std::map<int, Len> ArticleFlow::under_vertical_frames() const {
  std::map<int, Len> out;
  const model::Layout& L = job_.layout();
  for (std::size_t fi = 0; fi < a_.frames.size(); ++fi) {
    const model::Frame& f = a_.frames[fi];
    if (!f.vertical) continue;
    const int foot_row = f.rect.row + f.rect.rows;
    int first = L.rows + 1;  // the first grid row below the frame that something takes
    for (const model::GridRect& r : job_.rects_on(f.page))
      if (r.row >= foot_row && r.col < f.rect.col + f.rect.cols && f.rect.col < r.col + r.cols)
        first = std::min(first, r.row);
    out[static_cast<int>(fi)] = first <= L.rows ? L.row_y(first) : L.trim_h;
  }
  return out;
}

// The tier's column at line position `row` (from its right edge), `rows` pitches across.
void ArticleFlow::set_in_tier(const compose::Paragraph& p, compose::Line l, int rows, const std::string& role) {
  const Slot& sl = slots_[st_.si];
  const Len pitch = job_.layout().pitch;
  if (!quiet()) {
    const Len x = sl.right - (st_.row - 1) * pitch - rows * pitch / 2;
    keep([this, page = sl.page, &p, l = std::move(l), x, top = sl.top, &role] {
      s_.place_vertical(job_.page(page), p, l, x, top, a_.id, role);
    });
  }
  advance(rows);
}

void ArticleFlow::tier_jump_line(const Slot& at, int row, const std::string& text) {
  const auto para = s_.plain(text, "jump", a_.id, at.page, false, 0, true);
  const auto lines = para.lines(at.w);
  if (lines.empty()) return;
  const Len pitch = job_.layout().pitch;
  s_.place_vertical_mark(job_.page(at.page), lines.front(), at.right - (row - 1) * pitch - pitch / 2, at.top, a_.id,
                         "jump");
}

// A tier on the page: its lines' columns, right to left.
model::Box ArticleFlow::slot_box(const Slot& sl) const {
  const Len pitch = job_.layout().pitch;
  const Len x1 = sl.right - (sl.row_first - 1) * pitch;
  const Len x0 = sl.right - std::max(sl.row_last, sl.row_first - 1) * pitch;
  return {x0, sl.top, std::max<Len>(x1 - x0, 0), sl.w};
}

}  // namespace flow
