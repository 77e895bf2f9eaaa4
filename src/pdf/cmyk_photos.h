#pragma once
// Internal to pdf/: CMYK photos, passed through or re-separated (cmyk_photos.cpp).
#include <string>

#include "base/diag.h"
#include "pdf/colour.h"
#include "pdf/reseparate.h"
#include "pdf/resources.h"

namespace pdf {

struct CmykResult {
  bool reseparated = false;
  bool tagged = false;   // re-separated from its own embedded profile (else: untagged, over the limit)
  std::string profile;   // that profile's description
  InkStats before;       // the photo as it came
  InkStats ink;          // what the PDF gets
};

// Fills `out` (filter, colour space, bytes when not passed through) from a CMYK JPEG or
// TIFF; decodes it once (an untagged photo over the ink limit twice: measured, then
// re-separated).
CmykResult prepare_cmyk(const image::Store::Entry& e, image::Store& store, Reseparator& r, const Options& opt,
                        PreparedImage& out);
// The warning that names the photo (id, file, line, the page) when it was re-separated.
void report_reseparation(const CmykResult& r, const frame::Image& img, int page, int limit, base::Diagnostics& diag);

}  // namespace pdf
