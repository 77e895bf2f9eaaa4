#pragma once
// Finishing (libqpdf, after cairo): PDF/X-4 identification (Info + XMP), one output
// intent with an embedded CMYK profile, page boxes, CMYK / K-only colour with black
// overprint, image colour fixes, deterministic /ID (print.md; feasibility.md §5).
#include <filesystem>
#include <string>
#include <vector>

#include "base/diag.h"
#include "frame/palette.h"

namespace finish {

using base::Len;

struct PageBoxes {
  Len trim_w = 0, trim_h = 0;  // trimmed page
  Len bleed = 0;               // BleedBox = trim + bleed on every side
  Len marks = 0;               // MediaBox = BleedBox + marks on every side
};

struct Options {
  std::string title;
  std::string date_iso;      // "2024-01-05T00:00:00Z": CreationDate = ModDate, Info and XMP agree
  std::string producer;      // "paperset 0.1.0": Info /Producer = XMP pdf:Producer
  std::filesystem::path output_profile;  // CMYK ICC profile to embed
  std::string output_condition;          // OutputConditionIdentifier
  std::string output_condition_info;
  frame::Palette palette;                // RGB stand-ins → exact CMYK
  std::vector<PageBoxes> pages;          // one per page, in order
};

// Takes cairo's PDF bytes, returns the finished PDF bytes. Throws base::Error on failure.
std::string finish_pdf(const std::string& cairo_pdf, const Options& opt, base::Diagnostics& diag);

}  // namespace finish
