#include "pdf/icc_check.h"

#include <lcms2.h>

#include <cstdint>

#include "base/icc_layout.h"

namespace pdf {

namespace {

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
  if (auto why = base::icc_layout_problem(icc)) return why;
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
