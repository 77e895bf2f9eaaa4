// The preflight of a placed page: preflight::check on the placed file, keeping the
// findings of that page about what it draws (colour, fonts, ink, resolution) — the
// file's own identification (PDF/X version, XMP, boxes) is not the page's business once
// it is placed — each said again with the element that placed it.
#include <set>

#include "placed/placed.h"
#include "preflight/preflight.h"

namespace placed {

std::vector<base::Finding> check(const Document& doc, int page, int ink_limit_percent, const std::string& what,
                                 const std::string& id, const base::Loc& at, int issue_page) {
  namespace c = preflight::code;
  static const std::set<std::string> kContent = {c::kFontEmbed,  c::kFontType3,     c::kDeviceRgb,
                                                 c::kTextRgb,    c::kTextGray,      c::kTextRichBlack,
                                                 c::kBlackKnockout, c::kResolution, c::kInk,
                                                 c::kCmykJpegDecode, c::kStructure, c::kBudget};
  preflight::Options o;
  o.ink_limit_percent = ink_limit_percent;
  o.measure_image_ink = true;  // nobody measured the ad's photos
  std::vector<base::Finding> out;
  for (auto f : preflight::check(doc.bytes, o)) {
    if (!kContent.count(f.code) || (f.page != page && f.page != 0)) continue;
    if (f.page == 0 && f.code != c::kStructure) continue;
    f.message = what + " (" + doc.file.string() + ", page " + std::to_string(page) + "): " + f.message;
    f.loc = at;
    f.article = id;
    f.page = issue_page;
    if (f.fix.empty()) f.fix = "ask the agency for a corrected file (PDF/X-4 for the paper's output condition)";
    // A file too costly to check is not placed at all: the writer would have to decode
    // the same streams (docs/print.md "Budgets").
    if (f.code == c::kBudget) throw base::Error(f.loc, f.message, f.fix);
    out.push_back(f);
  }
  return out;
}

}  // namespace placed
