// Measuring a candidate line [s, b) in O(1) from the prefix sums: its natural width
// with the line-edge rules applied, and how far it could shrink or stretch.
#include <algorithm>

#include "compose/para_impl.h"

namespace compose {

// Trailing spaces and controls are not part of the visible line: a typed space at a
// line end is dropped there, like any break space (docs/typography.md, "Spacing").
std::size_t Paragraph::Impl::visible_end(std::size_t s, std::size_t b) const {
  while (b > s && atoms[b - 1].invisible()) --b;
  return b;
}

// docs/typography.md "Paragraphs": the first line is indented (2 em by default).
Len Paragraph::Impl::indent(bool first) const { return first ? em_part(em, style.indent_em1000) : 0; }

namespace {

// docs/typography.md: an opening mark at the start of a line is set half width only where
// the style asks for it, and never on a paragraph's first line (its indent stays exact).
bool half_open(const Paragraph::Impl& p, std::size_t s, bool first) {
  return !first && p.style.half_open_at_start && p.atoms[s].mark == Mark::Opening && p.atoms[s].lead_cap > 0;
}

}  // namespace

Len Paragraph::Impl::natural(std::size_t s, std::size_t b, bool first) const {
  const std::size_t ve = visible_end(s, b);
  Len w = indent(first);
  if (ve <= s) return w;
  // No Han–Latin space at the line end; a pair compression whose partner is on the
  // next (or previous) line does not apply here.
  w += pre_w[ve] - pre_w[s] - gaps[ve - 1].nat;
  w += atoms[ve - 1].trail_cut + atoms[s].lead_cut;
  if (half_open(*this, s, first)) w -= atoms[s].lead_cap;
  return w;
}

// Everything the line may give up, in CLREQ priority order (docs/typography.md "Spacing and
// justification"): the line-end mark's blank half, word spaces down to 1/4 em, the
// other marks' blank halves (to 1/2 em each), Han–Latin spaces down to their minimum.
// The blank before the line's first mark stays: the left edge is kept flush.
Len Paragraph::Impl::shrink_capacity(std::size_t s, std::size_t b) const {
  const std::size_t ve = visible_end(s, b);
  if (ve <= s) return 0;
  Len cap = atoms[ve - 1].trail_cap;  // the line end, whole blank (its pair cut is restored)
  for (std::size_t k = s; k < ve; ++k) {
    const Atom& a = atoms[k];
    if (a.space == SpaceKind::Word) cap += a.width() - a.space_min();
    if (k != s) cap += a.lead_rem();
    if (k + 1 != ve) cap += a.trail_rem() + (gaps[k].nat - gaps[k].min);
  }
  return cap;
}

// Whether a short line can be filled: word spaces, Han–Latin spaces, or at least one
// inter-character gap or space that may take an equal share.
bool Paragraph::Impl::stretchable(std::size_t s, std::size_t b) const {
  const std::size_t ve = visible_end(s, b);
  for (std::size_t k = s; k + 1 < ve; ++k)
    if (gaps[k].slot || gaps[k].max > gaps[k].nat || (k > s && atoms[k].kind == Kind::Space)) return true;
  return false;
}

// docs/typography.md "Paragraphs": the last line must hold at least two characters besides
// punctuation.
bool Paragraph::Impl::orphan(std::size_t b) const {
  int chars = 0;
  for (std::size_t k = b; k < atoms.size() && chars < 2; ++k) chars += atoms[k].is_char() ? 1 : 0;
  return chars < 2;
}

std::size_t Paragraph::Impl::atom_at(std::uint32_t byte) const {
  if (byte >= shaped.text.size()) return atoms.size();
  const auto it = std::upper_bound(starts.begin(), starts.end(), byte);
  return it == starts.begin() ? 0 : static_cast<std::size_t>(it - starts.begin()) - 1;
}

}  // namespace compose
