#pragma once
// The places an article's body text can go: for each of its frames in threading order,
// its columns left to right, each column split into row intervals around photos set
// inside the article (text flows around them, never over them, and keeps one grid line
// clear above and below them). Jumps reserve a grid line for the jump lines (下转 / 上接).
#include <vector>

#include "model/issue.h"

namespace flow {

struct Slot {
  int page = 0;        // page number
  int frame = 0;       // index of the frame in the article
  int column = 0;      // grid column (1-based, on the page)
  int row_first = 0;   // first grid row of the interval (1-based)
  int row_last = 0;    // last grid row (inclusive); row_last < row_first: no room left
  bool jump_out = false;  // the row after row_last is reserved for "（下转第N版）"
  bool jump_in = false;   // the row before row_first is reserved for "（上接第N版）"
  int rows() const { return row_last - row_first + 1; }
};

// `body_row`: the first grid row of body text in the first frame (below the headline
// group, in every column of the frame).
std::vector<Slot> article_slots(const model::Article& a, int body_row);

// Grid rows [first, last] of column `col` of frame `f` not covered by a photo of the
// article (with its grid line of clearance above and below).
std::vector<std::pair<int, int>> free_rows(const model::Article& a, const model::Frame& f, int col, int first,
                                           int last);

}  // namespace flow
