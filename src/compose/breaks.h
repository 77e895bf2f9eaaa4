#pragma once
// Break opportunities between atoms: UAX #14 pair rules, then the CLREQ kinsoku tables.
#include <vector>

#include "compose/para_impl.h"

namespace compose {

// Fills can_break, forced and rule of every gap. The last gap (paragraph end) is a break.
void find_breaks(const std::vector<Atom>& atoms, std::vector<Gap>& gaps);

}  // namespace compose
