#include "text/fonts.h"

#include <fontconfig/fontconfig.h>
#include <hb-ot.h>
#include <hb.h>

#include <filesystem>
#include <map>

#include "base/error.h"
#include "text/font_impl.h"

namespace text {

namespace {

// fontconfig never fails to match: it silently substitutes (docs/libraries.md §9). So we
// take the match and check that the family and style we got are the ones asked for.
bool has_value(FcPattern* p, const char* object, const std::string& want) {
  FcChar8* v = nullptr;
  for (int i = 0; FcPatternGetString(p, object, i, &v) == FcResultMatch; ++i)
    if (want == reinterpret_cast<const char*>(v)) return true;
  return false;
}

std::string first_value(FcPattern* p, const char* object) {
  FcChar8* v = nullptr;
  if (FcPatternGetString(p, object, 0, &v) == FcResultMatch) return reinterpret_cast<const char*>(v);
  return {};
}

struct Match {
  std::string file;
  int index = 0;
  std::string family, style;
};

base::Error missing_font(const model::FontMapEntry& e, const std::string& got) {
  std::string what = std::string("font for role '") + model::role_name(e.role) + (e.bold ? " bold" : "") +
                     "' not found: '" + e.family + "' style '" + e.style + "'";
  if (!got.empty()) what += " (fontconfig offered '" + got + "' instead)";
  std::string fix = e.file.empty() ? "install the Debian package: apt-get install " + e.package
                                   : "restore the font file '" + e.file + "' in the fonts/ folder";
  return base::Error(e.loc, what, fix);
}

Match resolve(FcConfig* cfg, const model::FontMapEntry& e) {
  FcPattern* pat = FcPatternCreate();
  FcPatternAddString(pat, FC_FAMILY, reinterpret_cast<const FcChar8*>(e.family.c_str()));
  FcPatternAddString(pat, FC_STYLE, reinterpret_cast<const FcChar8*>(e.style.c_str()));
  FcConfigSubstitute(cfg, pat, FcMatchPattern);
  FcDefaultSubstitute(pat);
  FcResult res = FcResultNoMatch;
  FcPattern* m = FcFontMatch(cfg, pat, &res);
  FcPatternDestroy(pat);
  if (!m) throw missing_font(e, {});
  Match out;
  out.family = first_value(m, FC_FAMILY);
  out.style = first_value(m, FC_STYLE);
  const bool ok = has_value(m, FC_FAMILY, e.family) && has_value(m, FC_STYLE, e.style);
  out.file = first_value(m, FC_FILE);
  FcPatternGetInteger(m, FC_INDEX, 0, &out.index);
  FcPatternDestroy(m);
  if (!ok) throw missing_font(e, out.family + " " + out.style);
  return out;
}

}  // namespace

FontSet::FontSet() : impl_(std::make_unique<Impl>()) {}
FontSet::~FontSet() = default;

std::shared_ptr<FontSet> FontSet::load(const model::FontMap& map, const base::Context& ctx) {
  std::shared_ptr<FontSet> set(new FontSet());
  FcConfig* cfg = FcInitLoadConfigAndFonts();
  if (!cfg) throw base::Error({map.source, 0}, "fontconfig could not be initialised", "check the fontconfig installation");
  // Fonts shipped in fonts/ (free licence only, see fonts/README.md) join the system ones.
  for (const auto& e : map.entries)
    if (!e.file.empty())
      FcConfigAppFontAddFile(cfg, reinterpret_cast<const FcChar8*>((ctx.fonts_dir / e.file).c_str()));
  try {
    for (const auto& e : map.entries) {
      const Match m = resolve(cfg, e);
      const int id = set->impl_->add_face(m.file, m.index, m.family, m.style, e.package);
      set->impl_->by_role[{e.role, e.bold}] = id;
      if (set->impl_->role_of.size() <= static_cast<size_t>(id)) set->impl_->role_of.push_back({e.role, e.bold});
    }
  } catch (...) {
    FcConfigDestroy(cfg);
    throw;
  }
  FcConfigDestroy(cfg);
  if (!set->has_role(Role::Song))
    throw base::Error({map.source, 0}, "the font map has no 'song' role", "add a <font role=\"song\" …> entry");
  return set;
}

int FontSet::face(Role role, bool bold) const {
  auto it = impl_->by_role.find({role, bold});
  if (it == impl_->by_role.end() && bold) it = impl_->by_role.find({role, false});
  if (it == impl_->by_role.end())
    throw base::Error({}, std::string("no font is mapped for role '") + model::role_name(role) + "'",
                      "add it to fonts/fontmap.xml or use another font role in the layout style");
  return it->second;
}

bool FontSet::has_role(Role role) const { return impl_->by_role.count({role, false}) > 0; }
const FaceInfo& FontSet::info(int face) const { return impl_->faces.at(face).info; }
int FontSet::face_count() const { return static_cast<int>(impl_->faces.size()); }

unsigned FontSet::glyph(int face, char32_t cp) const {
  hb_codepoint_t g = 0;
  return hb_font_get_nominal_glyph(impl_->faces.at(face).font, cp, &g) ? g : 0;
}

InkBox FontSet::ink(int face, unsigned gid) const {
  hb_glyph_extents_t e{};
  if (!hb_font_get_glyph_extents(impl_->faces.at(face).font, gid, &e)) return {};
  // HarfBuzz: bearing = top-left corner, height negative (y up).
  return {e.x_bearing, e.y_bearing + e.height, e.x_bearing + e.width, e.y_bearing};
}

}  // namespace text
