// finish::finish_pdf on fixture PDFs that cairo 1.16 wrote (tests/data/pdf/README.md).
#include <doctest/doctest.h>

#include <functional>
#include <sstream>

#include "finish/fixtures.h"
#include "finish/inspect.h"

namespace {

std::string finished(const std::string& fixture, const frame::Document& doc, base::Diagnostics* diag_out = nullptr) {
  base::Diagnostics diag;
  std::string out = finish::finish_pdf(fx::pdf(fixture), fx::options(doc), diag);
  if (diag_out) *diag_out = diag;
  return out;
}

std::vector<double> box(QPDFPageObjectHelper& p, const char* key) {
  std::vector<double> v;
  for (auto& i : p.getObjectHandle().getKey(key).aitems()) v.push_back(i.getNumericValue());
  return v;
}

// The four ink coverages gs reports for page `page` (1-based).
std::vector<double> inkcov(const std::string& file, int page) {
  auto r = test::run_shell("gs -q -dNOPAUSE -dBATCH -o - -sDEVICE=inkcov '" + file + "'");
  REQUIRE(r.exit_code == 0);
  std::istringstream in(r.out);
  std::string line;
  for (int i = 0; i < page; ++i) REQUIRE(std::getline(in, line));
  std::istringstream l(line);
  std::vector<double> v(4);
  l >> v[0] >> v[1] >> v[2] >> v[3];
  return v;
}

}  // namespace

TEST_CASE("finish: page boxes from the layout, MediaBox kept from cairo") {
  fx::Pdf pdf(finished("black_text.pdf", fx::black_text_doc()));
  auto pages = pdf.pages();
  REQUIRE(pages.size() == 1);
  const double b = 8.504;  // 3 mm in pt, as Len from_mm(3)
  const auto media = box(pages[0], "/MediaBox"), trim = box(pages[0], "/TrimBox"), bleed = box(pages[0], "/BleedBox");
  REQUIRE(trim.size() == 4);
  REQUIRE(bleed.size() == 4);
  CHECK(media[2] == doctest::Approx(200 + 2 * b).epsilon(1e-5));
  CHECK(trim == std::vector<double>{b, b, 200 + b, 120 + b});
  CHECK(bleed[0] == doctest::Approx(0.0));
  CHECK(bleed[2] == doctest::Approx(media[2]).epsilon(1e-5));
}

TEST_CASE("finish: PDF/X-4 identification in Info and XMP, one output intent") {
  fx::Pdf pdf(finished("black_text.pdf", fx::black_text_doc()));
  auto info = pdf.info();
  CHECK(fx::text(info.getKey("/GTS_PDFXVersion")) == "PDF/X-4");
  CHECK(fx::text(info.getKey("/Trapped")) == "/False");
  CHECK(fx::text(info.getKey("/Title")) == "黑色文字");
  CHECK(fx::text(info.getKey("/Producer")) == "paperset test");
  CHECK(fx::text(info.getKey("/CreationDate")) == "D:20240305060000Z");
  CHECK(fx::text(info.getKey("/ModDate")) == "D:20240305060000Z");
  const std::string xmp = fx::data(pdf.q.getRoot().getKey("/Metadata"));
  CHECK(xmp.find("<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>") != std::string::npos);
  CHECK(xmp.find("<xmp:CreateDate>2024-03-05T06:00:00Z</xmp:CreateDate>") != std::string::npos);
  CHECK(xmp.find("<pdf:Producer>paperset test</pdf:Producer>") != std::string::npos);
  CHECK(xmp.find("<pdf:Trapped>False</pdf:Trapped>") != std::string::npos);
  CHECK(xmp.find("黑色文字") != std::string::npos);
  CHECK(pdf.q.getPDFVersion() == "1.6");
  CHECK(pdf.q.getTrailer().getKey("/ID").isArray());

  auto intents = pdf.q.getRoot().getKey("/OutputIntents");
  REQUIRE(intents.isArray());
  REQUIRE(intents.getArrayNItems() == 1);
  auto oi = intents.getArrayItem(0);
  CHECK(fx::text(oi.getKey("/S")) == "/GTS_PDFX");
  CHECK(fx::text(oi.getKey("/OutputConditionIdentifier")) == "CGATS TR 002");
  CHECK(fx::text(oi.getKey("/RegistryName")) == "http://www.color.org");
  auto icc = oi.getKey("/DestOutputProfile");
  REQUIRE(icc.isStream());
  CHECK(icc.getDict().getKey("/N").getIntValue() == 4);
  const std::string profile = fx::data(icc);
  const std::string shipped = base::read_file(test::source_root() / "data/icc/paperset-newsprint-tr002.icc");
  CHECK(profile == shipped);  // the profile the intent names is the one embedded
}

TEST_CASE("finish: pdfinfo and qpdf --check accept the file") {
  const auto dir = test::temp_dir("finish-check");
  const std::string file = fx::write_temp(dir, "out.pdf", finished("mixed.pdf", fx::mixed_doc()));
  auto check = test::run_shell("qpdf --check '" + file + "'");
  CHECK(check.exit_code == 0);
  CHECK(check.out.find("No syntax or stream encoding errors found") != std::string::npos);
  CHECK(check.out.find("WARNING") == std::string::npos);
  auto info = test::run_shell("pdfinfo -box '" + file + "'");
  CHECK(info.out.find("PDF subtype:    PDF/X-4") != std::string::npos);
  CHECK(info.out.find("TrimBox:") != std::string::npos);
}

TEST_CASE("finish: black text is 0 0 0 1 k with overprint, K plate only") {
  fx::Pdf pdf(finished("black_text.pdf", fx::black_text_doc()));
  auto pages = pdf.pages();
  const std::string c = fx::contents(pages[0]);
  CHECK(c.find("0 0 0 1 k /PSop01 gs") != std::string::npos);
  CHECK(c.find(" rg") == std::string::npos);
  auto gs = pages[0].getObjectHandle().getKey("/Resources").getKey("/ExtGState").getKey("/PSop01");
  REQUIRE(gs.isDictionary());
  CHECK(gs.getKey("/op").getBoolValue());
  CHECK_FALSE(gs.getKey("/OP").getBoolValue());
  CHECK(gs.getKey("/OPM").getIntValue() == 1);
  CHECK_FALSE(pages[0].getObjectHandle().hasKey("/Group"));  // no transparency: cairo's RGB group goes

  const auto dir = test::temp_dir("finish-inkcov");
  const std::string file = fx::write_temp(dir, "black.pdf", pdf.bytes);
  const auto ink = inkcov(file, 1);
  CHECK(ink[0] == 0.0);
  CHECK(ink[1] == 0.0);
  CHECK(ink[2] == 0.0);
  CHECK(ink[3] > 0.0);
  // The cairo original is rich black (docs/libraries.md §5): the test can tell the difference.
  const auto before = inkcov(fx::write_temp(dir, "cairo.pdf", fx::pdf("black_text.pdf")), 1);
  CHECK(before[0] > 0.0);
}

TEST_CASE("finish: layout colours come back as exact CMYK; no DeviceRGB anywhere") {
  fx::Pdf cairo(fx::pdf("mixed.pdf"));
  CHECK(fx::device_rgb_count(cairo) > 5);  // the check can fail: cairo's file is full of RGB
  fx::Pdf pdf(finished("mixed.pdf", fx::mixed_doc()));
  CHECK(fx::device_rgb_count(pdf) == 0);
  auto pages = pdf.pages();
  const std::string c = fx::contents(pages[0]);
  CHECK(c.find("0 0.1 0.8 0 k /PSop00 gs") != std::string::npos);  // yellow box knocks out
  CHECK(c.find("0 1 1 0 k /PSop00 gs") != std::string::npos);      // red title
  CHECK(c.find("0 0 0 1 k /PSop01 gs BT") != std::string::npos);   // black text overprints
  CHECK(c.find("0 0 0 1 K /PSop10 gs") != std::string::npos);      // black rule: stroke overprints, red fill not
  CHECK(c.find("1 0.6 0 0 K /PSop00 gs") != std::string::npos);    // blue rule knocks out
  CHECK(c.find("/PSsp4 cs 1 scn") != std::string::npos);           // spot colour
  auto spot = pages[0].getObjectHandle().getKey("/Resources").getKey("/ColorSpace").getKey("/PSsp4");
  REQUIRE(spot.isArray());
  CHECK(spot.getArrayItem(1).getName() == "/PANTONE 485 C");
  CHECK(spot.getArrayItem(3).getKey("/C1").unparse() == "[ 0 0.95 1 0 ]");
  // Transparency (the 50 % group) keeps a page group, blending in CMYK.
  CHECK(fx::text(pages[0].getObjectHandle().getKey("/Group").getKey("/CS")) == "/DeviceCMYK");
}

TEST_CASE("finish: forms, tiling patterns and shadings are rewritten too") {
  fx::Pdf pdf(finished("mixed.pdf", fx::mixed_doc()));
  int forms = 0, patterns = 0, shadings = 0;
  for (auto& o : pdf.q.getAllObjects()) {
    QPDFObjectHandle d = o.isStream() ? o.getDict() : o;
    if (!d.isDictionary()) continue;
    if (d.getKey("/Subtype").isName() && d.getKey("/Subtype").getName() == "/Form" && o.isStream()) {
      const std::string c = fx::data(o);
      if (c.find("0 0 0 0.5 k") != std::string::npos) ++patterns;  // the pattern cell's 50 % K
      if (c.find("0 1 1 0 k") != std::string::npos) {              // the 50 % red group
        ++forms;
        CHECK(fx::text(d.getKey("/Group").getKey("/CS")) == "/DeviceCMYK");
      }
    }
    if (d.getKey("/ShadingType").isInteger()) {
      ++shadings;
      CHECK(fx::text(d.getKey("/ColorSpace")) == "/DeviceCMYK");
      CHECK(d.getKey("/Function").getKey("/C0").unparse() == "[ 1 0.6 0 0 ]");
      CHECK(d.getKey("/Function").getKey("/C1").unparse() == "[ 0.8 0 1 0 ]");
    }
  }
  CHECK(forms == 1);
  CHECK(patterns == 1);
  CHECK(shadings == 1);
}

namespace {

std::vector<QPDFObjectHandle> images(fx::Pdf& pdf) {
  std::vector<QPDFObjectHandle> out;
  auto xo = pdf.pages()[1].getObjectHandle().getKey("/Resources").getKey("/XObject");
  for (const auto& k : xo.getKeys()) out.push_back(xo.getKey(k));
  std::sort(out.begin(), out.end(), [](auto a, auto b) { return a.getObjectID() < b.getObjectID(); });
  return out;  // in drawing order: rgb.jpg, gray.jpg, cmyk.jpg, rgb.png, alpha.png
}

}  // namespace

TEST_CASE("finish: images — JPEG bytes untouched, Adobe CMYK /Decode, RGB converted") {
  fx::Pdf cairo(fx::pdf("mixed.pdf"));
  fx::Pdf pdf(finished("mixed.pdf", fx::mixed_doc()));
  auto before = images(cairo), after = images(pdf);
  REQUIRE(before.size() == 5);
  REQUIRE(after.size() == 5);
  for (auto& img : after) CHECK_FALSE(img.getDict().hasKey("/Interpolate"));

  // Grey JPEG: the same bytes, still grey.
  CHECK(fx::data(after[1], qpdf_dl_none) == fx::data(before[1], qpdf_dl_none));
  CHECK(fx::text(after[1].getDict().getKey("/ColorSpace")) == "/DeviceGray");
  // Adobe CMYK JPEG: the same bytes plus the inverted /Decode (docs/libraries.md §4).
  CHECK(fx::data(after[2], qpdf_dl_none) == fx::data(before[2], qpdf_dl_none));
  CHECK(after[2].getDict().getKey("/Decode").unparse() == "[ 1 0 1 0 1 0 1 0 ]");
  // RGB JPEG: re-encoded as an Adobe CMYK JPEG.
  auto rgb = after[0].getDict();
  CHECK(fx::text(rgb.getKey("/ColorSpace")) == "/DeviceCMYK");
  CHECK(fx::text(rgb.getKey("/Filter")) == "/DCTDecode");
  CHECK(rgb.getKey("/Decode").unparse() == "[ 1 0 1 0 1 0 1 0 ]");
  CHECK(fx::data(after[0], qpdf_dl_all).size() == 200u * 150u * 4u);
  // RGB PNGs: Flate CMYK; the alpha one keeps its grey soft mask.
  CHECK(fx::text(after[3].getDict().getKey("/ColorSpace")) == "/DeviceCMYK");
  CHECK(fx::data(after[3], qpdf_dl_all).size() == 60u * 40u * 4u);
  CHECK(fx::text(after[4].getDict().getKey("/SMask").getDict().getKey("/ColorSpace")) == "/DeviceGray");
}

TEST_CASE("finish: converted RGB photo looks like the original") {
  // The left half of rgb.jpg is red-ish: after conversion that region carries mostly M+Y.
  fx::Pdf pdf(finished("mixed.pdf", fx::mixed_doc()));
  const std::string px = fx::data(images(pdf)[0], qpdf_dl_all);
  // Adobe inverted samples: ink = 255 - value. Top-left pixel of the swirl is red.
  const int c = 255 - static_cast<unsigned char>(px[0]), m = 255 - static_cast<unsigned char>(px[1]),
            y = 255 - static_cast<unsigned char>(px[2]);
  CHECK(m > c + 60);
  CHECK(y > c + 60);
}

TEST_CASE("finish: crop and registration marks outside the bleed, in registration colour") {
  fx::Pdf pdf(finished("mixed.pdf", fx::mixed_doc()));
  auto pages = pdf.pages();
  const std::string c = fx::contents(pages[0]);
  const auto pos = c.rfind("/PSall CS 1 SCN");
  REQUIRE(pos != std::string::npos);
  auto all = pages[0].getObjectHandle().getKey("/Resources").getKey("/ColorSpace").getKey("/PSall");
  CHECK(all.getArrayItem(1).getName() == "/All");
  const auto bleed = box(pages[0], "/BleedBox");
  // Every mark segment lies wholly beyond one side of the BleedBox.
  std::istringstream in(c.substr(pos));
  std::string tok;
  std::vector<double> nums;
  int segments = 0;
  while (in >> tok) {
    if (tok == "m" || tok == "l" || tok == "c") {
      for (std::size_t i = 0; i + 1 < nums.size(); i += 2) {
        const double x = nums[i], y = nums[i + 1];
        const bool outside = x < bleed[0] || x > bleed[2] || y < bleed[1] || y > bleed[3];
        CHECK_MESSAGE(outside, "mark point " << x << "," << y << " inside the bleed");
      }
      segments += tok == "l" ? 1 : 0;
      nums.clear();
    } else if (std::isdigit(static_cast<unsigned char>(tok[0])) || tok[0] == '-' || tok[0] == '.') {
      nums.push_back(std::stod(tok));
    } else {
      nums.clear();
    }
  }
  CHECK(segments == 8 + 4 * 2);  // 4 corners × 2 crop lines + 4 targets × 2 cross lines
  // On all plates: a page with marks inks C, M and Y too (where black text alone would not).
  fx::Pdf black(finished("black_text.pdf", fx::black_text_doc()));
  CHECK(fx::contents(black.pages()[0]).find("/PSall") == std::string::npos);  // marks = 0: none
}

TEST_CASE("finish: the same input gives the same bytes") {
  const std::string a = finished("mixed.pdf", fx::mixed_doc());
  const std::string b = finished("mixed.pdf", fx::mixed_doc());
  CHECK(a == b);
  auto doc = fx::mixed_doc();
  doc.date_iso = "2024-03-06T06:00:00Z";
  base::Diagnostics diag;
  CHECK(finish::finish_pdf(fx::pdf("mixed.pdf"), fx::options(doc), diag) != a);
}

TEST_CASE("finish: total ink over the limit is reported") {
  base::Diagnostics diag;
  auto opt = fx::options(fx::mixed_doc());
  finish::finish_pdf(fx::pdf("mixed.pdf"), opt, diag);
  CHECK_FALSE(diag.has_errors());
  opt.ink_limit_percent = 150;  // red 0/100/100/0 = 200 %, blue 100/60/0/0 = 160 %
  base::Diagnostics strict;
  finish::finish_pdf(fx::pdf("mixed.pdf"), opt, strict);
  std::string colours;
  int images_over = 0;
  for (const auto& f : strict.findings()) {
    if (f.code != "ink-limit") continue;
    if (f.message.rfind("colour", 0) == 0) colours += f.message + "\n";
    if (f.message.rfind("image", 0) == 0) ++images_over;
  }
  // Each colour once, however often it is drawn (red: page text and the group).
  CHECK(colours.find("has 200 % total ink") != std::string::npos);
  CHECK(colours.find("has 160 % total ink") != std::string::npos);
  CHECK(std::count(colours.begin(), colours.end(), '\n') == 2);
  CHECK(images_over >= 1);
}

TEST_CASE("finish: a colour not in the palette is an error, not a guess") {
  auto opt = fx::options(fx::mixed_doc());
  opt.palette = frame::Palette::of(fx::black_text_doc());
  base::Diagnostics diag;
  try {
    finish::finish_pdf(fx::pdf("mixed.pdf"), opt, diag);
    FAIL("expected an error");
  } catch (const base::Error& e) {
    CHECK(e.message().find("not in the palette") != std::string::npos);
    CHECK(e.message().find("1 0 0") != std::string::npos);  // red's stand-in is named
  }
}

TEST_CASE("finish: page boxes must match the PDF") {
  auto opt = fx::options(fx::mixed_doc());
  base::Diagnostics diag;
  opt.pages.pop_back();
  CHECK_THROWS_AS(finish::finish_pdf(fx::pdf("mixed.pdf"), opt, diag), base::Error);
  opt = fx::options(fx::mixed_doc());
  opt.pages[0].marks = 0;
  CHECK_THROWS_AS(finish::finish_pdf(fx::pdf("mixed.pdf"), opt, diag), base::Error);
  opt = fx::options(fx::mixed_doc());
  opt.date_iso = "5 March 2024";
  CHECK_THROWS_AS(finish::finish_pdf(fx::pdf("mixed.pdf"), opt, diag), base::Error);
}

TEST_CASE("finish: write_file_atomically leaves only the finished file") {
  const auto dir = test::temp_dir("finish-atomic");
  finish::write_file_atomically(dir / "a.pdf", "%PDF-1.6 test");
  CHECK(base::read_file(dir / "a.pdf") == "%PDF-1.6 test");
  int files = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir)) ++files;
  CHECK(files == 1);
  CHECK_THROWS_AS(finish::write_file_atomically(dir / "missing" / "a.pdf", "x"), base::Error);
}
