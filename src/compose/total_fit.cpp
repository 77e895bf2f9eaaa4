// Total fit (docs/composer.md "Total fit"): all the breaks of a paragraph chosen together,
// as TeX and InDesign's paragraph composer do (Knuth & Plass, "Breaking Paragraphs into
// Lines", 1981), with the CLREQ adjustments as the glue: the line-end blank half, word
// spaces, mid-line blank halves and Han–Latin spaces shrink; word spaces, Han–Latin
// spaces and then every gap that may open stretch (docs/typography.md "Spacing and
// justification"). A line's demerits count, dearest first: stretch per gap past a hard
// ceiling (a loose line), stretch per gap below it, punctuation compressed, Han–Latin
// spaces moved off their natural width; then penalties for a one-character last line, a
// hyphen, two hyphens in a row, a URL break, a unit broken.
//
// The search runs forward over the break opportunities. The lines that can end at a
// break start at the nodes whose line to it is neither overfull nor past the ceiling
// (plus the least loose one), found by walking a window that only moves forward, so the
// work per break is bounded by a line's worth of opportunities and a paragraph of any
// length costs time linear in its length. A word longer than the measure gets emergency
// breaks where the measure runs out. When the work still exceeds a fixed budget per
// atom, the caller falls back to first fit (fit.cpp).
#include <algorithm>
#include <limits>
#include <queue>

#include "compose/para_impl.h"

namespace compose {

namespace {

using Cost = std::int64_t;

constexpr Cost kInf = std::numeric_limits<Cost>::max() / 4;
constexpr Cost kCeiling = 100;          // 0.10 em per gap, in 1/1000 em: past it a line is loose
constexpr Cost kFlushLeft = 333;        // past 1/3 em per gap a line is set flush left
constexpr Cost kLoose = 100000000;      // a loose line costs this times (r / ceiling)² + 2
constexpr Cost kOrphan = 10000000;      // a last line of one character: less than any loose line
constexpr Cost kHang = 2000000;        // a mark hung past the measure: only to spare a loose line
constexpr Cost kHyphen = 3000;          // a hyphenated line end
constexpr Cost kDoubleHyphen = 10000;   // two hyphenated line ends in a row
constexpr Cost kUrl = 300;              // a URL broken after / . - @ ? &
constexpr Cost kUnit = 20000000;        // a unit broken: only to avoid a loose line
// A dateline's name or role broken (孙|悦): a loose line at 0.20 em per gap costs as
// much (2² + 2), so a name breaks only where keeping it whole would space a line out further.
constexpr Cost kName = kLoose * 6;
constexpr Cost kEmergency = 1000000000000LL;  // a word broken where the measure ran out
constexpr int kMaxCandidates = 64;      // lines looked at per break, at most
constexpr std::size_t kWorkPerAtom = 48;  // budget per atom of the paragraph, then first fit
constexpr Len kWindowLines = 96;        // a plan looks this many lines ahead at most …
constexpr std::size_t kWindowAtoms = 1 << 16;  // … and this many atoms

// Badness points per em of each adjustment (docs/composer.md "Badness"): the line-end
// blank is the cheapest (CLREQ §3.1.7 takes it first), Han–Latin spaces the dearest of
// the shrinks.
constexpr Cost kEndBlankPerEm = 4;
constexpr Cost kWordSpacePerEm = 8;
constexpr Cost kPunctPerEm = 20;
constexpr Cost kHanLatinPerEm = 80;
// A compressed pair (，“ 。」) set back to full width, as most mainland papers set every
// mark (全角式, CLREQ §3.1.6): no letter-spacing at all, but priced well above the
// squeeze of a mark, so that where a line could either take the next character in or
// push one out, it takes it in and the text stays as short (push-in first, CLREQ §3.1.7).
constexpr Cost kPairPerEm = 60;

struct Node {
  std::size_t pos = 0;    // the line before ends here (a break position)
  std::size_t start = 0;  // first visible atom of the line that starts here
  Cost cost = 0;
  std::int32_t prev = -1;
  bool first = false;     // the line starting here is the paragraph's first
  bool hyphen = false;    // the line ending here ends with an added hyphen
  bool emergency = false;
};

struct Eval {
  bool ok = false;    // not overfull
  bool loose = false; // stretched past the ceiling, or with nothing to stretch
  Cost demerits = 0;
};

Cost per_em(Len amount, Len em, Cost points) { return em > 0 ? amount * points / em : 0; }

// The badness of taking `need` from the shrink stages in CLREQ order.
Cost shrink_badness(const LineFit& f, Len need, Len em) {
  Cost bad = 0;
  const Len stages[] = {f.end_blank, f.ws_shrink, f.punct_shrink, f.hl_shrink};
  const Cost points[] = {kEndBlankPerEm, kWordSpacePerEm, kPunctPerEm, kHanLatinPerEm};
  for (int i = 0; i < 4 && need > 0; ++i) {
    const Len take = std::min(need, stages[i]);
    bad += per_em(take, em, points[i]);
    need -= take;
  }
  return bad;
}

// The badness of stretching by `need`: word spaces, compressed mark pairs back to full
// width, Han–Latin spaces, then equal shares.
// Past the ceiling the line is loose: its demerits (not squared again) are
// 10⁸ · (x² + 2), x = r / ceiling, and 8 · 10⁸ more past 0.20 em per gap. The fixed part
// makes two loose lines dearer than one: a second loose line is taken only where it
// keeps the first from passing 0.20 em, which costs more than any two below it. A line
// that would need more than a third of an em per gap, or has no gap that may open, is set flush left (set_line.cpp): x then grows with the room left at
// its end, from where a stretched line leaves off.
Cost stretch_badness(const LineFit& f, Len need, Len em, bool& loose) {
  const Len ws = std::min(need, f.ws_stretch);
  need -= ws;
  const Len pair = std::min(need, f.pair_stretch);
  need -= pair;
  const Len hl = std::min(need, f.hl_stretch);
  need -= hl;
  Cost bad = per_em(pair, em, kPairPerEm) + per_em(ws, em, kWordSpacePerEm) + per_em(hl, em, kHanLatinPerEm);
  if (need <= 0 || em <= 0) return bad;
  const Cost r = f.slots > 0 ? need * 1000 / (em * f.slots) : kFlushLeft + 1;  // 1/1000 em per gap
  if (r <= kCeiling) return bad + 100 * r * r * r / (kCeiling * kCeiling * kCeiling);
  loose = true;
  // x in 1/100: r / ceiling, or for a flush-left line 10/3 · (1 + the room in em).
  const Cost room = std::min<Cost>(need * 1000 / em, 1000000);  // 1/1000 em, capped: no overflow
  const Cost x = r <= kFlushLeft ? 100 * r / kCeiling : 100 * kFlushLeft / kCeiling * (1000 + room) / 1000;
  return kLoose * x / 100 * x / 100 + kLoose * 2 + (x > 200 ? kLoose * 8 : 0);
}

Cost break_penalty(const Gap& g) {
  switch (g.kind) {
    case BreakKind::Url: return kUrl;
    case BreakKind::Hyphen: return kHyphen;
    case BreakKind::Unit: return kUnit;
    case BreakKind::Name: return kName;
    default: return 0;
  }
}

}  // namespace

namespace {

class Search {
 public:
  Search(const Paragraph::Impl& p, Len measure) : p_(p), measure_(measure), n_(p.atoms.size()), stop_(n_) {}

  // Fills out with the best lines from s; false when the work budget ran out.
  bool run(std::size_t s, bool first, Plan& out);
  std::size_t work() const { return work_; }
  void set_budget(std::size_t b) { budget_ = b; }
  // Plan only up to the break `t` (< the paragraph end), whose line is justified.
  void set_stop(std::size_t t) { stop_ = t; }
  Cost cost() const { return nodes_.empty() ? kInf : nodes_.back().cost; }

 private:
  Eval evaluate(const Node& a, std::size_t b) const;
  bool base_overfull(const Node& a, std::size_t b) const;
  void consider(std::size_t b, bool emergency);
  void add_emergency(const Node& a);
  bool is_last(std::size_t b) const { return b >= n_; }
  std::size_t horizon(std::size_t s) const;

  const Paragraph::Impl& p_;
  Len measure_;
  std::size_t n_;
  std::size_t stop_;  // where the plan ends: the paragraph end, or a line end asked for
  std::vector<Node> nodes_;
  std::size_t head_ = 0;  // nodes_[head_, end) are active
  std::priority_queue<std::size_t, std::vector<std::size_t>, std::greater<>> emergency_;
  std::size_t work_ = 0;
  std::size_t budget_ = 0;
};

Eval Search::evaluate(const Node& a, std::size_t b) const {
  Eval e;
  LineFit f = p_.line_fit(a.start, b, a.first);
  const bool hangs = f.hangs(measure_);
  if (hangs) f = f.hung();
  const Gap& g = p_.gaps[b - 1];
  const bool last = is_last(b) || g.forced;
  const Len em = p_.em;
  Cost bad = 0;
  if (f.nat > measure_) {
    if (f.nat - measure_ > f.shrink()) return e;  // overfull
    bad = shrink_badness(f, f.nat - measure_, em);
  } else if (!last && p_.justify()) {
    bad = stretch_badness(f, measure_ - f.nat, em, e.loose);
  }
  e.ok = true;
  e.demerits = (e.loose ? bad : (10 + bad) * (10 + bad)) + break_penalty(g);
  if (is_last(b) && p_.orphan(a.start) && !a.first) e.demerits += kOrphan;
  if (hangs) e.demerits += kHang;
  if (a.hyphen && g.kind == BreakKind::Hyphen) e.demerits += kDoubleHyphen;
  return e;
}

// Overfull even without an added hyphen: stays overfull for every later break, so the
// node can leave the window for good.
bool Search::base_overfull(const Node& a, std::size_t b) const {
  const LineFit f = p_.line_fit(a.start, b, a.first);
  const Len hyph = f.ve == b ? p_.hyphen_width(b) : 0;
  return f.nat - hyph - f.shrink() > measure_ + (p_.style.hanging_punct ? p_.em : 0);
}

void Search::consider(std::size_t b, bool emergency) {
  while (head_ < nodes_.size() && head_ + 1 < nodes_.size() && base_overfull(nodes_[head_], b)) ++head_;
  Cost best = kInf;
  std::int32_t best_i = -1;
  int evals = 0;
  // A line that is not stretched (the last, or one ended by U+000A) may start anywhere in
  // the window: all are looked at. That happens once per paragraph or forced break, so
  // the whole search stays linear; every other break looks at a bounded number of lines.
  const bool unstretched = is_last(b) || p_.gaps[b - 1].forced || !p_.justify();
  const int cap = unstretched ? std::numeric_limits<int>::max() : kMaxCandidates;
  Cost floor = -1;  // once a line is loose: the least a nearer start's line can cost
  for (std::size_t i = head_; i < nodes_.size() && evals < cap; ++i) {
    if (nodes_[i].start >= b) break;  // nearer nodes cannot hold a character before b
    // Nearer starts give looser lines still: only a much cheaper way to reach the start
    // can pay for that (a loose line before it, say), and only then is the line measured.
    if (floor >= 0 && nodes_[i].cost + floor >= best) continue;
    ++evals;
    const Eval e = evaluate(nodes_[i], b);
    if (!e.ok) continue;
    Cost c = nodes_[i].cost + e.demerits + (emergency ? kEmergency : 0);
    if (c < best) best = c, best_i = static_cast<std::int32_t>(i);
    if (e.loose && floor < 0) floor = e.demerits;
  }
  work_ += static_cast<std::size_t>(evals) + 1;
  if (best_i < 0) return;  // unreachable: every line to it is overfull
  Node nd;
  nd.pos = b;
  nd.start = p_.line_start(b);
  nd.cost = best;
  nd.prev = best_i;
  nd.hyphen = p_.gaps[b - 1].kind == BreakKind::Hyphen && !emergency;
  nd.emergency = emergency;
  nodes_.push_back(nd);
  if (p_.gaps[b - 1].forced) head_ = nodes_.size() - 1;  // no line crosses a forced break
  if (!is_last(b)) add_emergency(nodes_.back());
}

// A node whose next break is overfull whatever the shrink (a word longer than the
// measure) gets an emergency break where the measure runs out.
void Search::add_emergency(const Node& a) {
  if (a.start >= p_.vis_end) return;
  const std::size_t nb = p_.next_break[a.start];
  Node probe = a;
  if (!base_overfull(probe, nb)) return;
  const std::size_t e = p_.fit_end(a.start, measure_, a.first);
  if (e > a.pos && e < nb) emergency_.push(e);
}

// Where a plan from s stops looking: about kWindowLines lines of natural width ahead
// (and never more than kWindowAtoms atoms), or the paragraph end. A plan that stops short
// keeps only its first half, which was chosen with the other half in view; the next pull
// plans again from there.
std::size_t Search::horizon(std::size_t s) const {
  const Len reach = p_.pre[s].w + kWindowLines * measure_;
  const auto it = std::upper_bound(p_.pre.begin() + static_cast<long>(s), p_.pre.end(), reach,
                                   [](Len v, const Prefix& x) { return v < x.w; });
  const auto by_width = static_cast<std::size_t>(it - p_.pre.begin());
  return std::min({by_width, s + kWindowAtoms, stop_});
}

bool Search::run(std::size_t s, bool first, Plan& out) {
  Node start;
  start.pos = start.start = s;
  start.first = first;
  nodes_.push_back(start);
  add_emergency(nodes_.back());
  const std::size_t limit = horizon(s);
  std::size_t b = p_.next_break[s];
  std::size_t done = s;
  while (b <= limit || (!emergency_.empty() && emergency_.top() <= limit)) {
    std::size_t pos = b;
    bool emergency = false;
    if (!emergency_.empty() && emergency_.top() < b) pos = emergency_.top(), emergency = true;
    if (emergency) emergency_.pop();
    else b = b < n_ ? p_.next_break[b] : n_ + 1;
    if (pos > limit || pos <= done) continue;
    done = pos;
    if (pos > p_.vis_end && pos < n_) continue;  // inside trailing spaces: only the end counts
    consider(pos, emergency);
    if (work_ > budget_) return false;
  }
  const bool whole = nodes_.back().pos == stop_;
  if (!whole && stop_ < n_) return false;  // the line end asked for cannot be reached
  std::size_t last = nodes_.size() - 1;
  if (!whole) {  // the cheapest way to reach the window's last line
    if (nodes_.size() < 2) return false;
    for (std::size_t i = std::max<std::size_t>(head_, 1); i < nodes_.size(); ++i)
      if (nodes_[i].cost < nodes_[last].cost) last = i;
  }
  std::vector<std::size_t> chain;
  for (std::size_t i = last; i > 0; i = static_cast<std::size_t>(nodes_[i].prev)) chain.push_back(i);
  if (!whole) chain.erase(chain.begin(), chain.begin() + static_cast<long>(chain.size() / 2));
  out.start = s;
  out.first = first;
  for (std::size_t k = chain.size(); k-- > 0;) {
    const Node& nd = nodes_[chain[k]];
    const Node& from = nodes_[static_cast<std::size_t>(nd.prev)];
    out.starts.push_back(from.start);
    out.ends.push_back(nd.pos);
    out.flags.push_back(nd.emergency ? 1 : 0);
  }
  return !out.ends.empty();
}

}  // namespace

// False when the paragraph's budget is spent (first fit then sets the rest).
// Lines from s whose last ends exactly at the break t (a line end flow asks for, before a
// jump): the same search, stopped there. False when no way reaches t.
bool Paragraph::Impl::total_fit_to(std::size_t s, std::size_t t, Len measure, bool first, Plan& out,
                                   std::int64_t& cost) const {
  Search search(*this, measure);
  search.set_budget(kWorkPerAtom * (t - s) + 65536);
  search.set_stop(t);
  out = Plan{};
  out.measure = measure;
  const bool ok = search.run(s, first, out) && !out.ends.empty() && out.ends.back() == t;
  work += search.work();
  cost = search.cost();
  return ok;
}

bool Paragraph::Impl::total_fit(std::size_t s, Len measure, bool first, Plan& out) const {
  const std::size_t budget = kWorkPerAtom * atoms.size() + 65536;
  if (work >= budget) return false;
  out.measure = measure;
  Search search(*this, measure);
  search.set_budget(budget - work);
  const bool ok = search.run(s, first, out);
  work += search.work();
  return ok;
}

}  // namespace compose
