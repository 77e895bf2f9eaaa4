// preflight::check: the checks of docs/print.md "How we check it", file first, then pages.
#include "preflight/preflight.h"

#include <qpdf/QPDFPageDocumentHelper.hh>

#include "preflight/checks.h"

namespace preflight {

namespace {

void check_pages(QPDF& pdf, const Options& opt, Report& report) {
  std::set<QPDFObjGen> seen;  // resources shared between pages are checked once
  int n = 0;
  for (auto& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
    ++n;
    check_boxes(page, n, report);
    check_page_resources(page, n, opt, report, seen);
    try {
      scan_page_content(page, n, opt, report);
    } catch (const std::exception& e) {
      report.error(code::kStructure, n, "content", std::string("content stream cannot be read: ") + e.what());
    }
  }
  if (n == 0) report.error(code::kStructure, 0, "pages", "the PDF has no pages");
}

}  // namespace

std::vector<base::Finding> check(const std::string& pdf_bytes, const Options& opt) {
  Report report;
  QPDF pdf;
  pdf.setSuppressWarnings(true);  // library code never prints; warnings become findings
  try {
    pdf.processMemoryFile("preflight input", pdf_bytes.data(), pdf_bytes.size());
    check_document(pdf, report);
    check_pages(pdf, opt, report);
  } catch (const std::exception& e) {
    // Nothing else is worth saying about a file that is not a PDF; qpdf's recovery
    // warnings would only repeat it.
    Report unreadable;
    unreadable.error(code::kUnreadable, 0, "", std::string("the PDF cannot be read: ") + e.what());
    return unreadable.findings();
  }
  for (const auto& w : pdf.getWarnings())
    report.warn(code::kStructure, 0, w.what(), std::string("damaged PDF structure (repaired by the reader): ") + w.what());
  return report.findings();
}

}  // namespace preflight
