// The break opportunities UAX #14 and the kinsoku tables leave, refined for newspaper
// text (docs/composer.md "Break opportunities"):
//  * URLs, e-mail addresses and English words break their own way (words.cpp);
//  * ranges, standard numbers, dates and names are kept whole (units.cpp);
//  * a single dash used as a connector (常州—无锡) never starts a line (GB/T 15834-2011
//    §4.3.1: 破折号 is ——; a lone dash is a connector and stays with what it follows).
#include "compose/breaks.h"
#include "compose/segment.h"

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

// Display text: a break after a typed space is the editor's (0); one at an ICU word
// boundary is between words (1), or beside a one-character word (2); any other is inside
// a word (3). Boundaries around marks count as between words.
void head_breaks(Paragraph::Impl& p) {
  const auto bounds = word_boundaries(p.shaped.text, 0, static_cast<std::uint32_t>(p.shaped.text.size()));
  std::size_t k = 0;
  for (std::size_t i = 0; i + 1 < p.atoms.size(); ++i) {
    Gap& g = p.gaps[i];
    if (!g.can_break || g.forced) continue;
    const std::uint32_t at = p.atoms[i + 1].start;
    while (k < bounds.size() && bounds[k].at < at) ++k;
    const bool boundary = k < bounds.size() && bounds[k].at == at;
    const bool mark = p.atoms[i].kind == Kind::Mark || p.atoms[i + 1].kind == Kind::Mark;
    if (p.atoms[i].kind == Kind::Space) g.head = 0;
    else if (boundary) g.head = bounds[k].beside_single && !mark ? 2 : 1;
    else g.head = mark ? 1 : 3;
  }
}

// A short quoted or titled term (“城市书房”, 《运河谣》) is one name to a reader: a head
// never breaks inside it unless nothing else fits (3, as inside a word).
void head_quoted_terms(Paragraph::Impl& p) {
  constexpr std::size_t kTerm = 8;  // characters between the marks, at most
  const auto& at = p.atoms;
  for (std::size_t i = 0; i < at.size(); ++i) {
    if (at[i].mark != Mark::Opening) continue;
    std::size_t j = i + 1;
    while (j < at.size() && j <= i + kTerm + 1 && at[j].mark != Mark::Closing && at[j].kind != Kind::Space) ++j;
    if (j >= at.size() || j > i + kTerm + 1 || at[j].mark != Mark::Closing) continue;
    for (std::size_t k = i + 1; k + 1 < j; ++k) p.gaps[k].head = 3;
  }
}

void refine_breaks(Paragraph::Impl& p) {
  auto& at = p.atoms;
  latin_breaks(p);
  unit_breaks(p);
  if (p.style.head) head_breaks(p), head_quoted_terms(p);
  for (std::size_t i = 1; i < at.size(); ++i)
    if (single_dash(at, i) && p.gaps[i - 1].can_break && !p.gaps[i - 1].forced) forbid(p.gaps[i - 1], "connector-dash");
}

}  // namespace compose
