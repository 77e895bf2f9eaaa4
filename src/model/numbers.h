#pragma once
// Private to model/: the number grammars of issue and layout files. Strict: a value
// is either exactly a number in the documented form or rejected ("4x", "1e999", "")
// so that a typo never silently becomes a different size.
#include <optional>
#include <string>

#include "model/style.h"

namespace model::num {

// Plain decimal: optional '-', digits with an optional fraction ("18.8", ".5").
// No exponent, no '+', no spaces; magnitudes above 1e6 are rejected.
std::optional<double> decimal(const std::string& s);
// A count of ems in 1/1000 em: "2em", "2", "0.125em", "1/8em" (the unit may be omitted).
std::optional<int> em1000(const std::string& s);
// "c m y k", four percentages 0..100 separated by spaces (docs/print.md "Colour").
std::optional<Cmyk> cmyk(const std::string& s);

}  // namespace model::num
