// pdf::write: page boxes, PDF/X-4 identification, colour as written, black overprint,
// marks, determinism (docs/print.md).
#include <algorithm>
#include <cctype>
#include <functional>

#include "pdf/fixture.h"

namespace {

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

// Every /DeviceRGB name and every rg/RG operator anywhere in the file.
int device_rgb_count(fx::Pdf& pdf) {
  int n = 0;
  std::function<void(QPDFObjectHandle, int)> walk = [&](QPDFObjectHandle o, int depth) {
    if (depth > 20) return;
    if (o.isName() && o.getName() == "/DeviceRGB") ++n;
    if (o.isArray())
      for (auto& i : o.aitems()) walk(i, depth + 1);
    if (o.isDictionary())
      for (auto& [k, v] : o.ditems())
        if (!v.isIndirect()) walk(v, depth + 1);
    if (o.isStream()) walk(o.getDict(), depth + 1);
  };
  for (auto& o : pdf.q.getAllObjects()) walk(o, 0);
  for (auto& p : pdf.pages()) {
    std::istringstream in(fx::contents(p));
    for (std::string t; in >> t;) n += t == "rg" || t == "RG";
  }
  return n;
}

}  // namespace

TEST_CASE("pdf: page boxes from the layout: MediaBox = trim + 2 × (bleed + marks)") {
  fx::Pdf pdf(fx::written(fx::mixed_doc()));
  auto pages = pdf.pages();
  REQUIRE(pages.size() == 2);
  const double b = 8.504, m = 28.346;  // 3 mm and 10 mm in pt, as Len from_mm gives them
  CHECK(box(pages[0], "/MediaBox") == std::vector<double>{0, 0, 300 + 2 * (b + m), 200 + 2 * (b + m)});
  CHECK(box(pages[0], "/TrimBox") == std::vector<double>{b + m, b + m, 300 + b + m, 200 + b + m});
  CHECK(box(pages[0], "/BleedBox") == std::vector<double>{m, m, 300 + 2 * b + m, 200 + 2 * b + m});
  CHECK_FALSE(pages[0].getObjectHandle().hasKey("/CropBox"));
  CHECK_FALSE(pages[0].getObjectHandle().hasKey("/ArtBox"));
}

TEST_CASE("pdf: PDF/X-4 identification in Info and XMP, one output intent with the profile") {
  fx::Pdf pdf(fx::written(fx::black_text_doc()));
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
  CHECK(xmp.find("黑色文字") != std::string::npos);
  CHECK(pdf.q.getPDFVersion() == "1.6");
  CHECK(pdf.q.getTrailer().getKey("/ID").isArray());
  auto intents = pdf.q.getRoot().getKey("/OutputIntents");
  REQUIRE(intents.getArrayNItems() == 1);
  auto oi = intents.getArrayItem(0);
  CHECK(fx::text(oi.getKey("/S")) == "/GTS_PDFX");
  CHECK(fx::text(oi.getKey("/OutputConditionIdentifier")) == "CGATS TR 002");
  CHECK(fx::text(oi.getKey("/RegistryName")) == "http://www.color.org");
  auto icc = oi.getKey("/DestOutputProfile");
  REQUIRE(icc.isStream());
  CHECK(icc.getDict().getKey("/N").getIntValue() == 4);
  CHECK(fx::data(icc) == fx::slurp(test::source_root() / "data/icc/paperset-newsprint-tr002.icc"));
}

TEST_CASE("pdf: pdfinfo and qpdf --check accept the file") {
  const auto dir = test::temp_dir("pdf-check");
  const std::string file = fx::write_temp(dir, "out.pdf", fx::written(fx::mixed_doc()));
  auto check = test::run_shell("qpdf --check '" + file + "'");
  CHECK(check.exit_code == 0);
  CHECK(check.out.find("No syntax or stream encoding errors found") != std::string::npos);
  CHECK(check.out.find("WARNING") == std::string::npos);
  auto info = test::run_shell("pdfinfo -box '" + file + "'");
  CHECK(info.out.find("PDF subtype:    PDF/X-4") != std::string::npos);
}

TEST_CASE("pdf: black text is 0 0 0 1 k with overprint; the page inks the K plate only") {
  fx::Pdf pdf(fx::written(fx::black_text_doc()));
  auto pages = pdf.pages();
  const std::string c = fx::contents(pages[0]);
  CHECK(c.find("0 0 0 1 k\n/GSop gs\nBT") != std::string::npos);
  auto gs = pages[0].getObjectHandle().getKey("/Resources").getKey("/ExtGState").getKey("/GSop");
  REQUIRE(gs.isDictionary());
  CHECK(gs.getKey("/op").getBoolValue());
  CHECK(gs.getKey("/OP").getBoolValue());
  CHECK(gs.getKey("/OPM").getIntValue() == 1);
  CHECK_FALSE(pages[0].getObjectHandle().hasKey("/Group"));
  const auto ink = inkcov(fx::write_temp(test::temp_dir("pdf-inkcov"), "black.pdf", pdf.bytes), 1);
  CHECK(ink[0] == 0.0);
  CHECK(ink[1] == 0.0);
  CHECK(ink[2] == 0.0);
  CHECK(ink[3] > 0.0);
}

TEST_CASE("pdf: black text on a yellow box keeps the yellow plate under it (tiffsep)") {
  const auto dir = test::temp_dir("pdf-tiffsep");
  const std::string file = fx::write_temp(dir, "mixed.pdf", fx::written(fx::mixed_doc()));
  // Yellow plate, page 1, at 72 dpi: where the black caption sits on the yellow box the
  // yellow plate must still be inked (black overprints, it does not knock out).
  const auto r = test::run_shell("cd '" + dir.string() + "' && gs -q -r72 -dFirstPage=1 -dLastPage=1 -o sep.tif "
                                 "-sDEVICE=tiffsep mixed.pdf && convert 'sep(Yellow).tif' -crop 196x26+59+88 "
                                 "-format '%[fx:maxima]' info:");
  INFO(r.out);
  REQUIRE(r.exit_code == 0);
  // tiffsep plates: 0 = full ink. The whole crop lies on the box, text included: its
  // lightest pixel is still the box's 80 % yellow.
  CHECK(std::stod(r.out) < 0.5);
}

TEST_CASE("pdf: layout colours as written — CMYK operators, Separation spot colour, no RGB anywhere") {
  fx::Pdf pdf(fx::written(fx::mixed_doc()));
  CHECK(device_rgb_count(pdf) == 0);
  auto pages = pdf.pages();
  const std::string c = fx::contents(pages[0]);
  CHECK(c.find("0 1 1 0 k\n/GSko gs\nBT") != std::string::npos);          // red title knocks out
  CHECK(c.find("0 0.1 0.8 0 k\n") != std::string::npos);                   // yellow box
  const auto rule = c.find("0 0 0 1 K\n");                                  // black rule overprints
  REQUIRE(rule != std::string::npos);
  const auto state = c.find(" gs\n", rule) < c.find(" S\n", rule) ? c.find(" gs\n", rule) : c.rfind(" gs\n", rule);
  CHECK(c.substr(state - 5, 5) == "/GSop");
  CHECK(c.find("1 0.6 0 0 K\n/GSko gs\n") != std::string::npos);           // blue rule knocks out
  CHECK(c.find("/CS0 cs 1 scn\n") != std::string::npos);                   // the spot colour
  CHECK(c.find("0 0 0 0.5 k\nBT") != std::string::npos);                   // 50 % K: still knocking out
  auto spot = pages[0].getObjectHandle().getKey("/Resources").getKey("/ColorSpace").getKey("/CS0");
  REQUIRE(spot.isArray());
  CHECK(spot.getArrayItem(0).getName() == "/Separation");
  CHECK(spot.getArrayItem(1).getName() == "/PANTONE 485 C");
  CHECK(spot.getArrayItem(2).getName() == "/DeviceCMYK");
  CHECK(spot.getArrayItem(3).getKey("/C1").unparse() == "[ 0 0.95 1 0 ]");
}

TEST_CASE("pdf: crop and registration marks outside the bleed, in registration colour") {
  fx::Pdf pdf(fx::written(fx::mixed_doc()));
  auto pages = pdf.pages();
  const std::string c = fx::contents(pages[0]);
  const auto pos = c.rfind("/CSall CS 1 SCN");
  REQUIRE(pos != std::string::npos);
  auto all = pages[0].getObjectHandle().getKey("/Resources").getKey("/ColorSpace").getKey("/CSall");
  CHECK(all.getArrayItem(1).getName() == "/All");
  const auto bleed = box(pages[0], "/BleedBox");
  std::istringstream in(c.substr(pos));
  std::vector<double> nums;
  int segments = 0;
  for (std::string tok; in >> tok;) {
    if (tok == "m" || tok == "l" || tok == "c") {
      for (std::size_t i = 0; i + 1 < nums.size(); i += 2) {
        const double x = nums[i], y = nums[i + 1];
        CHECK_MESSAGE((x < bleed[0] || x > bleed[2] || y < bleed[1] || y > bleed[3]),
                      "mark point " << x << "," << y << " inside the bleed");
      }
      segments += tok == "l";
      nums.clear();
    } else if (std::isdigit(static_cast<unsigned char>(tok[0])) || tok[0] == '-' || tok[0] == '.') {
      nums.push_back(std::stod(tok));
    } else {
      nums.clear();
    }
  }
  CHECK(segments == 8 + 4 * 2);  // 4 corners × 2 crop lines + 4 targets × 2 cross lines
  fx::Pdf black(fx::written(fx::black_text_doc()));
  CHECK(fx::contents(black.pages()[0]).find("SCN") == std::string::npos);  // marks = 0: none
}

TEST_CASE("pdf: a one-plate page (K text, grey photo) gets its marks in K") {
  frame::Document d = fx::black_text_doc();
  d.pages[0].marks = base::from_mm(10);
  d.pages[0].add(fx::image(fx::photos().gray_jpg, "gray", 100, 20, 48, 36));
  fx::Pdf pdf(fx::written(d));
  auto pages = pdf.pages();
  const std::string c = fx::contents(pages[0]);
  CHECK(c.find("/CSall") == std::string::npos);
  CHECK(c.find("0 0 0 1 K 0.25 w") != std::string::npos);
  const auto ink = inkcov(fx::write_temp(test::temp_dir("pdf-oneplate"), "k.pdf", pdf.bytes), 1);
  CHECK(ink[0] == 0.0);
  CHECK(ink[1] == 0.0);
  CHECK(ink[2] == 0.0);
}

TEST_CASE("pdf: the same input gives the same bytes; another date, other bytes") {
  const std::string a = fx::written(fx::mixed_doc());
  CHECK(a == fx::written(fx::mixed_doc()));
  auto doc = fx::mixed_doc();
  doc.date_iso = "2024-03-06T06:00:00Z";
  CHECK(fx::written(doc) != a);
}

TEST_CASE("pdf: a date that is not ISO 8601 with a zone is an error") {
  auto doc = fx::black_text_doc();
  auto opt = fx::options(doc);
  opt.date_iso = "5 March 2024";
  auto b = fx::build(doc, opt);
  CHECK_THROWS_WITH_AS(b->file(), doctest::Contains("is not YYYY-MM-DDTHH:MM:SS"), base::Error);
}

TEST_CASE("pdf: a split page is the whole file's page, with the same shared fonts and photos") {
  auto b = fx::build(fx::mixed_doc(), fx::options(fx::mixed_doc()));
  fx::Pdf whole(b->file()), first(b->file({0})), second(b->file({1}));
  auto wp = whole.pages();
  CHECK(fx::contents(wp[0]) == fx::contents(first.pages()[0]));
  CHECK(fx::contents(wp[1]) == fx::contents(second.pages()[0]));
  auto font_of = [](fx::Pdf& p) {
    auto f = p.pages()[0].getObjectHandle().getKey("/Resources").getKey("/Font");
    return fx::data(f.getKey(f.getKeys().begin()->c_str()).getKey("/DescendantFonts").getArrayItem(0)
                        .getKey("/FontDescriptor").getKey("/FontFile3"), qpdf_dl_none);
  };
  CHECK(font_of(whole) == font_of(first));
  CHECK(first.pages()[0].getObjectHandle().getKey("/Resources").getKey("/XObject").isNull());
  CHECK(second.pages()[0].getObjectHandle().getKey("/Resources").getKey("/Font").isNull());
}

TEST_CASE("pdf: a tint knocks out even in black; a path is drawn with its operators; a spot screen is its level") {
  frame::Document d = fx::document("tints");
  frame::Page p = fx::page(200, 100, 0);
  frame::Cmyk screen = fx::kSpot;
  screen.tint = 200;  // a 20 % screen of the spot ink
  p.add(frame::Tint{base::from_pt(10), base::from_pt(10), base::from_pt(80), base::from_pt(40), screen});
  p.add(frame::Tint{base::from_pt(100), base::from_pt(10), base::from_pt(80), base::from_pt(40), fx::kBlack});
  frame::Path wave;
  wave.color = fx::kRed;
  wave.move(base::from_pt(10), base::from_pt(60));
  wave.curve({base::from_pt(20), base::from_pt(55)}, {base::from_pt(30), base::from_pt(65)},
             {base::from_pt(40), base::from_pt(60)});
  wave.line(base::from_pt(40), base::from_pt(70));
  wave.close();
  p.add(wave);
  frame::Path dots = wave;
  dots.color = fx::kBlack;
  dots.stroke = base::from_pt(0.5);
  p.add(dots);
  d.pages.push_back(p);
  fx::Pdf pdf(fx::written(d));
  const std::string c = fx::contents(pdf.pages()[0]);
  INFO(c);
  CHECK(c.find("/CS0 cs 0.2 scn\n/GSko gs\n") != std::string::npos);
  // Page space: x + 8.504 (the bleed), y up from 108.504 (bleed + trim height).
  CHECK(c.find("0 0 0 1 k\n108.504 58.504 80 40 re f\n") != std::string::npos);  // black tint: still knocking out
  CHECK(c.find("0 1 1 0 k\n18.504 48.504 m\n28.504 53.504 38.504 43.504 48.504 48.504 c\n48.504 38.504 l\nh\nf\n") !=
        std::string::npos);
  CHECK(c.find("0 0 0 1 K\n/GSop gs\n0.5 w\n18.504 48.504 m\n") != std::string::npos);  // a black path overprints
  CHECK(c.find("h\nS\n") != std::string::npos);
  auto spot = pdf.pages()[0].getObjectHandle().getKey("/Resources").getKey("/ColorSpace").getKey("/CS0");
  CHECK(spot.getArrayItem(3).getKey("/C1").unparse() == "[ 0 0.95 1 0 ]");  // the ink at 100 %
}
