#pragma once
// The checks behind preflight::check (preflight.cpp reads like the list in docs/print.md).
// Internal to preflight/.
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "preflight/preflight.h"

namespace preflight {

// Findings, with repeats folded: the same (page, code, key) is one finding that counts.
class Report {
 public:
  void add(base::Severity sev, const char* code, int page, const std::string& key, std::string message);
  void error(const char* code, int page, const std::string& key, std::string message) {
    add(base::Severity::Error, code, page, key, std::move(message));
  }
  void warn(const char* code, int page, const std::string& key, std::string message) {
    add(base::Severity::Warning, code, page, key, std::move(message));
  }
  // A finding about something drawn through the page's XObject `via` ("/Im3"): with
  // Options::element_of it names the element that XObject was made for.
  void add_via(base::Severity sev, const char* code, int page, const std::string& via, const std::string& key,
               std::string message);
  // Another report's findings, after this one's, folded the same way.
  void merge(const Report& other);
  std::vector<base::Finding> findings(const Options& opt = {}) const;

 private:
  struct Entry {
    base::Finding finding;
    int count = 1;
    std::string via;
    std::string key;
  };
  void add_entry(Entry e);
  std::vector<Entry> entries_;
  std::map<std::tuple<int, std::string, std::string>, std::size_t> index_;
};

// ---- document level (doc_checks.cpp): Info, XMP, output intent, /ID ----
void check_document(QPDF& pdf, base::PdfX standard, Report& report);
std::string read_xmp(QPDF& pdf);
// The value of an XMP property ("pdfxid:GTS_PDFXVersion"), if the packet has it.
std::optional<std::string> xmp_value(const std::string& xmp, const std::string& prop);
std::string text_of(QPDFObjectHandle o);  // a string's UTF-8 or a name without its slash

// ---- which standard (standard.cpp) ----
// The PDF/X standard the file claims: Info's GTS_PDFXVersion (with GTS_PDFXConformance
// for PDF/X-1a:2001), else XMP's pdfxid:GTS_PDFXVersion; "" when none.
std::string claimed_standard(QPDF& pdf);
std::optional<base::PdfX> standard_named(const std::string& claimed);
// Info's (and, when XMP is present, XMP's) identification is that of `standard`.
void check_identification(QPDFObjectHandle info, const std::string& xmp, base::PdfX standard, Report& report);

// ---- what the standard forbids (pdfx_checks.cpp) ----
// The file's version and structure (xref and object streams), optional content.
void check_standard_document(QPDF& pdf, const std::string& bytes, base::PdfX standard, Report& report);
// Everything a page reaches: transparency, colour spaces, image filters and depth,
// optional content, transfer functions, PostScript and OPI; each named by the page's
// XObject it was reached through.
void check_standard_page(QPDFPageObjectHelper& page, int page_no, base::PdfX standard, Report& report,
                         std::set<QPDFObjGen>& seen);

// ---- page level (page_checks.cpp) ----
void check_boxes(QPDFPageObjectHelper& page, int page_no, Report& report);
// Fonts, colour spaces, images (colour space and ink), groups, shadings reachable from
// the page; tiling patterns and soft-mask groups are content-scanned from here.
void check_page_resources(QPDFPageObjectHelper& page, int page_no, const Options& opt, Report& report,
                          std::set<QPDFObjGen>& seen);

// ---- content streams (content_scan.cpp) ----
// Interprets the page's contents (and the forms it draws) for RGB colour operators,
// text colour and overprint, vector total ink and image effective resolution.
void scan_page_content(QPDFPageObjectHelper& page, int page_no, const Options& opt, Report& report);
// A tiling pattern or soft-mask group, scanned on its own (identity CTM).
void scan_stream(QPDFObjectHandle stream, int page_no, const Options& opt, Report& report);

// ---- shared helpers (page_checks.cpp) ----
bool is_name(QPDFObjectHandle o, const char* name);
// True for DeviceRGB itself or a space that falls back on it (Indexed base, Separation /
// DeviceN alternate, Pattern base); `resources` resolves named spaces.
bool uses_device_rgb(QPDFObjectHandle cs, QPDFObjectHandle resources, int depth = 0);
std::string object_name(QPDFObjectHandle o);  // "object 12" or "a direct object"

}  // namespace preflight
