#include "flow/slots.h"

namespace flow {

namespace {

// Row intervals of one column of a frame after taking out the photos that cover it.
std::vector<std::pair<int, int>> free_rows(const model::Article& a, const model::Frame& f, int col, int first) {
  std::vector<std::pair<int, int>> out{{first, f.rect.row + f.rect.rows - 1}};
  for (const auto& ph : a.photos) {
    if (ph.page != f.page || col < ph.rect.col || col >= ph.rect.col + ph.rect.cols) continue;
    const int p0 = ph.rect.row, p1 = ph.rect.row + ph.rect.rows - 1;
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

}  // namespace

std::vector<Slot> article_slots(const model::Article& a, int head_rows) {
  std::vector<Slot> slots;
  for (size_t fi = 0; fi < a.frames.size(); ++fi) {
    const model::Frame& f = a.frames[fi];
    const int first = f.rect.row + (fi == 0 ? head_rows : 0);
    for (int c = f.rect.col; c < f.rect.col + f.rect.cols; ++c)
      for (auto [r0, r1] : free_rows(a, f, c, first))
        if (r1 >= r0) slots.push_back({f.page, static_cast<int>(fi), c, r0, r1, false, false});
  }
  // A jump (next frame on another page) reserves the last row of the frame's last slot
  // and the first row of the continuation's first slot for the jump lines.
  for (size_t i = 0; i + 1 < slots.size(); ++i) {
    if (slots[i].frame == slots[i + 1].frame || slots[i].page == slots[i + 1].page) continue;
    if (slots[i].rows() > 1) {
      slots[i].row_last -= 1;
      slots[i].jump_out = true;
    }
    if (slots[i + 1].rows() > 1) {
      slots[i + 1].row_first += 1;
      slots[i + 1].jump_in = true;
    }
  }
  return slots;
}

}  // namespace flow
