#pragma once
// What flow promises on every page, checked from the model (where blocks are) and the
// output boxes (where lines went). Each check appends one message per violation; an empty
// list means the invariant holds. The randomized test runs them all on every issue.
#include <string>
#include <vector>

#include "flow/flow_support.h"

namespace ft {

using Violations = std::vector<std::string>;

// Every line (not folio) inside the page's text area (the grid), and inside its own block
// (an article's frames on that page, a photo's or banner's block).
void check_inside(const Laid& l, Violations& v);
// No line box intersects an image, another block (a nested photo counts as another
// block for its article's text), or another line box. A mark hung past a line
// (行末悬挂) is at most half an em, on the page, and touches no image, rule, other
// block or line.
void check_no_overlap(const Laid& l, Violations& v);
// Every grid-placed line (all but banner and folio) is centred in a whole number of grid
// lines, and every body line of a size sits at the same height in its grid line: body
// baselines are on the baseline grid, so neighbouring columns align.
void check_grid(const Laid& l, Violations& v);
// In each article's text order: a subhead is never the last line of a column while text
// follows, and a paragraph's first line is not alone at a column foot.
void check_column_feet(const Laid& l, Violations& v);
// Jump lines (下转 / 上接) exactly where text continues in a frame on another page,
// naming that page, at the foot / head of the column; a continuation head (接题) over
// the continuation line where the story has a headline or a <jumphead>.
void check_jumps(const Laid& l, Violations& v);
// No text is lost silently: an article without an overset finding has every character
// of its head and body on the pages (spaces aside); one with a finding reports a count.
void check_text_complete(const Laid& l, Violations& v);

Violations check_all(const Laid& l);
// The first few violations, one a line (for CHECK_MESSAGE).
std::string first(const Violations& v, size_t n = 12);

// An article's body lines (roles body, subhead, byline set in the columns) in text order:
// frames in threading order, columns left to right, top to bottom.
struct Placed {
  frame::Box line;
  int page = 0;
  size_t column = 0;  // index of its column box in the article's order
  frame::Box column_box;
  bool column_last = false;
};
std::vector<Placed> body_in_order(const Laid& l, const model::Article& a);

}  // namespace ft
