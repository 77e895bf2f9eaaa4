// Headlines as an editor breaks them (docs/composer.md "Headlines"; docs/typography.md
// "Roles": headline lines break where the editor typed a space or a line break, and
// otherwise only between words). With ParaStyle::head, the lines of a display text are
// chosen together:
//  * a break inside a word — or a unit, or before a lone last character — only when
//    nothing else fits;
//  * then the fewest lines;
//  * then the editor's spaces: as many breaks at them as the lines allow;
//  * then between two words of ICU's dictionary, rather than beside a one-character word
//    (a word the dictionary did not know: 观|摩|会);
//  * then balance: centred lines as equal as they can be (the sum of the squares of the
//    room each leaves, the longer line first when two ways are equal), left or
//    right-aligned lines as full as they can be but the last.
// Lines may take the CLREQ shrinks (punctuation to half width first) to fit; they are
// never stretched.
#include <algorithm>
#include <limits>

#include "compose/para_impl.h"

namespace compose {

namespace {

using Cost = std::int64_t;

constexpr int kMaxCandidates = 64;
constexpr std::size_t kMaxAtoms = 4096;  // longer display text: total fit sets it
// Break prices, in the unit of the balance term: (1/100 em)².
constexpr Cost kBreakCost[] = {
    0,        // where the editor typed a space
    0,        // between two words
    90000,    // beside a one-character word: as much as 3 em of imbalance
};
constexpr Cost kShrinkPerEm = 2000;  // punctuation squeezed to fit: cheap, but not free

// Compared in order: breaks an editor would never make (inside a word, a unit, before a
// lone last character), then lines, then breaks away from the editor's spaces, then the
// places and the balance.
struct Score {
  Cost bad = 0, lines = 0, away = 0, cost = 0;
  bool operator<(const Score& o) const {
    if (bad != o.bad) return bad < o.bad;
    if (lines != o.lines) return lines < o.lines;
    return away != o.away ? away < o.away : cost < o.cost;
  }
  Score operator+(const Score& o) const { return {bad + o.bad, lines + o.lines, away + o.away, cost + o.cost}; }
};

struct Node {
  std::size_t pos = 0, start = 0;
  Score score;
  std::int32_t prev = -1;
  bool first = false;
};

}  // namespace

bool Paragraph::Impl::head_fit(std::size_t s, Len measure, bool first, Plan& out) const {
  const std::size_t n = atoms.size();
  if (n - s > kMaxAtoms || em <= 0) return false;
  const bool balance = style.align == Align::Center;
  std::vector<Node> nodes{{s, s, {}, -1, first}};
  std::size_t head = 0;
  for (std::size_t b = next_break[s]; b <= n; b = b < n ? next_break[b] : n + 1) {
    if (b > vis_end && b < n) continue;
    const bool last = b >= n;
    // Leave the front of the window once its line is overfull for good.
    while (head + 1 < nodes.size()) {
      const LineFit f = line_fit(nodes[head].start, b, nodes[head].first);
      if (f.nat - f.shrink() <= measure) break;
      ++head;
    }
    Score best{std::numeric_limits<Cost>::max(), 0, 0, 0};
    std::int32_t best_i = -1;
    int evals = 0;
    for (std::size_t i = head; i < nodes.size() && evals < kMaxCandidates; ++i, ++evals) {
      if (nodes[i].start >= b) break;
      const LineFit f = line_fit(nodes[i].start, b, nodes[i].first);
      if (f.nat - f.shrink() > measure) continue;
      const Len room = std::max<Len>(measure - f.nat, 0), squeeze = std::max<Len>(f.nat - measure, 0);
      const Cost r = room * 100 / em;
      // Balance: the room each line leaves, squared; a line before the last weighs 1/16
      // more, so that of two equal ways the longer line comes first.
      Cost c = (balance || !last ? r * r * (last ? 16 : 17) / 16 : 0) + squeeze * kShrinkPerEm / em;
      const int kind = last ? 0 : gaps[b - 1].head;
      Cost bad = kind >= 3 || (!last && gaps[b - 1].kind >= BreakKind::Unit) ? 1 : 0;
      if (kind < 3) c += kBreakCost[kind];
      if (last && orphan(nodes[i].start) && !(nodes[i].first && i == 0)) ++bad;
      const Score sc = nodes[i].score + Score{bad, 1, kind > 0 ? 1 : 0, c};
      if (sc < best) best = sc, best_i = static_cast<std::int32_t>(i);
    }
    work += static_cast<std::size_t>(evals) + 1;
    if (best_i < 0) continue;
    nodes.push_back({b, line_start(b), best, best_i, false});
    if (gaps[b - 1].forced) head = nodes.size() - 1;
  }
  if (nodes.back().pos != n) return false;
  std::vector<std::size_t> chain;
  for (std::size_t i = nodes.size() - 1; i > 0; i = static_cast<std::size_t>(nodes[i].prev)) chain.push_back(i);
  out.measure = measure;
  out.start = s;
  out.first = first;
  for (std::size_t k = chain.size(); k-- > 0;) {
    const Node& nd = nodes[chain[k]];
    out.starts.push_back(nodes[static_cast<std::size_t>(nd.prev)].start);
    out.ends.push_back(nd.pos);
    out.flags.push_back(0);
  }
  return true;
}

}  // namespace compose
