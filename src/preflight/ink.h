#pragma once
// Total ink (total area coverage) of CMYK image samples (docs/print.md "Colour": the total
// ink of any area stays under the layout's limit).
#include <cstdint>
#include <string_view>

namespace preflight {

struct InkStats {
  std::int64_t pixels = 0;
  std::int64_t over = 0;     // pixels whose C+M+Y+K exceeds the limit
  double max_percent = 0;    // highest C+M+Y+K, 0..400
  double over_fraction() const { return pixels ? static_cast<double>(over) / static_cast<double>(pixels) : 0.0; }
};

// `samples`: 8-bit interleaved CMYK. `inverted`: the image's /Decode is [1 0 1 0 1 0 1 0]
// (Adobe CMYK JPEG), so 255 means no ink.
InkStats cmyk_ink(std::string_view samples, bool inverted, int limit_percent);

}  // namespace preflight
