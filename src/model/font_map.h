#pragma once
// The font map (fonts/fontmap.xml): role → family, with the Debian package that
// provides it. Parsed here (tinyxml2 lives in model/); resolved by text/.
#include <string>
#include <vector>

#include "base/context.h"
#include "model/style.h"

namespace model {

struct FontMapEntry {
  FontRole role = FontRole::Song;
  bool bold = false;
  std::string family;   // exact fontconfig family, e.g. "Noto Serif CJK SC"
  std::string style;    // fontconfig style, e.g. "Regular", "Bold"
  std::string package;  // Debian package, e.g. "fonts-noto-cjk"
  std::string file;     // optional: a font file shipped in fonts/ (free licence only)
  base::Loc loc;
};

struct FontMap {
  std::vector<FontMapEntry> entries;
  std::string source;  // path of the map file
};

FontMap load_font_map(const base::Context& ctx);
const char* role_name(FontRole r);

}  // namespace model
