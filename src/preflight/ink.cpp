#include "preflight/ink.h"

#include <algorithm>

namespace preflight {

// Compare in sample units (255 = 100 %) so no pixel pays for a division.
InkMeter::InkMeter(bool inverted, int limit_percent)
    : Pipeline("ink meter", nullptr), inverted_(inverted), limit_(limit_percent * 255) {}

void InkMeter::pixel(const unsigned char* p) {
  int sum = 0;
  for (int k = 0; k < 4; ++k) sum += inverted_ ? 255 - p[k] : p[k];
  ++st_.pixels;
  if (sum * 100 > limit_) ++st_.over;
  max_sum_ = std::max(max_sum_, sum);
}

void InkMeter::write(unsigned char const* data, size_t len) {
  size_t i = 0;
  while (have_ > 0 && have_ < 4 && i < len) part_[have_++] = data[i++];
  if (have_ == 4) pixel(part_), have_ = 0;
  for (; i + 4 <= len; i += 4) pixel(data + i);
  while (i < len) part_[have_++] = data[i++];
}

InkStats InkMeter::stats() const {
  InkStats s = st_;
  s.max_percent = max_sum_ * 100.0 / 255.0;
  return s;
}

InkStats cmyk_ink(std::string_view s, bool inverted, int limit_percent) {
  InkMeter m(inverted, limit_percent);
  m.write(reinterpret_cast<const unsigned char*>(s.data()), s.size());
  return m.stats();
}

}  // namespace preflight
