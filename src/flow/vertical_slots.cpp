// The places of vertical text (竖排; docs/format.md "Vertical text"): a vertical frame is
// cut into tiers (栏/段), bands of whole grid lines one grid line apart, top to bottom; in
// each tier the lines stand one line pitch (the grid pitch, the body's leading) apart,
// read from right to left. A tier's column length is a whole number of body ems, so Han
// columns fit exactly (docs/typography.md "The character grid", turned).
#include <algorithm>

#include "flow/slots.h"

namespace flow {

model::Frame beside_head(const model::Frame& f, std::pair<int, int> head) {
  model::Frame out = f;
  const auto [col, n] = head;
  if (n <= 0 || n >= f.rect.cols) return out;
  out.rect.cols -= n;
  if (col == f.rect.col) out.rect.col += n;  // the head on the left: the text starts after it
  return out;
}

// Without tiers=, tiers about as high as the layout's columns are wide (with a gutter
// between them), as a horizontal line is about a column long.
int tier_count(const model::Layout& L, const model::Article& a, const model::Frame& f) {
  const Inner in = inner_of(L, a, f);
  const int rows = std::max(in.row_last - in.row_first + 1, 1);
  if (f.tiers > 0) return std::min(f.tiers, std::max(1, (rows + 1) / 3));
  const Len target = L.column_width + L.gutter;
  const Len span = (rows + 1) * L.pitch;
  return std::max<int>(1, static_cast<int>((span + target / 2) / target));
}

std::vector<Slot> tier_slots(const model::Layout& L, const model::Article& a, const model::Frame& f, int fi,
                             int first_line, Len under) {
  const Inner in = inner_of(L, a, f);
  const int rows = in.row_last - in.row_first + 1;
  const int n = tier_count(L, a, f);
  const int per = std::max((rows + 1) / n - 1, 1);  // grid lines per tier, one between tiers
  const Len em = L.body_size();
  const Len measure = std::max<Len>(per * L.pitch / em * em, em);
  const int lines = static_cast<int>(std::max<Len>(in.w / L.pitch, 0));
  // The lines centred across the frame: the white left over is shared by both sides.
  const Len right = in.x + in.w - (in.w - lines * L.pitch) / 2;
  std::vector<Slot> out;
  for (int t = 0; t < n; ++t) {
    const int row = in.row_first + t * (per + 1);
    if (row + per - 1 > in.row_last) break;
    Slot s{f.page, fi, t + 1, first_line, lines, false, false, right - lines * L.pitch, measure};
    s.vertical = true;
    s.top = L.row_y(row) + (per * L.pitch - measure) / 2;  // the column centred in its grid lines
    s.right = right;
    out.push_back(s);
  }
  // The white below each tier's foot: down to the next tier; under the last one, down to
  // the box's frame (its band runs inside the frame) or to what stands below the frame.
  const model::BoxStyle* box = box_of(L, a);
  const bool framed = box && !box->frame.empty() && box->sides[2];
  const Len floor = framed ? L.row_y(f.rect.row + f.rect.rows) - L.stroke(box->frame).band() : under;
  for (std::size_t t = 0; t < out.size(); ++t)
    out[t].end_room = (t + 1 < out.size() ? out[t + 1].top : floor) - (out[t].top + out[t].w);
  return out;
}

}  // namespace flow
