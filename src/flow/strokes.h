#pragma once
// Drawing a layout stroke (线型: solid, double, 文武线 thick-thin, dotted, dashed, 花边
// ornament) as a rule along a straight line or as the frame of a box.
#include "frame/frame.h"
#include "model/layout.h"

namespace flow {

using base::Len;

// A horizontal (y0 == y1) or vertical (x0 == x1) rule, its band centred on the line.
void draw_rule(frame::Page& page, const model::Stroke& st, Len x0, Len y0, Len x1, Len y1);

// The frame of `r` on the sides asked for (top, right, bottom, left), its band inside `r`.
void draw_frame(frame::Page& page, const model::Stroke& st, const model::Box& r, const bool sides[4]);

// The built-in rule between blocks when the layout names no stroke: 0.5 pt solid black.
const model::Stroke& hairline();

}  // namespace flow
