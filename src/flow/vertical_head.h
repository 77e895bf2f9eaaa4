#pragma once
// A head group set vertically (竖题; docs/format.md "Vertical text"): kicker (引题),
// headline (主题) and subtitle (副题) as parallel vertical lines read right to left, each
// line taking whole line pitches across as a horizontal head takes whole grid lines (占行).
// A part too long for the column is first set smaller, then broken in the composer's head
// mode (between words, centred columns balanced), as horizontal heads are.
#include <memory>
#include <string>
#include <vector>

#include "flow/setter.h"

namespace flow {

struct VerticalHead {
  struct Line {
    compose::Line line;
    std::shared_ptr<const compose::Paragraph> para;
    std::string role;         // "kicker", "headline", "subtitle"
    int pitches = 1;          // line pitches it takes across
    int gap_before = 0;       // pitches of white before it (between elements: none)
    model::Align align = model::Align::Center;
    Len length = 0;           // its characters' extent down the column
  };
  std::vector<Line> lines;  // in reading order: right to left
  int space_after = 0;      // pitches of white between the group and the text
  Len extent = 0;           // the longest line: centred lines are centred on it
  int pitches() const;      // the group's width in line pitches, without space_after
  bool empty() const { return lines.empty(); }
};

// The group's lines, each column at most `max_measure` long.
VerticalHead vertical_head(const Setter& s, const std::vector<const model::TextBlock*>& blocks, Len max_measure,
                           const std::string& id, int page);

struct HeadLost {
  int lines = 0, chars = 0;
};

// Places the group from `right` leftwards, `pitch` apart, each column from `top` (aligned
// on the group's extent as its style says: centre, top or bottom); lines past `max_pitches`
// are lost (overset). With `page` null nothing is placed.
HeadLost place_vertical_head(const Setter& s, frame::Page* page, const VerticalHead& h, Len right, Len top, Len pitch,
                             int max_pitches, const std::string& id);

}  // namespace flow
