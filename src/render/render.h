#pragma once
// PNG proofs of the frame tree with cairo (docs/print.md "Proofs"). The PDF is written by
// pdf/ from the same frame tree, so proof and PDF cannot disagree on where anything is.
#include <filesystem>
#include <string>

#include "frame/frame.h"
#include "image/store.h"

namespace render {

struct PngOptions {
  double dpi = 150;       // docs/print.md "Proofs": 150 dpi default
  bool overlay = false;   // grid / frame edges / overset marks (never in the PDF)
};

// One page's trim area as a PNG file. Photos come from `images` (the build's store, so
// a photo the PDF already decoded is not decoded again).
void render_png(const frame::Document& doc, image::Store& images, int page_index, const std::filesystem::path& out,
                const PngOptions& opt = {});

}  // namespace render
