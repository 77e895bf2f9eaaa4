#include "pdf/colour.h"

#include <algorithm>

#include "base/error.h"

namespace pdf {

CmykConverter::CmykConverter(const std::string& output_icc) : ctx_(cmsCreateContext(nullptr, nullptr)) {
  output_ = cmsOpenProfileFromMemTHR(ctx_, output_icc.data(), static_cast<cmsUInt32Number>(output_icc.size()));
}

CmykConverter::~CmykConverter() {
  for (auto& [key, xf] : transforms_) cmsDeleteTransform(xf);
  if (output_) cmsCloseProfile(output_);
  cmsDeleteContext(ctx_);
}

// The photographer's profile when the file embeds an RGB one, else sRGB (what untagged
// photos from cameras and the web are). Perceptual with black-point compensation: the
// shipped profile's perceptual table is gamut-mapped from sRGB (data/icc/README.md).
cmsHTRANSFORM CmykConverter::rgb_to_cmyk(const std::string& source_icc, bool inverted) {
  std::lock_guard<std::mutex> lock(mu_);
  auto key = std::make_pair(source_icc, inverted);
  if (auto it = transforms_.find(key); it != transforms_.end()) return it->second;
  cmsHPROFILE src = source_icc.empty() ? nullptr
                                       : cmsOpenProfileFromMemTHR(ctx_, source_icc.data(),
                                                                  static_cast<cmsUInt32Number>(source_icc.size()));
  if (src && cmsGetColorSpace(src) != cmsSigRgbData) {
    cmsCloseProfile(src);
    src = nullptr;
  }
  if (!src) src = cmsCreate_sRGBProfileTHR(ctx_);
  cmsHTRANSFORM xf = output_ && src ? cmsCreateTransformTHR(ctx_, src, TYPE_RGB_8, output_,
                                                            inverted ? TYPE_CMYK_8_REV : TYPE_CMYK_8, INTENT_PERCEPTUAL,
                                                            cmsFLAGS_BLACKPOINTCOMPENSATION | cmsFLAGS_NOCACHE)
                                    : nullptr;
  if (src) cmsCloseProfile(src);
  if (!xf)
    throw base::Error({}, "cannot build the RGB → CMYK colour transform for a photo",
                      "check the output profile (--output-profile) and the photo's embedded ICC profile");
  transforms_.emplace(key, xf);
  return xf;
}

void InkStats::add(const std::uint8_t* s, std::size_t n, bool inverted, int limit_percent) {
  // Compared in sample units (255 = 100 %), so no pixel pays for a division.
  const int limit = limit_percent * 255;
  for (std::size_t i = 0; i < n; ++i, s += 4) {
    int sum = s[0] + s[1] + s[2] + s[3];
    if (inverted) sum = 4 * 255 - sum;
    over += sum * 100 > limit;
    max_sum = std::max(max_sum, sum);
  }
  pixels += static_cast<std::int64_t>(n);
}

}  // namespace pdf
