#pragma once
// The composer's per-paragraph precomputation (docs/composer.md: "precompute per paragraph once;
// next_line roughly O(line length)"). A paragraph becomes a row of atoms — one per
// shaped cluster — with the gap after each atom, and a prefix sum of their natural
// widths so that the natural width of any candidate line is O(1); its shrink and
// stretch capacities are O(line length).
#include <algorithm>
#include <cstdint>
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

  Len width() const { return shaped + fix - lead_cut - trail_cut; }  // mid-line width
  // A widened middle dot is centred in its em; a typed space keeps its glyph at the start.
  Len fix_shift() const { return kind == Kind::Mark ? fix / 2 : 0; }
  // Word spaces shrink to 1/4 em and stretch to 1/2 em (JLREQ §3.8 values).
  Len space_min() const { return std::min(shaped, em / 4); }
  Len space_max() const { return std::max(shaped, em / 2); }
  Len lead_rem() const { return lead_cap - lead_cut; }
  Len trail_rem() const { return trail_cap - trail_cut; }
  bool is_char() const { return kind == Kind::Han || kind == Kind::Latin || kind == Kind::Other; }
  bool invisible() const { return kind == Kind::Space || kind == Kind::Control; }
};

// The gap after atom i (between atoms i and i+1).
struct Gap {
  Len nat = 0, min = 0, max = 0;  // Han–Latin space (0 when none)
  bool han_latin = false;
  bool can_break = false;         // a break opportunity (UAX #14 + CLREQ kinsoku)
  bool forced = false;            // mandatory break (after U+000A)
  bool in_word = false;           // inside a Latin word, a number, —— or ……: never stretched
  bool slot = false;              // takes a share of the last-resort stretch
  const char* rule = "";          // the rule that decided can_break (for the dump)
};

// One candidate line [s, b) and the decision that picked it.
struct Choice {
  std::size_t b = 0;     // one past the line's last atom
  std::string reason;    // why the line broke there
  bool forced = false;   // ended by U+000A
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

  // pre_w[i]: sum of atom width + gap nat over [0, i), the natural mid-line pen position.
  std::vector<Len> pre_w;

  // analyze.cpp
  void analyze();
  // measure.cpp: a candidate line [s, b)
  std::size_t visible_end(std::size_t s, std::size_t b) const;
  Len indent(bool first) const;
  Len natural(std::size_t s, std::size_t b, bool first) const;
  Len shrink_capacity(std::size_t s, std::size_t b) const;
  bool stretchable(std::size_t s, std::size_t b) const;
  bool orphan(std::size_t b) const;  // [b, end) holds fewer than two characters
  // fit.cpp
  Choice choose(std::size_t s, Len measure, bool first) const;
  Choice avoid_orphan(std::size_t s, Len measure, bool first, Choice c) const;
  // set_line.cpp
  Line set_line(std::size_t s, const Choice& c, Len measure, bool first) const;

  std::size_t atom_at(std::uint32_t byte) const;
  bool justify() const { return style.align == Align::Justify; }
};

// Rounded fraction of an em: em1000 in 1/1000 em.
inline Len em_part(Len em, int em1000) { return (em * em1000 + 500) / 1000; }

}  // namespace compose
