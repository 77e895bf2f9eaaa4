#pragma once
// Internal to pdf/: vertical text (竖排; docs/print.md "Vertical text") — a run of upright
// glyphs shown with the face's vertical font (Identity-V), a run turned 90° clockwise or a
// condensed 纵中横 number shown with the horizontal one under a turned or scaled text
// matrix.
#include <string>

#include "pdf/resources.h"

namespace pdf {

// BT … ET for a run whose orient is not Horizontal or whose hscale is not 1000: the font
// (/V<face> for Upright, else /F<face>), then the glyphs at their exact places. Clusters the
// ToUnicode CMap cannot give back get an ActualText span unless `in_line_span` (the whole
// line is then one span). (off, top): page coordinates → PDF user space, as content.cpp.
void show_turned_run(std::string& s, const frame::GlyphRun& r, const EmbeddedFont& f, base::Len off, base::Len top,
                     bool in_line_span);

// True when content.cpp must hand the run to show_turned_run().
inline bool turned_run(const frame::GlyphRun& r) {
  return r.orient != frame::GlyphRun::Orient::Horizontal || r.hscale != 1000;
}

}  // namespace pdf
