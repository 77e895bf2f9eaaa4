// Which PDF/X standard a file claims, and whether its identification is that of the
// standard it is checked against:
// * PDF/X-1a:2001 (ISO 15930-1): Info /GTS_PDFXVersion (PDF/X-1:2001) and
//   /GTS_PDFXConformance (PDF/X-1a:2001);
// * PDF/X-3:2002 (ISO 15930-3): Info /GTS_PDFXVersion (PDF/X-3:2002);
// * PDF/X-4 (ISO 15930-7 §6.7): XMP pdfxid:GTS_PDFXVersion (PDF/X-4), which Info mirrors.
// XMP is optional in the first two; when present, its mirror of the Info keys (Adobe's
// pdfx: namespace) must say the same, and it must not claim PDF/X-4 (pdfxid:).
#include "preflight/checks.h"

namespace preflight {

namespace {

constexpr const char* kX1Version = "PDF/X-1:2001";

void info_is(QPDFObjectHandle info, const char* key, const std::string& want, base::PdfX standard, Report& r) {
  const std::string v = text_of(info.getKey(key));
  if (v == want) return;
  const std::string name = base::pdfx_name(standard);
  r.error(code::kPdfxInfo, 0, key,
          v.empty() ? "Info has no " + std::string(key) + " (" + name + " needs '" + want + "')"
                    : "Info " + std::string(key) + " is '" + v + "', not '" + want + "' (" + name + ")");
}

// An XMP mirror of an Info key that is present must agree with Info.
void mirror_agrees(const std::string& xmp, const char* prop, const std::string& info_value, Report& r) {
  const auto v = xmp_value(xmp, prop);
  if (v && *v != info_value)
    r.error(code::kPdfxMismatch, 0, prop,
            "Info and XMP disagree on " + std::string(prop) + ": '" + info_value + "' vs '" + *v + "'");
}

void check_x4(QPDFObjectHandle info, const std::string& xmp, Report& r) {
  const std::string v = text_of(info.getKey("/GTS_PDFXVersion"));
  if (v.rfind("PDF/X-4", 0) != 0)
    r.error(code::kPdfxInfo, 0, "version",
            v.empty() ? "Info has no /GTS_PDFXVersion (PDF/X-4 required)" : "Info /GTS_PDFXVersion is '" + v + "', not PDF/X-4");
  if (const std::string c = text_of(info.getKey("/GTS_PDFXConformance")); !c.empty())
    r.error(code::kPdfxInfo, 0, "conformance", "Info /GTS_PDFXConformance is '" + c + "': the file claims " + c + ", not PDF/X-4");
  if (xmp.empty()) return;  // reported as missing XMP
  const std::string x = xmp_value(xmp, "pdfxid:GTS_PDFXVersion").value_or("");
  if (x.rfind("PDF/X-4", 0) != 0) r.error(code::kPdfxXmp, 0, "version", "XMP has no pdfxid:GTS_PDFXVersion PDF/X-4");
  else if (!v.empty() && x != v)
    r.error(code::kPdfxMismatch, 0, "GTS_PDFXVersion",
            "Info and XMP disagree on GTS_PDFXVersion: '" + v + "' vs '" + x + "'");
}

void check_older(QPDFObjectHandle info, const std::string& xmp, base::PdfX standard, Report& r) {
  const bool x1a = standard == base::PdfX::X1a2001;
  const std::string version = x1a ? kX1Version : base::pdfx_name(standard);
  info_is(info, "/GTS_PDFXVersion", version, standard, r);
  const std::string c = text_of(info.getKey("/GTS_PDFXConformance"));
  if (x1a) info_is(info, "/GTS_PDFXConformance", base::pdfx_name(standard), standard, r);
  else if (!c.empty() && c != version)
    r.error(code::kPdfxInfo, 0, "/GTS_PDFXConformance",
            "Info /GTS_PDFXConformance is '" + c + "': the file claims " + c + ", not " + version);
  if (xmp.empty()) return;
  if (const auto id = xmp_value(xmp, "pdfxid:GTS_PDFXVersion"))
    r.error(code::kPdfxMismatch, 0, "pdfxid",
            "XMP claims " + *id + " (pdfxid:GTS_PDFXVersion), not " + base::pdfx_name(standard));
  mirror_agrees(xmp, "pdfx:GTS_PDFXVersion", text_of(info.getKey("/GTS_PDFXVersion")), r);
  if (!c.empty()) mirror_agrees(xmp, "pdfx:GTS_PDFXConformance", c, r);
}

}  // namespace

std::string claimed_standard(QPDF& pdf) {
  auto info = pdf.getTrailer().getKey("/Info");
  if (info.isDictionary()) {
    const std::string v = text_of(info.getKey("/GTS_PDFXVersion"));
    const std::string c = text_of(info.getKey("/GTS_PDFXConformance"));
    if (v == kX1Version && !c.empty()) return c;  // PDF/X-1a:2001 (or PDF/X-1:2001's other levels)
    if (!v.empty()) return v;
  }
  return xmp_value(read_xmp(pdf), "pdfxid:GTS_PDFXVersion").value_or("");
}

std::optional<base::PdfX> standard_named(const std::string& claimed) {
  for (base::PdfX x : {base::PdfX::X1a2001, base::PdfX::X3_2002, base::PdfX::X4})
    if (claimed == base::pdfx_name(x)) return x;
  return std::nullopt;
}

void check_identification(QPDFObjectHandle info, const std::string& xmp, base::PdfX standard, Report& r) {
  if (standard == base::PdfX::X4) check_x4(info, xmp, r);
  else check_older(info, xmp, standard, r);
}

}  // namespace preflight
