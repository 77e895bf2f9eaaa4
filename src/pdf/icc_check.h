#pragma once
// Is a byte string a usable ICC profile? Used on every profile a user hands in — the
// output profile (--output-profile, or the shipped one) and a photo's embedded profile —
// before finishing, so a cut-short profile is a located error, never an output intent
// that a RIP rejects or a colour transform failing later without a file name.
#include <optional>
#include <string>

namespace pdf {

// Why `icc` cannot be used, or nullopt. Checks, in order: the header's profile size
// against the bytes (ICC.1:2010 §7.2.2: a smaller file was cut short), the tag table
// (§7.3: every tag inside the profile), and that lcms2 builds a colour transform with it
// (reading the tables the transform needs).
std::optional<std::string> icc_problem(const std::string& icc);

}  // namespace pdf
