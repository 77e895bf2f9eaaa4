#include "flow/article.h"

#include <algorithm>
#include <map>

#include "flow/strokes.h"

namespace flow {

namespace {

Len measure_of(const model::Layout& L, int cols) { return cols * L.column_width + (cols - 1) * L.gutter; }

bool photo_blocks(const model::Photo& ph, int page, int col, int r0, int r1) {
  return ph.page == page && col >= ph.rect.col && col < ph.rect.col + ph.rect.cols && ph.rect.row <= r1 &&
         r0 <= ph.rect.row + ph.rect.rows - 1;
}

// The widest run of the frame's columns free of the article's photos in rows [r0, r1]
// (the leftmost of equal runs): {first column, count}; count 0 when none is free.
std::pair<int, int> free_run(const model::Article& a, const model::Frame& f, int r0, int r1) {
  std::pair<int, int> best{f.rect.col, 0};
  int start = f.rect.col, n = 0;
  for (int c = f.rect.col; c < f.rect.col + f.rect.cols; ++c) {
    bool blocked = false;
    for (const auto& ph : a.photos) blocked = blocked || photo_blocks(ph, f.page, c, r0, r1);
    if (blocked) {
      n = 0;
      continue;
    }
    if (n == 0) start = c;
    if (++n > best.second) best = {start, n};
  }
  return best;
}

// The last row of the photos that cover row `row` of the frame.
int below_photos(const model::Article& a, const model::Frame& f, int row) {
  int last = row;
  for (const auto& ph : a.photos)
    if (ph.page == f.page && ph.rect.row <= row && row < ph.rect.row + ph.rect.rows)
      last = std::max(last, ph.rect.row + ph.rect.rows);
  return last + 1;  // one grid line of white under the photo
}

}  // namespace

ArticleFlow::ArticleFlow(Job& job, const model::Article& a, const Fit& fit)
    : job_(job),
      a_(a),
      s_(job.setter),
      fit_(fit),
      items_(std::make_shared<std::vector<Item>>()),
      ops_(std::make_shared<std::vector<std::function<void()>>>()) {}

// A byline written first in the body is set with the headline group, across the
// article, so that "□ 记者 …" with its 1-em spaces is not squeezed into one column.
const model::TextBlock* ArticleFlow::head_byline() const {
  if (a_.head_vertical) return nullptr;  // a vertical head: the byline stays with the text
  return !a_.body.empty() && a_.body.front().kind == model::TextKind::Byline ? &a_.body.front() : nullptr;
}

// A boxed article: the tint (底纹) first, the bottom layer under everything the article
// draws, then the frame round each of its frames (docs/format.md "Boxes").
void ArticleFlow::draw_boxes() {
  const model::Layout& L = job_.layout();
  const model::BoxStyle* box = box_of(L, a_);
  if (!box) return;
  for (const auto& f : a_.frames) {
    const model::Box b = L.box(f.rect);
    frame::Page& page = job_.page(f.page);
    if (box->has_tint) page.add(frame::Tint{b.x, b.y, b.w, b.h, box->tint});
    if (!box->frame.empty()) draw_frame(page, L.stroke(box->frame), b, box->sides);
  }
}

void ArticleFlow::run() {
  measure();
  place();
}

void ArticleFlow::place() {
  const model::Layout& L = job_.layout();
  for (const auto& f : a_.frames) {
    const model::Box b = L.box(f.rect);
    frame::Box box;
    box.kind = "frame", box.id = a_.id, box.x = b.x, box.y = b.y, box.w = b.w, box.h = b.h;
    job_.page(f.page).boxes.push_back(box);
    job_.page(f.page).overlay.push_back({frame::Overlay::FrameEdge, b.x, b.y, b.w, b.h});
  }
  draw_boxes();
  for (const auto& op : *ops_) op();  // the head, the lines and the jump lines
  ops_->clear();
  if (!all_set_ || head_lost_lines_ > 0) overset();
  for (const auto& p : a_.photos) lay_out_photo(job_, p, a_.id, &a_);
  column_boxes();
  underset();
}

// The head placed (measured only, when nothing is placed), the slots and the items
// made, the story at its start.
void ArticleFlow::prepare() {
  int body_row = 0;
  if (a_.head_vertical) {
    body_row = prepare_vertical_head();
  } else {
    plan_head();
    body_row = place_head();
  }
  slots_ = article_slots(job_.layout(), a_, body_row, head_zone_, plan_jump_heads(), under_vertical_frames());
  columns_ = slots_;
  used_.assign(slots_.size(), 0);
  make_items();
  st_ = State{};
  st_.row = slots_.empty() ? 0 : slots_[0].row_first;
}

Fill ArticleFlow::measure() {
  prepared_ = true;
  prepare();
  balance();
  const bool all = all_set_ = flow();
  Fill f;
  f.over_lines = head_lost_lines_ + (all ? 0 : lines_left(nullptr));
  f.fits = all && head_lost_lines_ == 0;
  for (size_t i = 0; i < columns_.size(); ++i) f.used += used_[i], f.available += std::max(columns_[i].rows(), 0);
  f.underset = !mostly_empty().empty();
  f.column = narrowest();
  return f;
}

std::vector<ArticleFlow::ParaLines> ArticleFlow::paragraph_lines(int scale1000) {
  if (!prepared_) {
    prepared_ = true;
    prepare();
  }
  std::vector<ParaLines> out;
  const Len w = narrowest() * 1000 / scale1000;
  for (const Item& it : *items_) {
    if (it.block->kind != model::TextKind::Para) continue;
    ParaLines p{static_cast<size_t>(it.block - a_.body.data()), 0, 0};
    for (const auto& l : it.para.lines(w)) ++p.lines, p.loose += l.loose;
    out.push_back(p);
  }
  return out;
}

// The headline group goes across the first frame, at its top. A photo set inside the
// article at the top of the frame keeps its place: the group is set across the widest
// run of columns beside it (and below it when it spans the frame). The group's width
// decides its height, its height which photos it meets: repeat until it settles.
void ArticleFlow::plan_head() {
  const model::Frame& f = a_.frames.front();
  std::vector<const model::TextBlock*> blocks;
  for (const auto& b : a_.head) blocks.push_back(&b);
  if (const model::TextBlock* by = head_byline()) blocks.push_back(by);
  const Inner in = inner_of(job_.layout(), a_, f);
  head_col_ = f.rect.col, head_cols_ = f.rect.cols, head_row_ = in.row_first;
  if (blocks.empty()) return;
  std::map<int, HeadGroup> by_width;
  const int last_row = in.row_last;
  for (int guard = 0; guard < f.rect.rows + f.rect.cols + 2; ++guard) {
    auto it = by_width.find(head_cols_);
    if (it == by_width.end())
      it = by_width.emplace(head_cols_, head_group(s_, blocks, head_span().second, a_.id, f.page, head_cols_)).first;
    head_ = it->second;
    // The zone and the grid line under it must be clear of photos.
    const auto [col, n] = free_run(a_, f, head_row_, head_row_ + head_.rows());
    if (n == 0 && head_row_ < last_row) {
      head_row_ = std::min(below_photos(a_, f, head_row_), last_row);
      head_col_ = f.rect.col, head_cols_ = f.rect.cols;
      continue;
    }
    if (n == 0) {  // photos fill the frame: no room for the head
      head_cols_ = 0;
      return;
    }
    if (col <= head_col_ && col + n >= head_col_ + head_cols_) return;  // settled
    head_col_ = col, head_cols_ = n;
  }
}

// Sets the group's lines on whole grid lines; lines that would leave the frame are
// counted as overset. When the story jumps from the first frame to another page, the
// head leaves the frame's last grid line to the jump line. Returns the first grid row
// of body text.
int ArticleFlow::place_head() {
  const model::Frame& f = a_.frames.front();
  const bool jumps = a_.frames.size() > 1 && a_.frames[1].page != f.page;
  const Inner in = inner_of(job_.layout(), a_, f);
  const int last = in.row_last - (jumps && in.row_last > in.row_first ? 1 : 0);
  const Len x = head_span().first;
  int row = head_row_;
  bool full = head_cols_ == 0;  // once a line does not fit, the rest of the group is overset
  for (const auto& e : head_.elements) {
    row += e.space_before;
    for (const auto& hl : e.lines) {
      full = full || row + hl.rows - 1 > last;
      if (full) {
        head_lost_chars_ += line_chars(hl.line);
        ++head_lost_lines_;
        continue;
      }
      const Len base = s_.baseline(job_.layout().row_y(row), hl.rows, hl.size);
      keep([this, page = f.page, &hl, x, base, &role = e.role] {
        s_.place(job_.page(page), *hl.para, hl.line, x, base, a_.id, role);
      });
      row += hl.rows;
    }
  }
  return head_.empty() ? row : std::min(row + head_.space_after, last + 1);
}

// Where the headline group goes across: the columns it was given (the whole frame, or
// the run beside a photo), within the box's padding. {x, width}.
std::pair<Len, Len> ArticleFlow::head_span() const {
  const model::Layout& L = job_.layout();
  const Inner in = inner_of(L, a_, a_.frames.front());
  const Len x0 = std::max(L.col_x(head_col_), in.x);
  const Len x1 = std::min(L.col_x(head_col_) + measure_of(L, head_cols_), in.x + in.w);
  return {x0, std::max<Len>(x1 - x0, 0)};
}

Len ArticleFlow::narrowest() const {
  Len w = 0;
  for (const auto& sl : slots_)
    if (!sl.vertical) w = w == 0 ? sl.w : std::min(w, sl.w);
  return w > 0 ? w : job_.layout().column_width;
}

void ArticleFlow::make_items() {
  const int page = a_.frames.front().page;
  const Len measure = narrowest();
  for (const auto& b : a_.body) {
    if (&b == head_byline()) continue;
    const model::Style& st = s_.style(b.style);
    const bool indent = b.kind == model::TextKind::Para || b.kind == model::TextKind::Item;
    // Copyfitting may set the paragraphs at another size (copyfit.h); the grid stays.
    const Len size = b.kind == model::TextKind::Para && fit_.body_size > 0 ? fit_.body_size : 0;
    const auto tracked = fit_.tracking.find(static_cast<size_t>(&b - a_.body.data()));
    Item it{&b,         s_.paragraph(b, a_.id, page, indent, size), s_.rows_per_line(st), size > 0 ? size : st.size,
            role_of(b.kind), {}, measure, tracked == fit_.tracking.end() ? 1000 : tracked->second, {}, {}, {}, {}};
    if (b.kind == model::TextKind::Subhead) it.fixed = head_lines(s_, b, measure, a_.id, page);
    else if (cramped(it, false))  // a column with no white past its lines' ends for a hung mark
      it.flush = std::make_shared<compose::Paragraph>(s_.paragraph(b, a_.id, page, indent, size, false, false, false));
    items_->push_back(std::move(it));
  }
  make_vertical_items();
}

// Overset is an error naming the article and how much did not fit (docs/format.md);
// --allow-overset makes it a warning and marks the spot on the proof.
int ArticleFlow::lines_left(int* chars) const {
  int lines = 0, n = 0;
  const auto& items = *items_;
  for (size_t k = st_.k; k < items.size(); ++k) {
    const Item& it = items[k];
    const bool current = k == st_.k;
    const auto& fixed = fixed_for(it);
    if (!fixed.empty()) {
      for (size_t j = current ? st_.fi : 0; j < fixed.size(); ++j) n += line_chars(fixed[j].line), ++lines;
      continue;
    }
    const compose::Paragraph& para = para_for(it);
    compose::Cursor rest = current ? st_.c : compose::Cursor{};
    n += count_chars(para.shaped().text, rest.pos);
    while (!para.done(rest)) para.skip_line(rest, width_for(it)), ++lines;
  }
  if (chars) *chars += n;
  return lines;
}

void ArticleFlow::overset() {
  int chars = head_lost_chars_;
  const int lines = head_lost_lines_ + lines_left(&chars);
  if (lines == 0) return;
  const model::Frame& lf = a_.frames.back();
  const Slot last = slots_.empty() ? Slot{lf.page, 0, lf.rect.col, lf.rect.row, lf.rect.row + lf.rect.rows - 1}
                                   : slots_.back();
  const std::string msg = std::to_string(chars) + " characters (" + std::to_string(lines) +
                          " lines) did not fit its frames";
  const model::Layout& L = job_.layout();
  const model::Box mark = last.vertical ? slot_box(last)
                                        : model::Box{last.x, L.row_y(std::max(last.row_last, last.row_first)), last.w, L.pitch};
  report_overset(job_, msg, "make the frames larger or cut the text", a_.loc, a_.id, last.page, mark);
}

// A column left mostly empty is reported: less than half of its frame's grid lines used,
// judged on the text as set — after balancing, so a story that ends in even, reasonably
// full columns is not reported, while one whose balanced columns still stand mostly
// empty is. One warning per frame names the columns.
std::vector<ArticleFlow::Empty> ArticleFlow::mostly_empty() const {
  std::map<int, std::map<int, std::pair<int, int>>> frames;  // frame → column → (used, rows)
  for (size_t i = 0; i < columns_.size(); ++i) {
    auto& u = frames[columns_[i].frame][columns_[i].column];
    u.first += used_[i];
    u.second += std::max(columns_[i].rows(), 0);
  }
  std::vector<Empty> out;
  for (const auto& [fi, cols] : frames) {
    Empty e{fi, {}, 0, 0};
    for (const auto& [col, u] : cols) {
      e.used += u.first, e.rows += u.second;
      if (u.second > 0 && u.first * 2 < u.second) e.columns.push_back(col);
    }
    if (!e.columns.empty()) out.push_back(std::move(e));
  }
  return out;
}

void ArticleFlow::underset() {
  for (const Empty& e : mostly_empty()) {
    const int fi = e.frame, n_used = e.used, rows = e.rows;
    const std::vector<int>& empty = e.columns;
    const bool tiers = a_.frames[static_cast<size_t>(e.frame)].vertical;  // vertical text: its tiers (栏)
    std::string which = std::string(tiers ? "tier" : "column") + (empty.size() == 1 ? " " : "s ");
    for (size_t i = 0; i < empty.size(); ++i) which += (i ? ", " : "") + std::to_string(empty[i]);
    const model::Frame& f = a_.frames[static_cast<size_t>(fi)];
    job_.diag.warn("underset",
                   which + (empty.size() == 1 ? " is" : " are") + " mostly empty (the text fills " +
                       std::to_string(n_used) + " of the frame's " + std::to_string(rows) + " grid lines)",
                   f.loc, a_.id, f.page, "make the frame smaller or add text");
  }
}

// --dump=pages: where the body text may go, column by column.
void ArticleFlow::column_boxes() {
  const model::Layout& L = job_.layout();
  for (const auto& sl : columns_) {
    if (sl.rows() <= 0) continue;
    frame::Box b;
    b.kind = "column", b.id = a_.id;
    b.x = sl.x, b.y = L.row_y(sl.row_first), b.w = sl.w, b.h = sl.rows() * L.pitch;
    if (sl.vertical) {  // a tier of vertical lines: its lines' columns
      const model::Box t = slot_box(sl);
      b.x = t.x, b.y = t.y, b.w = t.w, b.h = t.h;
    }
    job_.page(sl.page).boxes.push_back(b);
  }
}

// An article with fit= is set as copyfitting chose (copyfit.cpp); every article's fill is
// reported (code fill). Set as written, the measure copyfitting started from is placed:
// the article is composed once.
void lay_out_article(Job& job, const model::Article& a) {
  ArticleFlow written(job, a);
  const auto [fit, fill] = choose_fit(job, a, written);
  report_fill(job, a, fill);
  if (as_written(fit)) return written.place();
  if (fit.extra_rows == 0) return ArticleFlow(job, a, fit).run();
  const model::Article fitted = with_rows(a, fit.extra_rows);
  job.fitted_frames[a.id] = fitted.frames;  // the rules between blocks follow the frame
  ArticleFlow(job, fitted, fit).run();
}

}  // namespace flow
