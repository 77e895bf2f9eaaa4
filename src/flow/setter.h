#pragma once
// Turning model text (TextBlock, styles) into composer paragraphs and composed lines
// into positioned glyph runs.
#include <memory>
#include <vector>

#include "compose/composer.h"
#include "frame/frame.h"
#include "model/issue.h"
#include "text/fonts.h"

namespace flow {

using base::Len;

class Setter {
 public:
  Setter(const model::Layout& layout, const text::FontSet& fonts, base::Diagnostics& diag);

  // A paragraph for a block of text in its style (inline b / i / dateline resolved).
  // `size` > 0 overrides the block style's size (headlines shrunk to fit their parts).
  compose::Paragraph paragraph(const model::TextBlock& block, const std::string& context, int page,
                               bool indent = true, Len size = 0) const;
  // A paragraph for plain text in a style (folios, jump lines, headline parts).
  compose::Paragraph plain(const std::string& text, const std::string& style, const std::string& context,
                           int page, bool indent = false, Len size = 0) const;

  // Grid lines one line of this style takes (占行, typography.md "The character grid").
  int rows_per_line(const model::Style& s) const;
  // Baseline of a line of `size` set in a band of `rows` grid lines whose top is `top`:
  // the ideographic em box is centred in the band.
  Len baseline(Len top, int rows, Len size) const;
  // Adds the line's glyphs to the page at (x, baseline), records its line box.
  void place(frame::Page& page, const compose::Line& line, Len x, Len baseline, const std::string& id) const;

  // --dump=lines: when set, every placed line of a paragraph is recorded here.
  void set_line_dump(std::string* out) { dump_ = out; }
  void dump(const compose::Paragraph& p, const compose::Line& l) const {
    if (dump_) *dump_ += compose::dump_line(p, l) + "\n";
  }

  const model::Layout& layout() const { return layout_; }
  const text::FontSet& fonts() const { return fonts_; }
  const model::Style& style(const std::string& name) const { return layout_.style(name); }

 private:
  int face_for(const model::Style& s, bool bold, bool italic) const;
  int tag_for(const model::Cmyk& c) const;

  const model::Layout& layout_;
  const text::FontSet& fonts_;
  base::Diagnostics& diag_;
  mutable std::vector<model::Cmyk> inks_;  // tag → colour
  std::string* dump_ = nullptr;
};

}  // namespace flow
