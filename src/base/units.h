#pragma once
// Lengths are integers in millipoints (1/1000 pt), never loose doubles that drift
// (docs/architecture.md, "Lengths are fixed-point"). 1 mm = 72/25.4 pt.
#include <cstdint>

namespace base {

using Len = std::int64_t;  // 1/1000 pt

constexpr Len kPt = 1000;

constexpr Len from_pt(double pt) { return static_cast<Len>(pt * 1000.0 + (pt >= 0 ? 0.5 : -0.5)); }
constexpr Len from_mm(double mm) { return from_pt(mm * 72.0 / 25.4); }
// 级 (Q): 0.25 mm, the CJK phototypesetting unit.
constexpr Len from_q(double q) { return from_mm(q * 0.25); }
constexpr double to_pt(Len l) { return static_cast<double>(l) / 1000.0; }
constexpr double to_mm(Len l) { return to_pt(l) * 25.4 / 72.0; }

// Scale a font-unit value (e.g. a HarfBuzz advance at scale = upem) to a length at a size.
constexpr Len scale_units(std::int64_t units, Len size, int upem) {
  const std::int64_t num = units * size;
  return num >= 0 ? (num + upem / 2) / upem : -((-num + upem / 2) / upem);
}

}  // namespace base
