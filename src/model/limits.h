#pragma once
// The physical and structural ranges paperset accepts in layouts and issues
// (docs/format.md "Limits"). Each is far beyond any real newspaper and far below where
// integer arithmetic on grid lines and millipoints could overflow, so that every value
// that reaches flow is small enough to add and multiply freely.
#include "base/units.h"

namespace model::limits {

// PDF 1.7 Annex C.2: a page is at most 14 400 units (200 in, 5 080 mm) on a side; the
// media box (trim + bleed + crop marks on both sides) must fit.
constexpr base::Len kMaxMedia = 14'400 * base::kPt;
constexpr base::Len kMaxBleed = base::from_mm(30);
constexpr base::Len kMaxMarks = base::from_mm(30);
constexpr int kMaxColumns = 100;
constexpr int kMaxRows = 5000;
constexpr base::Len kMinPitch = base::kPt;         // one grid line
constexpr base::Len kMinColumnWidth = base::kPt;
constexpr base::Len kMinSize = base::kPt;           // type sizes
constexpr base::Len kMaxSize = 1000 * base::kPt;
constexpr base::Len kMaxLeading = 2000 * base::kPt;
constexpr int kMaxIndentEm1000 = 20'000;            // 20 em
constexpr int kMaxSpaceEm1000 = 4'000;              // typed space: 4 em
constexpr int kMaxHanLatinEm1000 = 2'000;           // Han–Latin space: 2 em
constexpr int kMaxMeasureEm1000 = 1'000'000;       // a style's max-measure: 1 000 em
// Stroke weight and gap (<stroke>): dots, dashes and ornaments are drawn one by one.
constexpr base::Len kMinStroke = base::kPt / 10;
constexpr base::Len kMaxStroke = 20 * base::kPt;
// Per article: a story with more frames or nested photos is not a story.
constexpr int kMaxFrames = 100;
constexpr int kMaxPhotos = 100;

}  // namespace model::limits
