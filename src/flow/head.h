#pragma once
// Display lines set across a measure: the headline group (引题 / 主题 / 副题 and a
// leading byline), subheads, banners. docs/typography.md "Roles and fonts": headline lines
// break where the editor wrote a space or a line break, and otherwise only between words
// (ICU's dictionary word boundaries, in the composer's head mode), balanced; a headline is
// set at its size for the span it crosses, and smaller before one of its lines takes three.
#include <memory>
#include <string>
#include <vector>

#include "flow/setter.h"

namespace flow {

struct HeadLine {
  compose::Line line;
  int rows = 1;      // grid lines this line takes (占行)
  Len size = 0;      // the size it is set at (a headline may be set smaller than its style)
  std::shared_ptr<const compose::Paragraph> para;  // where it came from (--dump=lines)
};

// Lines of one display element at `measure`; `span`: the grid columns it crosses (its
// style may give a size per span), 0 when none applies.
std::vector<HeadLine> head_lines(const Setter& s, const model::TextBlock& b, Len measure, const std::string& id,
                                 int page, int span = 0);

// What a text element sets, for line boxes: "kicker" … "body" (a <p>) … "banner".
std::string role_of(model::TextKind k);

// Characters (code points, not counting forced breaks) in text[from, end).
int count_chars(const std::string& text, std::uint32_t from);
// Characters set on a composed line.
int line_chars(const compose::Line& l);

// The headline group of an article: its elements' lines with the grid lines of space
// around them. The group is set tight (kicker, headline and subtitle follow each other
// directly); the largest space-after of its elements follows the group, and a byline
// set with the group keeps its own space before and after.
struct HeadGroup {
  struct Element {
    const model::TextBlock* block = nullptr;
    std::string role;
    int space_before = 0;  // grid lines above it
    std::vector<HeadLine> lines;
  };
  std::vector<Element> elements;
  int space_after = 0;  // grid lines after the last element
  int rows() const;     // the whole group, in grid lines
  bool empty() const { return elements.empty(); }
};

HeadGroup head_group(const Setter& s, const std::vector<const model::TextBlock*>& blocks, Len measure,
                     const std::string& id, int page, int span);

}  // namespace flow
