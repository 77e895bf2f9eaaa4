#pragma once
// Internal to pdf/: an lcms2 transform's results remembered by input pixel. Photos repeat
// colours (flat areas, skies, paper white, the same tone along a smooth gradient), while
// our transforms evaluate each pixel on its own (cmsFLAGS_NOCACHE, so that threads can
// share them), at 200–700 instructions a CMYK pixel. A pixel seen before is looked up
// instead; the pixels not seen yet are evaluated in one call per strip. The output is the
// transform's own, byte for byte: only where its values come from changes.
#include <lcms2.h>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace pdf {

class TransformMemo {
 public:
  // `xf` takes `in_bytes` (3: RGB, 4: CMYK) 8-bit samples a pixel and gives 4 (CMYK).
  TransformMemo(cmsHTRANSFORM xf, int in_bytes);
  // As cmsDoTransform(xf, in, out, pixels).
  void apply(const std::uint8_t* in, std::uint8_t* out, std::size_t pixels);

 private:
  static constexpr int kBits = 16;  // 65,536 colours (768 KiB)
  cmsHTRANSFORM xf_;
  int in_bytes_;
  // Slot: the pixel's key (its samples as a number) | kKnown, | kPending while its value
  // is still to come from this strip's call; values_ holds then the miss's number.
  std::vector<std::uint64_t> keys_;
  std::vector<std::uint32_t> values_;
  // One strip's pixels not known yet: their samples, results, and who waits for which.
  std::vector<std::uint8_t> miss_in_, miss_out_;
  std::vector<std::size_t> pending_;                           // slots to fill after the call
  std::vector<std::pair<std::size_t, std::uint32_t>> waiting_;  // (pixel, miss number)
};

}  // namespace pdf
