#pragma once
// Fonts: the font map (fonts/fontmap.xml: role → family → Debian package), resolved
// through fontconfig and *checked* (fontconfig never fails to match; docs/libraries.md §9).
// HarfBuzz gets its own face per font file (docs/libraries.md §1, "Recommended API").
#include <memory>
#include <string>
#include <vector>

#include "base/context.h"
#include "base/units.h"
#include "model/font_map.h"

namespace text {

using base::Len;

using Role = model::FontRole;

struct FaceInfo {
  std::string file;     // absolute path of the font file
  int index = 0;        // face index in a .ttc
  std::string family;   // the family fontconfig gave (checked against the map)
  std::string style;
  std::string version;  // font version string, logged in output metadata
  std::string package;  // Debian package that provides it (from the font map)
  int upem = 1000;
  // Ideographic em box in font units, from the BASE table (ideo bottom … top), with
  // HarfBuzz's fallback; docs/typography.md: lines are placed on this box, not on hhea.
  int ideo_bottom = -120;
  int ideo_top = 880;
  // True when the font's “ ” ‘ ’ are narrow Latin glyphs (e.g. LXGW WenKai): Chinese
  // quotes are then taken from the body font (docs/typography.md "Punctuation width").
  bool narrow_quotes = false;
  // Marks this face has no vertical form for (turns_in_vertical() and the same glyph
  // shaped top to bottom as left to right), sorted: a vertical line turns them instead.
  std::vector<char32_t> no_vertical_form;
};

// A glyph's ink box in font units, y up (empty glyphs: all 0).
struct InkBox {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

class FontSet {
 public:
  // Resolves every role the map lists (model::load_font_map reads fonts/fontmap.xml).
  // Throws base::Error naming the Debian package to install when a font is missing.
  static std::shared_ptr<FontSet> load(const model::FontMap& map, const base::Context& ctx);
  ~FontSet();
  FontSet(const FontSet&) = delete;
  FontSet& operator=(const FontSet&) = delete;

  // Face id for a role and weight; falls back to the regular weight only when the
  // map says the role has no bold (then bold is faked by the Hei role, never silently).
  int face(Role role, bool bold) const;
  bool has_role(Role role) const;
  const FaceInfo& info(int face) const;
  int face_count() const;
  // Glyph id of a code point in a face, 0 when missing.
  unsigned glyph(int face, char32_t cp) const;
  InkBox ink(int face, unsigned gid) const;

  struct Impl;
  Impl& impl() const { return *impl_; }

 private:
  FontSet();
  std::unique_ptr<Impl> impl_;
};

}  // namespace text
