// Per-paragraph precomputation, done once (docs/composer.md: "precompute per paragraph (classes,
// widths) once"): shaped clusters → atoms with their classes and blank halves, the
// default punctuation compression, typed spaces, break opportunities, Han–Latin gaps,
// and prefix sums.
#include <algorithm>

#include "base/utf8.h"
#include "compose/breaks.h"
#include "compose/para_impl.h"

namespace compose {

namespace {

bool is_space_cp(char32_t c) {
  return c == 0x20 || c == 0x09 || c == 0xA0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F ||
         c == 0x205F;
}

bool is_control_cp(char32_t c, Brk b) {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || b == Brk::BK || b == Brk::LF || b == Brk::ZW || b == Brk::WJ ||
         c == 0x200C || c == 0x200D;
}

// Letters, digits and the signs that belong to a number (% ‰ ℃ ° $ ￥ …) take the
// Han–Latin space (docs/typography.md "Spacing"); + and similar operators do not.
bool latin_like(char32_t c, Brk b) {
  const text::Script s = text::script_of(c);
  if (s == text::Script::Latin || s == text::Script::Digit) return true;
  if (c == '+' || c == '\\' || c == 0xB1 || c == 0x2116) return false;
  return (b == Brk::PR || b == Brk::PO) && !east_asian_wide(c);
}

Kind kind_of(char32_t c, Brk b, Mark m) {
  if (is_space_cp(c)) return Kind::Space;
  if (is_control_cp(c, b)) return Kind::Control;
  if (m != Mark::None) return Kind::Mark;
  if (latin_like(c, b)) return Kind::Latin;
  if (text::script_of(c) == text::Script::Han || b == Brk::ID) return Kind::Han;
  return Kind::Other;
}

// Clusters → atoms. Clusters are byte offsets, monotone within a run (shape.h).
void build_atoms(Paragraph::Impl& p) {
  const auto& sh = p.shaped;
  p.atoms.reserve(sh.glyphs.size());
  for (std::uint32_t r = 0; r < sh.runs.size(); ++r) {
    const auto& run = sh.runs[r];
    std::uint32_t g = run.first_glyph;
    const std::uint32_t ge = run.first_glyph + run.glyph_count;
    while (g < ge) {
      Atom a;
      a.run = r;
      a.g0 = g;
      a.start = sh.glyphs[g].cluster;
      while (g < ge && sh.glyphs[g].cluster == a.start) a.shaped += sh.glyphs[g++].advance;
      a.g1 = g;
      a.end = g < ge ? sh.glyphs[g].cluster : run.end;
      a.em = run.size;
      p.atoms.push_back(a);
    }
  }
}

bool ideograph(char32_t c) { return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF); }

// Break classes of the cluster's first and last code point; a trailing combining mark
// takes its base's class (UAX #14 LB9), a leading one is AL (LB10).
void classify(const std::string& text, Atom& a) {
  int len = 0;
  a.first = base::decode_utf8(text, a.start, len);
  if (ideograph(a.first) && a.end - a.start == static_cast<std::uint32_t>(len)) {  // most of the text
    a.last = a.first;
    a.brk_first = a.brk_last = Brk::ID;
    a.kind = Kind::Han;
    return;
  }
  a.last = a.first;
  a.brk_first = break_class(a.first);
  for (std::uint32_t i = a.start + static_cast<std::uint32_t>(len); i < a.end; i += static_cast<std::uint32_t>(len)) {
    const char32_t c = base::decode_utf8(text, i, len);
    const Brk b = break_class(c);
    if (b != Brk::CM && b != Brk::ZWJ) a.last = c;
  }
  a.brk_last = break_class(a.last);
  if (a.brk_first == Brk::CM || a.brk_first == Brk::ZWJ) a.brk_first = Brk::AL;
  if (a.brk_last == Brk::CM || a.brk_last == Brk::ZWJ) a.brk_last = a.brk_first;
  a.mark = mark_class(a.first);
  a.kind = kind_of(a.first, a.brk_first, a.mark);
}

bool full_width(const Atom& a) { return a.shaped >= a.em - a.em / 20 && a.shaped <= a.em + a.em / 20; }

bool chinese_neighbour(const std::vector<Atom>& at, std::size_t i) {
  auto cjk = [](const Atom& a) { return a.kind == Kind::Han || a.kind == Kind::Mark; };
  return (i > 0 && cjk(at[i - 1])) || (i + 1 < at.size() && cjk(at[i + 1]));
}

// Blank halves of full-width marks (CLREQ §3.1.6; SC positions, docs/libraries.md §1). A
// middle dot set with a narrow Latin glyph in Chinese text is widened to one em and
// centred, so it behaves as the Chinese mark (docs/typography.md "Punctuation width").
void set_blanks(std::vector<Atom>& at) {
  for (std::size_t i = 0; i < at.size(); ++i) {
    Atom& a = at[i];
    if (a.mark == Mark::Middle && a.shaped < a.em - a.em / 10 && chinese_neighbour(at, i)) {
      a.fix = a.em - a.shaped;
    }
    const bool full = full_width(a) || a.fix != 0;
    if (!full) continue;
    if (a.mark == Mark::Opening) a.lead_cap = a.em / 2;
    if (a.mark == Mark::Closing || a.mark == Mark::Stop) a.trail_cap = a.em / 2;
    if (a.mark == Mark::Middle) a.lead_cap = a.trail_cap = a.em / 4;
  }
}

// CLREQ §3.1.7 行末悬挂: where the style allows it, 、，。． may hang past the line end, in
// vertical text too (below the column's foot, into the white between tiers or under the
// frame; flow gives a tier without that room a paragraph that does not hang). The ink
// half stands past the end either way: the SC forms sit in the em's first half along the
// line — left in a horizontal line, top (top-right, the vert forms) in a vertical one.
void set_hanging(std::vector<Atom>& at, const ParaStyle& st) {
  if (!st.hanging_punct) return;
  for (Atom& a : at)
    a.hangs = a.mark == Mark::Stop && a.trail_cap > 0 &&
              (a.first == 0x3001 || a.first == 0xFF0C || a.first == 0x3002 || a.first == 0xFF0E);
}

// Typed spaces (docs/typography.md "Spacing"): between Latin words a word space (shrinks to
// 1/4 em, stretches to 1/2 em — JLREQ §3.8 values); anywhere else a visible space of
// the style's width. U+3000 keeps its full em. One pass per run of spaces: a run of any
// length costs its length.
void set_spaces(std::vector<Atom>& at, const ParaStyle& st) {
  auto latin_side = [](const Atom& a) { return a.kind == Kind::Latin || a.kind == Kind::Other; };
  // Zero-width format characters (ZWSP, WJ, ZWJ, ZWNJ, BOM) do not change what a space
  // stands between: `No.⁠ ⁠2024` has a word space.
  auto format = [](const Atom& a) {
    return a.kind == Kind::Control &&
           (a.first == 0x200B || a.first == 0x2060 || a.first == 0x200C || a.first == 0x200D || a.first == 0xFEFF);
  };
  for (std::size_t l = 0; l < at.size();) {
    if (at[l].kind != Kind::Space) {
      ++l;
      continue;
    }
    std::size_t r = l;
    while (r < at.size() && at[r].kind == Kind::Space) ++r;
    std::size_t lo = l, hi = r;  // the visible neighbours: at[lo - 1] and at[hi]
    while (lo > 0 && format(at[lo - 1])) --lo;
    while (hi < at.size() && format(at[hi])) ++hi;
    const bool word = lo > 0 && hi < at.size() && latin_side(at[lo - 1]) && latin_side(at[hi]);
    for (std::size_t i = l; i < r; ++i) {
      Atom& a = at[i];
      if (word) {
        a.space = SpaceKind::Word;
      } else {
        a.space = SpaceKind::Typed;
        if (a.first != 0x3000) a.fix = em_part(a.em, st.space_em1000) - a.shaped;
      }
    }
    l = r;
  }
}

bool compressible(const Atom& a) {
  return a.kind == Kind::Mark && (a.mark == Mark::Opening || a.mark == Mark::Closing || a.mark == Mark::Stop ||
                                  a.mark == Mark::Middle);
}

// Two adjacent full-width marks: the blank between them is cut to at most half an em,
// so the pair takes 1.5 em (docs/typography.md "Punctuation width"; CLREQ §3.1.6.1;
// JLREQ §3.1.4). The first mark's trailing blank goes (。” ”， ）、 ：“ ”“); after an
// opening mark the second's leading blank goes (（“).
void compress_pairs(std::vector<Atom>& at) {
  for (std::size_t i = 0; i + 1 < at.size(); ++i) {
    Atom& a = at[i];
    Atom& b = at[i + 1];
    if (!compressible(a) || !compressible(b)) continue;
    if (a.trail_cap == 0 && b.lead_cap == 0) continue;
    if (a.trail_cap >= b.lead_cap)
      a.trail_cut = a.trail_cap;
    else
      b.lead_cut = b.lead_cap;
  }
}

// No space is ever added before a mark that closes (a closing bracket or quote, a stop)
// or after one that opens: stretch there would float the mark away from its word
// (JLREQ §3.8.3: expansion goes between characters, not inside a bracket's hug).
bool hugs_left(const Atom& a) {
  if (a.kind == Kind::Mark) return a.mark == Mark::Closing || a.mark == Mark::Stop;
  return a.kind == Kind::Other && (a.brk_first == Brk::CL || a.brk_first == Brk::CP || a.brk_first == Brk::IS ||
                                   a.brk_first == Brk::EX);
}

bool hugs_right(const Atom& a) {
  if (a.kind == Kind::Mark) return a.mark == Mark::Opening;
  return a.kind == Kind::Other && a.brk_last == Brk::OP;
}

// Han–Latin space (docs/typography.md: style setting, newspaper 1/8 em, 0 … 1/4 em), gaps
// that are inside a word (never stretched), and the gaps that take a share of the
// last-resort stretch.
void set_gaps(Paragraph::Impl& p) {
  const auto& at = p.atoms;
  const auto& st = p.style;
  for (std::size_t i = 0; i + 1 < at.size(); ++i) {
    const Atom& a = at[i];
    const Atom& b = at[i + 1];
    Gap& g = p.gaps[i];
    if ((a.kind == Kind::Han && b.kind == Kind::Latin) || (a.kind == Kind::Latin && b.kind == Kind::Han)) {
      const Len em = a.kind == Kind::Han ? a.em : b.em;
      g.han_latin = true;
      g.nat = em_part(em, st.han_latin_em1000);
      g.min = std::min(g.nat, em_part(em, st.han_latin_min_em1000));
      g.max = std::max(g.nat, em_part(em, st.han_latin_max_em1000));
    }
    auto wordish = [](const Atom& x) { return x.kind == Kind::Latin || x.kind == Kind::Other; };
    // Letters, digits and signs that touch are one word to the eye whatever break may
    // fall between them (a URL's /, a hyphenation point, the / of GB/T): never spaced
    // out mid-line, where it would read as letter-spacing.
    const bool inner = g.kind == BreakKind::None || g.kind == BreakKind::Url || g.kind == BreakKind::Hyphen;
    g.in_word = (wordish(a) && wordish(b)) ||
                (inner && a.mark == b.mark && (a.mark == Mark::Dash || a.mark == Mark::Ellipsis));
    g.slot = !g.in_word && !a.invisible() && !b.invisible() && !hugs_left(b) && !hugs_right(a);
  }
}

void prefix_sums(Paragraph::Impl& p) {
  const std::size_t n = p.atoms.size();
  p.pre.assign(n + 1, Prefix{});
  for (std::size_t i = 0; i < n; ++i) {
    const Atom& a = p.atoms[i];
    const Gap& g = p.gaps[i];
    Prefix x = p.pre[i];
    x.w += a.width() + g.nat;
    x.lead += a.lead_rem();
    x.trail += a.trail_rem();
    x.cut += a.lead_cut + a.trail_cut;
    if (a.space != SpaceKind::None) x.ws_shrink += std::max<Len>(a.width() - a.space_min(), 0);
    if (a.space != SpaceKind::None) x.ws_stretch += std::max<Len>(a.space_max() - a.width(), 0);
    x.hl_shrink += g.nat - g.min;
    x.hl_stretch += g.max - g.nat;
    x.slots += g.slot ? 1 : 0;
    x.spaces += a.kind == Kind::Space ? 1 : 0;
    x.chars += a.is_char() ? 1 : 0;
    p.pre[i + 1] = x;
  }
}

// Lookup tables that keep every scan O(1): the next break after an atom, the visible
// atoms around a position (runs of spaces or controls of any length are skipped at once).
void index_tables(Paragraph::Impl& p) {
  const std::size_t n = p.atoms.size();
  p.next_break.assign(n + 1, static_cast<std::uint32_t>(n));
  for (std::size_t i = n; i-- > 0;)
    p.next_break[i] = p.gaps[i].can_break ? static_cast<std::uint32_t>(i + 1) : p.next_break[i + 1];
  p.vis_before.assign(n + 1, 0);
  for (std::size_t b = 1; b <= n; ++b)
    p.vis_before[b] = p.atoms[b - 1].invisible() ? p.vis_before[b - 1] : static_cast<std::uint32_t>(b);
  p.vis_from.assign(n + 1, static_cast<std::uint32_t>(n));
  for (std::size_t i = n; i-- > 0;)
    p.vis_from[i] = p.atoms[i].invisible() ? p.vis_from[i + 1] : static_cast<std::uint32_t>(i);
  p.vis_end = p.vis_before[n];
}

}  // namespace

void Paragraph::Impl::analyze() {
  build_atoms(*this);
  starts.reserve(atoms.size());
  for (const Atom& a : atoms) starts.push_back(a.start);
  for (Atom& a : atoms) classify(shaped.text, a);
  vertical_units(*this);
  em = !atoms.empty() ? atoms.front().em : !shaped.runs.empty() ? shaped.runs.front().size : 0;
  set_blanks(atoms);
  set_spaces(atoms, style);
  set_hanging(atoms, style);
  compress_pairs(atoms);
  gaps.assign(atoms.size(), Gap{});
  find_breaks(atoms, gaps);
  hyphen_gid.assign(shaped.runs.size(), 0);
  hyphen_w.assign(shaped.runs.size(), 0);
  refine_breaks(*this);
  set_gaps(*this);
  prefix_sums(*this);
  index_tables(*this);
}

}  // namespace compose
