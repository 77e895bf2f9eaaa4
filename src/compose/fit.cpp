// Choosing where a line breaks (docs/typography.md "Line breaking", "Paragraphs").
//
// From the line start, find the last break opportunity whose line fits naturally (the
// push-out candidate, 推出: characters are carried to the next line and the line is
// stretched) and the first one that does not (the push-in candidate, 推入: the line is
// squeezed to take them). Take the one that needs the smaller adjustment — push-in
// when equal, and push-in only if the line can shrink that far. Then, if the next line
// would be the paragraph's last and hold a single character (an orphan), re-break
// this line (push-in the rest, or push out further).
#include <limits>

#include "compose/para_impl.h"

namespace compose {

namespace {

constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
constexpr Len kHuge = std::numeric_limits<Len>::max() / 4;

std::string atom_text(const Paragraph::Impl& p, std::size_t i) {
  if (i >= p.atoms.size()) return "";
  const Atom& a = p.atoms[i];
  return p.shaped.text.substr(a.start, a.end - a.start);
}

// Why no break was possible at the natural overflow point `fit` (for the dump).
std::string blocked(const Paragraph::Impl& p, std::size_t fit) {
  if (fit == 0 || fit >= p.atoms.size()) return "";
  const Gap& g = p.gaps[fit - 1];
  if (g.can_break) return "";
  return std::string(g.rule) + " " + atom_text(p, fit - 1) + "|" + atom_text(p, fit);
}

std::string first_fit_reason(const Paragraph::Impl& p, const char* kind, std::size_t count, std::size_t fit) {
  std::string why = blocked(p, fit);
  if (why.empty()) why = "smaller adjustment";
  return std::string(kind) + " " + std::to_string(count) + ": " + why;
}

}  // namespace

// First fit: scans from the line start to the first break past the measure; from the
// overflow point on it jumps from break to break (next_break), so a word of any length
// costs one step, not one per character.
Choice Paragraph::Impl::choose(std::size_t s, Len measure, bool first) const {
  const std::size_t n = atoms.size();
  std::size_t fit = s, b1 = kNone, b2 = kNone;
  bool over = false;
  std::size_t steps = 0;
  for (std::size_t b = s + 1; b <= n; ++steps) {
    const Len w = natural(s, b, first);
    over = over || w > measure;
    if (!over) fit = b;
    if (gaps[b - 1].can_break) {
      if (w > measure) {
        b2 = b;
        break;
      }
      b1 = b;
      if (b == n || gaps[b - 1].forced) break;
    }
    b = !over ? b + 1 : b < n ? next_break[b] : n + 1;  // past the measure only breaks matter
  }
  work += steps;
  if (b2 == kNone) {  // the paragraph end or a forced break is reached
    const bool forced = b1 < n && gaps[b1 - 1].forced;
    return {b1, forced ? "forced" : "end", forced};
  }
  const Len in_need = natural(s, b2, first) - measure;
  const bool in_ok = (justify() || b1 == kNone) && in_need <= shrink_capacity(s, b2);
  const Len out_need = b1 == kNone ? kHuge : measure - natural(s, b1, first);
  const bool b2_forced = b2 < n && gaps[b2 - 1].forced;
  if (in_ok && in_need <= out_need) return {b2, first_fit_reason(*this, "push-in", b2 - fit, fit), b2_forced};
  if (b1 != kNone) {
    if (b1 == fit) return {b1, "fit", false};
    return {b1, first_fit_reason(*this, "push-out", fit - b1, fit), false};
  }
  // Nothing fits, not even squeezed: break where the measure runs out (a word or
  // number longer than the line).
  return {fit > s ? fit : s + 1, "emergency: no break opportunity fits", false, true};
}

// Why a line chosen by total fit ends at b, in the words of first fit: against the
// natural overflow point, how many characters were carried down or squeezed in and which
// rule (if any) forbade the break there.
std::string Paragraph::Impl::describe(std::size_t s, std::size_t b, Len measure, bool first) const {
  if (b >= atoms.size()) return "end";
  if (gaps[b - 1].forced) return "forced";
  const std::size_t fit = fit_end(s, measure, first);
  if (b == fit) return "fit";
  std::string why = blocked(*this, fit);
  if (why.empty()) why = "total fit";
  const bool in = b > fit;
  return std::string(in ? "push-in " : "push-out ") + std::to_string(in ? b - fit : fit - b) + ": " + why;
}

namespace {

// The rest from b, set at the same measure (an assumption the composer makes for orphan control), ends
// without an orphan. Looks at most two lines ahead.
bool rest_ok(const Paragraph::Impl& p, std::size_t b, Len measure) {
  const std::size_t n = p.atoms.size();
  const Choice r = p.choose(b, measure, false);
  if (r.forced) return true;
  if (r.b >= n) return !p.orphan(b);
  const Choice r2 = p.choose(r.b, measure, false);
  return r2.forced || r2.b < n || !p.orphan(r.b);
}

}  // namespace

// docs/typography.md "Paragraphs": no orphan — a last line of one character, or a character
// and its marks. Only the line before the last is re-broken (the previous lines are
// already set when flow pulls lines one at a time).
Choice Paragraph::Impl::avoid_orphan(std::size_t s, Len measure, bool first, Choice c) const {
  const std::size_t n = atoms.size();
  if (c.forced || c.b >= n) return c;
  if (pre[n].w - pre[c.b].w > 2 * measure) return c;  // the rest is more than one line
  const Choice next = choose(c.b, measure, false);
  if (next.forced || next.b < n || !orphan(c.b)) return c;
  Choice best = c;
  Len best_adj = kHuge;
  const Len in_need = natural(s, n, first) - measure;
  if (in_need <= shrink_capacity(s, n)) {
    best = {n, "orphan: push-in the last " + std::to_string(n - c.b), false};
    best_adj = in_need;
  }
  int tries = 0;
  const std::size_t stop = c.b > s + 512 ? c.b - 512 : s;  // bounded work, however long the line
  for (std::size_t b = c.b - 1; b > stop && tries < 8; --b) {
    if (!gaps[b - 1].can_break || gaps[b - 1].forced) continue;
    ++tries;
    const Len w = natural(s, b, first);
    if (w > measure) continue;
    if (measure - w >= best_adj) break;  // further back only needs more stretch
    if (justify() && !stretchable(s, b)) continue;
    if (!rest_ok(*this, b, measure)) continue;
    best = {b, "orphan: push-out " + std::to_string(c.b - b), false};
    best_adj = measure - w;
    break;
  }
  if (best_adj == kHuge) best.reason += " (orphan unavoidable)";
  return best;
}

}  // namespace compose
