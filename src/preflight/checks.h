#pragma once
// The checks behind preflight::check (preflight.cpp reads like the list in docs/print.md).
// Internal to preflight/.
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <map>
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
  std::vector<base::Finding> findings() const;

 private:
  struct Entry {
    base::Finding finding;
    int count = 1;
  };
  std::vector<Entry> entries_;
  std::map<std::tuple<int, std::string, std::string>, std::size_t> index_;
};

// ---- document level (doc_checks.cpp): Info, XMP, output intent, /ID ----
void check_document(QPDF& pdf, Report& report);

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
