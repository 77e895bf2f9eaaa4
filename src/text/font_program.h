#pragma once
// Font programs for embedding: a face cut down to the glyphs a document uses, with what a
// PDF font dictionary needs to know about it (docs/print.md "Fonts"). The subset is made by
// HarfBuzz's subsetter from the mapped file (never a whole-font copy, docs/libraries.md
// "Speed"); FreeType reads the subset back for CIDs, advances and metrics.
#include <cstdint>
#include <string>
#include <vector>

namespace text {

struct ProgramGlyph {
  std::uint32_t gid = 0;      // glyph index in the source face (what frame::Glyph holds)
  std::uint32_t code = 0;     // the CID that selects it in the embedded program
  std::int32_t advance = 0;   // horizontal advance, font units
  // Vertical metrics of the source face (vmtx, VORG; HarfBuzz's defaults where a face has
  // none), for a vertical font's /W2 (ISO 32000-1 §9.7.4.3): the advance down the line and
  // the vertical origin (x, y) from the glyph's horizontal origin, y up.
  std::int32_t v_advance = 0;
  std::int32_t v_origin_x = 0, v_origin_y = 0;
};

struct FontProgram {
  // Cff: `data` is the bare 'CFF ' table, for FontFile3 /CIDFontType0C (PDF 1.3 and up,
  // so a PDF/X-1a file can embed the same bytes). TrueType: `data` is the subset sfnt,
  // for FontFile2.
  enum class Format { Cff, TrueType } format = Format::TrueType;
  std::string data;
  // A CID-keyed CFF (Top DICT with ROS) selects glyphs by its charset's CIDs, which the
  // subsetter keeps; any other program selects them by glyph index (ISO 32000-1 §9.7.4.2).
  bool cid_keyed = false;
  std::string registry = "Adobe", ordering = "Identity";
  int supplement = 0;
  std::string postscript_name;
  int upem = 1000;
  int ascent = 0, descent = 0, cap_height = 0;  // font units
  int bbox[4] = {0, 0, 0, 0};                    // xMin yMin xMax yMax, font units
  int weight = 400;                              // OS/2 usWeightClass
  bool fixed_pitch = false, italic = false;
  std::vector<ProgramGlyph> glyphs;  // one per requested glyph, sorted by gid

  // The entry for source glyph `gid`; nullptr when it was not requested.
  const ProgramGlyph* find(std::uint32_t gid) const;
};

// Subsets face `index` of `file` to `gids` (plus .notdef). Throws base::Error naming the
// file when it cannot be read or subset.
FontProgram subset_font(const std::string& file, int index, const std::vector<std::uint32_t>& gids);

}  // namespace text
