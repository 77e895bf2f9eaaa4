// subset_font(): HarfBuzz's subsetter cuts the face to the glyphs used; FreeType opens
// the subset from memory and tells each glyph's CID, advance and the face's metrics.
#include "text/font_program.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_ADVANCES_H
#include FT_CID_H
#include FT_TRUETYPE_TABLES_H
#include <hb-subset.h>
#include <hb.h>

#include <algorithm>
#include <memory>

#include "base/error.h"

namespace text {

const ProgramGlyph* FontProgram::find(std::uint32_t gid) const {
  auto it = std::lower_bound(glyphs.begin(), glyphs.end(), gid,
                             [](const ProgramGlyph& g, std::uint32_t v) { return g.gid < v; });
  return it != glyphs.end() && it->gid == gid ? &*it : nullptr;
}

namespace {

[[noreturn]] void fail(const std::string& file, const std::string& what) {
  throw base::Error({file, 0}, "cannot embed font '" + file + "': " + what,
                    "reinstall the font's Debian package; if it persists, report it with the font file");
}

struct Hb {
  hb_blob_t* blob = nullptr;
  hb_face_t* face = nullptr;
  hb_subset_input_t* input = nullptr;
  hb_subset_plan_t* plan = nullptr;
  hb_face_t* subset = nullptr;
  hb_blob_t* out = nullptr;
  ~Hb() {
    hb_blob_destroy(out);
    hb_face_destroy(subset);
    hb_subset_plan_destroy(plan);
    hb_subset_input_destroy(input);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
  }
};

// The tables a PDF viewer or RIP never reads from an embedded program: layout (the
// glyphs are already chosen and placed), vertical metrics (PDF has /W2), hinting is
// dropped by flag. What stays: glyf/loca or CFF, head, hhea, hmtx, maxp, OS/2, name,
// post, cmap (empty).
void drop_unused_tables(hb_subset_input_t* in) {
  hb_set_t* drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (const char* t : {"GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "DSIG", "vhea", "vmtx", "VORG", "kern",
                        "morx", "feat", "meta", "STAT", "hdmx", "LTSH", "VDMX", "gasp"})
    hb_set_add(drop, HB_TAG(t[0], t[1], t[2], t[3]));
}

void make_subset(Hb& hb, const std::string& file, int index, const std::vector<std::uint32_t>& gids) {
  hb.blob = hb_blob_create_from_file_or_fail(file.c_str());  // mapped, not copied
  if (!hb.blob) fail(file, "the file cannot be read");
  hb.face = hb_face_create(hb.blob, static_cast<unsigned>(index));
  if (hb_face_get_glyph_count(hb.face) == 0) fail(file, "face " + std::to_string(index) + " has no glyphs");
  hb.input = hb_subset_input_create_or_fail();
  if (!hb.input) fail(file, "out of memory");
  hb_set_t* set = hb_subset_input_glyph_set(hb.input);
  for (std::uint32_t g : gids) hb_set_add(set, g);
  hb_set_clear(hb_subset_input_unicode_set(hb.input));
  drop_unused_tables(hb.input);
  hb_subset_input_set_flags(hb.input, HB_SUBSET_FLAGS_NO_HINTING);
  hb.plan = hb_subset_plan_create_or_fail(hb.face, hb.input);
  if (hb.plan) hb.subset = hb_subset_plan_execute_or_fail(hb.plan);
  if (!hb.subset) fail(file, "HarfBuzz could not subset face " + std::to_string(index));
  hb.out = hb_face_reference_blob(hb.subset);
}

struct Ft {
  FT_Library lib = nullptr;
  FT_Face face = nullptr;
  ~Ft() {
    if (face) FT_Done_Face(face);
    if (lib) FT_Done_FreeType(lib);
  }
};

void read_metrics(FT_Face f, FontProgram& p) {
  p.upem = f->units_per_EM ? f->units_per_EM : 1000;
  p.ascent = f->ascender;
  p.descent = f->descender;
  p.bbox[0] = static_cast<int>(f->bbox.xMin), p.bbox[1] = static_cast<int>(f->bbox.yMin);
  p.bbox[2] = static_cast<int>(f->bbox.xMax), p.bbox[3] = static_cast<int>(f->bbox.yMax);
  p.fixed_pitch = FT_IS_FIXED_WIDTH(f);
  p.italic = (f->style_flags & FT_STYLE_FLAG_ITALIC) != 0;
  const auto* os2 = static_cast<const TT_OS2*>(FT_Get_Sfnt_Table(f, FT_SFNT_OS2));
  p.cap_height = os2 && os2->version >= 2 && os2->sCapHeight > 0 ? os2->sCapHeight : p.ascent;
  if (os2 && os2->usWeightClass > 0) p.weight = os2->usWeightClass;
  if (const char* ps = FT_Get_Postscript_Name(f)) p.postscript_name = ps;
  FT_Bool cid = 0;
  p.cid_keyed = FT_Get_CID_Is_Internally_CID_Keyed(f, &cid) == 0 && cid;
  const char *reg = nullptr, *ord = nullptr;
  FT_Int sup = 0;
  if (p.cid_keyed && FT_Get_CID_Registry_Ordering_Supplement(f, &reg, &ord, &sup) == 0 && reg && ord) {
    p.registry = reg, p.ordering = ord, p.supplement = sup;
  }
}

// Each requested glyph: where the subset put it, its CID there, its advance.
void read_glyphs(FT_Face f, const hb_map_t* old_to_new, const std::vector<std::uint32_t>& gids, FontProgram& p) {
  std::vector<std::uint32_t> sorted(gids);
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  for (std::uint32_t gid : sorted) {
    const hb_codepoint_t now = hb_map_get(old_to_new, gid);
    if (now == HB_MAP_VALUE_INVALID) continue;  // not in the face: never drawn
    ProgramGlyph g{gid, now, 0};
    FT_UInt cid = 0;
    if (p.cid_keyed && FT_Get_CID_From_Glyph_Index(f, now, &cid) == 0) g.code = cid;
    FT_Fixed adv = 0;
    if (FT_Get_Advance(f, now, FT_LOAD_NO_SCALE, &adv) == 0) g.advance = static_cast<std::int32_t>(adv);
    p.glyphs.push_back(g);
  }
}

// Vertical metrics from the source face, with HarfBuzz's functions: the numbers vertical
// shaping placed the glyphs with (text/vertical.cpp), so /W2 agrees with the layout.
void read_vertical(hb_face_t* face, FontProgram& p) {
  hb_font_t* font = hb_font_create(face);
  hb_font_set_scale(font, p.upem, p.upem);
  for (ProgramGlyph& g : p.glyphs) {
    g.v_advance = -hb_font_get_glyph_v_advance(font, g.gid);
    hb_position_t x = 0, y = 0;
    hb_font_get_glyph_v_origin(font, g.gid, &x, &y);
    g.v_origin_x = x, g.v_origin_y = y;
  }
  hb_font_destroy(font);
}

}  // namespace

FontProgram subset_font(const std::string& file, int index, const std::vector<std::uint32_t>& gids) {
  Hb hb;
  make_subset(hb, file, index, gids);
  unsigned len = 0;
  const char* bytes = hb_blob_get_data(hb.out, &len);
  Ft ft;
  if (FT_Init_FreeType(&ft.lib) ||
      FT_New_Memory_Face(ft.lib, reinterpret_cast<const FT_Byte*>(bytes), static_cast<FT_Long>(len), 0, &ft.face))
    fail(file, "FreeType cannot read the subset of face " + std::to_string(index));
  FontProgram p;
  read_metrics(ft.face, p);
  read_glyphs(ft.face, hb_subset_plan_old_to_new_glyph_mapping(hb.plan), gids, p);
  read_vertical(hb.face, p);
  hb_blob_t* cff = hb_face_reference_table(hb.subset, HB_TAG('C', 'F', 'F', ' '));
  unsigned cff_len = 0;
  const char* cff_bytes = hb_blob_get_data(cff, &cff_len);
  if (cff_len > 0) {
    p.format = FontProgram::Format::Cff;
    p.data.assign(cff_bytes, cff_len);
  } else {
    p.format = FontProgram::Format::TrueType;
    p.data.assign(bytes, len);
  }
  hb_blob_destroy(cff);
  return p;
}

}  // namespace text
