// Shaping a vertical line (竖排; docs/composer.md "Vertical text"). Each character gets an
// orientation before shaping:
// * Han, kana and CJK marks stand upright: shaped top to bottom (HB_DIRECTION_TTB, so
//   HarfBuzz applies `vert` and takes advances and origins from vmtx/VORG). The fonts'
//   vertical forms put ，。、：； in the upper right of the em and turn brackets, book-title
//   marks, dashes and ellipses (GB/T 15834-2011 §5.2, punctuation in vertical text).
// * A mark the font has no vertical form for (a dash or bracket of UAX #50 class R/Tr, such
//   as LXGW WenKai's —) is shaped left to right and turned 90° clockwise instead.
// * Latin words and numbers are shaped left to right and turned 90° clockwise, their em box
//   centred on the line (CLREQ §3.3 "Vertical").
// * A number of at most `tcy_digits` digits is set across the column as 纵中横 (tate-chu-
//   yoko, JLREQ §3.4): half-width digits (`hwid`) side by side, scaled down horizontally if
//   they are wider than one em, taking one em of the line like an ideograph.
#include <algorithm>

#include "base/utf8.h"
#include "text/font_impl.h"
#include "text/itemize.h"

namespace text {

bool turns_in_vertical(char32_t c) {
  // UAX #50 (Vertical_Orientation) R and Tr among the CJK marks: dashes, ellipses, wave
  // dashes, the prolonged sound mark, brackets, book-title marks and quotes.
  if (c == 0x2013 || c == 0x2014 || c == 0x2015 || c == 0x2E3A || c == 0x2025 || c == 0x2026 || c == 0x22EF)
    return true;
  if (c == 0x2018 || c == 0x2019 || c == 0x201C || c == 0x201D || c == 0xFF5E || c == 0x301C || c == 0x30FC)
    return true;
  if (c >= 0x3008 && c <= 0x3011) return true;  // 〈〉《》「」『』【】
  if (c >= 0x3014 && c <= 0x301B) return true;  // 〔〕〖〗〘〙〚〛
  return c == 0xFF08 || c == 0xFF09 || c == 0xFF3B || c == 0xFF3D || c == 0xFF5B || c == 0xFF5D || c == 0xFF5F ||
         c == 0xFF60 || c == 0xFF3F;
}

void use_corner_quotes(std::string& t) {
  // “ ” ‘ ’ are E2 80 9C/9D/98/99; 「 」 『 』 are E3 80 8C/8D/8E/8F: same length.
  for (std::size_t i = 0; i + 2 < t.size(); ++i) {
    if (static_cast<unsigned char>(t[i]) != 0xE2 || static_cast<unsigned char>(t[i + 1]) != 0x80) continue;
    const auto c = static_cast<unsigned char>(t[i + 2]);
    const int to = c == 0x9C ? 0x8C : c == 0x9D ? 0x8D : c == 0x98 ? 0x8E : c == 0x99 ? 0x8F : 0;
    if (to == 0) continue;
    t[i] = static_cast<char>(0xE3);
    t[i + 2] = static_cast<char>(to);
    i += 2;
  }
}

namespace {

struct VRun {
  std::uint32_t start = 0, end = 0;
  int face = 0;
  hb_script_t script = HB_SCRIPT_HAN;
  Orient orient = Orient::Upright;
};

bool lacks_vertical_form(const FontSet& fonts, int face, char32_t cp) {
  const auto& v = fonts.info(face).no_vertical_form;
  return std::binary_search(v.begin(), v.end(), cp);
}

bool ascii_digit(char32_t c) { return c >= '0' && c <= '9'; }

// 纵中横: in each stretch of turned Latin text, a number of 1 … tcy digits standing alone
// (spaces at the stretch's edges aside) is set across the column.
void mark_tcy(const std::vector<Char>& cs, const std::vector<hb_script_t>& sc, std::vector<Orient>& o, int tcy) {
  for (std::size_t i = 0; i < cs.size();) {
    if (sc[i] != HB_SCRIPT_LATIN || o[i] != Orient::Rotated) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < cs.size() && sc[j] == HB_SCRIPT_LATIN && o[j] == Orient::Rotated) ++j;
    std::size_t a = i, b = j;
    while (a < b && cs[a].script == Script::Space) ++a;
    while (b > a && cs[b - 1].script == Script::Space) --b;
    const bool digits = b > a && std::all_of(cs.begin() + static_cast<long>(a), cs.begin() + static_cast<long>(b),
                                             [](const Char& c) { return ascii_digit(c.cp); });
    if (digits && b - a <= static_cast<std::size_t>(tcy))
      for (std::size_t k = a; k < b; ++k) o[k] = Orient::Tcy;
    i = j;
  }
}

std::vector<VRun> plan(const FontSet& fonts, const std::string& text, const Span& sp, int tcy) {
  const auto cs = decode(text, sp.start, sp.end);
  const auto scripts = resolve_scripts(cs);
  std::vector<Orient> orient(cs.size(), Orient::Upright);
  std::vector<int> faces(cs.size());
  for (std::size_t i = 0; i < cs.size(); ++i) {
    faces[i] = face_for(fonts, sp.face, cs[i].cp, true);
    if (scripts[i] != HB_SCRIPT_HAN) orient[i] = Orient::Rotated;
    else if (turns_in_vertical(cs[i].cp) && lacks_vertical_form(fonts, faces[i], cs[i].cp)) orient[i] = Orient::Rotated;
  }
  mark_tcy(cs, scripts, orient, tcy);
  std::vector<VRun> runs;
  for (std::size_t i = 0; i < cs.size(); ++i) {
    if (!runs.empty() && runs.back().face == faces[i] && runs.back().script == scripts[i] &&
        runs.back().orient == orient[i] && runs.back().end == cs[i].at) {
      runs.back().end = cs[i].at + cs[i].len;
    } else {
      runs.push_back({cs[i].at, cs[i].at + cs[i].len, faces[i], scripts[i], orient[i]});
    }
  }
  return runs;
}

void shape_buffer(const FaceData& fd, const std::string& text, const VRun& r, hb_buffer_t* buf, hb_language_t lang,
                  bool half_digits) {
  hb_buffer_clear_contents(buf);
  hb_buffer_add_utf8(buf, text.data(), static_cast<int>(text.size()), r.start, static_cast<int>(r.end - r.start));
  hb_buffer_set_direction(buf, r.orient == Orient::Upright ? HB_DIRECTION_TTB : HB_DIRECTION_LTR);
  hb_buffer_set_script(buf, r.script);
  hb_buffer_set_language(buf, lang);
  hb_buffer_set_cluster_level(buf, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
  // 纵中横 takes the half-width digits where the font has them (Noto CJK: 500/1000 each);
  // a turned number too where the style sets digits half width (a year then takes 2 em).
  static const hb_feature_t hwid = {HB_TAG('h', 'w', 'i', 'd'), 1, 0, ~0u};
  if (r.orient == Orient::Tcy) return hb_shape(fd.font, buf, &hwid, 1);
  const auto features = half_digits && r.orient == Orient::Rotated ? half_width_digits(text, r.start, r.end)
                                                                   : std::vector<hb_feature_t>{};
  hb_shape(fd.font, buf, features.data(), static_cast<unsigned>(features.size()));
}

// Glyph geometry of one orientation (shape.h "Glyph": offsets across and along the line).
void place(Glyph& g, const hb_glyph_position_t& p, const VRun& r, const FaceInfo& fi, Len size) {
  auto u = [&](std::int64_t v) { return base::scale_units(v, size, fi.upem); };
  if (r.orient == Orient::Upright) {
    g.advance = u(-p.y_advance);  // vmtx
    g.x_offset = u(p.x_offset);   // from the vertical origin (VORG) to the glyph's origin
    g.y_offset = u(p.y_offset);
    return;
  }
  // Turned 90° clockwise: the baseline runs down the line, the glyph's top faces right,
  // and its ideographic em box is centred on the line.
  g.advance = u(p.x_advance);
  g.x_offset = u(p.y_offset - (fi.ideo_top + fi.ideo_bottom) / 2);
  g.y_offset = u(-p.x_offset);
}

// 纵中横: the glyphs side by side, centred across the line, on the ideographic baseline of
// an upright character, scaled to one em when wider; the number advances one em.
int place_tcy(std::vector<Glyph>& gs, const std::vector<std::int64_t>& adv, std::uint32_t cluster,
              const FaceInfo& fi, Len size) {
  std::int64_t total = 0;
  for (auto a : adv) total += a;
  const int scale = total > fi.upem ? static_cast<int>(fi.upem * 1000 / total) : 1000;
  std::int64_t pen = -total / 2;
  for (std::size_t i = 0; i < gs.size(); ++i) {
    gs[i].x_offset = base::scale_units(pen * scale / 1000, size, fi.upem);
    gs[i].y_offset = -base::scale_units(fi.ideo_top, size, fi.upem);
    gs[i].advance = i + 1 == gs.size() ? size : 0;
    gs[i].cluster = cluster;  // one unit for the composer: never split, one em
    pen += adv[i];
  }
  return scale;
}

void shape_one(const FontSet& fonts, ShapedText& out, const VRun& r, const Span& sp, hb_buffer_t* buf,
               hb_language_t lang, bool half_digits) {
  const FaceData& fd = fonts.impl().faces.at(r.face);
  shape_buffer(fd, out.text, r, buf, lang, half_digits);
  unsigned n = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &n);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &n);
  ShapedRun run{r.start, r.end, r.face, sp.size, sp.tag, r.script == HB_SCRIPT_HAN ? Script::Han : Script::Latin,
                static_cast<std::uint32_t>(out.glyphs.size()), n, r.orient, 1000};
  std::vector<Glyph> gs(n);
  std::vector<std::int64_t> adv(n);
  for (unsigned i = 0; i < n; ++i) {
    Glyph& g = gs[i];
    g.gid = info[i].codepoint;
    g.face = r.face;
    g.cluster = info[i].cluster;
    g.unsafe_to_break = hb_glyph_info_get_glyph_flags(&info[i]) & HB_GLYPH_FLAG_UNSAFE_TO_BREAK;
    place(g, pos[i], r, fd.info, sp.size);
    adv[i] = pos[i].x_advance;
    if (static_cast<unsigned char>(out.text[g.cluster]) < 0x20) g.gid = 0, g.advance = 0, g.x_offset = g.y_offset = 0;
  }
  if (r.orient == Orient::Tcy && n > 0) run.hscale = place_tcy(gs, adv, r.start, fd.info, sp.size);
  out.glyphs.insert(out.glyphs.end(), gs.begin(), gs.end());
  out.runs.push_back(run);
}

}  // namespace

void shape_vertical(const FontSet& fonts, ShapedText& out, const Span& sp, hb_buffer_t* buf, hb_language_t lang,
                    const ShapeOptions& opt) {
  for (const VRun& r : plan(fonts, out.text, sp, opt.tcy_digits)) shape_one(fonts, out, r, sp, buf, lang, opt.half_width_digits);
}

}  // namespace text
