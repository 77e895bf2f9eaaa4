#include "flow/slots.h"

#include <algorithm>

namespace flow {

const model::BoxStyle* box_of(const model::Layout& L, const model::Article& a) {
  return a.box.empty() ? nullptr : &L.box_style(a.box, a.loc);
}

Inner inner_of(const model::Layout& L, const model::Article& a, const model::Frame& f) {
  const model::Box b = L.box(f.rect);
  Inner in{f.rect.row, f.rect.row + f.rect.rows - 1, b.x, b.w};
  if (const model::BoxStyle* box = box_of(L, a)) {
    const Len pad = static_cast<Len>(box->pad_em1000) * L.body_size() / 1000;
    in.row_first += box->pad_rows, in.row_last -= box->pad_rows;
    in.x += pad, in.w -= 2 * pad;
  }
  return in;
}

std::vector<TextColumn> text_columns(const model::Layout& L, const model::Article& a, const model::Frame& f,
                                     bool* grid) {
  const model::BoxStyle* box = box_of(L, a);
  const int n = f.columns > 0 ? f.columns : a.columns > 0 ? a.columns : f.rect.cols;
  std::vector<TextColumn> out;
  if (grid) *grid = !box && n == f.rect.cols;
  if (!box && n == f.rect.cols) {
    for (int c = f.rect.col; c < f.rect.col + f.rect.cols; ++c) out.push_back({L.col_x(c), L.column_width});
    return out;
  }
  const Inner in = inner_of(L, a, f);
  const Len em = L.body_size();
  const Len gutter = box && box->gutter > 0 ? box->gutter : L.gutter;
  const Len raw = (in.w - (n - 1) * gutter) / n;
  const Len w = std::max<Len>(raw / em * em, 0);  // whole body ems
  const Len spare = in.w - n * w - (n - 1) * gutter;
  const Len g = n > 1 ? gutter + spare / (n - 1) : 0;
  const Len left = n > 1 ? (spare - (n - 1) * (g - gutter)) / 2 : spare / 2;
  for (int i = 0; i < n; ++i) out.push_back({in.x + left + i * (w + g), w});
  return out;
}

std::vector<std::pair<int, int>> free_rows(const model::Layout& L, const model::Article& a, const model::Frame& f,
                                           TextColumn col, int first, int last) {
  std::vector<std::pair<int, int>> out{{first, last}};
  for (const auto& ph : a.photos) {
    const model::Box pb = L.box(ph.rect);
    if (ph.page != f.page || pb.x + pb.w <= col.x || col.x + col.w <= pb.x) continue;
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

// Past a block's last text: the padding to the box's frame (its band runs inside the
// frame), else half the gutter beyond the block — a rule between blocks stands in its
// middle — or the page's margin beyond the last grid column.
Len room_past(const model::Layout& L, const model::GridRect& rect, const model::BoxStyle* box, Len end) {
  const model::Box b = L.box(rect);
  if (box && !box->frame.empty() && box->sides[1]) return b.x + b.w - L.stroke(box->frame).band() - end;
  if (rect.col + rect.cols > L.columns) return L.trim_w - end;
  return b.x + b.w + L.gutter / 2 - end;
}

// A mark hung past the line end stands half its em past it (CLREQ §3.1.7 行末悬挂) and
// keeps an eighth of an em clear of what is beyond — the next column's or tier's
// characters, a rule, the box's frame, another block — so that body text enlarged by
// copyfitting (11.7 pt) or an intro at 小四 still hangs into a 1.5-em body gutter with
// its rule in the middle.
bool hang_fits(Len room, Len size) { return room * 8 >= size * 5; }

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

// The white right of text column c, where a mark hung past the measure would stand: the
// gutter to the next column; after the last one, what lies past the frame (room_past).
Len end_room(const model::Layout& L, const model::Article& a, const model::Frame& f,
             const std::vector<TextColumn>& cols, size_t c) {
  const Len end = cols[c].x + cols[c].w;
  if (c + 1 < cols.size()) return cols[c + 1].x - end;
  return room_past(L, f.rect, box_of(L, a), end);
}

}  // namespace

std::vector<Slot> article_slots(const model::Layout& L, const model::Article& a, int body_row,
                                std::pair<int, int> head, const std::map<int, int>& reserved,
                                const std::map<int, Len>& under) {
  std::vector<Slot> slots;
  for (size_t fi = 0; fi < a.frames.size(); ++fi) {
    const model::Frame f = fi == 0 ? beside_head(a.frames[fi], head) : a.frames[fi];
    if (f.vertical) {  // tiers of vertical lines (竖排)
      const auto u = under.find(static_cast<int>(fi));
      const Len foot = L.row_y(f.rect.row + f.rect.rows);
      const auto tiers = tier_slots(L, a, f, static_cast<int>(fi), fi == 0 ? body_row : 1,
                                    u != under.end() ? u->second : foot);
      slots.insert(slots.end(), tiers.begin(), tiers.end());
      continue;
    }
    const Inner in = inner_of(L, a, f);
    const auto r = reserved.find(static_cast<int>(fi));
    const int first = fi == 0 ? body_row : in.row_first + (r != reserved.end() ? r->second : 0), last = in.row_last;
    bool grid = false;
    const auto cols = text_columns(L, a, f, &grid);
    for (size_t c = 0; c < cols.size(); ++c) {
      const int number = grid ? f.rect.col + static_cast<int>(c) : static_cast<int>(c) + 1;
      for (auto [r0, r1] : free_rows(L, a, f, cols[c], first, last)) {
        if (r1 < r0) continue;
        slots.push_back({f.page, static_cast<int>(fi), number, r0, r1, false, false, cols[c].x, cols[c].w});
        slots.back().end_room = end_room(L, a, f, cols, c);
      }
    }
  }
  reserve_jumps(slots);
  return slots;
}

}  // namespace flow
