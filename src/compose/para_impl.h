#pragma once
// The composer's per-paragraph precomputation (docs/composer.md "Pipeline"). A paragraph
// becomes a row of atoms — one per shaped cluster — with the gap after each atom, and
// prefix sums of their widths and of every shrink and stretch capacity, so that any
// candidate line is measured in O(1): the total-fit search looks at each break a few
// times, never at each character of a line.
#include <algorithm>
#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "compose/classes.h"
#include "compose/composer.h"

namespace compose {

// What an atom is, for spacing (docs/typography.md "Spacing and justification").
enum class Kind : std::uint8_t {
  Han,      // ideographs, kana, full-width symbols: 1 em on the grid
  Latin,    // letters, digits and number signs (% ‰ ℃ $ ￥ …): proportional
  Mark,     // CJK punctuation with a Mark class
  Space,    // a typed space (U+0020, U+00A0, U+3000, tab)
  Other,    // everything else (ASCII punctuation, symbols)
  Control,  // U+000A (forced break) and other zero-width controls: no glyph drawn
};

enum class SpaceKind : std::uint8_t { None, Word, Typed };

// How good a break opportunity is, from free to last resort (docs/composer.md "Badness").
enum class BreakKind : std::uint8_t {
  None,    // no break here
  Free,    // an ordinary opportunity: UAX #14 pair rules, then the CLREQ kinsoku tables
  Url,     // inside a URL or e-mail address, after / . - @ ? & (no hyphen is added)
  Hyphen,  // inside a Latin word at a libhyphen point: a hyphen is added at the line end
  Unit,    // inside a unit kept whole (a range, a standard number, a date)
  Name,    // inside a name or role of a dateline: only where the line would go flush left
};

struct Atom {
  std::uint32_t start = 0, end = 0;  // bytes of the paragraph text
  std::uint32_t g0 = 0, g1 = 0;      // glyphs [g0, g1) of ShapedText::glyphs
  std::uint32_t run = 0;             // index into ShapedText::runs
  char32_t first = 0, last = 0;      // first and last code point of the cluster
  Len em = 0;                        // the run's size
  Len shaped = 0;                    // sum of the glyph advances
  Len fix = 0;                       // width change everywhere (typed space, widened ·)
  Len lead_cap = 0, trail_cap = 0;   // blank halves of a full-width mark
  Len lead_cut = 0, trail_cut = 0;   // removed by pair compression (mid-line)
  Kind kind = Kind::Other;
  Mark mark = Mark::None;
  Brk brk_first = Brk::AL, brk_last = Brk::AL;
  SpaceKind space = SpaceKind::None;
  bool hangs = false;                // 。，、 that may hang past the line end (style option)

  Len width() const { return shaped + fix - lead_cut - trail_cut; }  // mid-line width
  // A widened middle dot is centred in its em; a typed space keeps its glyph at the start.
  Len fix_shift() const { return kind == Kind::Mark ? fix / 2 : 0; }
  // Word spaces shrink to 1/4 em and stretch to 1/2 em (JLREQ §3.8 values); a space
  // typed between Han characters (a byline's, a dateline's) may give up half its width,
  // never more: it stays visible; it may grow by 1/2 em before any character is spaced
  // out (JLREQ §3.8: expansion goes to spaces first).
  Len space_min() const { return space == SpaceKind::Typed ? (shaped + fix + 1) / 2 : std::min(shaped, em / 4); }
  Len space_max() const { return space == SpaceKind::Typed ? shaped + fix + em / 2 : std::max(shaped, em / 2); }
  Len lead_rem() const { return lead_cap - lead_cut; }
  Len trail_rem() const { return trail_cap - trail_cut; }
  bool is_char() const { return kind == Kind::Han || kind == Kind::Latin || kind == Kind::Other; }
  bool invisible() const { return kind == Kind::Space || kind == Kind::Control; }
};

// The gap after atom i (between atoms i and i+1).
struct Gap {
  Len nat = 0, min = 0, max = 0;  // Han–Latin space (0 when none)
  bool han_latin = false;
  bool can_break = false;         // a break opportunity of any kind (kind != None)
  BreakKind kind = BreakKind::None;
  bool forced = false;            // mandatory break (after U+000A)
  bool in_word = false;           // inside a Latin word, a number, —— or ……: never stretched
  bool slot = false;              // takes a share of the last-resort stretch
  // Display text (ParaStyle::head): what kind of place this break is for an editor —
  // 0 a typed space, 1 between two words, 2 beside a one-character word, 3 inside a word.
  std::uint8_t head = 0;
  const char* rule = "";          // the rule that decided the break (for the dump)
};

// Prefix sums over atoms (and the gaps after them), [0, i): everything a candidate line
// needs to know in O(1) (measure.cpp).
struct Prefix {
  Len w = 0;                      // atom width + gap nat: the natural mid-line pen position
  Len lead = 0, trail = 0;        // blank halves left after pair compression
  Len cut = 0;                    // blank halves removed by pair compression
  Len ws_shrink = 0, ws_stretch = 0;  // word spaces: down to 1/4 em, up to 1/2 em
  Len hl_shrink = 0, hl_stretch = 0;  // Han–Latin spaces: down to min, up to max
  std::int32_t slots = 0;         // gaps that take a share of the last-resort stretch
  std::int32_t spaces = 0;        // spaces (each takes a share too)
  std::int32_t chars = 0;         // characters (not marks, spaces, controls): orphans
};

// A candidate line [s, b) measured: its natural width and what each stage of the CLREQ
// adjustment order can give (docs/typography.md "Spacing and justification").
struct LineFit {
  std::size_t s = 0, ve = 0;  // first and one past the last visible atom
  Len nat = 0;                // natural width, indent (and an added hyphen) included
  Len end_blank = 0;          // shrink 1: the line-end mark's blank half
  Len ws_shrink = 0;          // shrink 2: word spaces to 1/4 em
  Len punct_shrink = 0;       // shrink 3: other marks' blank halves
  Len hl_shrink = 0;          // shrink 4: Han–Latin spaces to min
  Len ws_stretch = 0;         // stretch 1: word spaces to 1/2 em
  Len pair_stretch = 0;       // stretch 2: compressed mark pairs back to full width
  Len hl_stretch = 0;         // stretch 3: Han–Latin spaces to max
  int slots = 0;              // stretch 4: gaps sharing the rest equally
  Len hang = 0;               // how far a mark that may hang stands past the measure
  Len shrink() const { return end_blank + ws_shrink + punct_shrink + hl_shrink; }
  // What the line can take before any gap between characters opens.
  Len soft_stretch() const { return pair_stretch + ws_stretch + hl_stretch; }
  // CLREQ 行末悬挂 (style option): the line's last mark (。，、．) hangs past the measure
  // when the line does not fit even with every shrink taken: a line that squeezing fits is
  // squeezed, and total fit prices a hung line above any ordinary one (docs/composer.md).
  bool hangs(Len measure) const { return hang > 0 && nat - measure > shrink(); }
  // The line as set with its mark hanging: the mark is outside the measure, its ink half
  // standing past it and its blank half cut.
  LineFit hung() const {
    LineFit h = *this;
    h.nat -= hang + end_blank;
    h.end_blank = 0;
    return h;
  }
};

// One line of a plan, or of a first-fit choice: [s, b) and why it broke there.
struct Choice {
  std::size_t b = 0;     // one past the line's last atom
  std::string reason;    // why the line broke there
  bool forced = false;   // ended by U+000A
  bool emergency = false;  // no break opportunity fitted: broken where the measure ran out
};

// The lines total fit chose from one start at one measure (total_fit.cpp). A later line
// of the same plan is served from it; any other start or measure makes a new plan.
struct Plan {
  Len measure = 0;
  std::size_t start = 0;   // first visible atom of its first line
  bool first = false;      // its first line is the paragraph's first (indented)
  std::vector<std::size_t> starts;  // first visible atom of each line
  std::vector<std::size_t> ends;    // one past the last atom of each line (a break)
  std::vector<std::uint8_t> flags;  // kEmergency per line
  std::uint64_t used = 0;  // last use (the cache keeps the most recent plans)
};

struct Paragraph::Impl {
  const text::FontSet* fonts = nullptr;
  text::ShapedText shaped;
  ParaStyle style;
  Len em = 0;  // the paragraph's first size: the indent's em

  std::vector<Atom> atoms;
  std::vector<std::uint32_t> starts;  // atoms[i].start, compact for the cursor's binary search
  std::vector<Gap> gaps;  // gaps.size() == atoms.size(); the last gap is the paragraph end
  std::size_t vis_end = 0;  // one past the last atom that is not a space or control
  std::vector<Prefix> pre;  // pre[i]: sums over [0, i); size atoms.size() + 1
  // next_break[i]: the first break position b > i (gaps[b-1].can_break), or n.
  std::vector<std::uint32_t> next_break;
  // vis_before[b]: one past the last visible atom in [0, b) (0 when none).
  std::vector<std::uint32_t> vis_before;
  // vis_from[i]: the first visible atom at or after i (atoms.size() when none).
  std::vector<std::uint32_t> vis_from;
  // A hyphen added at a Hyphen break: its glyph and width, per run (0: none needed).
  std::vector<std::uint32_t> hyphen_gid;
  std::vector<Len> hyphen_w;

  mutable std::mutex plan_mutex;  // flow may pull lines of one paragraph from several places
  mutable std::vector<Plan> plans;
  mutable std::uint64_t plan_clock = 0;
  mutable std::atomic<std::size_t> work{0};  // candidate lines measured (Paragraph::work)

  // analyze.cpp
  void analyze();
  // measure.cpp: a candidate line [s, b)
  std::size_t visible_end(std::size_t s, std::size_t b) const;
  std::size_t line_start(std::size_t b) const;  // the first visible atom at or after b
  Len indent(bool first) const;
  Len hyphen_width(std::size_t b) const;  // added by a Hyphen break at b (after atom b-1)
  Len natural(std::size_t s, std::size_t b, bool first) const;
  LineFit line_fit(std::size_t s, std::size_t b, bool first) const;
  Len shrink_capacity(std::size_t s, std::size_t b) const;
  bool stretchable(std::size_t s, std::size_t b) const;
  bool orphan(std::size_t b) const;  // [b, end) holds fewer than two characters
  std::size_t fit_end(std::size_t s, Len measure, bool first) const;  // last b with natural ≤ measure
  // fit.cpp: first fit, for unjustified lines and as the bounded fallback
  Choice choose(std::size_t s, Len measure, bool first) const;
  Choice avoid_orphan(std::size_t s, Len measure, bool first, Choice c) const;
  // word_end.cpp: the `lines`-th line from s (the foot of a frame a story jumps from) ends
  // between words; a plan that does so is adopted
  void keep_words(std::size_t s, Len measure, bool first, int lines) const;
  std::string describe(std::size_t s, std::size_t b, Len measure, bool first) const;
  std::string head_reason(std::size_t b) const;
  // total_fit.cpp, head_fit.cpp
  bool total_fit(std::size_t s, Len measure, bool first, Plan& out) const;
  bool total_fit_to(std::size_t s, std::size_t t, Len measure, bool first, Plan& out, std::int64_t& cost) const;
  void adopt(Plan p) const;  // a plan made elsewhere replaces the cached ones at its measure
  bool head_fit(std::size_t s, Len measure, bool first, Plan& out) const;
  // `why`: with the reason of the break (--dump lines); a line only skipped needs none.
  Choice planned(std::size_t s, Len measure, bool first, bool why = true) const;
  // set_line.cpp
  Line set_line(std::size_t s, const Choice& c, Len measure, bool first) const;

  std::size_t atom_at(std::uint32_t byte) const;
  bool justify() const { return style.align == Align::Justify; }
};

// vertical.cpp: a 纵中横 number is one unit of one em, set like an ideograph.
void vertical_units(Paragraph::Impl& p);
// vertical.cpp: what a vertical line turns and sets across, for --dump=lines.
std::string dump_vertical(const Line& l);

// Rounded fraction of an em: em1000 in 1/1000 em.
inline Len em_part(Len em, int em1000) { return (em * em1000 + 500) / 1000; }

}  // namespace compose
