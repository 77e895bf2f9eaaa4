// Which standard: the layout's <print pdfx> and --pdfx choose what a build writes;
// preflight tells which standard a file claims and checks it against that one or the one
// asked for — identification, version and structure, colour spaces, later-PDF features —
// and PDF/X-1a's colour rule is applied to every object of the file (conform_colour).
#include <doctest/doctest.h>

#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include "pdf/conform.h"
#include "pdf/fixture.h"
#include "pdfx/pdfx_helpers.h"
#include "preflight/preflight.h"

using namespace pdfxtest;

namespace {

using Obj = QPDFObjectHandle;

std::string x_file(const pdf::Conformance& c) {
  const frame::Document doc = fx::black_text_doc();
  pdf::Options opt = fx::options(doc);
  opt.conformance = c;
  return fx::build(doc, opt)->file();
}

// `bytes` opened, changed by `edit` (on the QPDF and its first page), and written again.
template <class F>
std::string edited(const std::string& bytes, F edit, bool object_streams = false) {
  QPDF q;
  q.setSuppressWarnings(true);
  q.processMemoryFile("edit", bytes.data(), bytes.size());
  edit(q, QPDFPageDocumentHelper(q).getAllPages().at(0).getObjectHandle());
  QPDFWriter w(q);
  w.setOutputMemory();
  w.setObjectStreamMode(object_streams ? qpdf_o_generate : qpdf_o_preserve);
  w.write();
  auto buf = w.getBufferSharedPointer();
  return std::string(reinterpret_cast<const char*>(buf->getBuffer()), buf->getSize());
}

preflight::Result check_as(const std::string& bytes, base::PdfX x) {
  preflight::Options o;
  o.standard = x;
  return preflight::examine(bytes, o);
}

std::vector<std::string> codes(const preflight::Result& r) {
  std::vector<std::string> out;
  for (const auto& f : r.findings) out.push_back(f.code + ": " + f.message);
  return out;
}

int count(const preflight::Result& r, const std::string& code) {
  int n = 0;
  for (const auto& f : r.findings) n += f.code == code ? 1 : 0;
  return n;
}

Obj icc_space(QPDF& q, int n) {
  Obj s = Obj::newStream(&q, std::string(128, '\0'));
  s.getDict().replaceKey("/N", Obj::newInteger(n));
  Obj a = Obj::newArray();
  a.appendItem(Obj::newName("/ICCBased"));
  a.appendItem(s);
  return a;
}

Obj colour_spaces(Obj page) {
  Obj res = page.getKey("/Resources");
  if (!res.getKey("/ColorSpace").isDictionary()) res.replaceKey("/ColorSpace", Obj::newDictionary());
  return res.getKey("/ColorSpace");
}

}  // namespace

TEST_CASE("paperset's own files: each meets the standard it was written to, and no other") {
  const std::string files[] = {x_file(pdf::Conformance::x1a()), x_file(pdf::Conformance::x3()),
                               x_file(pdf::Conformance::x4())};
  const base::PdfX standards[] = {base::PdfX::X1a2001, base::PdfX::X3_2002, base::PdfX::X4};
  for (int i = 0; i < 3; ++i) {
    const auto claimed = preflight::examine(files[i], {});
    INFO(base::pdfx_name(standards[i]) << "\n" << preflight::format_text(claimed.findings));
    CHECK(claimed.claimed == base::pdfx_name(standards[i]));
    CHECK(claimed.checked == standards[i]);
    CHECK(claimed.meets());
    CHECK(claimed.findings.empty());
    for (int j = 0; j < 3; ++j)
      if (j != i) CHECK_FALSE(check_as(files[i], standards[j]).meets());
  }
  // Info and XMP say the same in the older standards too (XMP mirrors the Info keys).
  CHECK(files[0].find("<pdfx:GTS_PDFXConformance>PDF/X-1a:2001</pdfx:GTS_PDFXConformance>") != std::string::npos);
  CHECK(files[0].find("pdfxid:") == std::string::npos);
}

TEST_CASE("preflight: a file that claims no standard is checked against PDF/X-4 and says so") {
  const auto r = preflight::examine(fx::slurp(test::source_root() / "tests/data/pdf/mixed.pdf"), {});
  CHECK(r.claimed.empty());
  CHECK(r.checked == base::PdfX::X4);
  CHECK(preflight::verdict(r).rfind("claims no PDF/X standard; checked against PDF/X-4: does not meet it (", 0) == 0);
}

TEST_CASE("preflight: identification that disagrees with the standard, or with itself") {
  const std::string x3 = x_file(pdf::Conformance::x3());
  const std::string with_conformance = edited(x3, [](QPDF& q, Obj) {
    q.getTrailer().getKey("/Info").replaceKey("/GTS_PDFXConformance", Obj::newString("PDF/X-1a:2001"));
  });
  const auto r = check_as(with_conformance, base::PdfX::X3_2002);
  INFO(join(codes(r)));
  CHECK(count(r, "pdfx-info") == 1);
  CHECK(count(r, "pdfx-mismatch") == 0);  // the XMP mirror has no conformance key to disagree with
  // An XMP mirror that says another version (same length: the packet is stored raw).
  std::string x1a = x_file(pdf::Conformance::x1a());
  const auto at = x1a.find("<pdfx:GTS_PDFXVersion>PDF/X-1:2001<");
  REQUIRE(at != std::string::npos);
  x1a.replace(at + 22, 12, "PDF/X-3:2002");
  const auto m = check_as(x1a, base::PdfX::X1a2001);
  INFO(join(codes(m)));
  CHECK(count(m, "pdfx-mismatch") == 1);
}

TEST_CASE("preflight: the registered condition without its profile is enough for X-1a and X-3, not X-4") {
  const std::string fixture = fx::slurp(test::source_root() / "tests/data/pdfx/transparent.pdf");
  CHECK(count(check_as(fixture, base::PdfX::X1a2001), "output-intent") == 0);
  CHECK(count(check_as(fixture, base::PdfX::X4), "output-intent") == 1);
}

TEST_CASE("preflight: ICC-based, Lab and Cal colour fail PDF/X-1a, not X-3 or X-4") {
  const std::string x3 = x_file(pdf::Conformance::x3());
  const std::string coloured = edited(x3, [](QPDF& q, Obj page) {
    Obj cs = colour_spaces(page);
    cs.replaceKey("/CSicc", q.makeIndirectObject(icc_space(q, 4)));
    cs.replaceKey("/CSlab", Obj::parse("[/Lab << /WhitePoint [0.9505 1 1.089] >>]"));
    Obj spot = Obj::parse("[/Separation /Gold null << /FunctionType 2 /Domain [0 1] /C0 [0] /C1 [1] /N 1 >>]");
    spot.setArrayItem(2, icc_space(q, 1));  // a spot colour with an ICC-based alternate
    cs.replaceKey("/CSspot", spot);
  });
  const auto a = check_as(coloured, base::PdfX::X1a2001);
  INFO(join(codes(a)));
  CHECK(count(a, "colour-space") == 3);
  CHECK(a.findings.size() == 3 + 2);  // and the identification of X-3 is not that of X-1a
  CHECK(check_as(coloured, base::PdfX::X3_2002).meets());
}

TEST_CASE("pdf: for PDF/X-1a, ICC-based CMYK and grey become device colour with their numbers; RGB stays") {
  QPDF q;
  q.emptyPDF();
  Obj page = q.makeIndirectObject(Obj::parse("<< /Type /Page /MediaBox [0 0 10 10] /Resources << >> >>"));
  QPDFPageDocumentHelper(q).addPage(QPDFPageObjectHelper(page), false);
  Obj cs = colour_spaces(page);
  cs.replaceKey("/C", icc_space(q, 4));
  cs.replaceKey("/G", q.makeIndirectObject(icc_space(q, 1)));
  cs.replaceKey("/R", icc_space(q, 3));
  cs.replaceKey("/DefaultCMYK", icc_space(q, 4));
  Obj spot = Obj::parse("[/Separation /Gold null << /FunctionType 2 /Domain [0 1] /C0 [0 0 0 0] /C1 [0 0.2 1 0] /N 1 >>]");
  spot.setArrayItem(2, icc_space(q, 4));
  cs.replaceKey("/S", spot);
  pdf::conform_colour(q, pdf::Conformance::x3());  // X-3 allows ICC colour: nothing changes
  CHECK(cs.getKey("/C").isArray());
  pdf::conform_colour(q, pdf::Conformance::x1a());
  CHECK(cs.getKey("/C").unparse() == "/DeviceCMYK");
  CHECK(cs.getKey("/G").unparse() == "/DeviceGray");
  CHECK(cs.getKey("/R").isArray());  // no numbers to keep: preflight reports it
  CHECK_FALSE(cs.hasKey("/DefaultCMYK"));
  CHECK(cs.getKey("/S").getArrayItem(2).unparse() == "/DeviceCMYK");
}

TEST_CASE("preflight: what PDF 1.3 does not have fails PDF/X-1a and X-3; X-4 allows it up to PDF 1.6") {
  const std::string x1a = x_file(pdf::Conformance::x1a());
  // Object and cross-reference streams (qpdf writes them as PDF 1.5).
  const auto streams = check_as(edited(x1a, [](QPDF&, Obj) {}, true), base::PdfX::X1a2001);
  INFO(join(codes(streams)));
  CHECK(count(streams, "pdf-version") == 1);
  CHECK(count(streams, "pdf-feature") == 2);
  // A JPEG 2000 image with 16-bit samples that is optional content; a transfer function;
  // optional content in the catalog.
  const std::string later = edited(x1a, [](QPDF& q, Obj page) {
    Obj img = Obj::newStream(&q, std::string(16, '\0'));
    img.getDict().replaceKey("/Subtype", Obj::newName("/Image"));
    img.getDict().replaceKey("/Filter", Obj::newName("/JPXDecode"));
    img.getDict().replaceKey("/BitsPerComponent", Obj::newInteger(16));
    img.getDict().replaceKey("/OC", Obj::newDictionary());
    Obj res = page.getKey("/Resources");
    res.replaceKey("/XObject", Obj::newDictionary());
    res.getKey("/XObject").replaceKey("/Jp", img);
    res.replaceKey("/ExtGState", Obj::parse("<< /GStr << /TR /Default >> >>"));
    q.getRoot().replaceKey("/OCProperties", Obj::newDictionary());
  });
  const auto a = check_as(later, base::PdfX::X1a2001);
  INFO(join(codes(a)));
  CHECK(count(a, "pdf-feature") == 4);  // JPX, 16-bit, /OC, /OCProperties
  CHECK(count(a, "pdfx-forbidden") == 1);  // the transfer function
  const auto four = check_as(later, base::PdfX::X4);
  CHECK(count(four, "pdf-feature") == 0);
  CHECK(count(four, "pdfx-forbidden") == 1);  // no PDF/X allows transfer functions
  // A PDF 1.7 file is past PDF/X-4's PDF 1.6.
  const std::string x4 = x_file(pdf::Conformance::x4());
  const auto seven = check_as(edited(x4, [](QPDF& q, Obj) { q.getRoot().replaceKey("/Version", Obj::newName("/1.7")); }),
                              base::PdfX::X4);
  CHECK(count(seven, "pdf-version") == 1);
}

TEST_CASE("the layout names the plant's standard; --pdfx overrides it; bad values are errors") {
  const fs::path dir = scratch("pdfx-layout");
  std::string layout = slurp(test::source_root() / "layouts/broadsheet.xml");
  const auto print = layout.find("<print ink-limit=\"240\"/>");
  REQUIRE(print != std::string::npos);
  const std::string issue = slurp(test::source_root() / "samples/wujin-2024-01-05.xml");
  auto with_layout = [&](const std::string& print_element) {
    std::string l = layout;
    l.replace(print, std::string("<print ink-limit=\"240\"/>").size(), print_element);
    spit(dir / "plant.xml", l);
    std::string i = issue;
    i.replace(i.find("layout=\"broadsheet\""), 19, "layout=\"plant.xml\"");
    fs::copy(test::source_root() / "samples/images", dir / "images",
             fs::copy_options::recursive | fs::copy_options::skip_existing);
    spit(dir / "issue.xml", i);
    return dir / "issue.xml";
  };
  const fs::path plant = with_layout("<print pdfx=\"1a\"/>");
  REQUIRE(paperset("build " + quote(plant) + " -o " + quote(dir / "a.pdf")).exit_code == 0);
  CHECK(paperset_stdout("preflight " + quote(dir / "a.pdf")).out.find("claims PDF/X-1a:2001 and meets it") !=
        std::string::npos);
  REQUIRE(paperset("build " + quote(plant) + " --pdfx=4 -o " + quote(dir / "b.pdf")).exit_code == 0);
  CHECK(paperset_stdout("preflight " + quote(dir / "b.pdf")).out.find("claims PDF/X-4 and meets it") !=
        std::string::npos);
  const auto usage = paperset("build " + quote(plant) + " --pdfx 2 -o " + quote(dir / "c.pdf"));
  CHECK(usage.exit_code == 2);
  CHECK(usage.out.find("--pdfx takes 1a (PDF/X-1a:2001), 3 (PDF/X-3:2002) or 4 (PDF/X-4), got '2'") != std::string::npos);
  CHECK(paperset("preflight --pdfx x4 " + quote(dir / "a.pdf")).exit_code == 2);
  const fs::path bad = with_layout("<print pdfx=\"1b\"/>");
  const auto input = paperset("build " + quote(bad) + " -o " + quote(dir / "d.pdf"));
  INFO(input.out);
  CHECK(input.exit_code == 1);
  CHECK(input.out.find((dir / "plant.xml").string() + ":") != std::string::npos);
  CHECK(input.out.find("pdfx=\"1b\" of <print> is not one of: 1a, 3, 4") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "d.pdf"));
}

TEST_CASE("--split --pdfx 1a: every page file is PDF/X-1a:2001") {
  const fs::path dir = scratch("pdfx-split");
  const auto r = paperset("build " + quote(test::source_root() / "samples/city-tabloid.xml") +
                          " --split --pdfx 1a -o " + quote((dir / "pages").string() + "/"));
  INFO(r.out);
  REQUIRE(r.exit_code == 0);
  int n = 0;
  for (const auto& e : fs::directory_iterator(dir / "pages")) {
    ++n;
    CHECK(slurp(e.path()).rfind("%PDF-1.3", 0) == 0);
    CHECK(paperset_stdout("preflight " + quote(e.path())).out.find("claims PDF/X-1a:2001 and meets it") !=
          std::string::npos);
  }
  CHECK(n == 4);
}
