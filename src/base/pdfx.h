#pragma once
// The PDF/X standards paperset writes and checks (ISO 15930). The writer (pdf/) makes a
// file to one of them, preflight/ checks a file against one of them, and the layout
// (<print pdfx>) and the command line (--pdfx) choose; this is the one word they share.
#include <optional>
#include <string_view>

namespace base {

enum class PdfX {
  X1a2001,  // ISO 15930-1:2001: PDF 1.3, CMYK/grey/spot only, no transparency
  X3_2002,  // ISO 15930-3:2002: PDF 1.3, ICC-based colour allowed, no transparency
  X4,       // ISO 15930-7: PDF 1.6, ICC-based colour and live transparency (the default)
};

// What --pdfx and <print pdfx> take: "1a", "3", "4".
inline std::optional<PdfX> pdfx_from_flag(std::string_view s) {
  if (s == "1a") return PdfX::X1a2001;
  if (s == "3") return PdfX::X3_2002;
  if (s == "4") return PdfX::X4;
  return std::nullopt;
}

inline const char* pdfx_flag(PdfX x) {
  switch (x) {
    case PdfX::X1a2001: return "1a";
    case PdfX::X3_2002: return "3";
    case PdfX::X4: break;
  }
  return "4";
}

// The standard's name as people (and GTS_PDFXConformance / GTS_PDFXVersion) say it.
inline const char* pdfx_name(PdfX x) {
  switch (x) {
    case PdfX::X1a2001: return "PDF/X-1a:2001";
    case PdfX::X3_2002: return "PDF/X-3:2002";
    case PdfX::X4: break;
  }
  return "PDF/X-4";
}

}  // namespace base
