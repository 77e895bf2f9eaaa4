#pragma once
// One line being set: per-atom blanks removed and widths, per-gap glue, and the record
// of every adjustment. Filled by set_line.cpp, adjusted by justify.cpp.
#include <vector>

#include "compose/para_impl.h"

namespace compose {

struct Slot {
  Len lead = 0, trail = 0;  // blank removed before / after the atom
  Len extra = 0;            // width change of a space by justification
  Len glue = 0;             // space after the atom (Han–Latin, justification)
};

struct LineWork {
  const Paragraph::Impl* p = nullptr;
  std::size_t s = 0, ve = 0;  // visible atoms [s, ve)
  std::vector<Slot> slot;     // index k - s
  std::vector<Adjustment> adj;
  Len gap_share = 0;          // the largest equal share a gap took (stretch stage 3)
  bool hang = false;          // the last mark hangs past the measure: its blank half is cut

  const Atom& atom(std::size_t k) const { return p->atoms[k]; }
  Slot& at(std::size_t k) { return slot[k - s]; }
  Len width(std::size_t k) const {
    const Atom& a = atom(k);
    const Slot& sl = slot[k - s];
    return a.shaped + a.fix - sl.lead - sl.trail + sl.extra;
  }
  Len total() const;  // sum of widths and glue
};

// docs/typography.md "Spacing and justification", shrink order: line-end mark, word spaces
// (to 1/4 em), other marks (to 1/2 em), Han–Latin spaces (to min). Returns what could
// not be taken (> 0: the line is overfull).
Len shrink_line(LineWork& w, Len need);
// Stretch order: word spaces, compressed mark pairs back to full width, Han–Latin
// spaces, then all gaps equally (never inside a word, a number, —— or ……, never before
// a closing mark or after an opening one).
// Returns what could not be given (> 0: underfull).
Len stretch_line(LineWork& w, Len need);

}  // namespace compose
