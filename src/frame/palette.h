#pragma once
// The colour palette of a document. cairo writes RGB only (docs/libraries.md §5), so
// render/ draws each layout CMYK colour with a *distinct* RGB stand-in and finish/
// maps every stand-in back to its exact CMYK (docs/print.md "Colour": the mapping must be
// exact, not a formula guess). The stand-ins look like the CMYK colour on screen (PNG
// proofs use the same values) and differ from each other by at least 2/255 in one channel,
// so cairo's printed decimals identify them without doubt.
#include <vector>

#include "frame/frame.h"

namespace frame {

struct Rgb {
  double r = 0, g = 0, b = 0;  // 0..1
};

struct PaletteEntry {
  Cmyk cmyk;
  Rgb rgb;
};

class Palette {
 public:
  // Every colour the document uses (text, rules, fills), in first-use order, plus black.
  static Palette of(const Document& doc);
  const std::vector<PaletteEntry>& entries() const { return entries_; }
  Rgb rgb(const Cmyk& c) const;  // the stand-in for a colour of this palette
  // The palette entry whose stand-in is within `tolerance` of (r, g, b), or nullptr.
  const PaletteEntry* find(double r, double g, double b, double tolerance = 0.5 / 255) const;
  // A naive screen approximation (for proofs only; never used to go back to CMYK).
  static Rgb approximate(const Cmyk& c);

 private:
  std::vector<PaletteEntry> entries_;
};

}  // namespace frame
