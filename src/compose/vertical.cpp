// Vertical lines (竖排; docs/composer.md "Vertical text"). The composer works along the
// inline axis whatever the direction: the text stage gives each glyph its advance down the
// line, so breaking, kinsoku, compression and justification are the horizontal ones, and
// set_line maps the inline position to y (ParaStyle::direction). What is particular to a
// vertical line is here.
#include "compose/para_impl.h"

namespace compose {

// A 纵中横 number (text::Orient::Tcy: one cluster, one em) sits on the character grid like
// an ideograph (JLREQ §3.4: tate-chu-yoko is treated as one ideographic character): no
// Han–Latin space beside it, breakable before and after as Han is.
void vertical_units(Paragraph::Impl& p) {
  for (Atom& a : p.atoms) {
    if (p.shaped.runs[a.run].orient != text::Orient::Tcy) continue;
    a.kind = Kind::Han;
    a.brk_first = a.brk_last = Brk::ID;
  }
}

namespace {

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char ch : s) {
    if (ch == '"' || ch == '\\') out += '\\';
    out += static_cast<unsigned char>(ch) < 0x20 ? '?' : ch;
  }
  return out + "\"";
}

}  // namespace

// " vertical [turned \"GDP\" tcy \"12\"@66.7%]": a vertical line says so and lists the runs it
// turns 90° clockwise and the 纵中横 numbers (with their horizontal scale when condensed).
std::string dump_vertical(const Line& l) {
  bool vertical = false;
  std::string parts;
  for (const Segment& s : l.segments) {
    if (s.orient == text::Orient::Horizontal) continue;
    vertical = true;
    if (s.orient == text::Orient::Upright) continue;
    parts += parts.empty() ? "" : " ";
    parts += (s.orient == text::Orient::Rotated ? "turned " : "tcy ") + quoted(s.text);
    if (s.orient == text::Orient::Tcy && s.hscale != 1000)
      parts += "@" + std::to_string(s.hscale / 10) + "." + std::to_string(s.hscale % 10) + "%";
  }
  return vertical ? " vertical [" + parts + "]" : "";
}

}  // namespace compose
