#pragma once
// The places an article's body text can go: for each of its frames in threading order,
// its text columns left to right, each column split into row intervals around photos set
// inside the article (text flows around them, never over them, and keeps one grid line
// clear above and below them). Jumps reserve a grid line for the jump lines (下转 / 上接).
// A frame's text columns are its grid columns, unless the article is boxed (its padding
// narrows them) or sets its own number of columns (变栏, docs/format.md "Text columns").
#include <map>
#include <vector>

#include "model/issue.h"

namespace flow {

using base::Len;

// The part of a frame the article's text and head may use: its grid rows and its width
// less a box's padding.
struct Inner {
  int row_first = 0, row_last = 0;  // grid rows (1-based, inclusive)
  Len x = 0, w = 0;
};

struct TextColumn {
  Len x = 0, w = 0;
};

struct Slot {
  int page = 0;        // page number
  int frame = 0;       // index of the frame in the article
  int column = 0;      // grid column (1-based, on the page); for 变栏 frames the text column (1-based)
  int row_first = 0;   // first grid row of the interval (1-based)
  int row_last = 0;    // last grid row (inclusive); row_last < row_first: no room left
  bool jump_out = false;  // the row after row_last is reserved for "（下转第N版）"
  bool jump_in = false;   // the row before row_first is reserved for "（上接第N版）"
  Len x = 0, w = 0;       // the text column on the page
  // A tier (栏) of vertical text (vertical_slots.cpp): its "rows" are line positions
  // counted from its right edge, one line pitch each; `w` is its column length (the
  // measure), `x` its left edge; the lines start at `top` and stand left of `right`.
  bool vertical = false;
  Len top = 0, right = 0;
  // The white past its lines' ends, where a mark hung past the measure (行末悬挂) would
  // stand: right of a column, to the next column, the box's frame, or the middle of the
  // gutter beyond the frame (where a rule between blocks stands); below a tier's foot, to
  // the next tier, the box's frame or what stands under the frame.
  Len end_room = 0;
  int rows() const { return row_last - row_first + 1; }
};

// The box style of the article (nullptr: none).
const model::BoxStyle* box_of(const model::Layout& L, const model::Article& a);
Inner inner_of(const model::Layout& L, const model::Article& a, const model::Frame& f);
// Text columns of equal width across the inner width, each a whole number of body ems
// (docs/typography.md "The character grid"); what is left over widens the gutters (a single
// column is centred). A frame without a box and with one column per grid column keeps the
// grid's own columns exactly. `grid`: whether that is the case.
std::vector<TextColumn> text_columns(const model::Layout& L, const model::Article& a, const model::Frame& f,
                                     bool* grid = nullptr);

// The white past the end of a line at `end` that is the last text of the block at `rect`
// (box: the block's box style, or none), where a mark hung past the measure (行末悬挂)
// would stand: to the box's frame, else to the middle of the gutter beyond the block
// (where a rule between blocks stands), or to the trim beyond the last grid column. Body
// columns, tiers, captions and briefs all measure their room by it (docs/composer.md
// "Hanging punctuation").
Len room_past(const model::Layout& L, const model::GridRect& rect, const model::BoxStyle* box, Len end);
// Whether `room` of white past a line's end holds a mark hung there by text of em `size`:
// the hung half em and an eighth of an em clear. Where it does not, the line is set from
// a setting of its paragraph without hanging.
bool hang_fits(Len room, Len size);

// `body_row`: the first grid row of body text in the first frame (below the headline
// group, in every column of the frame); in a vertical first frame, the first line position
// (left of a vertical head). `head`: grid columns of the first frame a vertical head takes
// beside the text ({first column, count}; count 0: none). `reserved`: grid rows kept at
// the top of a frame, by frame index (a continuation's head, 接题).
// `under`: for a vertical frame (by index), where the first thing below it on the page
// starts (a block, a rule; the trim's foot when nothing is): the bound of its last tier's
// white (Slot::end_room); a frame not listed has none below its foot.
std::vector<Slot> article_slots(const model::Layout& L, const model::Article& a, int body_row,
                                std::pair<int, int> head = {0, 0}, const std::map<int, int>& reserved = {},
                                const std::map<int, Len>& under = {});

// Vertical text (vertical_slots.cpp): the tiers of a vertical frame, top to bottom, their
// lines from `first_line` on; the line pitch across them; the tiers a frame has.
std::vector<Slot> tier_slots(const model::Layout& L, const model::Article& a, const model::Frame& f, int fi,
                             int first_line, Len under);
int tier_count(const model::Layout& L, const model::Article& a, const model::Frame& f);
// The frame with the columns a vertical head takes removed (the text's part of it).
model::Frame beside_head(const model::Frame& f, std::pair<int, int> head);

// Grid rows [first, last] of the text column [x, x + w) of frame `f` not covered by a
// photo of the article (with its grid line of clearance above and below).
std::vector<std::pair<int, int>> free_rows(const model::Layout& L, const model::Article& a, const model::Frame& f,
                                           TextColumn col, int first, int last);

}  // namespace flow
