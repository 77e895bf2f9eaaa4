#pragma once
// Total ink (total area coverage) of CMYK image samples (docs/print.md "Colour": the total
// ink of any area stays under the layout's limit), measured as the decoded samples stream
// past, so an image of any size costs no memory beyond one pixel.
#include <qpdf/Pipeline.hh>

#include <cstdint>
#include <string_view>

namespace preflight {

struct InkStats {
  std::int64_t pixels = 0;
  std::int64_t over = 0;     // pixels whose C+M+Y+K exceeds the limit
  double max_percent = 0;    // highest C+M+Y+K, 0..400
  double over_fraction() const { return pixels ? static_cast<double>(over) / static_cast<double>(pixels) : 0.0; }
};

// A pipeline end taking 8-bit interleaved CMYK. `inverted`: the image's /Decode is
// [1 0 1 0 1 0 1 0] (Adobe CMYK JPEG), so 255 means no ink.
class InkMeter : public Pipeline {
 public:
  InkMeter(bool inverted, int limit_percent);
  void write(unsigned char const* data, size_t len) override;
  void finish() override {}
  InkStats stats() const;

 private:
  bool inverted_;
  int limit_;  // in sample units × 100 (255 = 100 %)
  int max_sum_ = 0;
  unsigned char part_[4] = {};
  int have_ = 0;  // samples of a pixel split between two writes
  InkStats st_;
  void pixel(const unsigned char* p);
};

// The same over samples in memory.
InkStats cmyk_ink(std::string_view samples, bool inverted, int limit_percent);

}  // namespace preflight
