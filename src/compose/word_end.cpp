// Lines that end where a story jumps to another page (docs/composer.md "Jumps"): the
// reader turns pages there, so the line at the frame's foot ends between words — ICU's
// dictionary words, as a headline breaks — never inside a word, a number, a unit, an
// address or a hyphenated Latin word. Flow says how many lines are left above the foot;
// when the plan's line there ends inside a word, the lines down to the foot are chosen
// again by total fit so that the last of them ends at the best word end near it: the
// adjustment is spread over those lines instead of falling on one.
#include <algorithm>
#include <limits>
#include <set>

#include "compose/para_impl.h"
#include "compose/segment.h"

namespace compose {

namespace {

constexpr std::size_t kReach = 12;   // atoms before and after the plan's line end looked at
constexpr std::size_t kContext = 8;  // atoms of text around them, for ICU
constexpr int kLookahead = 16;       // lines above the foot
// What a better end may cost over the plan's own: about two lines just past 0.10 em per
// gap (total_fit.cpp's demerits). A weak end (between two one-character words, or between
// a number and the unit after it: 486|家) is kept rather than paid for with more.
constexpr std::int64_t kSlack = 600000000;

enum class End { Inside, Weak, Strong };

}  // namespace

void Paragraph::Impl::keep_words(std::size_t s, Len measure, bool first, int lines) const {
  // Looked at from this many lines above the foot: enough to spread a character's worth of
  // adjustment, and the work per pull stays bounded however tall the column.
  if (lines < 1 || lines > kLookahead) return;
  const std::size_t n = atoms.size();
  std::size_t pos = s, end = s;
  for (int i = 0; i < lines; ++i) {  // where the plan's line at the foot ends
    const Choice ch = planned(pos, measure, first && i == 0);
    if (ch.b >= n || ch.forced) return;  // the paragraph (or its block) ends above the foot
    end = ch.b;
    pos = line_start(ch.b);
  }
  const std::size_t lo = std::max(s + 1, end > kReach ? end - kReach : 0), hi = std::min(n - 1, end + kReach);
  const std::size_t from = std::max(s, lo > kContext ? lo - kContext : 0), to = std::min(n, hi + kContext);
  std::set<std::uint32_t> words;  // bytes where ICU's words meet
  for (const WordBoundary& w : word_boundaries(shaped.text, atoms[from].start, atoms[to - 1].end)) words.insert(w.at);
  auto kind = [&](std::size_t b) {
    if (gaps[b - 1].kind != BreakKind::Free) return End::Inside;  // a unit, an address, a hyphen
    if (atoms[b - 1].kind == Kind::Latin && atoms[b].kind == Kind::Han) return End::Weak;
    if (atoms[b - 1].kind != Kind::Han || atoms[b].kind != Kind::Han) return End::Strong;
    if (!words.count(atoms[b].start)) return End::Inside;
    // One-character words on both sides: the dictionary did not know the word (较上|年).
    const bool lone_left = b >= 2 && words.count(atoms[b - 1].start);
    const bool lone_right = b + 1 < n && words.count(atoms[b + 1].start);
    return lone_left && lone_right ? End::Weak : End::Strong;
  };
  const End now = kind(end);
  if (now == End::Strong) return;
  Plan base;
  std::int64_t base_cost = 0;
  if (!total_fit_to(s, end, measure, first, base, base_cost)) return;
  for (End want : {End::Strong, End::Weak}) {
    if (want == End::Weak && now == End::Weak) return;  // no strong end within reach: keep it
    Plan best;
    std::int64_t best_cost = now == End::Inside && want == End::Weak ? std::numeric_limits<std::int64_t>::max()
                                                                      : base_cost + kSlack;
    for (std::size_t b = next_break[lo - 1]; b <= hi; b = next_break[b]) {
      if (kind(b) != want) continue;
      Plan p;
      std::int64_t cost = 0;
      if (!total_fit_to(s, b, measure, first, p, cost) || p.ends.size() != static_cast<std::size_t>(lines)) continue;
      if (cost < best_cost) best = std::move(p), best_cost = cost;
    }
    if (!best.ends.empty()) return adopt(std::move(best));
  }
}

}  // namespace compose
