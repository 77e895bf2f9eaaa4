// Page-level checks: boxes (docs/print.md "Page boxes"; ISO 15930-7 §6.2.2), fonts (embedded,
// ToUnicode, no Type 3), DeviceRGB in any resource (docs/print.md "Colour": contents,
// XObjects, shadings, patterns, groups), total ink of CMYK images.
#include <algorithm>

#include "preflight/checks.h"
#include "preflight/ink.h"
#include "preflight/jpeg.h"
#include "preflight/streams.h"

namespace preflight {

bool is_name(QPDFObjectHandle o, const char* name) { return o.isName() && o.getName() == name; }

namespace {

bool is_dct(QPDFObjectHandle d) {
  auto f = d.getKey("/Filter");
  return is_name(f, "/DCTDecode") || (f.isArray() && f.getArrayNItems() == 1 && is_name(f.getArrayItem(0), "/DCTDecode"));
}

}  // namespace

std::string object_name(QPDFObjectHandle o) {
  return o.isIndirect() ? "object " + std::to_string(o.getObjectID()) : std::string("a direct object");
}

bool uses_device_rgb(QPDFObjectHandle cs, QPDFObjectHandle resources, int depth) {
  if (depth > 8) return false;
  if (is_name(cs, "/DeviceRGB") || is_name(cs, "/RGB")) return true;
  if (cs.isName() && resources.isDictionary() && resources.getKey("/ColorSpace").isDictionary()) {
    auto named = resources.getKey("/ColorSpace").getKey(cs.getName());
    return !named.isNull() && !named.isName() ? uses_device_rgb(named, QPDFObjectHandle(), depth + 1)
                                              : is_name(named, "/DeviceRGB");
  }
  if (!cs.isArray() || cs.getArrayNItems() < 2) return false;
  auto family = cs.getArrayItem(0);
  if (is_name(family, "/Indexed") || is_name(family, "/I") || is_name(family, "/Pattern"))
    return uses_device_rgb(cs.getArrayItem(1), resources, depth + 1);
  if (is_name(family, "/Separation") && cs.getArrayNItems() > 2)
    return uses_device_rgb(cs.getArrayItem(2), resources, depth + 1);
  if (is_name(family, "/DeviceN") && cs.getArrayNItems() > 2)
    return uses_device_rgb(cs.getArrayItem(2), resources, depth + 1);
  return false;
}

namespace {

struct Rect {
  double x0, y0, x1, y1;
  bool contains(const Rect& o) const {
    const double e = 0.01;  // pt: rounding in writers
    return o.x0 >= x0 - e && o.y0 >= y0 - e && o.x1 <= x1 + e && o.y1 <= y1 + e;
  }
};

Rect rect_of(QPDFObjectHandle a) {
  auto r = a.getArrayAsRectangle();
  return {std::min(r.llx, r.urx), std::min(r.lly, r.ury), std::max(r.llx, r.urx), std::max(r.lly, r.ury)};
}

bool is_box(QPDFObjectHandle a) { return a.isRectangle(); }

}  // namespace

void check_boxes(QPDFPageObjectHelper& page, int p, Report& r) {
  auto obj = page.getObjectHandle();
  auto media = page.getMediaBox();  // inherited through the page tree
  auto trim = obj.getKey("/TrimBox"), bleed = obj.getKey("/BleedBox");
  if (!is_box(trim)) r.error(code::kTrimBox, p, "", "page has no TrimBox (the trimmed newspaper size)");
  if (!is_box(bleed)) r.error(code::kBleedBox, p, "", "page has no BleedBox (trim + bleed)");
  if (!is_box(media)) {
    r.error(code::kBoxNesting, p, "media", "page has no valid MediaBox");
    return;
  }
  const Rect m = rect_of(media);
  if (is_box(bleed) && !m.contains(rect_of(bleed)))
    r.error(code::kBoxNesting, p, "bleed", "BleedBox extends outside the MediaBox");
  if (is_box(trim) && is_box(bleed) && !rect_of(bleed).contains(rect_of(trim)))
    r.error(code::kBoxNesting, p, "trim", "TrimBox extends outside the BleedBox");
  if (is_box(trim) && !m.contains(rect_of(trim)))
    r.error(code::kBoxNesting, p, "trim-media", "TrimBox extends outside the MediaBox");
}

namespace {

struct Walk {
  int page;
  const Options& opt;
  Report& r;
  std::set<QPDFObjGen>& seen;

  bool first(QPDFObjectHandle o) { return !o.isIndirect() || seen.insert(o.getObjGen()).second; }

  void rgb(QPDFObjectHandle cs, QPDFObjectHandle res, const std::string& where) {
    if (uses_device_rgb(cs, res)) r.error(code::kDeviceRgb, page, where, where + " uses DeviceRGB");
  }

  void font(const std::string& key, QPDFObjectHandle f);
  void image(QPDFObjectHandle img, QPDFObjectHandle res);
  void jpeg_decode(QPDFObjectHandle img);
  void image_ink(QPDFObjectHandle img);
  void form(QPDFObjectHandle form);
  void pattern(QPDFObjectHandle pat, QPDFObjectHandle res);
  void shading(QPDFObjectHandle sh, QPDFObjectHandle res);
  void resources(QPDFObjectHandle res);
};

void Walk::font(const std::string& key, QPDFObjectHandle f) {
  if (!f.isDictionary() || !first(f)) return;
  const std::string name = f.getKey("/BaseFont").isName() ? f.getKey("/BaseFont").getName().substr(1) : key;
  if (is_name(f.getKey("/Subtype"), "/Type3")) {
    r.error(code::kFontType3, page, name, "font " + name + " is a Type 3 font (not allowed for print)");
    return;
  }
  const bool type0 = is_name(f.getKey("/Subtype"), "/Type0");
  auto desc_font = type0 && f.getKey("/DescendantFonts").isArray() ? f.getKey("/DescendantFonts").getArrayItem(0) : f;
  auto fd = desc_font.isDictionary() ? desc_font.getKey("/FontDescriptor") : QPDFObjectHandle::newNull();
  const bool embedded = fd.isDictionary() && (fd.getKey("/FontFile").isStream() || fd.getKey("/FontFile2").isStream() ||
                                              fd.getKey("/FontFile3").isStream());
  if (!embedded) r.error(code::kFontEmbed, page, name, "font " + name + " is not embedded");
  if (!f.getKey("/ToUnicode").isStream()) {
    // A composite font's codes are glyph ids: without ToUnicode no text comes back.
    const std::string msg = "font " + name + " has no ToUnicode map (copy/paste and archive search fail)";
    if (type0) r.error(code::kFontUnicode, page, name, msg);
    else r.warn(code::kFontUnicode, page, name, msg);
  }
}

// The samples are measured as they are decoded (InkMeter), within the stream budget: an
// image too big for it, or one qpdf cannot decode (JPXDecode, damaged data), is an error
// — its ink unchecked is not a pass.
void Walk::image_ink(QPDFObjectHandle img) {
  if (!opt.measure_image_ink) return;
  auto d = img.getDict();
  auto cs = d.getKey("/ColorSpace");
  const bool cmyk = is_name(cs, "/DeviceCMYK") ||
                    (cs.isArray() && cs.getArrayNItems() > 1 && is_name(cs.getArrayItem(0), "/ICCBased") &&
                     cs.getArrayItem(1).getDict().getKey("/N").isInteger() &&
                     cs.getArrayItem(1).getDict().getKey("/N").getIntValue() == 4);
  if (!cmyk || !d.getKey("/BitsPerComponent").isInteger() || d.getKey("/BitsPerComponent").getIntValue() != 8) return;
  const std::string name = object_name(img);
  double w = d.getKey("/Width").isNumber() ? d.getKey("/Width").getNumericValue() : 0;
  double h = d.getKey("/Height").isNumber() ? d.getKey("/Height").getNumericValue() : 0;
  if (is_dct(d)) {  // the JPEG's own frame header is what the decoder allocates for
    auto raw = img.getRawStreamData();
    const JpegInfo info = scan_jpeg({reinterpret_cast<const char*>(raw->getBuffer()), raw->getSize()});
    w = std::max(w, static_cast<double>(info.width)), h = std::max(h, static_cast<double>(info.height));
  }
  const double bytes = std::max(w, 1.0) * std::max(h, 1.0) * 4;
  if (bytes > static_cast<double>(opt.stream_budget)) {
    r.error(code::kBudget, page, name,
            "image " + name + " is " + std::to_string(static_cast<long long>(w)) + " × " +
                std::to_string(static_cast<long long>(h)) + " CMYK pixels, more than preflight measures (" +
                budget_text(opt.stream_budget) + " of samples): its total ink is not checked");
    return;
  }
  auto decode = d.getKey("/Decode");
  const bool inverted = decode.isArray() && decode.getArrayNItems() == 8 && decode.getArrayItem(0).getNumericValue() == 1.0;
  InkMeter meter(inverted, opt.ink_limit_percent);
  std::uint64_t left = std::min<std::uint64_t>(opt.stream_budget, static_cast<std::uint64_t>(bytes) * 2 + 4096);
  const Decoded got = pipe_decoded(img, &meter, qpdf_dl_all, left);
  if (got != Decoded::Ok) {
    r.error(code::kBudget, page, name,
            "image " + name +
                (got == Decoded::OverBudget ? " decodes to more samples than its size says: its total ink is not checked"
                                            : " cannot be decoded (damaged, or a filter preflight does not decode, "
                                              "such as JPXDecode): its total ink is not checked"));
    return;
  }
  const InkStats st = meter.stats();
  if (st.over == 0) return;
  const std::string msg = "image " + name + " reaches " + std::to_string(static_cast<int>(st.max_percent + 0.5)) +
                          " % total ink; " + std::to_string(static_cast<int>(st.over_fraction() * 100 + 0.5)) +
                          " % of its pixels are over the " + std::to_string(opt.ink_limit_percent) + " % limit";
  // A few pixels over the limit are JPEG ringing, not a press problem (as pdf/ judges it).
  if (st.over_fraction() > 0.01) r.error(code::kInk, page, name, msg);
  else r.warn(code::kInk, page, name, msg);
}

// An Adobe (APP14) CMYK JPEG stores inverted samples; without /Decode [1 0 1 0 1 0 1 0]
// Ghostscript and poppler print it as a negative (docs/libraries.md §4).
void Walk::jpeg_decode(QPDFObjectHandle img) {
  auto d = img.getDict();
  if (!is_dct(d) || d.hasKey("/Decode")) return;
  auto raw = img.getRawStreamData();
  const JpegInfo info = scan_jpeg({reinterpret_cast<const char*>(raw->getBuffer()), raw->getSize()});
  if (info.adobe && info.components == 4)
    r.error(code::kCmykJpegDecode, page, object_name(img),
            "image " + object_name(img) + " is an Adobe CMYK JPEG without /Decode [1 0 1 0 1 0 1 0]: it prints as a negative");
}

void Walk::image(QPDFObjectHandle img, QPDFObjectHandle res) {
  if (!first(img)) return;
  auto d = img.getDict();
  rgb(d.getKey("/ColorSpace"), res, "image " + object_name(img));
  jpeg_decode(img);
  if (d.getKey("/SMask").isStream()) image(d.getKey("/SMask"), res);
  image_ink(img);
}

void Walk::form(QPDFObjectHandle x) {
  if (!first(x)) return;
  auto d = x.getDict();
  if (d.getKey("/Group").isDictionary())
    rgb(d.getKey("/Group").getKey("/CS"), d.getKey("/Resources"), "transparency group of form " + object_name(x));
  resources(d.getKey("/Resources"));  // its content is scanned where it is drawn (Do)
}

void Walk::shading(QPDFObjectHandle sh, QPDFObjectHandle res) {
  if (!first(sh)) return;
  auto d = sh.isStream() ? sh.getDict() : sh;
  if (d.isDictionary()) rgb(d.getKey("/ColorSpace"), res, "shading " + object_name(sh));
}

void Walk::pattern(QPDFObjectHandle pat, QPDFObjectHandle res) {
  if (!first(pat)) return;
  auto d = pat.isStream() ? pat.getDict() : pat;
  if (!d.isDictionary()) return;
  if (pat.isStream()) {  // tiling pattern: a content stream of its own
    resources(d.getKey("/Resources"));
    scan_stream(pat, page, opt, r);
  } else {
    shading(d.getKey("/Shading"), res);
  }
}

void Walk::resources(QPDFObjectHandle res) {
  if (!res.isDictionary()) return;
  auto each = [&](const char* cat, auto fn) {
    auto dict = res.getKey(cat);
    if (dict.isDictionary())
      for (const auto& k : dict.getKeys()) fn(k, dict.getKey(k));
  };
  each("/Font", [&](const std::string& k, QPDFObjectHandle f) { font(k, f); });
  each("/ColorSpace", [&](const std::string& k, QPDFObjectHandle cs) {
    if (uses_device_rgb(cs, QPDFObjectHandle())) r.error(code::kDeviceRgb, page, "cs" + k, "colour space " + k + " uses DeviceRGB");
  });
  each("/XObject", [&](const std::string&, QPDFObjectHandle x) {
    if (!x.isStream()) return;
    if (is_name(x.getDict().getKey("/Subtype"), "/Image")) image(x, res);
    if (is_name(x.getDict().getKey("/Subtype"), "/Form")) form(x);
  });
  each("/Pattern", [&](const std::string&, QPDFObjectHandle p) { pattern(p, res); });
  each("/Shading", [&](const std::string&, QPDFObjectHandle s) { shading(s, res); });
  each("/ExtGState", [&](const std::string&, QPDFObjectHandle gs) {
    auto smask = gs.isDictionary() ? gs.getKey("/SMask") : QPDFObjectHandle::newNull();
    if (smask.isDictionary() && smask.getKey("/G").isStream() && first(smask.getKey("/G"))) {
      auto g = smask.getKey("/G");
      if (g.getDict().getKey("/Group").isDictionary())
        rgb(g.getDict().getKey("/Group").getKey("/CS"), res, "soft-mask group " + object_name(g));
      resources(g.getDict().getKey("/Resources"));
      scan_stream(g, page, opt, r);
    }
  });
}

}  // namespace

void check_page_resources(QPDFPageObjectHelper& page, int p, const Options& opt, Report& r,
                          std::set<QPDFObjGen>& seen) {
  auto obj = page.getObjectHandle();
  Walk w{p, opt, r, seen};
  if (obj.getKey("/Group").isDictionary())
    w.rgb(obj.getKey("/Group").getKey("/CS"), obj.getKey("/Resources"), "the page transparency group");
  w.resources(page.getAttribute("/Resources", false));
}

}  // namespace preflight
