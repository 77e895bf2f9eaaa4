#pragma once
// Internal to pdf/: RGB → the output condition's CMYK with lcms2, and the total ink of
// CMYK samples (docs/print.md "Photos", "Colour").
#include <lcms2.h>

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace pdf {

class CmykConverter {
 public:
  explicit CmykConverter(const std::string& output_icc);
  ~CmykConverter();
  CmykConverter(const CmykConverter&) = delete;
  CmykConverter& operator=(const CmykConverter&) = delete;

  // A transform from RGB in `source_icc` (an RGB profile; "" or anything else → sRGB) to
  // CMYK, inverted (Adobe JPEG: 255 = no ink) or not. Made once per profile and shared by
  // threads (cmsFLAGS_NOCACHE makes cmsDoTransform reentrant). Throws base::Error.
  cmsHTRANSFORM rgb_to_cmyk(const std::string& source_icc, bool inverted);

 private:
  cmsContext ctx_;
  cmsHPROFILE output_ = nullptr;
  std::mutex mu_;
  std::map<std::pair<std::string, bool>, cmsHTRANSFORM> transforms_;
};

struct InkStats {
  std::int64_t pixels = 0;
  std::int64_t over = 0;  // pixels whose C+M+Y+K exceeds the limit
  int max_sum = 0;        // highest C+M+Y+K in sample units (255 = 100 %)
  double max_percent() const { return max_sum * 100.0 / 255.0; }
  double over_fraction() const { return pixels ? static_cast<double>(over) / static_cast<double>(pixels) : 0.0; }
  void add(const std::uint8_t* cmyk, std::size_t pixels, bool inverted, int limit_percent);
};

}  // namespace pdf
