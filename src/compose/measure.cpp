// Measuring a candidate line [s, b) in O(1) from the prefix sums: its natural width with
// the line-edge rules applied, and how far each stage of the CLREQ adjustment order could
// shrink or stretch it. Nothing here walks the characters of a line, so a paragraph of
// any length costs the same per break (docs/composer.md "Speed").
#include <algorithm>

#include "compose/para_impl.h"

namespace compose {

// Trailing spaces and controls are not part of the visible line: a typed space at a
// line end is dropped there, like any break space (docs/typography.md, "Spacing").
std::size_t Paragraph::Impl::visible_end(std::size_t s, std::size_t b) const {
  return std::max<std::size_t>(s, vis_before[b]);
}

// Spaces at a line start are dropped (docs/typography.md "Spacing").
std::size_t Paragraph::Impl::line_start(std::size_t b) const {
  return b < atoms.size() ? std::min<std::size_t>(vis_from[b], vis_end) : atoms.size();
}

// docs/typography.md "Paragraphs": the first line is indented (2 em by default).
Len Paragraph::Impl::indent(bool first) const { return first ? em_part(em, style.indent_em1000) : 0; }

Len Paragraph::Impl::hyphen_width(std::size_t b) const {
  if (b == 0 || b >= atoms.size() || gaps[b - 1].kind != BreakKind::Hyphen) return 0;
  return hyphen_w[atoms[b - 1].run];
}

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
  w += pre[ve].w - pre[s].w - gaps[ve - 1].nat;
  w += atoms[ve - 1].trail_cut + atoms[s].lead_cut;
  if (half_open(*this, s, first)) w -= atoms[s].lead_cap;
  if (ve == b) w += hyphen_width(b);
  return w;
}

// Everything the line may give up or take, in CLREQ priority order (docs/typography.md
// "Spacing and justification"): the line-end mark's blank half, word spaces down to
// 1/4 em, the other marks' blank halves (to 1/2 em each), Han–Latin spaces down to their
// minimum; word spaces up to 1/2 em, Han–Latin spaces up to their maximum, then equal
// shares for every gap that may open. The blank before the line's first mark stays: the
// left edge is kept flush.
LineFit Paragraph::Impl::line_fit(std::size_t s, std::size_t b, bool first) const {
  LineFit f;
  f.s = s;
  f.ve = visible_end(s, b);
  f.nat = natural(s, b, first);
  const std::size_t ve = f.ve;
  if (ve <= s) return f;
  const Atom& last = atoms[ve - 1];
  f.end_blank = last.trail_cap;
  f.ws_shrink = pre[ve].ws_shrink - pre[s].ws_shrink;
  f.punct_shrink = (pre[ve].lead - pre[s + 1].lead) + (pre[ve - 1].trail - pre[s].trail);
  f.hl_shrink = pre[ve - 1].hl_shrink - pre[s].hl_shrink;
  if (ve >= s + 2) {
    f.ws_stretch = pre[ve - 1].ws_stretch - pre[s + 1].ws_stretch;
    f.slots = (pre[ve - 1].slots - pre[s].slots) + (pre[ve - 1].spaces - pre[s + 1].spaces);
  }
  f.hl_stretch = pre[ve - 1].hl_stretch - pre[s].hl_stretch;
  // Pairs compressed inside the line (natural() restored the cuts at its edges).
  f.pair_stretch = pre[ve].cut - pre[s].cut - atoms[s].lead_cut - atoms[ve - 1].trail_cut;
  // A hung mark stands past the measure by its ink half (the SC glyphs of 、，。． sit in
  // the em's first half); its blank half is cut, as at any line end.
  if (last.hangs && ve == b) f.hang = last.shaped + last.fix - last.lead_cut - last.trail_cap;
  return f;
}

Len Paragraph::Impl::shrink_capacity(std::size_t s, std::size_t b) const { return line_fit(s, b, false).shrink(); }

// Whether a short line can be filled: word spaces, Han–Latin spaces, or at least one
// inter-character gap or space that may take an equal share.
bool Paragraph::Impl::stretchable(std::size_t s, std::size_t b) const {
  const LineFit f = line_fit(s, b, false);
  return f.slots > 0 || f.soft_stretch() > 0;
}

// docs/typography.md "Paragraphs": the last line must hold at least two characters besides
// punctuation.
bool Paragraph::Impl::orphan(std::size_t b) const {
  return b <= atoms.size() && pre[atoms.size()].chars - pre[b].chars < 2;
}

// The last position b > s (any atom boundary, a break or not) whose line from s fits at
// its natural width; s + 1 when not even one atom fits. Binary search on the prefix sums:
// O(log n), however long the word.
std::size_t Paragraph::Impl::fit_end(std::size_t s, Len measure, bool first) const {
  const std::size_t n = atoms.size();
  std::size_t lo = s + 1, hi = n;  // invariant: lo fits (or is s + 1)
  if (natural(s, lo, first) > measure) return lo;
  while (lo < hi) {
    // Natural width is monotone up to the edge terms (a blank half, a hyphen), so this
    // finds a position that fits with at most a character's width to spare.
    const std::size_t mid = lo + (hi - lo + 1) / 2;
    if (natural(s, mid, first) <= measure) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

std::size_t Paragraph::Impl::atom_at(std::uint32_t byte) const {
  if (byte >= shaped.text.size()) return atoms.size();
  const auto it = std::upper_bound(starts.begin(), starts.end(), byte);
  return it == starts.begin() ? 0 : static_cast<std::size_t>(it - starts.begin()) - 1;
}

}  // namespace compose
