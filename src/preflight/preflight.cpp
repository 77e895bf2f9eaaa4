// preflight::examine: the checks of docs/print.md "How we check it", file first, then
// pages, against the standard asked for or the one the file claims.
#include "preflight/preflight.h"

#include <qpdf/QPDFPageDocumentHelper.hh>

#include "preflight/checks.h"

namespace preflight {

namespace {

void check_pages(QPDF& pdf, const Options& opt, base::PdfX standard, Report& report) {
  std::set<QPDFObjGen> seen, seen_standard;  // resources shared between pages are checked once
  int n = 0;
  for (auto& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
    ++n;
    check_boxes(page, n, report);
    check_page_resources(page, n, opt, report, seen);
    check_standard_page(page, n, standard, report, seen_standard);
    try {
      scan_page_content(page, n, opt, report);
    } catch (const std::exception& e) {
      report.error(code::kStructure, n, "content", std::string("content stream cannot be read: ") + e.what());
    }
  }
  if (n == 0) report.error(code::kStructure, 0, "pages", "the PDF has no pages");
}

}  // namespace

bool Result::meets() const {
  for (const auto& f : findings)
    if (f.severity == base::Severity::Error) return false;
  return true;
}

Result examine(const std::string& pdf_bytes, const Options& opt) {
  Result result;
  Report report;
  QPDF pdf;
  pdf.setSuppressWarnings(true);  // library code never prints; warnings become findings
  try {
    pdf.processMemoryFile("preflight input", pdf_bytes.data(), pdf_bytes.size());
    result.claimed = claimed_standard(pdf);
    result.checked = opt.standard.value_or(standard_named(result.claimed).value_or(base::PdfX::X4));
    check_document(pdf, result.checked, report);
    check_standard_document(pdf, pdf_bytes, result.checked, report);
    check_pages(pdf, opt, result.checked, report);
  } catch (const std::exception& e) {
    // Nothing else is worth saying about a file that is not a PDF; qpdf's recovery
    // warnings would only repeat it.
    Report unreadable;
    unreadable.error(code::kUnreadable, 0, "", std::string("the PDF cannot be read: ") + e.what());
    result.findings = unreadable.findings();
    return result;
  }
  for (const auto& w : pdf.getWarnings())
    report.warn(code::kStructure, 0, w.what(), std::string("damaged PDF structure (repaired by the reader): ") + w.what());
  result.findings = report.findings(opt);
  return result;
}

std::vector<base::Finding> check(const std::string& pdf_bytes, const Options& opt) {
  return examine(pdf_bytes, opt).findings;
}

std::string verdict(const Result& r) {
  const std::string checked = base::pdfx_name(r.checked);
  int n = 0;
  for (const auto& f : r.findings) n += f.severity == base::Severity::Error ? 1 : 0;
  const std::string outcome = r.meets() ? "meets it" : "does not meet it (" + std::to_string(n) + (n == 1 ? " error)" : " errors)");
  if (r.claimed == checked) return "claims " + checked + " and " + outcome;
  const std::string claim = r.claimed.empty() ? "claims no PDF/X standard" : "claims " + r.claimed;
  return claim + "; checked against " + checked + ": " + outcome;
}

}  // namespace preflight
