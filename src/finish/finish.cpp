// finish_pdf: cairo's PDF → a PDF/X-4 file a newspaper plant accepts (docs/print.md).
// The steps, in order: colour (contents, forms, patterns, shadings) → images → page
// groups, boxes, marks → Info/XMP and output intent → deterministic write.
#include "finish/finish.h"

#include <fcntl.h>
#include <unistd.h>

#include <qpdf/QPDFCryptoProvider.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <charconv>
#include <cstdio>

#include "finish/steps.h"
#include "image/image.h"

namespace finish {

// ---- numbers -------------------------------------------------------------------------

std::string pdf_num(double v, int decimals) {
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
  std::string s(buf, r.ptr);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s == "-0" ? "0" : s;
}

std::string pdf_len(Len l) {
  std::string s = l < 0 ? "-" : "";
  const Len a = l < 0 ? -l : l;
  s += std::to_string(a / 1000);
  if (a % 1000) {
    std::string frac = std::to_string(1000 + a % 1000).substr(1);
    while (frac.back() == '0') frac.pop_back();
    s += "." + frac;
  }
  return s;
}

std::string pdf_unit(int thousandths) { return pdf_len(thousandths); }

// ---- public helpers --------------------------------------------------------------------

namespace {

bool k_only(const frame::Cmyk& c) { return c.c == 0 && c.m == 0 && c.y == 0 && c.spot.empty(); }

bool black_only(const frame::Page& p) {
  for (const auto& r : p.of<frame::GlyphRun>())
    if (!k_only(r.color)) return false;
  for (const auto& r : p.of<frame::Rule>())
    if (!k_only(r.color)) return false;
  for (const auto& f : p.of<frame::Fill>())
    if (!k_only(f.color)) return false;
  for (const auto& t : p.of<frame::Tint>())
    if (!k_only(t.color)) return false;
  for (const auto& f : p.of<frame::Path>())
    if (!k_only(f.color)) return false;
  for (const auto& i : p.of<frame::Image>())
    if (image::probe(i.path, i.loc).color != image::ColorSpace::Gray) return false;
  return true;
}

}  // namespace

std::vector<PageBoxes> page_boxes(const frame::Document& doc) {
  std::vector<PageBoxes> out;
  for (const auto& p : doc.pages) out.push_back({p.trim_w, p.trim_h, p.bleed, p.marks, black_only(p)});
  return out;
}

void write_file_atomically(const std::filesystem::path& path, const std::string& bytes) {
  const auto tmp = path.parent_path() / ("." + path.filename().string() + ".part-" + std::to_string(::getpid()));
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  bool ok = fd >= 0;
  for (std::size_t done = 0; ok && done < bytes.size();) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    ok = n > 0;
    done += ok ? static_cast<std::size_t>(n) : 0;
  }
  ok = ok && ::fsync(fd) == 0;
  if (fd >= 0) ok = ::close(fd) == 0 && ok;
  std::error_code ec;
  if (ok) std::filesystem::rename(tmp, path, ec);
  if (!ok || ec) {
    std::filesystem::remove(tmp, ec);
    throw base::Error({path.string(), 0}, "cannot write '" + path.string() + "'",
                      "check that the folder exists, is writable and has space");
  }
}

// ---- the pipeline ----------------------------------------------------------------------

namespace {

// A digest of everything that determines the output, for the XMP document IDs.
std::string content_digest(const std::string& pdf, const Options& opt, const std::string& icc) {
  auto md5 = QPDFCryptoProvider::getImpl();
  md5->MD5_init();
  for (const std::string* s : {&pdf, &opt.title, &opt.date_iso, &opt.producer, &icc})
    md5->MD5_update(reinterpret_cast<unsigned char*>(const_cast<char*>(s->data())), s->size());
  md5->MD5_finalize();
  unsigned char d[16];
  md5->MD5_digest(d);
  std::string hex;
  char buf[3];
  for (unsigned char c : d) {
    std::snprintf(buf, sizeof buf, "%02x", c);
    hex += buf;
  }
  return hex;
}

void finish_colour(QPDF& pdf, std::vector<QPDFPageObjectHelper>& pages, const Options& opt,
                   const std::string& icc, base::Diagnostics& diag) {
  ColourRewrite cr(pdf, opt, diag);
  std::vector<ImageUse> images;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    cr.page = static_cast<int>(i) + 1;
    rewrite_page_contents(cr, pages[i]);
    walk_resources(cr, pages[i].getObjectHandle().getKey("/Resources"), images);
  }
  check_colour_rewrite(cr);
  fix_images(images, opt, icc, diag);
}

void finish_pages(QPDF& pdf, std::vector<QPDFPageObjectHelper>& pages, const Options& opt) {
  QPDFObjectHandle registration;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    fix_page_group(pages[i]);
    set_page_boxes(pdf, pages[i], opt.pages[i], static_cast<int>(i) + 1);
    add_marks(pdf, pages[i], opt.pages[i], registration);
  }
}

std::string write_pdf(QPDF& pdf) {
  QPDFWriter w(pdf);
  w.setOutputMemory();
  w.setDeterministicID(true);     // /ID from the content (docs/print.md "Deterministic")
  w.setMinimumPDFVersion("1.6");  // PDF/X-4 is built on PDF 1.6; cairo writes 1.5
  w.write();
  auto buf = w.getBufferSharedPointer();
  return std::string(reinterpret_cast<const char*>(buf->getBuffer()), buf->getSize());
}

void report_qpdf_warnings(QPDF& pdf, base::Diagnostics& diag) {
  for (const auto& w : pdf.getWarnings())
    diag.add({base::Severity::Info, "pdf-repair", std::string("qpdf: ") + w.what(), {}, {}, 0});
}

}  // namespace

std::string finish_pdf(const std::string& cairo_pdf, const Options& opt, base::Diagnostics& diag) {
  const OutputProfile profile = read_output_profile(opt.output_profile);
  QPDF pdf;
  pdf.setSuppressWarnings(true);  // library code never prints; warnings go to diag
  try {
    pdf.processMemoryFile("cairo PDF", cairo_pdf.data(), cairo_pdf.size());
    pdf.pushInheritedAttributesToPage();
    auto pages = QPDFPageDocumentHelper(pdf).getAllPages();
    if (pages.size() != opt.pages.size())
      throw base::Error({}, "the PDF has " + std::to_string(pages.size()) + " pages but finish was given boxes for " +
                                std::to_string(opt.pages.size()),
                        "pass finish::page_boxes(document) of the document that was rendered");
    finish_colour(pdf, pages, opt, profile.bytes, diag);
    finish_pages(pdf, pages, opt);
    set_pdfx_metadata(pdf, opt, content_digest(cairo_pdf, opt, profile.bytes));
    set_output_intent(pdf, opt, profile);
    std::string out = write_pdf(pdf);
    report_qpdf_warnings(pdf, diag);
    return out;
  } catch (const base::Error&) {
    throw;
  } catch (const std::exception& e) {  // QPDFExc and qpdf's logic errors on odd objects
    throw base::Error({}, std::string("cannot finish the PDF: ") + e.what(),
                      "this is a bug in paperset if the PDF came from render/; please report it");
  }
}

}  // namespace finish
