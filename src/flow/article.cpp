// An article: headline group across its first frame, then byline, paragraphs and
// subheads flowing down its columns left to right, through its frames in order, across
// pages (jumps), around photos set inside it. Lines are pulled from the composer one at
// a time at the current column's width (architecture.md).
#include <algorithm>

#include "flow/head.h"
#include "flow/pages.h"
#include "flow/slots.h"

namespace flow {

namespace {

struct Item {
  const model::TextBlock* block;
  compose::Paragraph para;
  int rows;                     // grid rows per line
  std::vector<HeadLine> fixed;  // subheads: lines set at the column width, broken at the editor's spaces
};

class ArticleFlow {
 public:
  ArticleFlow(Job& job, const model::Article& a) : job_(job), a_(a), s_(job.setter) {}
  void run();

 private:
  int set_head();
  // A byline written first in the body is set with the headline group, across the
  // article, so that "□ 记者 …" with its 1-em spaces is not squeezed into one column.
  const model::TextBlock* head_byline() const {
    return !a_.body.empty() && a_.body.front().kind == model::TextKind::Byline ? &a_.body.front() : nullptr;
  }
  void place_fixed(const Item& it);
  void flow_body(std::vector<Item>& items);
  bool fits(int rows) const { return si_ < slots_.size() && row_ + rows - 1 <= slots_[si_].row_last; }
  int remaining() const { return si_ < slots_.size() ? slots_[si_].row_last - row_ + 1 : 0; }
  bool next_slot();
  bool keep_subhead_with_next(const Item& it, const Item* next);
  bool avoid_lonely_line(const Item& it, const compose::Cursor& c);
  void place(const compose::Line& l, int rows, const model::Style& st);
  void jump_line(const Slot& at, int row, const std::string& pattern, int other_page);
  void overset(std::vector<Item>& items, size_t k, const compose::Cursor& c);
  void underset();
  Len col_w() const { return job_.layout().column_width; }

  Job& job_;
  const model::Article& a_;
  const Setter& s_;
  std::vector<Slot> slots_;
  std::vector<int> used_;  // rows used per slot
  size_t si_ = 0;
  int row_ = 0;
};

void ArticleFlow::run() {
  for (const auto& f : a_.frames) {
    const model::Box b = job_.layout().box(f.rect);
    job_.page(f.page).boxes.push_back({"frame", a_.id, b.x, b.y, b.w, b.h, 0, {}});
  }
  slots_ = article_slots(a_, set_head());
  used_.assign(slots_.size(), 0);
  for (const auto& sl : slots_) {
    const Len x = job_.layout().col_x(sl.column), y = job_.layout().row_y(sl.row_first);
    job_.page(sl.page).boxes.push_back({"column", a_.id, x, y, col_w(), sl.rows() * job_.layout().pitch, 0, {}});
  }
  std::vector<Item> items;
  const int page = a_.frames.front().page;
  for (const auto& b : a_.body) {
    if (&b == head_byline()) continue;
    const bool indent = b.kind == model::TextKind::Para;
    items.push_back({&b, s_.paragraph(b, a_.id, page, indent), s_.rows_per_line(s_.style(b.style)), {}});
    if (b.kind == model::TextKind::Subhead) items.back().fixed = head_lines(s_, b, col_w(), a_.id, page);
  }
  si_ = 0;
  row_ = slots_.empty() ? 0 : slots_[0].row_first;
  flow_body(items);
  for (const auto& p : a_.photos) lay_out_photo(job_, p, a_.id);
}

int ArticleFlow::set_head() {
  const model::Frame& f = a_.frames.front();
  const model::Box box = job_.layout().box(f.rect);
  std::vector<std::vector<HeadLine>> group;
  std::vector<const model::TextBlock*> blocks;
  for (const auto& b : a_.head) {
    group.push_back(head_lines(s_, b, box.w, a_.id, f.page));
    blocks.push_back(&b);
  }
  if (const model::TextBlock* by = head_byline()) {
    group.push_back(head_lines(s_, *by, box.w, a_.id, f.page));
    blocks.push_back(by);
  }
  int row = f.rect.row;
  for (size_t k = 0; k < group.size(); ++k) {
    const model::Style& st = s_.style(blocks[k]->style);
    row += st.space_before_lines;
    for (const auto& hl : group[k]) {
      const Len base = s_.baseline(job_.layout().row_y(row), hl.rows, st.size);
      s_.place(job_.page(f.page), hl.line, box.x, base, a_.id);
      row += hl.rows;
    }
    row += st.space_after_lines;
  }
  return row - f.rect.row;
}

bool ArticleFlow::next_slot() {
  const size_t from = si_;
  ++si_;
  if (si_ >= slots_.size()) return false;
  row_ = slots_[si_].row_first;
  const Slot& a = slots_[from];
  const Slot& b = slots_[si_];
  if (a.jump_out && b.jump_in) {
    jump_line(a, a.row_last + 1, job_.layout().jump_to, b.page);
    jump_line(b, b.row_first - 1, job_.layout().jump_from, a.page);
  }
  return true;
}

// The jump lines name the other page: （下转第N版） / （上接第N版）, wording from the layout.
void ArticleFlow::jump_line(const Slot& at, int row, const std::string& pattern, int other_page) {
  std::string text = pattern;
  const auto p = text.find("{page}");
  if (p != std::string::npos) text.replace(p, 6, std::to_string(other_page));
  const model::Style& st = s_.style("jump");
  const auto para = s_.plain(text, "jump", a_.id, at.page);
  const auto lines = para.lines(col_w());
  if (lines.empty()) return;
  const Len base = s_.baseline(job_.layout().row_y(row), 1, st.size);
  s_.place(job_.page(at.page), lines.front(), job_.layout().col_x(at.column), base, a_.id);
  auto& box = job_.page(at.page).boxes.back();
  box.kind = "jump";
}

// A subhead is never left alone at a column foot (typography.md "Roles"): it moves on
// when it and two lines of what follows do not fit.
bool ArticleFlow::keep_subhead_with_next(const Item& it, const Item* next) {
  if (it.block->kind != model::TextKind::Subhead || si_ + 1 >= slots_.size()) return false;
  const int before = row_ == slots_[si_].row_first ? 0 : s_.style(it.block->style).space_before_lines;
  const int need = before + it.rows * static_cast<int>(it.fixed.size()) + (next ? 2 * next->rows : 0);
  return remaining() < need;
}

// Widow / orphan control across columns (typography.md "Paragraphs"), where the frame
// allows: no paragraph's first line alone at a column foot, no last line alone at the
// head of the next column.
bool ArticleFlow::avoid_lonely_line(const Item& it, const compose::Cursor& c) {
  if (it.block->kind != model::TextKind::Para || remaining() != it.rows || si_ + 1 >= slots_.size()) return false;
  compose::Cursor peek = c;
  it.para.next_line(peek, col_w());
  if (it.para.done(peek)) return false;  // this line ends the paragraph: fine here
  if (c.line_index == 0) return true;    // a first line alone at the foot
  it.para.next_line(peek, col_w());
  return it.para.done(peek) && c.line_index >= 2;  // the last line would be alone on top
}

void ArticleFlow::place(const compose::Line& l, int rows, const model::Style& st) {
  const Slot& sl = slots_[si_];
  const Len base = s_.baseline(job_.layout().row_y(row_), rows, st.size);
  s_.place(job_.page(sl.page), l, job_.layout().col_x(sl.column), base, a_.id);
  row_ += rows;
  used_[si_] = row_ - sl.row_first;
}

void ArticleFlow::flow_body(std::vector<Item>& items) {
  for (size_t k = 0; k < items.size(); ++k) {
    Item& it = items[k];
    const model::Style& st = s_.style(it.block->style);
    if (keep_subhead_with_next(it, k + 1 < items.size() ? &items[k + 1] : nullptr)) next_slot();
    if (si_ < slots_.size() && row_ != slots_[si_].row_first) row_ += st.space_before_lines;
    if (!it.fixed.empty()) {
      place_fixed(it);
      if (si_ >= slots_.size()) return overset(items, k, compose::Cursor{});
      row_ += st.space_after_lines;
      continue;
    }
    compose::Cursor c;
    while (!it.para.done(c)) {
      if (!fits(it.rows) || avoid_lonely_line(it, c)) {
        if (!next_slot()) return overset(items, k, c);
        continue;
      }
      const compose::Line line = it.para.next_line(c, col_w());
      s_.dump(it.para, line);
      place(line, it.rows, st);
    }
    row_ += st.space_after_lines;
  }
  underset();
}

void ArticleFlow::place_fixed(const Item& it) {
  const model::Style& st = s_.style(it.block->style);
  for (const auto& hl : it.fixed) {
    while (!fits(hl.rows) && si_ < slots_.size()) next_slot();
    if (si_ >= slots_.size()) return;
    place(hl.line, hl.rows, st);
  }
}

}  // namespace

int count_chars(const std::string& text, std::uint32_t from) {
  int n = 0;
  for (std::uint32_t i = from; i < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if ((b & 0xC0) != 0x80 && b != '\n') ++n;
  }
  return n;
}

namespace {

// Overset is an error naming the article and how much did not fit (issue-format.md);
// --allow-overset makes it a warning and marks the spot on the proof.
void ArticleFlow::overset(std::vector<Item>& items, size_t k, const compose::Cursor& c) {
  int chars = count_chars(items[k].para.shaped().text, c.pos);
  int lines = 0;
  compose::Cursor rest = c;
  while (!items[k].para.done(rest)) items[k].para.next_line(rest, col_w()), ++lines;
  for (size_t j = k + 1; j < items.size(); ++j) {
    chars += count_chars(items[j].para.shaped().text, 0);
    lines += static_cast<int>(items[j].para.lines(col_w()).size());
  }
  const Slot& last = slots_.empty() ? Slot{a_.frames.back().page, 0, 1, 1, 1} : slots_.back();
  const std::string msg = std::to_string(chars) + " characters (" + std::to_string(lines) +
                          " lines) did not fit its frames; make the frames larger or cut the text";
  if (job_.opt.allow_overset)
    job_.diag.warn("overset", msg, a_.loc, a_.id, last.page);
  else
    job_.diag.error("overset", msg, a_.loc, a_.id, last.page);
  const Len x = job_.layout().col_x(last.column), y = job_.layout().row_y(last.row_last);
  job_.page(last.page).overlay.push_back({frame::Overlay::Overset, x, y, col_w(), job_.layout().pitch});
  underset();
}

// A column left mostly empty is reported (issue 4): less than half its grid lines used.
void ArticleFlow::underset() {
  std::map<std::pair<int, int>, std::pair<int, int>> cols;  // (frame, column) → (used, rows)
  for (size_t i = 0; i < slots_.size(); ++i) {
    auto& u = cols[{slots_[i].frame, slots_[i].column}];
    u.first += used_[i];
    u.second += slots_[i].rows();
  }
  for (const auto& [key, u] : cols) {
    if (u.first * 2 >= u.second) continue;
    const model::Frame& f = a_.frames[static_cast<size_t>(key.first)];
    job_.diag.warn("underset",
                   "column " + std::to_string(key.second) + " is mostly empty (" + std::to_string(u.first) + " of " +
                       std::to_string(u.second) + " grid lines used); make the frame smaller or add text",
                   f.loc, a_.id, f.page);
  }
}

}  // namespace

void lay_out_article(Job& job, const model::Article& a) { ArticleFlow(job, a).run(); }

}  // namespace flow
