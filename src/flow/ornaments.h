#pragma once
// The 花边 library: ornamental bands drawn as vector paths, a tile repeated along a
// straight edge (stretched a little so that a whole number of tiles fills the edge and the
// pattern ends cleanly) and a corner piece where two edges of a frame meet.
// Patterns (model::ornament_patterns): wave 波纹, fret 回纹, diamond 菱形, bead 珠串.
#include <string>

#include "frame/frame.h"

namespace flow {

using base::Len;

// A straight band on the page: point (u, v) of the band — u along it from 0 to `length`,
// v across it from 0 (the outer side) to the band's height — is on the page at
// (x + u·ax + v·cx, y + u·ay + v·cy); a and c are unit axis vectors.
struct Band {
  Len x = 0, y = 0;
  int ax = 1, ay = 0, cx = 0, cy = 1;
  Len length = 0;
};

// The pattern's tiles along `band`, `height` across, added to `out` (one filled or
// stroked path; ornament_stroked() says which).
void ornament_edge(const std::string& pattern, const Band& band, Len height, frame::Path& out);
// The corner piece in the square of side `height` whose outer corner is band (u, v) = (0, 0).
void ornament_corner(const std::string& pattern, const Band& square, Len height, frame::Path& out);
// The width a stroked pattern is drawn at (0: the pattern is filled).
Len ornament_stroke(const std::string& pattern, Len height);

}  // namespace flow
