#pragma once
// Drawing the frame tree with cairo: PDF for the press (finished afterwards by finish/)
// and PNG proofs from the same drawing code (docs/print.md "Proofs").
#include <filesystem>
#include <string>

#include "frame/frame.h"
#include "frame/palette.h"

namespace render {

struct PdfOptions {
  std::string creator = "paperset";
};

// All pages of `doc` (or only `page_index` when >= 0) as one cairo PDF, in memory.
// Each page's MediaBox is trim + 2 × (bleed + marks); the trim box is centred in it.
std::string render_pdf(const frame::Document& doc, const frame::Palette& palette, int page_index = -1,
                       const PdfOptions& opt = {});

struct PngOptions {
  double dpi = 150;       // docs/print.md "Proofs": 150 dpi default
  bool overlay = false;   // grid / frame edges / overset marks (never in the PDF)
};

// One page's trim area as a PNG file.
void render_png(const frame::Document& doc, const frame::Palette& palette, int page_index,
                const std::filesystem::path& out, const PngOptions& opt = {});

}  // namespace render
