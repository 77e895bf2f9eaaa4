// Justification in CLREQ priority order (docs/typography.md "Spacing and justification";
// CLREQ §3.8 / JLREQ §3.8 "line adjustment"). Each stage takes what it can, spread over
// its items in proportion to their capacity, before the next stage is touched. All in
// integer millipoints, remainders placed one by one, so a justified line is exact.
#include <algorithm>

#include "compose/justify.h"

namespace compose {

Len LineWork::total() const {
  Len t = 0;
  for (std::size_t k = s; k < ve; ++k) t += width(k) + (k + 1 < ve ? slot[k - s].glue : 0);
  return t;
}

namespace {

struct Item {
  Len* value;        // what changes
  int value_sign;    // +1: value grows with the adjustment, -1: it shrinks
  Len cap;           // how much this item can take
  std::uint32_t at;  // byte offset for the record
};

// Spread `amount` over items in proportion to their capacities: floor shares first,
// then the remainder one millipoint at a time in text order. `sign` is the sign of the
// recorded delta (+ stretch, − shrink). Returns the amount taken.
Len distribute(const std::vector<Item>& items, Len amount, int sign, const char* why, std::vector<Adjustment>& adj) {
  Len total = 0;
  for (const Item& it : items) total += it.cap;
  const Len take = std::min(amount, total);
  if (take <= 0) return 0;
  Len given = 0;
  for (const Item& it : items) given += it.cap * take / total;
  Len rem = take - given;
  for (const Item& it : items) {
    Len part = it.cap * take / total;
    if (rem > 0 && part < it.cap) ++part, --rem;
    if (part == 0) continue;
    *it.value += it.value_sign * part;
    adj.push_back({it.at, sign * part, why});
  }
  return take;
}

void word_space_items(LineWork& w, bool shrink, std::vector<Item>& out) {
  out.clear();
  for (std::size_t k = w.s + 1; k + 1 < w.ve; ++k) {
    const Atom& a = w.atom(k);
    if (a.space == SpaceKind::None) continue;
    const Len cap = shrink ? w.width(k) - a.space_min() : a.space_max() - w.width(k);
    if (cap > 0) out.push_back({&w.at(k).extra, shrink ? -1 : +1, cap, a.start});
  }
}

void han_latin_items(LineWork& w, bool shrink, std::vector<Item>& out) {
  out.clear();
  for (std::size_t k = w.s; k + 1 < w.ve; ++k) {
    const Gap& g = w.p->gaps[k];
    if (!g.han_latin) continue;
    Len& glue = w.at(k).glue;
    const Len cap = shrink ? glue - g.min : g.max - glue;
    if (cap > 0) out.push_back({&glue, shrink ? -1 : +1, cap, w.atom(k + 1).start});
  }
}

// Blank halves still there, except the line start's (the left edge stays flush) and the
// line end's (stage 1 has taken it).
void punct_items(LineWork& w, std::vector<Item>& out) {
  out.clear();
  for (std::size_t k = w.s; k < w.ve; ++k) {
    const Atom& a = w.atom(k);
    Slot& sl = w.at(k);
    if (k != w.s && a.lead_cap > sl.lead) out.push_back({&sl.lead, +1, a.lead_cap - sl.lead, a.start});
    if (k + 1 != w.ve && a.trail_cap > sl.trail) out.push_back({&sl.trail, +1, a.trail_cap - sl.trail, a.start});
  }
}

// Blank halves a pair compression removed inside the line (start_work), given back: the
// marks return to full width (全角式, CLREQ §3.1.6) before a Han–Latin space or any gap
// between characters grows.
void pair_items(LineWork& w, std::vector<Item>& out) {
  out.clear();
  for (std::size_t k = w.s; k < w.ve; ++k) {
    const Atom& a = w.atom(k);
    Slot& sl = w.at(k);
    if (k != w.s && a.lead_cut > 0 && sl.lead > 0) out.push_back({&sl.lead, -1, std::min(sl.lead, a.lead_cut), a.start});
    if (k + 1 != w.ve && a.trail_cut > 0 && sl.trail > 0)
      out.push_back({&sl.trail, -1, std::min(sl.trail, a.trail_cut), a.start});
  }
}

// Last-resort stretch: every gap between characters that is not inside a word and does
// not hug a mark, and every space, takes an equal share (docs/typography.md: "then all
// inter-character gaps equally"). Never a gap inside a Latin word: a line with no other
// gap is left short (set_line sets it flush left).
Len stretch_gaps(LineWork& w, Len need, std::vector<Item>& items) {
  items.clear();
  for (std::size_t k = w.s; k + 1 < w.ve; ++k) {
    if (k > w.s && w.atom(k).kind == Kind::Space) items.push_back({&w.at(k).extra, +1, need, w.atom(k).start});
    if (w.p->gaps[k].slot) items.push_back({&w.at(k).glue, +1, need, w.atom(k + 1).start});
  }
  if (items.empty()) return 0;
  w.gap_share = (need + static_cast<Len>(items.size()) - 1) / static_cast<Len>(items.size());
  return distribute(items, need, +1, "justify", w.adj);
}

}  // namespace

Len shrink_line(LineWork& w, Len need) {
  if (w.ve <= w.s || need <= 0) return std::max<Len>(need, 0);
  std::vector<Item> items;
  const Atom& end = w.atom(w.ve - 1);
  Slot& last = w.at(w.ve - 1);
  if (!w.hang) items.push_back({&last.trail, +1, end.trail_cap - last.trail, end.start});
  need -= distribute(items, need, -1, "line-end-punct", w.adj);
  word_space_items(w, true, items);
  need -= distribute(items, need, -1, "shrink-space", w.adj);
  punct_items(w, items);
  need -= distribute(items, need, -1, "shrink-punct", w.adj);
  han_latin_items(w, true, items);
  need -= distribute(items, need, -1, "shrink-hl", w.adj);
  return need;
}

Len stretch_line(LineWork& w, Len need) {
  if (w.ve <= w.s + 1 || need <= 0) return std::max<Len>(need, 0);
  std::vector<Item> items;
  word_space_items(w, false, items);
  need -= distribute(items, need, +1, "stretch-space", w.adj);
  pair_items(w, items);
  need -= distribute(items, need, +1, "uncompress", w.adj);
  han_latin_items(w, false, items);
  need -= distribute(items, need, +1, "stretch-hl", w.adj);
  if (need > 0) need -= stretch_gaps(w, need, items);
  return need;
}

}  // namespace compose
