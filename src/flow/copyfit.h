#pragma once
// Copyfitting (docs/format.md "Copyfitting"): an article with fit= is fitted to its frames
// within what the layout allows — tracking within ±0.05 em, the body size within the
// body style's size-min…size-max (whole ems to the column), or grid lines added to (or
// given back by) its last frame — and the build report says what was done and how full
// each article is.
#include <map>

#include "flow/pages.h"

namespace flow {

// How an article is set: what copyfitting chose (all defaults: as written).
struct Fit {
  Len body_size = 0;  // paragraphs' size; 0: the body style's
  // Tracked paragraphs, by index in the article's body: their glyph positions × scale /
  // 1000 (950: −0.05 em), composed at the column widened by 1000 / scale.
  std::map<size_t, int> tracking;
  int extra_rows = 0;  // grid lines added to the last frame (negative: given back)
};

// How the text falls in the frames, measured without placing anything.
struct Fill {
  bool fits = true;      // everything set, head included
  int used = 0;          // grid lines of body text, as the text falls unbalanced
  int available = 0;     // grid lines of the frames' columns below the head
  int over_lines = 0;    // lines that did not fit
  bool underset = false; // a column less than half used (the underset warning's rule)
  Len column = 0;        // the narrowest text column
};

// The article with its last frame `extra_rows` longer (or shorter).
model::Article with_rows(const model::Article& a, int extra_rows);
// Grid lines free below the article's last frame on its page (no other block there).
int free_rows_below(const Job& job, const model::Article& a);

class ArticleFlow;

// Nothing changed: the article set as written.
inline bool as_written(const Fit& f) { return f.body_size == 0 && f.tracking.empty() && f.extra_rows == 0; }

// Chooses the fit of an article (none when it has no fit=), reports it (code copyfit)
// and returns it with the fill it gives. `written` is the article's flow as written, not
// yet measured: measured here, ready to be placed when the fit is as written.
std::pair<Fit, Fill> choose_fit(Job& job, const model::Article& a, ArticleFlow& written);
// The build report's fill of an article (code fill, a note): grid lines of body text
// against the grid lines its frames offer.
void report_fill(Job& job, const model::Article& a, const Fill& fill);

}  // namespace flow
