// Shaping a paragraph: itemize each span into runs of one face and one script, then
// shape every run with HarfBuzz over the whole paragraph as context (so clusters are
// byte offsets into the paragraph). Language is always set explicitly (docs/libraries.md §1).
#include "text/shape.h"

#include <hb.h>

#include <algorithm>
#include <cstdio>
#include <set>

#include "base/utf8.h"
#include "text/font_impl.h"
#include "text/itemize.h"

namespace text {

std::vector<Char> decode(const std::string& t, std::uint32_t start, std::uint32_t end) {
  std::vector<Char> out;
  for (std::uint32_t i = start; i < end;) {
    int len = 0;
    const char32_t cp = base::decode_utf8(t, i, len);
    out.push_back({i, static_cast<std::uint32_t>(len), cp, script_of(cp)});
    i += static_cast<std::uint32_t>(len);
  }
  return out;
}

namespace {

bool is_western_shared_mark(char32_t c) {
  // Marks that share code points with Western punctuation (docs/typography.md).
  return c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 || c == 0x2014 || c == 0x2026 || c == 0xB7;
}

bool is_cjk(Script s) { return s == Script::Han; }

}  // namespace

// HarfBuzz script for each character: letters and digits Latin; Han Han; punctuation and
// spaces take the script of their neighbours (UAX #24 "Common" resolution), except that
// CJK marks and Western-shared marks next to Han stay Han.
std::vector<hb_script_t> resolve_scripts(const std::vector<Char>& cs) {
  std::vector<hb_script_t> out(cs.size(), HB_SCRIPT_INVALID);
  for (size_t i = 0; i < cs.size(); ++i) {
    if (cs[i].script == Script::Han) out[i] = HB_SCRIPT_HAN;
    if (cs[i].script == Script::Latin || cs[i].script == Script::Digit) out[i] = HB_SCRIPT_LATIN;
    const char32_t c = cs[i].cp;
    if (cs[i].script == Script::Punct && c >= 0x3000) out[i] = HB_SCRIPT_HAN;
    if (is_western_shared_mark(c)) {
      const bool prev_han = i > 0 && is_cjk(cs[i - 1].script);
      const bool next_han = i + 1 < cs.size() && is_cjk(cs[i + 1].script);
      if (prev_han || next_han) out[i] = HB_SCRIPT_HAN;
    }
  }
  hb_script_t last = HB_SCRIPT_INVALID;
  for (auto& s : out) s == HB_SCRIPT_INVALID ? void(s = last) : void(last = s);
  last = HB_SCRIPT_HAN;  // Chinese text: a paragraph of marks only is set as Han
  for (size_t i = out.size(); i-- > 0;) out[i] == HB_SCRIPT_INVALID ? void(out[i] = last) : void(last = out[i]);
  return out;
}

// Face for one character: the span's face, unless it lacks the glyph (then the Song
// role, then Hei) or it is a quote the face sets as a narrow Latin glyph (then Song).
int face_for(const FontSet& fonts, int face, char32_t cp, bool vertical) {
  if (cp < 0x20) return face;
  const auto& impl = fonts.impl();
  const bool bold = face < static_cast<int>(impl.role_of.size()) && impl.role_of[face].second;
  const bool quote = cp == 0x201C || cp == 0x201D || cp == 0x2018 || cp == 0x2019;
  // In a vertical line a face's own vertical quotes are full width even where its
  // horizontal ones are narrow (LXGW WenKai): only a face without them borrows Song's.
  const auto& nv = fonts.info(face).no_vertical_form;
  const bool narrow = fonts.info(face).narrow_quotes && (!vertical || std::binary_search(nv.begin(), nv.end(), cp));
  if (fonts.glyph(face, cp) != 0 && !(quote && narrow)) return face;
  for (Role r : {Role::Song, Role::Hei}) {
    if (!fonts.has_role(r)) continue;
    const int f = fonts.face(r, bold);
    if (fonts.glyph(f, cp) != 0) return f;
  }
  return face;
}

struct RunSpec {
  std::uint32_t start, end;
  int face;
  hb_script_t script;
};

static std::vector<RunSpec> itemize(const FontSet& fonts, const std::string& text, const Span& sp) {
  const auto cs = decode(text, sp.start, sp.end);
  const auto scripts = resolve_scripts(cs);
  std::vector<RunSpec> runs;
  for (size_t i = 0; i < cs.size(); ++i) {
    const int f = face_for(fonts, sp.face, cs[i].cp);
    if (!runs.empty() && runs.back().face == f && runs.back().script == scripts[i]) {
      runs.back().end = cs[i].at + cs[i].len;
    } else {
      runs.push_back({cs[i].at, cs[i].at + cs[i].len, f, scripts[i]});
    }
  }
  return runs;
}

std::vector<hb_feature_t> half_width_digits(const std::string& text, std::uint32_t start, std::uint32_t end) {
  std::vector<hb_feature_t> out;
  for (std::uint32_t i = start; i < end; ++i) {
    if (text[i] < '0' || text[i] > '9') continue;
    if (!out.empty() && out.back().end == i) out.back().end = i + 1;
    else out.push_back({HB_TAG('h', 'w', 'i', 'd'), 1, i, i + 1});
  }
  return out;
}

static void shape_run(const FontSet& fonts, ShapedText& out, const RunSpec& r, const Span& sp,
                      hb_buffer_t* buf, hb_language_t lang, bool half_digits) {
  const FaceData& fd = fonts.impl().faces.at(r.face);
  hb_buffer_clear_contents(buf);
  hb_buffer_add_utf8(buf, out.text.data(), static_cast<int>(out.text.size()), r.start,
                     static_cast<int>(r.end - r.start));
  hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
  hb_buffer_set_script(buf, r.script);
  hb_buffer_set_language(buf, lang);
  hb_buffer_set_cluster_level(buf, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
  const auto features = half_digits ? half_width_digits(out.text, r.start, r.end) : std::vector<hb_feature_t>{};
  hb_shape(fd.font, buf, features.data(), static_cast<unsigned>(features.size()));
  unsigned n = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &n);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &n);
  ShapedRun run{r.start, r.end, r.face, sp.size, sp.tag,
                r.script == HB_SCRIPT_HAN ? Script::Han : Script::Latin,
                static_cast<std::uint32_t>(out.glyphs.size()), n};
  const int upem = fd.info.upem;
  for (unsigned i = 0; i < n; ++i) {
    Glyph g;
    g.gid = info[i].codepoint;
    g.face = r.face;
    g.advance = base::scale_units(pos[i].x_advance, sp.size, upem);
    g.x_offset = base::scale_units(pos[i].x_offset, sp.size, upem);
    g.y_offset = base::scale_units(pos[i].y_offset, sp.size, upem);
    g.cluster = info[i].cluster;
    g.unsafe_to_break = hb_glyph_info_get_glyph_flags(&info[i]) & HB_GLYPH_FLAG_UNSAFE_TO_BREAK;
    if (static_cast<unsigned char>(out.text[g.cluster]) < 0x20) g.gid = 0, g.advance = 0, g.x_offset = 0;
    out.glyphs.push_back(g);
  }
  out.runs.push_back(run);
}

static void report_missing(const ShapedText& out, base::Diagnostics& diag, const ShapeOptions& opt) {
  std::set<char32_t> seen;
  for (const auto& g : out.glyphs) {
    if (g.gid != 0) continue;
    int len = 0;
    const char32_t cp = base::decode_utf8(out.text, g.cluster, len);
    if (cp < 0x20 || !seen.insert(cp).second) continue;
    std::string ch;
    base::append_utf8(ch, cp);
    char hex[16];
    std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(cp));
    diag.warn("missing-glyph", "no font has a glyph for '" + ch + "' (" + hex + ")", {}, opt.context, opt.page);
  }
}

ShapedText shape(const FontSet& fonts, std::string text, const std::vector<Span>& spans, base::Diagnostics& diag,
                 const ShapeOptions& opt) {
  ShapedText out;
  out.text = std::move(text);
  if (opt.corner_quotes) use_corner_quotes(out.text);
  hb_buffer_t* buf = hb_buffer_create();
  const hb_language_t lang = hb_language_from_string(opt.language.c_str(), -1);
  for (const auto& sp : spans) {
    if (opt.vertical) {
      shape_vertical(fonts, out, sp, buf, lang, opt);
      continue;
    }
    for (const auto& r : itemize(fonts, out.text, sp)) shape_run(fonts, out, r, sp, buf, lang, opt.half_width_digits);
  }
  hb_buffer_destroy(buf);
  report_missing(out, diag, opt);
  return out;
}

}  // namespace text
