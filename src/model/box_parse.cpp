// <stroke> (line styles for frames and rules) and <box> (frame, tint, padding, gutter) of a
// layout (docs/format.md "Strokes and boxes").
#include <algorithm>
#include <sstream>

#include "model/layout_parse.h"
#include "model/limits.h"
#include "model/numbers.h"

namespace model {

const std::vector<std::string>& ornament_patterns() {
  // The 花边 library drawn by flow/ornaments.cpp; a name here must draw there (tested).
  static const std::vector<std::string> names{"wave", "fret", "diamond", "bead"};
  return names;
}

namespace {

std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}

Stroke parse_stroke(const xml::Node& n, const Layout& lay) {
  n.allow({"name", "type", "weight", "gap", "pattern", "color", "spot"});
  Stroke s;
  s.loc = n.at();
  s.name = n.req("name");
  using T = Stroke::Type;
  s.type = n.choice<T>("type",
                       {{"solid", T::Solid}, {"double", T::Double}, {"thick-thin", T::ThickThin},
                        {"dotted", T::Dotted}, {"dashed", T::Dashed}, {"ornament", T::Ornament}},
                       T::Solid);
  const Len em = lay.styles.at("body").size;
  s.weight = n.opt_length("weight", em, false).value_or(s.type == T::Ornament ? base::from_pt(5) : s.weight);
  // Dots, dashes and ornaments are drawn one by one: a weight of a thousandth of a point
  // would put millions on one rule (docs/format.md "Limits").
  if (n.has("weight")) n.within("weight", s.weight, limits::kMinStroke, limits::kMaxStroke);
  const Len default_gap = s.type == T::Dashed ? 2 * s.weight : s.weight;
  s.gap = n.opt_length("gap", em, true).value_or(default_gap);
  if (n.has("gap")) n.within("gap", s.gap, 0, limits::kMaxStroke);
  if (const auto c = parse_colour(n, "color", "spot")) s.color = *c;
  const auto pattern = n.opt("pattern");
  if (s.type == T::Ornament) {
    const auto& names = ornament_patterns();
    if (!pattern || std::find(names.begin(), names.end(), *pattern) == names.end())
      n.fail("pattern", "ornament stroke '" + s.name + "' needs a pattern" + (pattern ? " ('" + *pattern + "' is not one)" : ""),
             "write pattern= one of: " + joined(names));
    s.pattern = *pattern;
  } else if (pattern) {
    n.fail("pattern", "pattern= is only for type=\"ornament\"", "remove pattern=, or write type=\"ornament\"");
  }
  return s;
}

void read_sides(const xml::Node& n, BoxStyle& b) {
  const auto v = n.opt("sides");
  if (!v) return;
  static const char* kNames[4] = {"top", "right", "bottom", "left"};
  for (bool& s : b.sides) s = false;
  std::istringstream in(*v);
  std::string word;
  bool any = false;
  while (in >> word) {
    bool known = false;
    for (int i = 0; i < 4; ++i)
      if (word == kNames[i]) b.sides[i] = known = any = true;
    if (!known) n.fail("sides", "sides=\"" + *v + "\": '" + word + "' is not a side", "write some of: top right bottom left");
  }
  if (!any) n.fail("sides", "sides= names no side", "write some of: top right bottom left, or leave sides= out");
}

// padding="V" or "V H": V whole grid lines above and below (text stays on the grid), H
// body ems left and right (text stays on the character grid).
void read_padding(const xml::Node& n, BoxStyle& b, const Layout& lay) {
  const std::string v = n.opt("padding").value_or("1 1em");
  std::istringstream in(v);
  std::string rows, ems, extra;
  in >> rows >> ems >> extra;
  const auto r = xml::to_int(rows);
  const auto e = num::em1000(ems.empty() ? rows + "em" : ems);
  if (!r || *r < 0 || !e || *e < 0 || !extra.empty())
    n.fail("padding", "padding=\"" + v + "\" is not \"LINES\" or \"LINES EMS\"",
           "write whole grid lines above and below, then ems left and right, e.g. padding=\"1 1em\"");
  if (*r > lay.rows || *e > limits::kMaxIndentEm1000)
    n.fail("padding", "padding=\"" + v + "\" is more than the grid's " + std::to_string(lay.rows) +
                          " lines or 20 em, the largest paperset accepts",
           "write at most " + std::to_string(lay.rows) + " grid lines and 20 em, e.g. padding=\"1 1em\"");
  b.pad_rows = *r, b.pad_em1000 = *e;
}

void read_tint(const xml::Node& n, BoxStyle& b) {
  const auto c = parse_colour(n, "tint", "tint-spot");
  if (!c) {
    if (n.has("tint-percent")) n.fail("tint-percent", "tint-percent= without tint=", "add tint=\"C M Y K\"");
    return;
  }
  const int percent = n.opt_integer("tint-percent", 1).value_or(100);
  if (percent > 100) n.fail("tint-percent", "tint-percent=\"" + std::to_string(percent) + "\" is over 100", "write 1–100");
  b.has_tint = true;
  b.tint = c->screened(percent * 10);
}

// The frame's band must stay clear of the text: the padding (plus, vertically, the white
// above a body line's em box centred in its grid line) holds the band and 1 pt.
void check_padding(const xml::Node& n, const BoxStyle& b, const Layout& lay) {
  if (b.frame.empty()) return;
  const Len band = lay.strokes.at(b.frame).band() + base::from_pt(1);
  const Len body = lay.styles.at("body").size;
  const Len across = static_cast<Len>(b.pad_em1000) * body / 1000;
  const Len down = b.pad_rows * lay.pitch + (lay.pitch - body) / 2;
  if (across < band || down < band)
    n.fail("padding", "box '" + b.name + "': its padding does not hold the frame '" + b.frame + "' (" +
                          std::to_string(band / 1000) + " pt with 1 pt of white) clear of the text",
           "make padding= larger, e.g. padding=\"1 1em\", or use a lighter stroke");
}

BoxStyle parse_box(const xml::Node& n, const Layout& lay) {
  n.allow({"name", "frame", "sides", "tint", "tint-spot", "tint-percent", "padding", "gutter"});
  BoxStyle b;
  b.loc = n.at();
  b.name = n.req("name");
  if (const auto f = n.opt("frame")) {
    lay.stroke(*f, n.at("frame"));
    b.frame = *f;
  }
  read_sides(n, b);
  read_tint(n, b);
  read_padding(n, b, lay);
  b.gutter = n.opt_length("gutter", lay.styles.at("body").size, true).value_or(0);
  n.within("gutter", b.gutter, 0, limits::kMaxMedia);
  return b;
}

template <class T>
void add_unique(std::map<std::string, T>& map, T value, const char* what) {
  if (value.name.empty()) throw base::Error(value.loc, std::string("empty ") + what + " name", "give it a name=");
  if (const auto it = map.find(value.name); it != map.end())
    throw base::Error(value.loc, std::string(what) + " '" + value.name + "' is defined twice (first at line " +
                                     std::to_string(it->second.loc.line) + ")",
                      "remove one of the two definitions or rename one");
  map.emplace(value.name, std::move(value));
}

}  // namespace

void read_strokes_and_boxes(const xml::Node& root, Layout& lay) {
  for (const auto* c : xml::children(root.e))
    if (std::string(c->Name()) == "stroke") add_unique(lay.strokes, parse_stroke({*c, root.file}, lay), "stroke");
  for (const auto* c : xml::children(root.e))
    if (std::string(c->Name()) == "box") {
      const xml::Node n{*c, root.file};
      BoxStyle b = parse_box(n, lay);
      check_padding(n, b, lay);
      add_unique(lay.boxes, std::move(b), "box");
    }
}

}  // namespace model
