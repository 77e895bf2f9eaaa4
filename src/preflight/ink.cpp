#include "preflight/ink.h"

#include <algorithm>

namespace preflight {

InkStats cmyk_ink(std::string_view s, bool inverted, int limit_percent) {
  InkStats st;
  // Compare in sample units (255 = 100 %) so no pixel pays for a division.
  const int limit = limit_percent * 255;  // × 100 below
  int max_sum = 0;
  for (std::size_t i = 0; i + 4 <= s.size(); i += 4) {
    int sum = 0;
    for (std::size_t k = 0; k < 4; ++k) {
      const int v = static_cast<unsigned char>(s[i + k]);
      sum += inverted ? 255 - v : v;
    }
    ++st.pixels;
    if (sum * 100 > limit) ++st.over;
    max_sum = std::max(max_sum, sum);
  }
  st.max_percent = max_sum * 100.0 / 255.0;
  return st;
}

}  // namespace preflight
