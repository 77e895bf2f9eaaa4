// The break opportunities UAX #14 and the kinsoku tables leave, refined for newspaper
// text (docs/composer.md "Break opportunities"):
//  * URLs, e-mail addresses and English words break their own way (words.cpp);
//  * ranges, standard numbers, dates and names are kept whole (units.cpp);
//  * a single dash used as a connector (常州—无锡) never starts a line (GB/T 15834-2011
//    §4.3.1: 破折号 is ——; a lone dash is a connector and stays with what it follows).
#include "compose/breaks.h"

namespace compose {

namespace {

bool dash_cp(char32_t c) { return c == 0x2014 || c == 0x2015; }

// One dash, not half of —— (a ligature cluster holds both; a font without it gives two
// clusters, which neighbour each other).
bool single_dash(const std::vector<Atom>& at, std::size_t i) {
  const Atom& a = at[i];
  if (!dash_cp(a.first) || a.end - a.start != 3) return false;
  const bool prev = i > 0 && dash_cp(at[i - 1].last);
  const bool next = i + 1 < at.size() && dash_cp(at[i + 1].first);
  return !prev && !next;
}

void forbid(Gap& g, const char* rule) {
  g.can_break = false;
  g.kind = BreakKind::None;
  g.rule = rule;
}

}  // namespace

void refine_breaks(Paragraph::Impl& p) {
  auto& at = p.atoms;
  latin_breaks(p);
  unit_breaks(p);
  for (std::size_t i = 1; i < at.size(); ++i)
    if (single_dash(at, i) && p.gaps[i - 1].can_break && !p.gaps[i - 1].forced) forbid(p.gaps[i - 1], "connector-dash");
}

}  // namespace compose
