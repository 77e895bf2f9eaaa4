// Fonts, prepared once per build: every face the document shows is subset to the glyphs of
// all its pages (text::subset_font, HarfBuzz), and its widths and ToUnicode CMap are
// written once; every file of the build embeds the same bytes (docs/print.md "Fonts").
#include <algorithm>
#include <cmath>
#include <set>

#include "pdf/resources.h"
#include "pdf/util.h"

namespace pdf {

double EmbeddedFont::width_1000(std::uint32_t gid) const {
  const text::ProgramGlyph* g = program.find(gid);
  if (!g) return 0;
  // Rounded to the 3 decimals /W is written with, so the content stream's positions are
  // computed from the same numbers a viewer reads.
  const double w = g->advance * 1000.0 / program.upem;
  return std::round(w * 1000.0) / 1000.0;
}

std::uint32_t EmbeddedFont::code(std::uint32_t gid) const {
  const text::ProgramGlyph* g = program.find(gid);
  return g ? g->code : 0;
}

namespace {

struct Use {
  std::set<std::uint32_t> gids;
  std::unordered_map<std::uint32_t, std::string> text_of;
  bool vertical = false;  // shown upright in a vertical line: the file needs its vertical font
};

// Every glyph each face shows, and what each glyph says when a cluster shows it alone:
// the first such cluster in document order wins (so the whole issue and its split pages
// agree).
std::map<int, Use> collect(const frame::Document& doc) {
  std::map<int, Use> use;
  for (const auto& page : doc.pages)
    for (const auto& run : page.of<frame::GlyphRun>()) {
      Use& u = use[run.face];
      u.vertical = u.vertical || run.orient == frame::GlyphRun::Orient::Upright;
      std::size_t byte = 0, glyph = 0;
      for (const auto& [bytes, glyphs] : run.clusters) {
        for (int k = 0; k < glyphs && glyph + static_cast<std::size_t>(k) < run.glyphs.size(); ++k)
          u.gids.insert(run.glyphs[glyph + static_cast<std::size_t>(k)].gid);
        if (glyphs == 1 && bytes > 0 && glyph < run.glyphs.size())
          u.text_of.emplace(run.glyphs[glyph].gid, run.text.substr(byte, static_cast<std::size_t>(bytes)));
        byte += static_cast<std::size_t>(bytes);
        glyph += static_cast<std::size_t>(glyphs);
      }
      for (std::size_t k = glyph; k < run.glyphs.size(); ++k) u.gids.insert(run.glyphs[k].gid);
    }
  return use;
}

// ISO 32000-1 §9.6.4: a subset font's name starts with six upper-case letters and '+';
// ours come from the glyph set, so the same subset always gets the same name.
std::string subset_tag(const std::string& name, const std::set<std::uint32_t>& gids) {
  std::string key = name;
  for (std::uint32_t g : gids) key += std::to_string(g) + ",";
  const std::string h = md5_hex(key);
  std::string tag;
  for (int i = 0; i < 6; ++i) tag += static_cast<char>('A' + std::stoi(h.substr(static_cast<std::size_t>(2 * i), 2), nullptr, 16) % 26);
  return tag;
}

// /W (ISO 32000-1 §9.7.4.3): consecutive codes as `c [w1 w2 …]`; widths equal to /DW
// (1000) are left out.
std::string widths(const EmbeddedFont& f) {
  std::vector<std::pair<std::uint32_t, double>> w;
  for (const auto& g : f.program.glyphs) {
    const double v = f.width_1000(g.gid);
    if (v != 1000.0) w.emplace_back(g.code, v);
  }
  std::sort(w.begin(), w.end());
  std::string s = "[";
  for (std::size_t i = 0; i < w.size();) {
    std::size_t j = i + 1;
    while (j < w.size() && w[j].first == w[j - 1].first + 1) ++j;
    s += std::to_string(w[i].first) + " [";
    for (std::size_t k = i; k < j; ++k) {
      if (k > i) s += ' ';
      append_num(s, w[k].second);
    }
    s += "]";
    i = j;
  }
  return s + "]";
}

// The ToUnicode CMap (ISO 32000-1 §9.10.3; Adobe Technical Note #5411): each code → the
// characters of its cluster, UTF-16BE.
std::string to_unicode(const EmbeddedFont& f) {
  std::vector<std::pair<std::uint32_t, std::string>> map;
  for (const auto& [gid, chars] : f.text_of) map.emplace_back(f.code(gid), utf16_hex(chars));
  std::sort(map.begin(), map.end());
  std::string s =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  for (std::size_t i = 0; i < map.size(); i += 100) {
    const std::size_t end = std::min(map.size(), i + 100);  // at most 100 per block
    s += std::to_string(end - i) + " beginbfchar\n";
    for (std::size_t k = i; k < end; ++k) {
      s += '<';
      append_hex4(s, map[k].first);
      s += "> <" + map[k].second + ">\n";
    }
    s += "endbfchar\n";
  }
  return s + "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
}

EmbeddedFont embed(const frame::Face& face, int index, Use&& use) {
  EmbeddedFont f;
  f.face = index;
  f.program = text::subset_font(face.file, face.index, std::vector<std::uint32_t>(use.gids.begin(), use.gids.end()));
  f.text_of = std::move(use.text_of);
  std::string name = f.program.postscript_name.empty() ? "Font" + std::to_string(index) : f.program.postscript_name;
  name.erase(std::remove_if(name.begin(), name.end(), [](char c) { return c <= ' ' || c > '~' || c == '/'; }),
             name.end());
  f.base_font = subset_tag(name, use.gids) + "+" + name;
  f.program_flate = flate(f.program.data);
  f.widths = widths(f);
  f.to_unicode = flate(to_unicode(f));
  f.vertical = use.vertical;
  if (f.vertical) f.vertical_metrics = vertical_metrics(f);
  return f;
}

}  // namespace

std::map<int, EmbeddedFont> embed_fonts(const frame::Document& doc, int jobs) {
  std::map<int, Use> use = collect(doc);
  std::vector<int> faces;
  for (const auto& [face, u] : use) faces.push_back(face);
  std::vector<EmbeddedFont> made(faces.size());
  parallel_for(faces.size(), jobs, [&](std::size_t i) {
    made[i] = embed(doc.faces.at(static_cast<std::size_t>(faces[i])), faces[i], std::move(use.at(faces[i])));
  });
  std::map<int, EmbeddedFont> out;
  for (auto& f : made) out.emplace(f.face, std::move(f));
  return out;
}

}  // namespace pdf
