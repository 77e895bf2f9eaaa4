// Which element of the issue a page's XObject was written for (pdf.h, placed()): the
// names FileObjects gives (/Im<k>: prepared photo k) read backwards.
#include <charconv>

#include "pdf/resources.h"

namespace pdf {

std::optional<Placed> placed(const frame::Document& doc, const Resources& res, std::size_t page,
                             const std::string& xobject) {
  if (page >= doc.pages.size() || xobject.rfind("/Im", 0) != 0) return std::nullopt;
  std::size_t k = 0;
  const char* first = xobject.data() + 3;
  const char* last = xobject.data() + xobject.size();
  auto [end, ec] = std::from_chars(first, last, k);
  if (ec != std::errc() || end != last || first == last) return std::nullopt;
  // The first placement of that photo on the page: its id, file and <photo> line.
  for (const frame::Image& img : doc.pages[page].of<frame::Image>()) {
    auto it = res.image_of.find(img.path);
    if (it != res.image_of.end() && it->second == k) return Placed{img.id, "photo '" + img.id + "' (" + img.path + ")", img.loc};
  }
  return std::nullopt;
}

}  // namespace pdf
