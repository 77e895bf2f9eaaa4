// What each PDF/X standard forbids, in the file and in everything a page reaches
// (docs/print.md "PDF/X-1a, X-3 and X-4"):
// * PDF/X-1a:2001 and PDF/X-3:2002 are PDF 1.3 (ISO 15930-1, ISO 15930-3): version 1.3 at
//   most; no transparency (soft masks, constant opacity below 1, blend modes other than
//   Normal and Compatible, transparency groups, all PDF 1.4); none of the later PDF's
//   features (JBIG2 images, PDF 1.4; JPEG 2000 images, 16-bit samples, optional content,
//   object and cross-reference streams, PDF 1.5; OpenType font programs, PDF 1.6).
// * PDF/X-1a:2001 also allows only DeviceCMYK, DeviceGray, Separation and DeviceN colour
//   (ISO 15930-1): no ICCBased, Lab, CalRGB or CalGray. (DeviceRGB is refused for every
//   standard, by page_checks.cpp and content_scan.cpp.)
// * PDF/X-4 is PDF 1.6 at most (ISO 15930-7).
// * No PDF/X allows transfer functions, PostScript XObjects, OPI or alternate images for
//   printing.
// A finding names the object, and the page's XObject it was reached through, which
// Options::element_of turns into the element's id, file and line.
#include <cstdlib>

#include "preflight/checks.h"

namespace preflight {

namespace {

using Obj = QPDFObjectHandle;

struct Rules {
  base::PdfX standard;
  bool pdf13() const { return standard != base::PdfX::X4; }
  bool transparency() const { return standard == base::PdfX::X4; }
  bool device_colour_only() const { return standard == base::PdfX::X1a2001; }
  std::string name() const { return base::pdfx_name(standard); }
};

// "image /Im3 (object 12)".
std::string describe(const std::string& kind, const std::string& key, Obj o) {
  return kind + " " + key + (o.isIndirect() ? " (" + object_name(o) + ")" : std::string());
}

double number(Obj o, double fallback) { return o.isNumber() ? o.getNumericValue() : fallback; }

class StandardWalk {
 public:
  StandardWalk(Rules rules, int page, Report& r, std::set<QPDFObjGen>& seen)
      : rules_(rules), page_(page), r_(r), seen_(seen) {}
  void page(QPDFPageObjectHelper& p);

 private:
  bool first(Obj o) { return !o.isIndirect() || seen_.insert(o.getObjGen()).second; }
  void error(const char* code, const std::string& key, const std::string& message) {
    r_.add_via(base::Severity::Error, code, page_, via_, key, message);
  }
  void no_transparency(const std::string& what, const std::string& how) {
    error(code::kTransparency, what + how, what + " " + how + "; " + rules_.name() + " allows no transparency");
  }
  void newer_pdf(const std::string& what, const std::string& how) {
    error(code::kPdfFeature, what + how, what + " " + how + ", which " + rules_.name() + " (PDF 1.3) does not have");
  }
  void resources(Obj res);
  void xobject(const std::string& key, Obj x);
  void image(const std::string& what, Obj img);
  void form(const std::string& what, Obj form);
  void ext_gstate(const std::string& what, Obj gs);
  void colour_space(const std::string& what, Obj cs, int depth = 0);
  void font(const std::string& what, Obj f);
  void shading(const std::string& what, Obj sh);
  void pattern(const std::string& what, Obj pat);

  Rules rules_;
  int page_;
  Report& r_;
  std::set<QPDFObjGen>& seen_;
  std::string via_;  // the page's XObject being walked ("/Im3"), "" at page level
};

void StandardWalk::page(QPDFPageObjectHelper& p) {
  Obj obj = p.getObjectHandle();
  Obj group = obj.getKey("/Group");
  if (!rules_.transparency() && group.isDictionary() && is_name(group.getKey("/S"), "/Transparency"))
    no_transparency("the page", "has a transparency group (/Group /S /Transparency)");
  resources(p.getAttribute("/Resources", false));
}

void StandardWalk::resources(Obj res) {
  if (!res.isDictionary()) return;
  auto each = [&](const char* cat, auto fn) {
    Obj dict = res.getKey(cat);
    if (dict.isDictionary())
      for (const auto& k : dict.getKeys()) fn(k, dict.getKey(k));
  };
  each("/XObject", [&](const std::string& k, Obj x) { xobject(k, x); });
  each("/ExtGState", [&](const std::string& k, Obj gs) { ext_gstate(describe("graphics state", k, gs), gs); });
  each("/ColorSpace", [&](const std::string& k, Obj cs) {
    if (first(cs)) colour_space(describe("colour space", k, cs), cs);
  });
  each("/Font", [&](const std::string& k, Obj f) { font(describe("font", k, f), f); });
  each("/Shading", [&](const std::string& k, Obj sh) { shading(describe("shading", k, sh), sh); });
  each("/Pattern", [&](const std::string& k, Obj p) { pattern(describe("pattern", k, p), p); });
}

void StandardWalk::xobject(const std::string& key, Obj x) {
  if (!x.isStream() || !first(x)) return;
  const std::string saved = via_;
  if (via_.empty()) via_ = key;  // named by the page's XObject, however deep
  Obj subtype = x.getDict().getKey("/Subtype");
  if (is_name(subtype, "/Image")) image(describe("image", key, x), x);
  else if (is_name(subtype, "/Form")) form(describe("form", key, x), x);
  else if (is_name(subtype, "/PS"))
    error(code::kPdfxForbidden, key, describe("XObject", key, x) + " is PostScript, which no PDF/X allows");
  via_ = saved;
}

void StandardWalk::image(const std::string& what, Obj img) {
  Obj d = img.getDict();
  if (!rules_.transparency()) {
    if (d.getKey("/SMask").isStream()) no_transparency(what, "has a soft mask (/SMask)");
    if (number(d.getKey("/SMaskInData"), 0) != 0) no_transparency(what, "has a soft mask in its JPEG 2000 data");
  }
  Obj f = d.getKey("/Filter");
  for (int i = 0, n = f.isArray() ? f.getArrayNItems() : 1; i < n; ++i) {
    Obj one = f.isArray() ? f.getArrayItem(i) : f;
    if (rules_.pdf13() && is_name(one, "/JPXDecode")) newer_pdf(what, "is JPEG 2000 (JPXDecode, PDF 1.5)");
    if (rules_.pdf13() && is_name(one, "/JBIG2Decode")) newer_pdf(what, "is JBIG2 (JBIG2Decode, PDF 1.4)");
  }
  if (rules_.pdf13() && number(d.getKey("/BitsPerComponent"), 8) == 16) newer_pdf(what, "has 16-bit samples (PDF 1.5)");
  if (rules_.pdf13() && d.hasKey("/OC")) newer_pdf(what, "is optional content (/OC, PDF 1.5)");
  if (d.hasKey("/OPI"))
    error(code::kPdfxForbidden, what + "opi", what + " is an OPI stand-in for a photo the file does not hold");
  Obj alts = d.getKey("/Alternates");
  for (int i = 0; alts.isArray() && i < alts.getArrayNItems(); ++i) {
    Obj a = alts.getArrayItem(i);
    if (a.isDictionary() && a.getKey("/DefaultForPrinting").isBool() && a.getKey("/DefaultForPrinting").getBoolValue())
      error(code::kPdfxForbidden, what + "alt", what + " has an alternate image for printing, which no PDF/X allows");
  }
  colour_space(what, d.getKey("/ColorSpace"));
}

void StandardWalk::form(const std::string& what, Obj x) {
  Obj d = x.getDict();
  Obj group = d.getKey("/Group");
  if (!rules_.transparency() && group.isDictionary() && is_name(group.getKey("/S"), "/Transparency"))
    no_transparency(what, "is a transparency group (/Group /S /Transparency)");
  if (rules_.pdf13() && d.hasKey("/OC")) newer_pdf(what, "is optional content (/OC, PDF 1.5)");
  if (d.hasKey("/OPI")) error(code::kPdfxForbidden, what + "opi", what + " is an OPI stand-in, which no PDF/X allows");
  if (is_name(d.getKey("/Subtype2"), "/PS"))
    error(code::kPdfxForbidden, what + "ps", what + " is PostScript, which no PDF/X allows");
  resources(d.getKey("/Resources"));
}

// ISO 32000-1 Table 58. Transfer functions: none in any PDF/X (TR2 /Default means none).
void StandardWalk::ext_gstate(const std::string& what, Obj gs) {
  if (!gs.isDictionary() || !first(gs)) return;
  if (!rules_.transparency()) {
    Obj smask = gs.getKey("/SMask");
    if (!smask.isNull() && !is_name(smask, "/None")) no_transparency(what, "has a soft mask (/SMask)");
    for (const char* k : {"/CA", "/ca"})
      if (number(gs.getKey(k), 1) < 1)
        no_transparency(what, "has opacity " + std::string(k) + " " + gs.getKey(k).unparse());
    Obj bm = gs.getKey("/BM");
    for (int i = 0, n = bm.isArray() ? bm.getArrayNItems() : bm.isNull() ? 0 : 1; i < n; ++i) {
      Obj one = bm.isArray() ? bm.getArrayItem(i) : bm;
      if (!is_name(one, "/Normal") && !is_name(one, "/Compatible"))
        no_transparency(what, "has blend mode " + one.unparse());
    }
  }
  Obj tr = gs.getKey("/TR"), tr2 = gs.getKey("/TR2");
  if ((!tr.isNull() && !is_name(tr, "/Identity")) || (!tr2.isNull() && !is_name(tr2, "/Default")))
    error(code::kPdfxForbidden, what + "tr", what + " sets a transfer function, which no PDF/X allows");
}

// PDF/X-1a: device CMYK and grey, and the spot spaces over them (ISO 15930-1).
void StandardWalk::colour_space(const std::string& what, Obj cs, int depth) {
  if (!rules_.device_colour_only() || !cs.isArray() || cs.getArrayNItems() < 1 || depth > 8) return;
  Obj family = cs.getArrayItem(0);
  const int n = cs.getArrayNItems();
  if (is_name(family, "/ICCBased") || is_name(family, "/Lab") || is_name(family, "/CalRGB") ||
      is_name(family, "/CalGray")) {
    error(code::kColourSpace, what + family.getName(),
          what + " uses " + family.getName().substr(1) + " colour; " + rules_.name() +
              " allows only DeviceCMYK, DeviceGray, Separation and DeviceN");
  } else if ((is_name(family, "/Separation") || is_name(family, "/DeviceN")) && n > 2) {
    colour_space(what, cs.getArrayItem(2), depth + 1);
  } else if ((is_name(family, "/Indexed") || is_name(family, "/I") || is_name(family, "/Pattern")) && n > 1) {
    colour_space(what, cs.getArrayItem(1), depth + 1);
  }
}

void StandardWalk::font(const std::string& what, Obj f) {
  if (!f.isDictionary() || !first(f)) return;
  Obj kids = f.getKey("/DescendantFonts");
  Obj desc = kids.isArray() && kids.getArrayNItems() > 0 ? kids.getArrayItem(0) : f;
  Obj fd = desc.isDictionary() ? desc.getKey("/FontDescriptor") : Obj::newNull();
  Obj file3 = fd.isDictionary() ? fd.getKey("/FontFile3") : Obj::newNull();
  if (rules_.pdf13() && file3.isStream() && is_name(file3.getDict().getKey("/Subtype"), "/OpenType"))
    newer_pdf(what, "embeds an OpenType font program (FontFile3 /OpenType, PDF 1.6)");
  resources(f.getKey("/Resources"));  // a Type 3 font's glyphs
}

void StandardWalk::shading(const std::string& what, Obj sh) {
  if (!first(sh)) return;
  Obj d = sh.isStream() ? sh.getDict() : sh;
  if (d.isDictionary()) colour_space(what, d.getKey("/ColorSpace"));
}

void StandardWalk::pattern(const std::string& what, Obj pat) {
  if (!first(pat)) return;
  if (pat.isStream()) {  // tiling: a content stream with resources of its own
    resources(pat.getDict().getKey("/Resources"));
  } else if (pat.isDictionary()) {
    shading(what, pat.getKey("/Shading"));
    ext_gstate(what, pat.getKey("/ExtGState"));
  }
}

int version_number(const std::string& v) {  // "1.3" → 13
  const std::size_t dot = v.find('.');
  if (dot == std::string::npos) return 0;
  return std::atoi(v.substr(0, dot).c_str()) * 10 + std::atoi(v.substr(dot + 1).c_str());
}

// The classic cross-reference table starts with "xref" where startxref points (ISO
// 32000-1 §7.5.4); a cross-reference stream (§7.5.8, PDF 1.5) is an object there.
bool xref_stream(const std::string& bytes) {
  const std::size_t at = bytes.rfind("startxref");
  if (at == std::string::npos) return false;
  const unsigned long long offset = std::strtoull(bytes.c_str() + at + 9, nullptr, 10);
  return offset < bytes.size() && bytes.compare(static_cast<std::size_t>(offset), 4, "xref") != 0;
}

}  // namespace

void check_standard_document(QPDF& pdf, const std::string& bytes, base::PdfX standard, Report& r) {
  const Rules rules{standard};
  std::string version = pdf.getPDFVersion();
  Obj cat_version = pdf.getRoot().getKey("/Version");  // a later version in the catalog wins (§7.7.2)
  if (cat_version.isName() && version_number(cat_version.getName().substr(1)) > version_number(version))
    version = cat_version.getName().substr(1);
  const char* limit = rules.pdf13() ? "1.3" : "1.6";
  if (version_number(version) > version_number(limit))
    r.error(code::kPdfVersion, 0, "version",
            "the file is PDF " + version + "; " + rules.name() + " files are PDF " + limit + " at most");
  if (!rules.pdf13()) return;
  if (xref_stream(bytes))
    r.error(code::kPdfFeature, 0, "xref", "the file has a cross-reference stream (PDF 1.5), which " + rules.name() +
                                              " (PDF 1.3) does not have");
  for (const auto& [og, entry] : pdf.getXRefTable())
    if (entry.getType() == 2) {
      r.error(code::kPdfFeature, 0, "objstm",
              "the file keeps objects in compressed object streams (PDF 1.5), which " + rules.name() +
                  " (PDF 1.3) does not have");
      break;
    }
  if (pdf.getRoot().hasKey("/OCProperties"))
    r.error(code::kPdfFeature, 0, "oc",
            "the file has optional content (/OCProperties, PDF 1.5), which " + rules.name() + " (PDF 1.3) does not have");
}

void check_standard_page(QPDFPageObjectHelper& page, int page_no, base::PdfX standard, Report& report,
                         std::set<QPDFObjGen>& seen) {
  StandardWalk(Rules{standard}, page_no, report, seen).page(page);
}

}  // namespace preflight
