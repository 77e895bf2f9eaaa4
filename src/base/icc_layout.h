#pragma once
// The layout of an ICC profile, checked without a colour library: preflight (which has
// no lcms2) uses it on a PDF's output profile, so a cut-short profile embedded as the
// output intent is a finding, not a pass.
#include <optional>
#include <string>

namespace base {

// Why `icc` is not a whole ICC profile, or nullopt: shorter than its header, shorter
// than the size its header declares (ICC.1:2010 §7.2.2: cut short), no 'acsp'
// signature, or a tag table (§7.3) or tag reaching past the profile's end.
std::optional<std::string> icc_layout_problem(const std::string& icc);

}  // namespace base
