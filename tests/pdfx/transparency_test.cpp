// Transparency and the standards that forbid it (PDF/X-1a:2001, PDF/X-3:2002):
// * a file with transparency fails `preflight --pdfx 1a`, each use named by its object;
// * in a build, an element that would need transparency is an error naming the element's
//   file, line and id, and no PDF is written; what a 1-bit mask gives exactly (a hard-
//   edged PNG cut-out) is kept, and prints as the PDF/X-4 file's soft mask does;
// * a finding about something a photo's XObject holds names the photo, as the writer
//   names it (preflight::Options::element_of with pdf::placed).
#include <doctest/doctest.h>

#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include "pdf/fixture.h"
#include "pdfx/pdfx_helpers.h"
#include "preflight/preflight.h"

using namespace pdfxtest;

namespace {

const fs::path kFixture = test::source_root() / "tests/data/pdfx/transparent.pdf";

int count_of(const std::string& s, const std::string& what) {
  int n = 0;
  for (auto at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

// An issue on the broadsheet with one PNG photo of `png_args` (ImageMagick), id `id`.
fs::path png_issue(const fs::path& dir, const std::string& id, const std::string& png_args) {
  fs::create_directories(dir / "images");
  const auto r = test::run_shell("convert " + png_args + " " + quote(dir / "images" / (id + ".png")));
  REQUIRE_MESSAGE(r.exit_code == 0, r.out);
  spit(dir / "issue.xml",
       "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
       "<issue paper=\"武进日报\" date=\"2024-01-05\" layout=\"broadsheet\">\n"
       "  <page number=\"1\">\n"
       "    <article id=\"lead\" col=\"1\" cols=\"4\" row=\"1\" rows=\"20\">\n"
       "      <headline>擦亮金字招牌</headline>\n"
       "      <p>改革有力度，服务有温度。</p>\n"
       "    </article>\n"
       "    <photo id=\"" + id + "\" src=\"images/" + id + ".png\" col=\"5\" cols=\"2\" row=\"1\" rows=\"12\">\n"
       "      <caption>标志</caption>\n"
       "    </photo>\n"
       "  </page>\n"
       "</issue>\n");
  return dir / "issue.xml";
}

// A red disc and a blue bar on a transparent ground.
const char* const kHardPng =
    "-size 900x600 xc:none +antialias -fill '#c03020' -draw 'circle 450,300 450,40' "
    "-fill '#2050a0' -draw 'rectangle 60,60 300,540'";
// The same disc with anti-aliased edges: partly transparent pixels.
const char* const kSoftPng = "-size 900x600 xc:none -fill '#c03020' -draw 'circle 450,300 450,40'";

}  // namespace

TEST_CASE("a file with transparency fails --pdfx 1a preflight, each use named by its object") {
  const auto r = paperset_stdout("preflight --pdfx 1a " + quote(kFixture));
  INFO(r.out);
  CHECK(r.exit_code == 1);
  CHECK(count_of(r.out, "[transparency]") == 6);
  CHECK(r.out.find("page 1: the page has a transparency group (/Group /S /Transparency)") != std::string::npos);
  CHECK(std::regex_search(r.out, std::regex(R"(form /Fm1 \(object \d+\) is a transparency group)")));
  CHECK(std::regex_search(r.out, std::regex(R"(image /Im1 \(object \d+\) has a soft mask \(/SMask\))")));
  CHECK(std::regex_search(r.out, std::regex(R"(graphics state /GSa \(object \d+\) has opacity /ca 0.5)")));
  CHECK(std::regex_search(r.out, std::regex(R"(graphics state /GSa \(object \d+\) has opacity /CA 0.5)")));
  CHECK(std::regex_search(r.out, std::regex(R"(graphics state /GSa \(object \d+\) has blend mode /Multiply)")));
  CHECK(r.out.find("PDF/X-1a:2001 allows no transparency") != std::string::npos);
  CHECK(r.out.find("preflight: 6 errors, 0 warnings") != std::string::npos);  // nothing else is wrong with it
  CHECK(r.out.find("claims PDF/X-1a:2001 and does not meet it (6 errors)") != std::string::npos);
  // Without --pdfx it is checked against what it claims; PDF/X-4 allows transparency.
  CHECK(paperset_stdout("preflight " + quote(kFixture)).out == r.out);
  const auto four = paperset_stdout("preflight --pdfx 4 " + quote(kFixture));
  CHECK(four.out.find("[transparency]") == std::string::npos);
  CHECK(four.out.find("claims PDF/X-1a:2001; checked against PDF/X-4: does not meet it") != std::string::npos);
  const auto json = paperset_stdout("preflight --json --pdfx=1a " + quote(kFixture));
  CHECK(json.out.find("\"claims\": \"PDF/X-1a:2001\",\n  \"checked\": \"PDF/X-1a:2001\",\n  \"meets\": false") !=
        std::string::npos);
}

TEST_CASE("a PNG with soft transparency in a PDF/X-1a or X-3 build is an error naming the photo; X-4 keeps it") {
  const fs::path dir = scratch("pdfx-soft");
  const fs::path issue = png_issue(dir, "shadow", kSoftPng);
  for (const char* flag : {"1a", "3"}) {
    const auto r = paperset("build " + quote(issue) + " --pdfx " + flag + " -o " + quote(dir / "out.pdf"));
    INFO(r.out);
    CHECK(r.exit_code == 1);
    CHECK(r.out.find(issue.string() + ":8:5: error: page 1, 'shadow': photo 'shadow' (" +
                     (dir / "images/shadow.png").string() + ") has partly transparent pixels") != std::string::npos);
    CHECK(r.out.find(std::string(std::string(flag) == "1a" ? "PDF/X-1a:2001" : "PDF/X-3:2002") +
                     " allows no transparency [transparency]") != std::string::npos);
    CHECK(r.out.find("  fix: flatten the graphic onto its background") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "out.pdf"));
  }
  const auto four = paperset("build " + quote(issue) + " --pdfx 4 -o " + quote(dir / "out.pdf"));
  INFO(four.out);
  REQUIRE(four.exit_code == 0);
  CHECK_FALSE(scan(slurp(dir / "out.pdf")).transparency.empty());  // the soft mask, and the page group
}

TEST_CASE("a hard-edged PNG cut-out is a 1-bit mask in PDF/X-1a and prints as the X-4 soft mask does") {
  const fs::path dir = scratch("pdfx-hard");
  const fs::path issue = png_issue(dir, "logo", kHardPng);
  for (const char* flag : {"1a", "4"}) {
    const auto r = paperset("build " + quote(issue) + " --pdfx " + flag + " -o " + quote(dir / (std::string(flag) + ".pdf")));
    INFO(r.out);
    REQUIRE(r.exit_code == 0);
  }
  const std::string a = slurp(dir / "1a.pdf");
  CHECK(scan(a).transparency.empty());
  fx::Pdf pdf(a);
  auto xo = pdf.pages()[0].getObjectHandle().getKey("/Resources").getKey("/XObject");
  REQUIRE(xo.getKeys().size() == 1);
  auto mask = xo.getKey(*xo.getKeys().begin()).getDict().getKey("/Mask");
  REQUIRE(mask.isStream());
  CHECK(mask.getDict().getKey("/ImageMask").isBool());
  CHECK(fx::data(mask, qpdf_dl_all).size() == (900u + 7) / 8 * 600u);
  // Same pixels but for the mask's edge, where Ghostscript samples a 1-bit mask and an
  // 8-bit one differently: if the cut-out were lost, the whole transparent ground (black
  // samples under alpha 0) would differ.
  const auto pa = render(dir / "1a.pdf", 100), p4 = render(dir / "4.pdf", 100);
  REQUIRE(pa.size() == 1);
  REQUIRE(p4.size() == 1);
  const long differ = pa[0].differing(p4[0], 8);
  const long total = static_cast<long>(pa[0].width) * pa[0].height;
  INFO(differ << " of " << total << " pixels differ");
  CHECK(differ >= 0);
  CHECK(differ < total / 2000);
}

TEST_CASE("a finding inside a photo's XObject names the photo, its file and its line") {
  // An X-1a file of paperset's, then a soft mask put on its photo behind its back.
  frame::Document doc = fx::black_text_doc();
  doc.pages[0].add(fx::image(fx::photos().rgb_png, "chart", 100, 20, 14.4, 9.6));
  pdf::Options opt = fx::options(doc);
  opt.conformance = pdf::Conformance::x1a();
  auto built = fx::build(doc, opt);
  REQUIRE_FALSE(built->diag.has_errors());
  QPDF q;
  const std::string clean = built->file();
  q.processMemoryFile("x1a", clean.data(), clean.size());
  auto page = QPDFPageDocumentHelper(q).getAllPages().at(0);
  auto xo = page.getObjectHandle().getKey("/Resources").getKey("/XObject");
  REQUIRE(xo.hasKey("/Im0"));
  auto im = xo.getKey("/Im0");
  im.getDict().replaceKey("/SMask", im);  // any stream will do: preflight looks for the key
  QPDFWriter w(q);
  w.setOutputMemory();
  w.write();
  auto buf = w.getBufferSharedPointer();
  const std::string tampered(reinterpret_cast<const char*>(buf->getBuffer()), buf->getSize());

  preflight::Options po;
  po.standard = base::PdfX::X1a2001;
  po.element_of = [&](int file_page, const std::string& x) -> std::optional<preflight::Element> {
    const auto p = pdf::placed(built->doc, *built->res, static_cast<std::size_t>(file_page - 1), x);
    if (!p) return std::nullopt;
    return preflight::Element{p->id, p->what, p->loc};
  };
  const auto result = preflight::examine(tampered, po);
  CHECK_FALSE(result.meets());
  const base::Finding* f = nullptr;
  for (const auto& x : result.findings)
    if (x.code == "transparency") f = &x;
  REQUIRE(f);
  CHECK(f->article == "chart");
  CHECK(f->loc.file == "issue.xml");
  CHECK(f->loc.line == 40);
  CHECK(f->message.rfind("photo 'chart' (" + fx::photos().rgb_png.string() + "): image /Im0", 0) == 0);
  // Without the writer's names, the object is named as in any PDF.
  po.element_of = nullptr;
  for (const auto& x : preflight::examine(tampered, po).findings)
    if (x.code == "transparency") CHECK(x.message.rfind("image /Im0 (object ", 0) == 0);
  // And the clean file meets the standard.
  CHECK(preflight::examine(clean, po).meets());
}
