// Images (docs/print.md "Colour", photos; docs/libraries.md §4):
// * grey and CMYK JPEG bytes pass through untouched; Adobe (APP14) CMYK JPEGs store
//   inverted samples and get /Decode [1 0 1 0 1 0 1 0];
// * RGB images (DeviceRGB, CalRGB, ICCBased RGB, Indexed on RGB) are converted with lcms2
//   to the output profile: JPEGs are re-encoded as Adobe CMYK JPEG (quality 92),
//   others stored as Flate CMYK (docs/print.md says why we convert, not tag);
// * /Interpolate is removed (ISO 15930-7: interpolation is the RIP's choice, not ours);
// * CMYK images whose total ink passes the limit are reported.
#include <lcms2.h>
#include <qpdf/Pl_DCT.hh>
#include <qpdf/Pl_String.hh>

#include <memory>

#include "finish/steps.h"
#include "preflight/ink.h"
#include "preflight/jpeg.h"

namespace finish {

namespace {

constexpr int kJpegQuality = 92;

bool is_name(QPDFObjectHandle o, const char* n) { return o.isName() && o.getName() == n; }

std::string object_label(QPDFObjectHandle img) {
  auto d = img.getDict();
  return "image (object " + std::to_string(img.getObjectID()) + ", " +
         std::to_string(d.getKey("/Width").isInteger() ? d.getKey("/Width").getIntValue() : 0) + "×" +
         std::to_string(d.getKey("/Height").isInteger() ? d.getKey("/Height").getIntValue() : 0) + " px)";
}

std::string stream_bytes(QPDFObjectHandle s, qpdf_stream_decode_level_e level) {
  auto buf = level == qpdf_dl_none ? s.getRawStreamData() : s.getStreamData(level);
  return std::string(reinterpret_cast<const char*>(buf->getBuffer()), buf->getSize());
}

bool is_dct(QPDFObjectHandle dict) {
  auto f = dict.getKey("/Filter");
  if (is_name(f, "/DCTDecode")) return true;
  return f.isArray() && f.getArrayNItems() == 1 && is_name(f.getArrayItem(0), "/DCTDecode");
}

bool is_jpx(QPDFObjectHandle dict) {
  auto f = dict.getKey("/Filter");
  return is_name(f, "/JPXDecode") || (f.isArray() && f.getArrayNItems() > 0 && is_name(f.getArrayItem(0), "/JPXDecode"));
}

// libjpeg's quality scaling of the ITU-T T.81 Annex K tables (IJG jcparam.c), done on
// the tables jpeg_set_defaults allocated: Pl_DCT only hands us the compress struct.
class JpegQuality : public Pl_DCT::CompressConfig {
 public:
  void apply(jpeg_compress_struct* cinfo) override {
    static const unsigned kLuma[64] = {
        16, 11, 10, 16, 24,  40,  51,  61,  12, 12, 14, 19, 26,  58,  60,  55,
        14, 13, 16, 24, 40,  57,  69,  56,  14, 17, 22, 29, 51,  87,  80,  62,
        18, 22, 37, 56, 68,  109, 103, 77,  24, 35, 55, 64, 81,  104, 113, 92,
        49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99};
    const unsigned scale = kJpegQuality < 50 ? 5000 / kJpegQuality : 200 - 2 * kJpegQuality;
    // Colour space CMYK: all four components use table 0 (jpeg_set_colorspace).
    for (int t = 0; t < 2; ++t) {
      JQUANT_TBL* tbl = cinfo->quant_tbl_ptrs[t];
      if (!tbl) continue;
      for (int i = 0; i < 64; ++i) {
        unsigned v = (kLuma[i] * scale + 50) / 100;
        tbl->quantval[i] = static_cast<UINT16>(v < 1 ? 1 : v > 255 ? 255 : v);
      }
    }
  }
};

// lcms2 objects released in scope.
struct Lcms {
  cmsContext ctx = cmsCreateContext(nullptr, nullptr);
  cmsHPROFILE src = nullptr, dst = nullptr;
  cmsHTRANSFORM xf = nullptr;
  ~Lcms() {
    if (xf) cmsDeleteTransform(xf);
    if (src) cmsCloseProfile(src);
    if (dst) cmsCloseProfile(dst);
    if (ctx) cmsDeleteContext(ctx);
  }
};

// The profile the RGB samples are in: an ICCBased stream, the JPEG's own APP2 profile
// (what the photographer meant; a PDF reader would ignore it), or sRGB for untagged RGB.
cmsHPROFILE source_profile(Lcms& l, QPDFObjectHandle cs, const std::string& jpeg_icc) {
  if (cs.isArray() && cs.getArrayNItems() > 1 && is_name(cs.getArrayItem(0), "/ICCBased")) {
    const std::string icc = stream_bytes(cs.getArrayItem(1), qpdf_dl_generalized);
    return cmsOpenProfileFromMemTHR(l.ctx, icc.data(), static_cast<cmsUInt32Number>(icc.size()));
  }
  if (!jpeg_icc.empty()) {
    cmsHPROFILE p = cmsOpenProfileFromMemTHR(l.ctx, jpeg_icc.data(), static_cast<cmsUInt32Number>(jpeg_icc.size()));
    if (p && cmsGetColorSpace(p) == cmsSigRgbData) return p;
    if (p) cmsCloseProfile(p);
  }
  return cmsCreate_sRGBProfileTHR(l.ctx);
}

// RGB → CMYK through the output profile, perceptual (the profile's perceptual table is
// gamut-mapped from sRGB, data/icc/README.md). `inverted`: Adobe-style samples.
std::string to_cmyk(const std::string& rgb, QPDFObjectHandle cs, const std::string& jpeg_icc,
                    const std::string& output_icc, bool inverted) {
  Lcms l;
  l.src = source_profile(l, cs, jpeg_icc);
  l.dst = cmsOpenProfileFromMemTHR(l.ctx, output_icc.data(), static_cast<cmsUInt32Number>(output_icc.size()));
  if (l.src && l.dst)
    l.xf = cmsCreateTransformTHR(l.ctx, l.src, TYPE_RGB_8, l.dst, inverted ? TYPE_CMYK_8_REV : TYPE_CMYK_8,
                                 INTENT_PERCEPTUAL, cmsFLAGS_BLACKPOINTCOMPENSATION);
  if (!l.xf)
    throw base::Error({}, "cannot build the RGB → CMYK colour transform for an image",
                      "check the output profile and the image's embedded ICC profile");
  const std::size_t n = rgb.size() / 3;
  std::string out(n * 4, '\0');
  cmsDoTransform(l.xf, rgb.data(), out.data(), static_cast<cmsUInt32Number>(n));
  return out;
}

std::string encode_cmyk_jpeg(const std::string& cmyk, int w, int h) {
  std::string out;
  Pl_String sink("cmyk jpeg", nullptr, out);
  JpegQuality quality;
  Pl_DCT dct("cmyk jpeg", &sink, static_cast<JDIMENSION>(w), static_cast<JDIMENSION>(h), 4, JCS_CMYK, &quality);
  dct.write(reinterpret_cast<const unsigned char*>(cmyk.data()), cmyk.size());
  dct.finish();
  return out;
}

void report_ink(QPDFObjectHandle img, const preflight::InkStats& st, const Options& opt, int page,
                base::Diagnostics& diag) {
  if (st.over == 0) return;
  const std::string msg = object_label(img) + " reaches " + pdf_num(st.max_percent, 0) + " % total ink; " +
                          pdf_num(st.over_fraction() * 100.0, 2) + " % of its pixels are over the " +
                          std::to_string(opt.ink_limit_percent) + " % limit";
  // A few pixels over the limit are JPEG ringing, not a press problem: warn below 1 %.
  if (st.over_fraction() > 0.01)
    diag.error("ink-limit", msg, {}, {}, page);
  else
    diag.warn("ink-limit", msg, {}, {}, page);
}

void convert_rgb(QPDFObjectHandle img, const Options& opt, const std::string& output_icc, int page,
                 base::Diagnostics& diag) {
  auto d = img.getDict();
  const int w = static_cast<int>(d.getKey("/Width").getIntValue());
  const int h = static_cast<int>(d.getKey("/Height").getIntValue());
  if (!d.getKey("/BitsPerComponent").isInteger() || d.getKey("/BitsPerComponent").getIntValue() != 8 ||
      d.hasKey("/Decode"))
    throw base::Error({}, "page " + std::to_string(page) + ": " + object_label(img) +
                              " is RGB with an unusual sample format (not 8 bits, or with /Decode)",
                      "supply the photo as an 8-bit JPEG or PNG");
  const bool dct = is_dct(d);
  const std::string jpeg_icc = dct ? preflight::scan_jpeg(stream_bytes(img, qpdf_dl_none)).icc : std::string();
  const std::string rgb = stream_bytes(img, qpdf_dl_all);
  if (rgb.size() < static_cast<std::size_t>(w) * h * 3)
    throw base::Error({}, "page " + std::to_string(page) + ": " + object_label(img) + " has too few samples",
                      "re-export the image");
  const std::string cmyk =
      to_cmyk(rgb.substr(0, static_cast<std::size_t>(w) * h * 3), d.getKey("/ColorSpace"), jpeg_icc, output_icc, dct);
  report_ink(img, preflight::cmyk_ink(cmyk, dct, opt.ink_limit_percent), opt, page, diag);
  if (dct) {
    img.replaceStreamData(encode_cmyk_jpeg(cmyk, w, h), QPDFObjectHandle::newName("/DCTDecode"),
                          QPDFObjectHandle::newNull());
    d.replaceKey("/Decode", QPDFObjectHandle::parse("[1 0 1 0 1 0 1 0]"));
  } else {
    img.replaceStreamData(cmyk, QPDFObjectHandle::newNull(), QPDFObjectHandle::newNull());
  }
  d.replaceKey("/ColorSpace", QPDFObjectHandle::newName("/DeviceCMYK"));
}

// [/Indexed base hival lookup] on RGB: only the lookup table changes.
void convert_indexed(QPDFObjectHandle img, QPDFObjectHandle cs, const std::string& output_icc) {
  auto lookup = cs.getArrayItem(3);
  const std::string rgb = lookup.isStream() ? stream_bytes(lookup, qpdf_dl_generalized) : lookup.getStringValue();
  const long long n = cs.getArrayItem(2).getIntValue() + 1;
  const std::string cmyk =
      to_cmyk(rgb.substr(0, static_cast<std::size_t>(n) * 3), cs.getArrayItem(1), std::string(), output_icc, false);
  auto out = QPDFObjectHandle::newArray();
  out.appendItem(QPDFObjectHandle::newName("/Indexed"));
  out.appendItem(QPDFObjectHandle::newName("/DeviceCMYK"));
  out.appendItem(cs.getArrayItem(2));
  out.appendItem(QPDFObjectHandle::newString(cmyk));
  img.getDict().replaceKey("/ColorSpace", out);
}

bool is_rgb(QPDFObjectHandle cs) {
  if (is_name(cs, "/DeviceRGB")) return true;
  if (!cs.isArray() || cs.getArrayNItems() < 2) return false;
  if (is_name(cs.getArrayItem(0), "/CalRGB")) return true;
  if (!is_name(cs.getArrayItem(0), "/ICCBased")) return false;
  auto n = cs.getArrayItem(1).getDict().getKey("/N");
  return n.isInteger() && n.getIntValue() == 3;
}

bool is_cmyk(QPDFObjectHandle cs) {
  if (is_name(cs, "/DeviceCMYK")) return true;
  if (!cs.isArray() || cs.getArrayNItems() < 2 || !is_name(cs.getArrayItem(0), "/ICCBased")) return false;
  auto n = cs.getArrayItem(1).getDict().getKey("/N");
  return n.isInteger() && n.getIntValue() == 4;
}

void fix_cmyk(QPDFObjectHandle img, const Options& opt, int page, base::Diagnostics& diag) {
  auto d = img.getDict();
  bool inverted = false;
  if (is_dct(d)) {
    const auto info = preflight::scan_jpeg(stream_bytes(img, qpdf_dl_none));
    if (info.adobe && !d.hasKey("/Decode")) d.replaceKey("/Decode", QPDFObjectHandle::parse("[1 0 1 0 1 0 1 0]"));
  }
  auto decode = d.getKey("/Decode");
  inverted = decode.isArray() && decode.getArrayNItems() == 8 && decode.getArrayItem(0).getNumericValue() == 1.0;
  if (!d.getKey("/BitsPerComponent").isInteger() || d.getKey("/BitsPerComponent").getIntValue() != 8) return;
  report_ink(img, preflight::cmyk_ink(stream_bytes(img, qpdf_dl_all), inverted, opt.ink_limit_percent), opt, page,
             diag);
}

void fix_image(QPDFObjectHandle img, const Options& opt, const std::string& output_icc, int page,
               base::Diagnostics& diag) {
  auto d = img.getDict();
  d.removeKey("/Interpolate");
  if (d.getKey("/SMask").isStream()) d.getKey("/SMask").getDict().removeKey("/Interpolate");
  auto cs = d.getKey("/ColorSpace");
  if (is_jpx(d) && (cs.isNull() || is_rgb(cs)))
    throw base::Error({}, "page " + std::to_string(page) + ": " + object_label(img) +
                              " is JPEG 2000 in RGB or an unstated colour space; it cannot be converted",
                      "supply the photo as JPEG (grey or CMYK) or PNG");
  if (is_rgb(cs)) {
    convert_rgb(img, opt, output_icc, page, diag);
  } else if (cs.isArray() && cs.getArrayNItems() == 4 && is_name(cs.getArrayItem(0), "/Indexed") &&
             is_rgb(cs.getArrayItem(1))) {
    convert_indexed(img, cs, output_icc);
  } else if (is_cmyk(cs)) {
    fix_cmyk(img, opt, page, diag);
  }
}

}  // namespace

void fix_images(const std::vector<ImageUse>& images, const Options& opt, const std::string& output_icc,
                base::Diagnostics& diag) {
  for (const auto& use : images) fix_image(use.image, opt, output_icc, use.page, diag);
}

}  // namespace finish
