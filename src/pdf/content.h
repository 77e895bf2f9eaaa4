#pragma once
// Internal to pdf/: a page's content stream, written from its frame items in drawing
// order, and the printer's marks around it.
#include <set>
#include <string>

#include "pdf/resources.h"

namespace pdf {

// The resources a page's content names, collected while it is written (each file then
// makes only the objects its pages use).
struct PageNames {
  std::set<int> fonts;             // frame face index → /F<face>
  std::set<int> vertical_fonts;    // shown upright in vertical text → /V<face> (Identity-V)
  std::set<std::size_t> images;    // prepared image index → /Im<index>
  std::set<std::size_t> forms;     // placed page index → /Fm<index>
  std::set<std::size_t> spots;     // document spot colour index → /CS<index>
  bool overprint = false;          // /GSop: OP op true, OPM 1
  bool knockout = false;           // /GSko: OP op false
  bool registration = false;       // /CSall: [/Separation /All …]
  bool transparency = false;       // an image with a soft mask: the page needs a group
};

std::string page_content(const frame::Page& page, const Resources& res, PageNames& names);

// Crop and registration marks in the band outside the bleed (none when page.marks is
// 0), in default page space. `one_plate`: the page prints on the black plate only, so
// its marks are K (the file stays a one-plate job), otherwise registration colour.
std::string page_marks(const frame::Page& page, bool one_plate, PageNames& names);

}  // namespace pdf
