#pragma once
// An article: the headline group across its first frame (beside a photo that sits at the
// frame's top), then byline, paragraphs and subheads flowing down its columns left to
// right, through its frames in order, across pages (jumps), around photos set inside it.
// Lines are pulled from the composer one at a time at the column's width; the break
// position (State) is handed from column to column and page to page (docs/architecture.md).
#include <algorithm>
#include <functional>
#include <memory>

#include "flow/copyfit.h"
#include "flow/head.h"
#include "flow/pages.h"
#include "flow/slots.h"
#include "flow/vertical_head.h"

namespace flow {

struct Item {
  const model::TextBlock* block = nullptr;
  compose::Paragraph para;
  int rows = 1;                 // grid rows per line
  Len size = 0;                 // the style's size: every line's baseline
  std::string role;             // "body", "subhead", "byline"
  std::vector<HeadLine> fixed;  // subheads: lines set at the column width, broken at the editor's spaces
  Len measure = 0;              // the width the fixed lines were set at (the narrowest column)
  int scale1000 = 1000;         // copyfit tracking of a paragraph (copyfit.h)
  // Vertical text (vertical_flow.cpp): the same paragraph shaped and composed for the
  // tiers of vertical frames, and a subhead's lines set at the tier's column length.
  std::shared_ptr<compose::Paragraph> vpara;
  std::vector<HeadLine> vfixed;
  // The same without hanging punctuation, for columns and tiers with no white past their
  // lines' ends to hang a mark into (Slot::end_room); made only when the style hangs and
  // such a slot exists.
  std::shared_ptr<compose::Paragraph> flush, vflush;
};

// Where the story stands: the break token handed from slot to slot.
struct State {
  size_t k = 0;          // current item
  compose::Cursor c;     // position in its paragraph
  size_t fi = 0;         // next fixed line of a subhead
  bool started = false;  // the item's space above and keep-with-next are done
  size_t si = 0;         // current slot
  int row = 0;           // next free grid row in it
};

class ArticleFlow {
 public:
  // `fit`: how copyfitting sets the article (copyfit.h); the default is as written.
  ArticleFlow(Job& job, const model::Article& a, const Fit& fit = {});
  // measure() then place(): the article set on its pages.
  void run();
  // How the text falls in the frames (balanced, as place() sets it). Nothing is placed
  // or reported yet: what the text needs on the pages is kept for place().
  Fill measure();
  // Puts on the pages what measure() set, then the photos, and reports overset and
  // underset: the same lines, in the same order, as one pass that placed as it went, so
  // an article measured once is composed once.
  void place();
  // For copyfit's tracking: each body paragraph (by index in the article's body), its
  // lines and loose lines at the narrowest column widened by 1000 / scale1000.
  struct ParaLines {
    size_t block = 0;
    int lines = 0, loose = 0;
  };
  std::vector<ParaLines> paragraph_lines(int scale1000);

 private:
  // The head (article.cpp).
  void prepare();
  void plan_head();
  std::pair<Len, Len> head_span() const;
  int place_head();
  void make_items();
  const model::TextBlock* head_byline() const;
  // The body (body_flow.cpp). flow() runs from st_ to the end of the text; false when it
  // ran out of room (overset; st_ then says where). A dry run places nothing.
  bool flow();
  bool start_item(const Item& it);
  bool flow_fixed(const Item& it);
  bool flow_para(Item& it);
  bool next_slot();
  bool fits(int rows) const;
  int remaining() const;
  bool keep_subhead_with_next(const Item& it) const;
  bool avoid_lonely_line(const Item& it) const;
  void set(const compose::Paragraph& p, compose::Line l, int rows, Len size, const std::string& role, Len shift = 0,
           int scale1000 = 1000);
  void advance(int rows);  // the current slot's next `rows` grid rows used
  Len centring_shift(const Item& it) const;
  void jump_line(const Slot& at, int row, const std::string& pattern, int other_page);
  // Continuation heads (接题, body_flow.cpp): planned with the slots (the grid rows they
  // take at the top of their frames, by frame index), placed when the text gets there.
  const model::TextBlock* jump_head_block();
  std::map<int, int> plan_jump_heads();
  void place_jump_head(int frame);
  // Column balancing of the last frame (docs/format.md "Column balancing").
  void balance();
  bool fits_under(int cap, std::vector<int>* used = nullptr) const;
  // Reports (article.cpp).
  void overset();
  void underset();
  void column_boxes();
  int lines_left(int* chars) const;  // lines of the text from st_ on
  struct Empty {
    int frame = 0;
    std::vector<int> columns;  // columns less than half used
    int used = 0, rows = 0;    // grid lines used and free in the frame
  };
  std::vector<Empty> mostly_empty() const;
  // Nothing is placed or kept for place(): a dry run (balancing's trials).
  bool quiet() const { return dry_; }
  // What place() puts on the pages, in the order measure() set it.
  void keep(std::function<void()> op) {
    if (!dry_) ops_->push_back(std::move(op));
  }
  // The width of the current text column (the last one past the end of the text).
  Len col_w() const {
    return slots_.empty() ? job_.layout().column_width : slots_[std::min(st_.si, slots_.size() - 1)].w;
  }
  Len narrowest() const;
  void draw_boxes();
  // Vertical text (vertical_flow.cpp; docs/format.md "Vertical text").
  int prepare_vertical_head();  // the head set vertically; returns the first body row (or line)
  void make_vertical_items();
  std::map<int, Len> under_vertical_frames() const;  // article_slots' `under`
  bool in_tier() const { return st_.si < slots_.size() && slots_[st_.si].vertical; }
  const compose::Paragraph& para_for(const Item& it) const {
    const bool tier = in_tier() && it.vpara;
    const auto& flush = tier ? it.vflush : it.flush;
    if (flush && st_.si < slots_.size() && !hang_fits(slots_[st_.si].end_room, it.size)) return *flush;
    return tier ? *it.vpara : it.para;
  }
  bool cramped(const Item& it, bool vertical) const;  // a slot of that direction lacks the room
  const std::vector<HeadLine>& fixed_for(const Item& it) const { return in_tier() && it.vpara ? it.vfixed : it.fixed; }
  void set_in_tier(const compose::Paragraph& p, compose::Line l, int rows, const std::string& role);
  void tier_jump_line(const Slot& at, int row, const std::string& text);
  model::Box slot_box(const Slot& sl) const;
  // Paragraphs are composed at the column widened by copyfit tracking; their glyph
  // positions are scaled back when placed.
  Len width_for(const Item& it) const {
    return col_w() * 1000 / it.scale1000;
  }

  Job& job_;
  const model::Article& a_;
  const Setter& s_;
  Fit fit_;
  bool prepared_ = false;
  bool all_set_ = false;  // measure(): the whole text found room
  std::shared_ptr<std::vector<Item>> items_;  // shared by the dry runs
  // What place() does, kept by measure() (dry runs, copies of this, keep nothing).
  std::shared_ptr<std::vector<std::function<void()>>> ops_;
  std::vector<Slot> slots_;
  std::vector<Slot> columns_;  // the slots before balancing (--dump=pages "column" boxes)
  std::vector<int> used_;      // grid rows used per slot
  State st_;
  bool dry_ = false;
  bool balanced_ = false;      // the balancing decision is taken
  std::vector<int> natural_;   // when it balanced: the rows used per slot had it not
  // The headline group and where it goes: columns [head_col_, +head_cols_) from head_row_.
  HeadGroup head_;
  int head_col_ = 0, head_cols_ = 0, head_row_ = 0;
  int head_lost_chars_ = 0, head_lost_lines_ = 0;  // head lines that did not fit the frame
  VerticalHead vhead_;                 // a head set vertically (竖题)
  std::pair<int, int> head_zone_{0, 0};  // its grid columns beside horizontal text {first, count}
  std::map<int, HeadGroup> jump_heads_;  // by frame index: the head over a continuation
  model::TextBlock jumphead_;            // the headline as a continuation head (no <jumphead>)
};

}  // namespace flow
