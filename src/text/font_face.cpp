// Loading one face for HarfBuzz and reading the facts the composer and flow need:
// the ideographic em box (BASE) and whether the quotes are full width.
#include <hb-ot.h>

#include <algorithm>

#include "base/error.h"
#include "text/font_impl.h"
#include "text/shape.h"

namespace text {

namespace {

std::string name_string(hb_face_t* face, hb_ot_name_id_t id) {
  char buf[256];
  unsigned len = sizeof buf;
  if (hb_ot_name_get_utf8(face, id, HB_LANGUAGE_INVALID, &len, buf) == 0) return {};
  return std::string(buf, len);
}

// docs/typography.md "The character grid": lines are placed on the ideographic em box from
// the BASE table (ideo bottom … top), via HarfBuzz's fallback when a font has no BASE.
void read_em_box(hb_font_t* font, FaceInfo& info) {
  hb_position_t lo = 0, hi = 0;
  const hb_tag_t script = HB_TAG('h', 'a', 'n', 'i');
  hb_ot_layout_get_baseline_with_fallback(font, HB_OT_LAYOUT_BASELINE_TAG_IDEO_EMBOX_BOTTOM_OR_LEFT,
                                          HB_DIRECTION_LTR, script, HB_TAG_NONE, &lo);
  hb_ot_layout_get_baseline_with_fallback(font, HB_OT_LAYOUT_BASELINE_TAG_IDEO_EMBOX_TOP_OR_RIGHT,
                                          HB_DIRECTION_LTR, script, HB_TAG_NONE, &hi);
  if (hi > lo) {
    info.ideo_bottom = lo;
    info.ideo_top = hi;
  } else {
    info.ideo_bottom = -info.upem / 8;
    info.ideo_top = info.upem - info.upem / 8;
  }
}

// docs/typography.md "Punctuation width": a Kai font whose “ ” are narrow Latin glyphs must
// take its quotes from the body font. Measured by shaping U+201C in Chinese.
bool quotes_are_narrow(hb_font_t* font, int upem) {
  hb_buffer_t* buf = hb_buffer_create();
  hb_buffer_add_utf8(buf, "\xE2\x80\x9C", -1, 0, -1);
  hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
  hb_buffer_set_script(buf, HB_SCRIPT_HAN);
  hb_buffer_set_language(buf, hb_language_from_string("zh-Hans", -1));
  hb_shape(font, buf, nullptr, 0);
  unsigned n = 0;
  hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &n);
  const bool narrow = n == 1 && pos[0].x_advance < upem * 8 / 10;
  hb_buffer_destroy(buf);
  return narrow;
}

// The glyph each of `cps` shapes to, one per character (a cluster per character).
std::vector<std::uint32_t> shaped_gids(hb_font_t* font, const std::vector<std::uint32_t>& cps, hb_direction_t dir) {
  hb_buffer_t* buf = hb_buffer_create();
  hb_buffer_add_utf32(buf, cps.data(), static_cast<int>(cps.size()), 0, static_cast<int>(cps.size()));
  hb_buffer_set_direction(buf, dir);
  hb_buffer_set_script(buf, HB_SCRIPT_HAN);
  hb_buffer_set_language(buf, hb_language_from_string("zh-Hans", -1));
  hb_buffer_set_cluster_level(buf, HB_BUFFER_CLUSTER_LEVEL_CHARACTERS);
  hb_shape(font, buf, nullptr, 0);
  unsigned n = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &n);
  std::vector<std::uint32_t> out(cps.size(), 0);
  for (unsigned i = 0; i < n; ++i)
    if (info[i].cluster < out.size() && out[info[i].cluster] == 0) out[info[i].cluster] = info[i].codepoint;
  hb_buffer_destroy(buf);
  return out;
}

// docs/composer.md "Vertical text": a mark that vertical text turns (UAX #50 R/Tr) but for
// which `vert` gives no other glyph (LXGW WenKai's —) is turned 90° by paperset instead.
// Each candidate is shaped alone between spaces, so no ligature (——) joins two of them.
std::vector<char32_t> marks_without_vertical_form(hb_font_t* font) {
  static const std::pair<char32_t, char32_t> ranges[] = {
      {0x2013, 0x2026}, {0x22EF, 0x22EF}, {0x2E3A, 0x2E3A}, {0x3008, 0x301C}, {0x30FC, 0x30FC}, {0xFF08, 0xFF60}};
  std::vector<std::uint32_t> cps;
  for (const auto& [lo, hi] : ranges)
    for (char32_t c = lo; c <= hi; ++c) {
      hb_codepoint_t g = 0;
      if (turns_in_vertical(c) && hb_font_get_nominal_glyph(font, c, &g)) cps.push_back(c), cps.push_back(0x3000);
    }
  const auto v = shaped_gids(font, cps, HB_DIRECTION_TTB);
  const auto h = shaped_gids(font, cps, HB_DIRECTION_LTR);
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < cps.size(); i += 2)
    if (v[i] == h[i]) out.push_back(cps[i]);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

FontSet::Impl::~Impl() {
  for (auto& f : faces) {
    hb_font_destroy(f.font);
    hb_face_destroy(f.face);
    hb_blob_destroy(f.blob);
  }
}

int FontSet::Impl::add_face(const std::string& file, int index, const std::string& family,
                            const std::string& style, const std::string& package) {
  for (size_t i = 0; i < faces.size(); ++i)
    if (faces[i].info.file == file && faces[i].info.index == index) return static_cast<int>(i);
  FaceData d;
  d.blob = hb_blob_create_from_file_or_fail(file.c_str());
  if (!d.blob)
    throw base::Error({file, 0}, "cannot read font file '" + file + "'", "reinstall the Debian package " + package);
  d.face = hb_face_create(d.blob, static_cast<unsigned>(index));
  d.font = hb_font_create(d.face);
  d.info.file = file;
  d.info.index = index;
  d.info.family = family;
  d.info.style = style;
  d.info.package = package;
  d.info.upem = static_cast<int>(hb_face_get_upem(d.face));
  hb_font_set_scale(d.font, d.info.upem, d.info.upem);
  d.info.version = name_string(d.face, HB_OT_NAME_ID_VERSION_STRING);
  read_em_box(d.font, d.info);
  d.info.narrow_quotes = quotes_are_narrow(d.font, d.info.upem);
  d.info.no_vertical_form = marks_without_vertical_form(d.font);
  hb_font_make_immutable(d.font);
  faces.push_back(d);
  return static_cast<int>(faces.size() - 1);
}

}  // namespace text
