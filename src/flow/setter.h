#pragma once
// Turning model text (TextBlock, styles) into composer paragraphs and composed lines
// into positioned glyph runs.
#include <memory>
#include <set>
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
  // `size` > 0 overrides the block style's size (headlines shrunk to fit their parts, body
  // text copyfitted); inline runs set at the block style's size follow it.
  // `head`: display text (headlines, subheads, bylines, banners): the composer breaks it
  // only between words, balanced (docs/composer.md "Headlines").
  // `vertical`: shaped and composed for a vertical line (竖排, docs/composer.md).
  compose::Paragraph paragraph(const model::TextBlock& block, const std::string& context, int page,
                               bool indent = true, Len size = 0, bool head = false, bool vertical = false,
                               bool hang = true) const;  // hang: as the style says; false: never
  // A paragraph for plain text in a style (folios, jump lines, headline parts).
  compose::Paragraph plain(const std::string& text, const std::string& style, const std::string& context,
                           int page, bool indent = false, Len size = 0, bool vertical = false) const;

  // Grid lines one line of this style takes (占行, docs/typography.md "The character grid").
  int rows_per_line(const model::Style& s) const;
  // Baseline of a line of `size` set in a band of `rows` grid lines whose top is `top`:
  // the ideographic em box is centred in the band.
  Len baseline(Len top, int rows, Len size) const;
  // Baseline that puts the ideographic em box of `size` centred on `centre`.
  Len baseline_at_centre(Len centre, Len size) const;

  // Adds a composed line's glyphs to the page at (x, baseline) and records its line box
  // (kind "line"; the box spans the glyphs' em boxes: from the line's start offset to its
  // last advance). `role` says what it sets ("body", "headline", "caption", …); the line
  // is recorded for --dump=lines, so every line box is dumped exactly once.
  // `scale1000` (copyfit tracking, docs/format.md "Copyfitting"): the line was composed at
  // measure × 1000 / scale1000 and its glyph positions are scaled back by scale1000 / 1000.
  void place(frame::Page& page, const compose::Paragraph& para, const compose::Line& line, Len x, Len baseline,
             const std::string& id, const std::string& role, int scale1000 = 1000) const;
  // The same for the lines flow writes itself (kind = role: "jump", "folio"); not in
  // --dump=lines, which lists the text.
  void place_mark(frame::Page& page, const compose::Line& line, Len x, Len baseline, const std::string& id,
                  const std::string& role) const;

  // A vertical line (vertical_setter.cpp): its column's centre at x, its start (top) at
  // y_top. The line box spans the glyphs' em boxes; its `baseline` is the centre's x.
  void place_vertical(frame::Page& page, const compose::Paragraph& para, const compose::Line& line, Len x,
                      Len y_top, const std::string& id, const std::string& role) const;
  void place_vertical_mark(frame::Page& page, const compose::Line& line, Len x, Len y_top, const std::string& id,
                           const std::string& role) const;

  // --dump=lines: when set, every placed line of a paragraph is recorded here.
  void set_line_dump(std::string* out) { dump_ = out; }

  const model::Layout& layout() const { return layout_; }
  const text::FontSet& fonts() const { return fonts_; }
  const model::Style& style(const std::string& name) const { return layout_.style(name); }

 private:
  int face_for(const model::Style& s, bool bold, bool italic) const;
  void add(frame::Page& page, const compose::Line& line, Len x, Len baseline, const std::string& id,
           const std::string& kind, const std::string& role, int scale1000 = 1000) const;
  void add_vertical(frame::Page& page, const compose::Line& line, Len x, Len y_top, const std::string& id,
                    const std::string& kind, const std::string& role) const;
  int tag_for(const model::Cmyk& c) const;
  void report_loose(const compose::Line& line, const std::string& id, int page, const std::string& role) const;

  const model::Layout& layout_;
  const text::FontSet& fonts_;
  base::Diagnostics& diag_;
  mutable std::vector<model::Cmyk> inks_;  // tag → colour
  mutable std::set<std::string> reported_; // findings already passed on
  std::string* dump_ = nullptr;
};

}  // namespace flow
