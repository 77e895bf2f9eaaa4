#include "pdf/reseparate.h"

#include <vector>

#include "base/error.h"

namespace pdf {

namespace {

cmsHPROFILE open(cmsContext ctx, const std::string& icc) {
  return icc.empty() ? nullptr
                     : cmsOpenProfileFromMemTHR(ctx, icc.data(), static_cast<cmsUInt32Number>(icc.size()));
}

}  // namespace

Reseparator::Reseparator(const std::string& output_icc, const std::string& untagged_icc)
    : ctx_(cmsCreateContext(nullptr, nullptr)), output_bytes_(output_icc) {
  output_ = open(ctx_, output_icc);
  untagged_ = open(ctx_, untagged_icc);
}

Reseparator::~Reseparator() {
  for (auto& [key, xf] : transforms_) cmsDeleteTransform(xf);
  if (output_) cmsCloseProfile(output_);
  if (untagged_) cmsCloseProfile(untagged_);
  cmsDeleteContext(ctx_);
}

bool Reseparator::other_condition(const std::string& icc) const {
  if (icc.empty() || icc == output_bytes_) return false;
  cmsHPROFILE p = open(ctx_, icc);
  const bool cmyk = p && cmsGetColorSpace(p) == cmsSigCmykData;
  if (p) cmsCloseProfile(p);
  return cmyk;
}

std::string Reseparator::description(const std::string& icc) const {
  cmsHPROFILE p = open(ctx_, icc);
  if (!p) return "";
  char buf[256] = {};
  cmsGetProfileInfoASCII(p, cmsInfoDescription, "en", "US", buf, sizeof buf);
  cmsCloseProfile(p);
  return buf;
}

cmsHTRANSFORM Reseparator::transform(const std::string& source_icc, bool inverted_in, bool inverted_out) {
  std::lock_guard<std::mutex> lock(mu_);
  const auto key = std::make_tuple(source_icc, inverted_in, inverted_out);
  if (auto it = transforms_.find(key); it != transforms_.end()) return it->second;
  cmsHPROFILE own = open(ctx_, source_icc);
  cmsHPROFILE src = own ? own : untagged_;
  cmsHTRANSFORM xf = nullptr;
  if (src && output_ && cmsGetColorSpace(src) == cmsSigCmykData)
    xf = cmsCreateTransformTHR(ctx_, src, inverted_in ? TYPE_CMYK_8_REV : TYPE_CMYK_8, output_,
                               inverted_out ? TYPE_CMYK_8_REV : TYPE_CMYK_8, INTENT_PERCEPTUAL,
                               cmsFLAGS_BLACKPOINTCOMPENSATION | cmsFLAGS_NOCACHE);
  if (own) cmsCloseProfile(own);
  if (!xf)
    throw base::Error({}, "cannot build the CMYK → CMYK transform to re-separate a photo",
                      "check the output profile (--output-profile) and the photo's embedded ICC profile");
  transforms_.emplace(key, xf);
  return xf;
}

}  // namespace pdf
