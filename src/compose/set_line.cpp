// Setting one chosen line: the line-edge rules, the default punctuation widths, then
// justification, then glyph positions and the segments the PDF draws. Positions are
// computed along the inline axis and mapped to x/y only at the end, so vertical text
// needs no rewrite (docs/typography.md, last rule).
#include <algorithm>

#include "compose/justify.h"

namespace compose {

namespace {

// The line before justification: pair compression inside the line, cuts whose partner
// left the line restored, the half-width opening mark at a line start (style option),
// Han–Latin spaces and typed spaces at their natural widths — each one recorded.
LineWork start_work(const Paragraph::Impl& p, std::size_t s, std::size_t b, bool first) {
  LineWork w;
  w.p = &p;
  w.s = s;
  w.ve = p.visible_end(s, b);
  const std::size_t n = w.ve > s ? w.ve - s : 0;
  w.slot.assign(n, Slot{});
  w.adj.reserve(2 * n + 4);
  for (std::size_t k = s; k < w.ve; ++k) {
    const Atom& a = p.atoms[k];
    Slot& sl = w.at(k);
    if (k != s) sl.lead = a.lead_cut;
    if (k + 1 != w.ve) sl.trail = a.trail_cut;
    if (sl.lead + sl.trail > 0) w.adj.push_back({a.start, -(sl.lead + sl.trail), "pair-compress"});
    if (a.fix != 0) w.adj.push_back({a.start, a.fix, a.kind == Kind::Space ? "typed-space" : "middot-widen"});
    if (k + 1 < w.ve && p.gaps[k].han_latin) {
      sl.glue = p.gaps[k].nat;
      w.adj.push_back({p.atoms[k + 1].start, p.gaps[k].nat, "han-latin"});
    }
  }
  const Atom& a0 = p.atoms[s];
  if (n > 0 && !first && p.style.half_open_at_start && a0.mark == Mark::Opening && a0.lead_cap > 0) {
    w.slot[0].lead = a0.lead_cap;
    w.adj.push_back({a0.start, -a0.lead_cap, "half-open-start"});
  }
  return w;
}

PlacedGlyph put(Direction d, std::uint32_t gid, Len pen, Len x_offset, Len y_offset) {
  // HarfBuzz offsets are y up; ours are y down (line.h). Vertical: the inline axis is y.
  if (d == Direction::Vertical) return {gid, x_offset, pen - y_offset};
  return {gid, pen + x_offset, -y_offset};
}

Segment& segment_for(Line& line, const Atom& a, const text::ShapedText& sh) {
  const int face = sh.glyphs[a.g0].face;
  const auto& run = sh.runs[a.run];
  if (line.segments.empty() || line.segments.back().face != face || line.segments.back().size != run.size ||
      line.segments.back().tag != run.tag || line.segments.back().orient != run.orient ||
      line.segments.back().hscale != run.hscale)
    line.segments.push_back(Segment{face, run.size, run.tag, {}, {}, {}, run.orient, run.hscale});
  return line.segments.back();
}

// Room for a line's glyphs, text and clusters in its segments, so a line costs a few
// allocations, not one per glyph (composer speed, docs/composer.md).
void reserve(Segment& seg, std::size_t atoms) {
  if (!seg.glyphs.empty()) return;
  seg.glyphs.reserve(atoms + 2);
  seg.clusters.reserve(atoms);
  seg.text.reserve(3 * atoms);
}

// A hyphen at a hyphenation break: the face and size of the word's last letter, drawn
// but not part of the text (a cluster of 0 bytes).
Len add_hyphen(const LineWork& w, Line& line, Len pen) {
  const Atom& a = w.atom(w.ve - 1);
  const auto& sh = w.p->shaped;
  Segment& seg = segment_for(line, a, sh);
  // In a vertical line the word is turned: the hyphen stands on its baseline, across the line.
  const Len across = w.p->style.direction == Direction::Vertical ? sh.glyphs[a.g1 - 1].x_offset : 0;
  seg.glyphs.push_back(put(w.p->style.direction, w.p->hyphen_gid[a.run], pen, across, 0));
  seg.clusters.emplace_back(0, 1);
  return w.p->hyphen_w[a.run];
}

// Glyphs from the line's start edge: x includes the indent / alignment offset and the
// glyph's own offset; a removed leading blank moves the glyph back (half-width opening
// mark), a widened middle dot is centred.
void place(const LineWork& w, Line& line, Len offset) {
  const auto& sh = w.p->shaped;
  const Direction dir = w.p->style.direction;
  Len pen = offset;
  if (w.ve > w.s) line.segments.reserve(2);
  for (std::size_t k = w.s; k < w.ve; ++k) {
    const Atom& a = w.atom(k);
    line.max_glyph_size = std::max(line.max_glyph_size, a.em);
    if (a.kind != Kind::Control && a.g1 > a.g0) {
      Segment& seg = segment_for(line, a, sh);
      reserve(seg, w.ve - k);
      Len gpen = pen + a.fix_shift() - w.slot[k - w.s].lead;
      for (std::uint32_t g = a.g0; g < a.g1; ++g) {
        const text::Glyph& gl = sh.glyphs[g];
        seg.glyphs.push_back(put(dir, gl.gid, gpen, gl.x_offset, gl.y_offset));
        gpen += gl.advance;
      }
      seg.text.append(sh.text, a.start, a.end - a.start);
      seg.clusters.emplace_back(static_cast<int>(a.end - a.start), static_cast<int>(a.g1 - a.g0));
    }
    pen += w.width(k);
    if (k + 1 < w.ve) pen += w.slot[k - w.s].glue;
  }
  if (line.hyphenated) pen += add_hyphen(w, line, pen);
  line.width = pen;
}

Len align_offset(Align a, Len measure, Len used) {
  const Len room = std::max<Len>(measure - used, 0);
  if (a == Align::Center) return room / 2;
  if (a == Align::Right) return room;
  return 0;
}

}  // namespace

namespace {

// How a justified line is filled: stretched, or — when it has no gap that may open (a
// URL piece, a long word), or each gap would have to open by more than a third of an em
// (the line would read as letter-spaced) — left short and set flush left (docs/composer.md
// "Loose lines"). Either way it is reported loose.
bool too_loose(const LineFit& f, Len measure, Len em) {
  const Len rest = measure - f.nat - f.soft_stretch();
  return rest > 0 && (f.slots == 0 || rest * 3 > static_cast<Len>(f.slots) * em);
}

void grade(const Paragraph::Impl& p, const LineWork& w, Line& line, bool short_line) {
  line.gap_stretch = w.gap_share;
  line.stretch_em1000 = p.em > 0 ? static_cast<int>(w.gap_share * 1000 / p.em) : 0;
  // Past 0.10 em per gap (docs/composer.md "Badness", the ceiling).
  line.loose = short_line || w.gap_share * 10 > p.em;
}

}  // namespace

Line Paragraph::Impl::set_line(std::size_t s, const Choice& c, Len measure, bool first) const {
  Line line;
  line.measure = measure;
  line.last = c.b >= vis_end;
  line.break_reason = c.reason;
  line.hyphenated = c.b < atoms.size() && gaps[c.b - 1].kind == BreakKind::Hyphen && !c.emergency &&
                    visible_end(s, c.b) == c.b;
  LineWork w = start_work(*this, s, c.b, first);
  const LineFit fit = line_fit(s, c.b, first);
  // A hanging mark (style option) sits past the measure: the rest is set to the measure.
  w.hang = justify() && fit.hangs(measure);
  if (w.hang) {  // the hung mark's blank half is cut; its ink half stands past the measure
    const Atom& m = atoms[w.ve - 1];
    w.at(w.ve - 1).trail = m.trail_cap;
    w.adj.push_back({m.start, -m.trail_cap, "line-end-punct"});
    line.hang = fit.hang;
  }
  const Len target = measure + (w.hang ? fit.hang : 0);
  const Len ind = indent(first);
  const Len hyph = line.hyphenated ? hyphen_w[atoms[c.b - 1].run] : 0;
  const Len nat = ind + w.total() + hyph;
  const bool stretch = nat < target && justify() && !line.last && !c.forced;
  const bool short_line = stretch && too_loose(w.hang ? fit.hung() : fit, measure, em);
  Len left = 0;  // > 0 underfull, < 0 overfull
  if (nat > target) left = -shrink_line(w, nat - target);
  else if (stretch && !short_line) left = stretch_line(w, target - nat);
  else if (stretch) left = target - nat;
  if (left < 0) line.break_reason += " (overfull)";
  if (left > 0) line.break_reason += " (underfull)";
  if (w.hang) line.break_reason += " (hanging " + shaped.text.substr(atoms[w.ve - 1].start, atoms[w.ve - 1].end - atoms[w.ve - 1].start) + ")";
  if (stretch) grade(*this, w, line, short_line || left > 0);
  line.indent = ind + align_offset(style.align, measure, ind + w.total() + hyph);
  place(w, line, line.indent);
  if (line.max_glyph_size == 0) line.max_glyph_size = em;  // an empty line: the paragraph's size
  std::stable_sort(w.adj.begin(), w.adj.end(), [](const Adjustment& a, const Adjustment& b) { return a.at < b.at; });
  line.adjustments = std::move(w.adj);
  return line;
}

}  // namespace compose
