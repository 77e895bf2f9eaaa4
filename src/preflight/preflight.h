#pragma once
// Preflight: checks a PDF against what a newspaper plant's preflight asks (docs/print.md
// "How we check it"): page boxes, PDF/X-4 identification in Info and XMP, one output
// intent with an embedded profile, embedded fonts with ToUnicode and no Type 3, no
// DeviceRGB anywhere, K-only overprinting black text, image resolution and total ink.
// Works on paperset's own output and on any PDF given to it.
#include <string>
#include <vector>

#include "base/diag.h"

namespace preflight {

struct Options {
  int ink_limit_percent = 240;  // total area coverage limit (docs/print.md "Colour")
  double warn_ppi = 200;        // effective resolution below this: warning …
  double error_ppi = 100;       // … below this: error (docs/print.md "Resolution")
  bool allow_low_resolution = false;  // "unless allowed": low-res errors become warnings
  // Decode CMYK images to measure their total ink. paperset's self-preflight turns it off:
  // its writer measured the very samples it wrote, and names the photo when it reports.
  bool measure_image_ink = true;
};

// Every finding (severity, stable code, message, page — 0 for the whole file), in the
// order: file, then pages in order. A PDF that cannot be parsed gives one error.
std::vector<base::Finding> check(const std::string& pdf_bytes, const Options& opt);

// One line per finding (base::format_finding), then "preflight: N errors, M warnings".
std::string format_text(const std::vector<base::Finding>& findings);
// {"file": …, "errors": N, "warnings": M, "findings": [{"severity", "code", "page", "message"}]}
std::string format_json(const std::vector<base::Finding>& findings, const std::string& file = {});

// Finding codes (stable; documented in docs/print.md).
namespace code {
inline constexpr const char* kUnreadable = "pdf-unreadable";
inline constexpr const char* kStructure = "pdf-structure";
inline constexpr const char* kTrimBox = "trimbox";
inline constexpr const char* kBleedBox = "bleedbox";
inline constexpr const char* kBoxNesting = "box-nesting";
inline constexpr const char* kPdfxInfo = "pdfx-info";
inline constexpr const char* kPdfxXmp = "pdfx-xmp";
inline constexpr const char* kPdfxMismatch = "pdfx-mismatch";
inline constexpr const char* kOutputIntent = "output-intent";
inline constexpr const char* kFontEmbed = "font-not-embedded";
inline constexpr const char* kFontUnicode = "font-no-tounicode";
inline constexpr const char* kFontType3 = "font-type3";
inline constexpr const char* kDeviceRgb = "device-rgb";
inline constexpr const char* kTextRgb = "text-rgb";
inline constexpr const char* kTextGray = "text-gray";
inline constexpr const char* kTextRichBlack = "text-rich-black";
inline constexpr const char* kBlackKnockout = "black-text-knockout";
inline constexpr const char* kResolution = "image-resolution";
inline constexpr const char* kInk = "ink-limit";
inline constexpr const char* kCmykJpegDecode = "cmyk-jpeg-decode";
}  // namespace code

}  // namespace preflight
