// The body of an article flowing through its slots: one line at a time from the composer
// at the column's width; subheads kept with what follows; widow and orphan control across
// column breaks; jump lines between frames on different pages; column balancing.
#include <algorithm>

#include "flow/article.h"

namespace flow {

bool ArticleFlow::fits(int rows) const {
  return st_.si < slots_.size() && st_.row + rows - 1 <= slots_[st_.si].row_last;
}

int ArticleFlow::remaining() const {
  return st_.si < slots_.size() ? std::max(slots_[st_.si].row_last - st_.row + 1, 0) : 0;
}

bool ArticleFlow::flow() {
  auto& items = *items_;
  for (; st_.k < items.size(); ++st_.k, st_.c = {}, st_.fi = 0, st_.started = false) {
    Item& it = items[st_.k];
    if (!st_.started && !start_item(it)) return false;
    if (!(fixed_for(it).empty() ? flow_para(it) : flow_fixed(it))) return false;
    st_.row += s_.style(it.block->style).space_after_lines;
  }
  return true;
}

// Before an item: a subhead that would be left at the column foot moves on (checked
// again in the next column, which balancing may have shortened); the style's space
// above is kept except at the head of a column.
bool ArticleFlow::start_item(const Item& it) {
  while (keep_subhead_with_next(it))
    if (!next_slot()) break;
  st_.started = true;
  if (st_.si < slots_.size() && st_.row != slots_[st_.si].row_first)
    st_.row += s_.style(it.block->style).space_before_lines;
  return true;
}

bool ArticleFlow::flow_fixed(const Item& it) {
  while (st_.fi < fixed_for(it).size()) {
    const HeadLine& hl = fixed_for(it)[st_.fi];
    if (!fits(hl.rows)) {
      if (!next_slot()) return false;
      continue;
    }
    if (dry_) advance(hl.rows);
    else set(*hl.para, hl.line, hl.rows, hl.size, it.role, centring_shift(it));
    ++st_.fi;
  }
  return true;
}

bool ArticleFlow::flow_para(Item& it) {
  while (!para_for(it).done(st_.c)) {
    if (!fits(it.rows) || avoid_lonely_line(it)) {
      if (!next_slot()) return false;
      continue;
    }
    // The last line above a jump ends between words (the reader turns pages there); the
    // composer is told how many lines are left down to it.
    const Slot& sl = slots_[st_.si];
    const int left = sl.jump_out ? (sl.row_last - st_.row) / it.rows + 1 : 0;
    const compose::Paragraph& para = para_for(it);
    const compose::LineEnd end = left > 0 ? compose::LineEnd::Word : compose::LineEnd::Any;
    if (dry_) {  // only where the lines end matters
      para.skip_line(st_.c, width_for(it), end, left);
      advance(it.rows);
      continue;
    }
    compose::Line line = para.next_line(st_.c, width_for(it), end, left);
    set(para, std::move(line), it.rows, it.size, it.role, 0, it.scale1000);
  }
  return true;
}

bool ArticleFlow::next_slot() {
  if (st_.si >= slots_.size()) return false;
  const size_t from = st_.si++;
  if (st_.si >= slots_.size()) return false;
  st_.row = slots_[st_.si].row_first;
  const Slot& a = slots_[from];
  const Slot& b = slots_[st_.si];
  if (a.frame != b.frame && a.page != b.page) {
    if (a.jump_out) keep([this, a, b] { jump_line(a, a.row_last + 1, job_.layout().jump_to, b.page); });
    if (b.jump_in) {
      place_jump_head(b.frame);
      keep([this, a, b] { jump_line(b, b.row_first - 1, job_.layout().jump_from, a.page); });
    }
  }
  balance();
  return true;
}

// The jump lines name the other page: （下转第N版） / （上接第N版）, wording from the layout.
void ArticleFlow::jump_line(const Slot& at, int row, const std::string& pattern, int other_page) {
  std::string text = pattern;
  const auto p = text.find("{page}");
  if (p != std::string::npos) text.replace(p, 6, std::to_string(other_page));
  if (at.vertical) return tier_jump_line(at, row, text);  // a vertical line in its tier
  const auto para = s_.plain(text, "jump", a_.id, at.page);
  const auto lines = para.lines(col_w());
  if (lines.empty()) return;
  const Len base = s_.baseline(job_.layout().row_y(row), 1, s_.style("jump").size);
  s_.place_mark(job_.page(at.page), lines.front(), at.x, base, a_.id, "jump");
}

// The continuation head (接题): the article's <jumphead>, else its headline set in the
// layout's jumphead style (the subhead's when it has none) — a smaller head that tells
// the reader turning to this page which story continues here.
const model::TextBlock* ArticleFlow::jump_head_block() {
  if (a_.jumphead) return &*a_.jumphead;
  for (const auto& h : a_.head) {
    if (h.kind != model::TextKind::Headline) continue;
    jumphead_ = h;
    jumphead_.kind = model::TextKind::JumpHead;
    jumphead_.style = job_.layout().find_style("jumphead") ? "jumphead" : "subhead";
    return &jumphead_;
  }
  return nullptr;
}

// A frame the story jumps to from another page gets the head across its top, above the
// continuation line (docs/format.md "Jumps"); a frame too short to keep two grid lines
// below it for that line and the text gets none. Vertical frames: none.
std::map<int, int> ArticleFlow::plan_jump_heads() {
  std::map<int, int> rows;
  jump_heads_.clear();
  const model::TextBlock* b = jump_head_block();
  for (size_t fi = 1; b && fi < a_.frames.size(); ++fi) {
    const model::Frame& f = a_.frames[fi];
    if (f.page == a_.frames[fi - 1].page || f.vertical) continue;
    const Inner in = inner_of(job_.layout(), a_, f);
    HeadGroup g = head_group(s_, {b}, in.w, a_.id, f.page, f.rect.cols);
    if (g.empty() || g.rows() + 2 > in.row_last - in.row_first + 1) continue;
    rows[static_cast<int>(fi)] = g.rows();
    jump_heads_.emplace(static_cast<int>(fi), std::move(g));
  }
  return rows;
}

void ArticleFlow::place_jump_head(int frame) {
  const auto g = jump_heads_.find(frame);
  if (g == jump_heads_.end()) return;
  const model::Frame& f = a_.frames[static_cast<size_t>(frame)];
  const Inner in = inner_of(job_.layout(), a_, f);
  int row = in.row_first;
  for (const auto& e : g->second.elements) {
    row += e.space_before;
    for (const auto& hl : e.lines) {
      const Len base = s_.baseline(job_.layout().row_y(row), hl.rows, hl.size);
      keep([this, page = f.page, &hl, x = in.x, base, &role = e.role] {
        s_.place(job_.page(page), *hl.para, hl.line, x, base, a_.id, role);
      });
      row += hl.rows;
    }
  }
}

// A subhead is never left alone at a column foot (docs/typography.md "Roles"): it moves on
// when it and two lines of what follows (one, if that is all there is) do not fit. A
// column too short for that, even from its head, is passed over.
bool ArticleFlow::keep_subhead_with_next(const Item& it) const {
  if (it.block->kind != model::TextKind::Subhead || st_.si + 1 >= slots_.size()) return false;
  const auto& items = *items_;
  const Item* next = st_.k + 1 < items.size() ? &items[st_.k + 1] : nullptr;
  const model::Style& st = s_.style(it.block->style);
  int need = st_.row == slots_[st_.si].row_first ? 0 : st.space_before_lines;
  for (const auto& hl : fixed_for(it)) need += hl.rows;
  if (next) {
    int lines = 2;
    if (fixed_for(*next).empty()) {
      compose::Cursor c;
      para_for(*next).skip_line(c, width_for(*next));
      if (para_for(*next).done(c)) lines = 1;
    }
    need += st.space_after_lines + lines * next->rows;
  }
  return remaining() < need;
}

// Widow / orphan control across columns (docs/typography.md "Paragraphs"), where the frame
// allows: no paragraph's first line alone at a column foot, no last line alone at the
// head of the next column.
bool ArticleFlow::avoid_lonely_line(const Item& it) const {
  const bool para = it.block->kind == model::TextKind::Para || it.block->kind == model::TextKind::Item;
  if (!para || remaining() != it.rows || st_.si + 1 >= slots_.size()) return false;
  const compose::Paragraph& p = para_for(it);
  compose::Cursor peek = st_.c;
  p.skip_line(peek, width_for(it));
  if (p.done(peek)) return false;  // this line ends the paragraph: fine here
  if (st_.c.line_index == 0) return true;  // a first line alone at the foot
  p.skip_line(peek, width_for(it));
  return p.done(peek) && st_.c.line_index >= 2;  // the last line would be alone on top
}

// Subhead lines are set once at the narrowest column of the article; in a wider column a
// centred (right-aligned) line moves by half (all) of the difference.
Len ArticleFlow::centring_shift(const Item& it) const {
  if (in_tier()) return 0;  // vertical subhead lines are set at the tier's own length
  const Len extra = col_w() - it.measure;
  if (extra <= 0) return 0;
  switch (s_.style(it.block->style).align) {
    case model::Align::Center: return extra / 2;
    case model::Align::Right: return extra;
    default: return 0;
  }
}

// A line at the next grid row of the current slot (placed by place()).
void ArticleFlow::set(const compose::Paragraph& p, compose::Line l, int rows, Len size, const std::string& role,
                      Len shift, int scale1000) {
  const Slot& sl = slots_[st_.si];
  if (sl.vertical) return set_in_tier(p, std::move(l), rows, role);
  if (!quiet()) {
    const Len base = s_.baseline(job_.layout().row_y(st_.row), rows, size);
    keep([this, page = sl.page, &p, l = std::move(l), x = sl.x + shift, base, &role, scale1000] {
      s_.place(job_.page(page), p, l, x, base, a_.id, role, scale1000);
    });
  }
  advance(rows);
}

void ArticleFlow::advance(int rows) {
  st_.row += rows;
  used_[st_.si] = st_.row - slots_[st_.si].row_first;
}

// Column balancing (docs/format.md "Column balancing"): when the story reaches its last
// frame, the frame's columns are cut to the lowest common foot at which the rest of the
// text still fits — found by dry runs from here — so the story ends in even columns
// (the left ones never shorter) instead of full columns and an empty one.
void ArticleFlow::balance() {
  if (dry_ || balanced_ || !job_.opt.balance || !a_.balance || st_.si >= slots_.size()) return;
  const int last = static_cast<int>(a_.frames.size()) - 1;
  if (slots_[st_.si].frame != last) return;
  balanced_ = true;
  int lo = st_.row, hi = st_.row - 1;
  for (size_t i = st_.si; i < slots_.size(); ++i) hi = std::max(hi, slots_[i].row_last);
  std::vector<int> natural;
  if (hi < lo || !fits_under(hi, &natural)) return;  // overset whatever the columns: nothing to balance
  while (lo < hi) {  // the smallest foot at which the text fits
    const int mid = lo + (hi - lo) / 2;
    if (fits_under(mid)) hi = mid;
    else lo = mid + 1;
  }
  for (size_t i = st_.si; i < slots_.size(); ++i) slots_[i].row_last = std::min(slots_[i].row_last, hi);
  natural_ = std::move(natural);
}

bool ArticleFlow::fits_under(int cap, std::vector<int>* used) const {
  ArticleFlow trial(*this);
  trial.dry_ = true;
  for (size_t i = st_.si; i < trial.slots_.size(); ++i)
    trial.slots_[i].row_last = std::min(trial.slots_[i].row_last, cap);
  const bool ok = trial.flow();
  if (used) *used = trial.used_;
  return ok;
}

}  // namespace flow
