#pragma once
// What a PDF needs to know about a JPEG (DCTDecode) stream without decoding it: the
// Adobe APP14 marker (inverted CMYK, docs/libraries.md §4), an embedded ICC profile
// (APP2 ICC_PROFILE, ICC.1 Annex B.4) and the frame header.
#include <string>
#include <string_view>

namespace preflight {

struct JpegInfo {
  bool valid = false;         // starts with SOI and has a frame header
  bool adobe = false;         // APP14 "Adobe" present: CMYK samples are stored inverted
  int adobe_transform = -1;   // its colour transform byte (0: none, 1: YCbCr, 2: YCCK)
  int width = 0, height = 0, components = 0, precision = 0;
  std::string icc;            // the embedded ICC profile, chunks joined; empty when none
};

// Reads the markers up to the first scan; never reads past the end of `bytes`.
JpegInfo scan_jpeg(std::string_view bytes);

}  // namespace preflight
