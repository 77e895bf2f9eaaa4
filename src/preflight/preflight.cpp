// preflight::examine: the checks of docs/print.md "How we check it", file first, then
// pages, against the standard asked for or the one the file claims.
#include "preflight/preflight.h"

#include <qpdf/QPDFPageDocumentHelper.hh>

#include <algorithm>
#include <exception>
#include <thread>

#include "preflight/checks.h"
#include "preflight/streams.h"

namespace preflight {

namespace {

// Content scans of every step-th page from `first`, each into its own report. qpdf
// objects are not shared between threads: each thread reads the file into a QPDF of its
// own (the calling thread uses the caller's).
void scan_pages(QPDF& pdf, std::size_t first, std::size_t step, const Options& opt, std::vector<Report>& out) {
  auto pages = QPDFPageDocumentHelper(pdf).getAllPages();
  for (std::size_t i = first; i < pages.size() && i < out.size(); i += step) {
    try {
      scan_page_content(pages[i], static_cast<int>(i) + 1, opt, out[i]);
    } catch (const std::exception& e) {
      out[i].error(code::kStructure, static_cast<int>(i) + 1, "content",
                   std::string("content stream cannot be read: ") + e.what());
    }
  }
}

// The content scans, the expensive part, on up to opt.jobs threads; the findings come
// out in page order whatever the number of threads.
std::vector<Report> scan_all(QPDF& main, const std::string& bytes, std::size_t n, const Options& opt) {
  std::vector<Report> out(n);
  const std::size_t jobs = std::max<std::size_t>(1, std::min<std::size_t>(n, opt.jobs > 0 ? opt.jobs : 1));
  std::vector<std::exception_ptr> errors(jobs);
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < jobs; ++t)
    pool.emplace_back([&, t] {
      try {
        QPDF pdf;
        pdf.setSuppressWarnings(true);
        pdf.processMemoryFile("preflight input", bytes.data(), bytes.size());
        scan_pages(pdf, t, jobs, opt, out);
      } catch (...) {
        errors[t] = std::current_exception();
      }
    });
  try {
    scan_pages(main, 0, jobs, opt, out);
  } catch (...) {
    errors[0] = std::current_exception();
  }
  for (auto& t : pool) t.join();
  for (auto& e : errors)
    if (e) std::rethrow_exception(e);
  return out;
}

void check_pages(QPDF& pdf, const std::string& bytes, const Options& opt, base::PdfX standard, Report& report) {
  std::set<QPDFObjGen> seen, seen_standard;  // resources shared between pages are checked once
  auto pages = QPDFPageDocumentHelper(pdf).getAllPages();
  std::vector<Report> contents = scan_all(pdf, bytes, pages.size(), opt);
  for (std::size_t i = 0; i < pages.size(); ++i) {
    const int n = static_cast<int>(i) + 1;
    check_boxes(pages[i], n, report);
    check_page_resources(pages[i], n, opt, report, seen);
    check_standard_page(pages[i], n, standard, report, seen_standard);
    report.merge(contents[i]);
  }
  if (pages.empty()) report.error(code::kStructure, 0, "pages", "the PDF has no pages");
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
    auto why = xref_streams_problem(pdf_bytes);
    if (!why) {
      pdf.processMemoryFile("preflight input", pdf_bytes.data(), pdf_bytes.size());
      why = object_streams_problem(pdf);
    }
    if (why) {
      Report over;
      over.error(code::kBudget, 0, "object streams", "the PDF is not checked: " + *why);
      result.findings = over.findings();
      return result;
    }
    result.claimed = claimed_standard(pdf);
    result.checked = opt.standard.value_or(standard_named(result.claimed).value_or(base::PdfX::X4));
    check_document(pdf, result.checked, report);
    check_standard_document(pdf, pdf_bytes, result.checked, report);
    check_pages(pdf, pdf_bytes, opt, result.checked, report);
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
