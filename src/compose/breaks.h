#pragma once
// Break opportunities between atoms: UAX #14 pair rules, then the CLREQ kinsoku tables,
// then the units and words that are kept whole or broken their own way.
#include <vector>

#include "compose/para_impl.h"

namespace compose {

// Fills can_break, kind, forced and rule of every gap. The last gap (paragraph end) is a
// break.
void find_breaks(const std::vector<Atom>& atoms, std::vector<Gap>& gaps);

// After find_breaks: a single connector dash never starts a line; URLs and e-mail
// addresses break only after / . - @ ? &; Latin words get their hyphenation points;
// ranges, standard numbers, dates and dateline names become units (refine.cpp).
void refine_breaks(Paragraph::Impl& p);

// URLs and e-mail addresses, and the hyphenation points of English words (words.cpp).
void latin_breaks(Paragraph::Impl& p);

// Ranges, standard numbers, No. 2024, short Latin compounds, dates and dateline names
// (units.cpp).
void unit_breaks(Paragraph::Impl& p);

// Display text: what each break is worth to an editor (Gap::head), from the typed spaces
// and ICU's word boundaries (refine.cpp).
void head_breaks(Paragraph::Impl& p);

}  // namespace compose
