#include "flow/slots.h"

namespace flow {

std::vector<std::pair<int, int>> free_rows(const model::Article& a, const model::Frame& f, int col, int first,
                                           int last) {
  std::vector<std::pair<int, int>> out{{first, last}};
  for (const auto& ph : a.photos) {
    if (ph.page != f.page || col < ph.rect.col || col >= ph.rect.col + ph.rect.cols) continue;
    // One grid line of white between the text and the photo (or its caption).
    const int p0 = ph.rect.row - 1, p1 = ph.rect.row + ph.rect.rows;
    std::vector<std::pair<int, int>> next;
    for (auto [r0, r1] : out) {
      if (p1 < r0 || p0 > r1) {
        next.push_back({r0, r1});
        continue;
      }
      if (r0 < p0) next.push_back({r0, p0 - 1});
      if (p1 < r1) next.push_back({p1 + 1, r1});
    }
    out = std::move(next);
  }
  return out;
}

namespace {

// A jump (next frame on another page) reserves the last grid line of the frame's last
// slot and the first of the continuation's first slot for the jump lines. A slot may be
// left with no room: the jump line then takes its only line. A one-line slot that both
// receives and sends a jump keeps its line for the continuation line.
void reserve_jumps(std::vector<Slot>& slots) {
  for (size_t i = 0; i + 1 < slots.size(); ++i) {
    Slot& a = slots[i];
    Slot& b = slots[i + 1];
    if (a.frame == b.frame || a.page == b.page) continue;
    if (a.rows() >= (a.jump_in ? 2 : 1)) {
      a.row_last -= 1;
      a.jump_out = true;
    }
    if (b.rows() >= 1) {
      b.row_first += 1;
      b.jump_in = true;
    }
  }
}

}  // namespace

std::vector<Slot> article_slots(const model::Article& a, int body_row) {
  std::vector<Slot> slots;
  for (size_t fi = 0; fi < a.frames.size(); ++fi) {
    const model::Frame& f = a.frames[fi];
    const int first = fi == 0 ? body_row : f.rect.row, last = f.rect.row + f.rect.rows - 1;
    for (int c = f.rect.col; c < f.rect.col + f.rect.cols; ++c)
      for (auto [r0, r1] : free_rows(a, f, c, first, last))
        if (r1 >= r0) slots.push_back({f.page, static_cast<int>(fi), c, r0, r1, false, false});
  }
  reserve_jumps(slots);
  return slots;
}

}  // namespace flow
