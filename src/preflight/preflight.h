#pragma once
// Preflight: checks a PDF against what a newspaper plant's preflight asks (docs/print.md
// "How we check it"): page boxes, PDF/X identification in Info and XMP (PDF/X-1a:2001,
// 2002 or X-4, and what that standard forbids), one output
// intent with an embedded profile, embedded fonts with ToUnicode and no Type 3, no
// DeviceRGB anywhere, K-only overprinting black text, image resolution and total ink.
// Works on paperset's own output and on any PDF given to it.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "base/diag.h"
#include "base/pdfx.h"

namespace preflight {

// The element of a document that an XObject of a page was made for, as its maker knows
// it (paperset's writer: a photo's id, "photo 'lead' (images/a.png)", its file and line).
struct Element {
  std::string id;
  std::string what;
  base::Loc loc;
};

struct Options {
  int ink_limit_percent = 240;  // total area coverage limit (docs/print.md "Colour")
  double warn_ppi = 200;        // effective resolution below this: warning …
  double error_ppi = 100;       // … below this: error (docs/print.md "Resolution")
  bool allow_low_resolution = false;  // "unless allowed": low-res errors become warnings
  // Decode CMYK images to measure their total ink. paperset's self-preflight turns it off:
  // its writer measured the very samples it wrote, and names the photo when it reports.
  bool measure_image_ink = true;
  // The PDF/X standard to check against (docs/print.md "PDF/X-1a, X-3 and X-4"); unset:
  // the one the file claims, or PDF/X-4 when it claims none that paperset checks.
  std::optional<base::PdfX> standard;
  // Names the element behind XObject `xobject` ("/Im3") of page `page` (1-based, in the
  // file): a finding about something drawn through it then gives the element's id, file
  // and line. Unset (any PDF), findings name the XObject and its object number.
  std::function<std::optional<Element>(int page, const std::string& xobject)> element_of;
  int jobs = 1;  // threads scanning page contents (each reads the file on its own)
  // Budgets (docs/print.md "Budgets"): the decoded content one page's check may
  // interpret — its content streams and each form every time it is drawn — and what one
  // image, profile or metadata stream may decode to. What does not fit is a budget error
  // (not checked, so not passed), never hours or gigabytes.
  std::uint64_t content_budget = 32u << 20;
  std::uint64_t stream_budget = 256u << 20;
};

// What preflight says about a file: its findings, which standard it claims and which one
// it was checked against; it meets that standard when no finding is an error.
struct Result {
  std::vector<base::Finding> findings;
  std::string claimed;  // "PDF/X-1a:2001", "PDF/X-4", "PDF/X-1a:2003" …; "" when it claims none
  base::PdfX checked = base::PdfX::X4;
  bool meets() const;
};

Result examine(const std::string& pdf_bytes, const Options& opt);

// Every finding (severity, stable code, message, page — 0 for the whole file), in the
// order: file, then pages in order. A PDF that cannot be parsed gives one error.
std::vector<base::Finding> check(const std::string& pdf_bytes, const Options& opt);

// One line per finding (base::format_finding), then "preflight: N errors, M warnings".
std::string format_text(const std::vector<base::Finding>& findings);
// The same, then the verdict: "preflight: FILE claims PDF/X-1a:2001 and meets it".
std::string format_text(const Result& result, const std::string& file);
// {"file": …, "errors": N, "warnings": M, "findings": [{"severity", "code", "page", "message"}]}
std::string format_json(const std::vector<base::Finding>& findings, const std::string& file = {});
// The same with "claims", "checked" and "meets" after "file".
std::string format_json(const Result& result, const std::string& file);
// "claims PDF/X-1a:2001 and meets it", "claims PDF/X-4; checked against PDF/X-1a:2001:
// does not meet it (3 errors)", "claims no PDF/X standard; …".
std::string verdict(const Result& result);

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
// Something preflight could not check within its budgets, or could not decode: an error.
inline constexpr const char* kBudget = "preflight-budget";
// What one PDF/X standard forbids (pdfx_checks.cpp).
inline constexpr const char* kPdfVersion = "pdf-version";
inline constexpr const char* kPdfFeature = "pdf-feature";
inline constexpr const char* kTransparency = "transparency";
inline constexpr const char* kColourSpace = "colour-space";
inline constexpr const char* kPdfxForbidden = "pdfx-forbidden";
}  // namespace code

}  // namespace preflight
