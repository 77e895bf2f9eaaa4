#pragma once
// The composer's interface. Flow pulls lines one at a time at the current column
// width and keeps a Cursor (the break token) to hand from column to column and page
// to page (docs/architecture.md, "flow pulls lines from compose one at a time").
#include <memory>
#include <utility>
#include <vector>

#include "compose/line.h"
#include "text/shape.h"

namespace compose {

enum class Align { Justify, Left, Center, Right };
// Vertical: the inline axis runs down the page (docs/composer.md "Vertical text"); the
// paragraph must then be shaped vertically (text::ShapeOptions::vertical).
enum class Direction { Horizontal, Vertical };

struct ParaStyle {
  Align align = Align::Justify;
  Direction direction = Direction::Horizontal;
  int indent_em1000 = 2000;        // first-line indent (docs/typography.md "Paragraphs")
  int han_latin_em1000 = 125;      // docs/typography.md "Spacing and justification"
  int han_latin_min_em1000 = 0;
  int han_latin_max_em1000 = 250;
  int space_em1000 = 500;          // width of a space typed between Han characters
  bool hanging_punct = false;
  bool half_open_at_start = false;
  bool hyphenate = true;           // English words of 6+ letters (docs/composer.md)
  // Display text (headlines, subheads, kickers, bylines, banners): breaks only between
  // words, the fewest lines, centred lines balanced (docs/composer.md "Headlines").
  bool head = false;
  bool keep_dates = false;         // 1月4日 kept whole, like a range
  // Byte ranges of the paragraph's datelines: the names in their parentheses are kept
  // whole (（记者 吴晓岚）).
  std::vector<std::pair<std::uint32_t, std::uint32_t>> datelines;
};

// Where a line may end: anywhere the rules allow, or only between words (the line at the
// foot of a frame that a story jumps from: docs/composer.md "Jumps").
enum class LineEnd { Any, Word };

// Where a paragraph continues: the break token.
struct Cursor {
  std::uint32_t pos = 0;   // byte offset of the next line's first character
  int line_index = 0;      // lines already set (0: the next line is the first)
};

class Paragraph {
 public:
  Paragraph(const text::FontSet& fonts, text::ShapedText shaped, ParaStyle style);
  ~Paragraph();
  Paragraph(Paragraph&&) noexcept;
  Paragraph& operator=(Paragraph&&) noexcept;

  bool done(const Cursor& c) const;
  // Sets the next line at `measure` and advances the cursor. Justified text is broken
  // by total fit: the rest of the paragraph is planned at this measure from the cursor,
  // and later pulls at the same measure follow that plan (docs/composer.md).
  // With LineEnd::Word the `lines`-th line from here (1: this one) ends between words, the
  // lines down to it chosen with that in view; the rest is planned again after it.
  Line next_line(Cursor& c, Len measure, LineEnd end = LineEnd::Any, int lines = 1) const;
  // The cursor moved past the line next_line() would set — the same break, the same plans
  // kept — without setting it: for looking ahead (where a column or a paragraph ends).
  void skip_line(Cursor& c, Len measure, LineEnd end = LineEnd::Any, int lines = 1) const;
  // All lines at one measure (tests, captions, headlines).
  std::vector<Line> lines(Len measure) const;
  const text::ShapedText& shaped() const;
  // Candidate lines measured so far (total fit and first fit): the work the paragraph
  // cost, for tests that hold it linear in the paragraph's length.
  std::size_t work() const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

// One record per line, rounded (docs/architecture.md "Seeing inside"): for --dump=lines.
std::string dump_line(const Paragraph& p, const Line& l);

}  // namespace compose
