#include "pdf/icc_check.h"

#include <lcms2.h>

#include <cstdint>

namespace pdf {

namespace {

std::uint32_t be32(const std::string& s, std::size_t at) {
  std::uint32_t v = 0;
  for (std::size_t k = 0; k < 4; ++k) v = (v << 8) | static_cast<unsigned char>(s[at + k]);
  return v;
}

// ICC.1:2010 §7.2 (128-byte header) and §7.3 (tag count, then 12-byte entries).
std::optional<std::string> layout_problem(const std::string& icc) {
  if (icc.size() < 132) return "it is " + std::to_string(icc.size()) + " bytes, shorter than an ICC header";
  const std::uint64_t declared = be32(icc, 0);
  if (declared > icc.size())
    return "it is cut short: its header says " + std::to_string(declared) + " bytes, it has " +
           std::to_string(icc.size());
  if (icc.compare(36, 4, "acsp") != 0) return "it lacks the ICC signature 'acsp' (it is not an ICC profile)";
  const std::uint64_t tags = be32(icc, 128);
  if (132 + tags * 12 > declared) return "its tag table runs past the end of the profile";
  for (std::uint64_t t = 0; t < tags; ++t) {
    const std::size_t e = static_cast<std::size_t>(132 + t * 12);
    const std::uint64_t offset = be32(icc, e + 4), size = be32(icc, e + 8);
    if (offset + size > declared) return "tag '" + icc.substr(e, 4) + "' lies outside the profile (cut short?)";
  }
  return std::nullopt;
}

struct Handles {
  cmsContext ctx = cmsCreateContext(nullptr, nullptr);
  cmsHPROFILE p = nullptr, lab = nullptr;
  cmsHTRANSFORM xf = nullptr;
  ~Handles() {
    if (xf) cmsDeleteTransform(xf);
    if (p) cmsCloseProfile(p);
    if (lab) cmsCloseProfile(lab);
    if (ctx) cmsDeleteContext(ctx);
  }
};

}  // namespace

std::optional<std::string> icc_problem(const std::string& icc) {
  if (auto why = layout_problem(icc)) return why;
  Handles h;
  h.p = cmsOpenProfileFromMemTHR(h.ctx, icc.data(), static_cast<cmsUInt32Number>(icc.size()));
  if (!h.p) return std::string("lcms2 cannot read it");
  h.lab = cmsCreateLab4ProfileTHR(h.ctx, nullptr);
  const cmsUInt32Number fmt = cmsFormatterForColorspaceOfProfile(h.p, 2, FALSE);
  // An output (printer) profile is used from PCS to device, any other from device to PCS.
  // Building the transform reads every table it needs; NOOPTIMIZE spares resampling them
  // into one table (up to 17^4 evaluations, milliseconds before any photo can start),
  // which finds nothing more.
  const bool output = cmsGetDeviceClass(h.p) == cmsSigOutputClass;
  const cmsUInt32Number flags = cmsFLAGS_NOCACHE | cmsFLAGS_NOOPTIMIZE;
  if (h.lab && fmt)
    h.xf = output ? cmsCreateTransformTHR(h.ctx, h.lab, TYPE_Lab_16, h.p, fmt, INTENT_PERCEPTUAL, flags)
                  : cmsCreateTransformTHR(h.ctx, h.p, fmt, h.lab, TYPE_Lab_16, INTENT_PERCEPTUAL, flags);
  if (!h.xf) return std::string("lcms2 cannot build a colour transform with it (a table it needs is missing or damaged)");
  return std::nullopt;
}

}  // namespace pdf
