// Photos in the PDF: JPEG bytes passed through, Adobe CMYK /Decode, RGB converted once with
// lcms2, PNG alpha as a soft mask, ink over the limit named by photo, one decode per photo.
#include <algorithm>

#include "pdf/fixture.h"
#include "pdf/photo_cache.h"
#include "render/render.h"

namespace {

// Page 2's images in drawing order (rgb.jpg, gray.jpg, cmyk.jpg, rgb.png, alpha.png).
std::vector<QPDFObjectHandle> images(fx::Pdf& pdf) {
  std::vector<QPDFObjectHandle> out;
  auto xo = pdf.pages()[1].getObjectHandle().getKey("/Resources").getKey("/XObject");
  for (const auto& k : xo.getKeys()) out.push_back(xo.getKey(k));
  std::sort(out.begin(), out.end(), [](auto a, auto b) { return a.getObjectID() < b.getObjectID(); });
  return out;
}

}  // namespace

TEST_CASE("pdf images: grey and CMYK JPEG bytes untouched, Adobe CMYK /Decode, RGB converted") {
  fx::Pdf pdf(fx::written(fx::mixed_doc()));
  auto im = images(pdf);
  REQUIRE(im.size() == 5);
  const fx::Photos& ph = fx::photos();
  CHECK(fx::data(im[1], qpdf_dl_none) == fx::slurp(ph.gray_jpg));
  CHECK(fx::text(im[1].getDict().getKey("/ColorSpace")) == "/DeviceGray");
  CHECK(fx::data(im[2], qpdf_dl_none) == fx::slurp(ph.cmyk_jpg));
  CHECK(fx::text(im[2].getDict().getKey("/ColorSpace")) == "/DeviceCMYK");
  CHECK(im[2].getDict().getKey("/Decode").unparse() == "[ 1 0 1 0 1 0 1 0 ]");  // ImageMagick writes Adobe CMYK
  auto rgb = im[0].getDict();
  CHECK(fx::text(rgb.getKey("/ColorSpace")) == "/DeviceCMYK");
  CHECK(fx::text(rgb.getKey("/Filter")) == "/DCTDecode");
  CHECK(rgb.getKey("/Decode").unparse() == "[ 1 0 1 0 1 0 1 0 ]");
  CHECK(fx::data(im[0], qpdf_dl_all).size() == 200u * 150u * 4u);
  CHECK(fx::text(im[3].getDict().getKey("/ColorSpace")) == "/DeviceCMYK");
  CHECK(fx::text(im[3].getDict().getKey("/Filter")) == "/FlateDecode");
  CHECK(fx::data(im[3], qpdf_dl_all).size() == 60u * 40u * 4u);
  auto mask = im[4].getDict().getKey("/SMask");
  REQUIRE(mask.isStream());
  CHECK(fx::text(mask.getDict().getKey("/ColorSpace")) == "/DeviceGray");
  CHECK(fx::data(mask, qpdf_dl_all).size() == 60u * 40u);
  // A soft-masked photo: the page blends in CMYK.
  CHECK(fx::text(pdf.pages()[1].getObjectHandle().getKey("/Group").getKey("/CS")) == "/DeviceCMYK");
  CHECK_FALSE(pdf.pages()[0].getObjectHandle().hasKey("/Group"));
}

TEST_CASE("pdf images: the converted RGB photo keeps its colours (red left, blue right)") {
  fx::Pdf pdf(fx::written(fx::mixed_doc()));
  const std::string px = fx::data(images(pdf)[0], qpdf_dl_all);
  auto ink = [&](int x, int y, int k) { return 255 - static_cast<unsigned char>(px[(y * 200 + x) * 4 + k]); };
  CHECK(ink(20, 70, 1) > ink(20, 70, 0) + 100);  // red: magenta and yellow, little cyan
  CHECK(ink(20, 70, 2) > ink(20, 70, 0) + 100);
  CHECK(ink(180, 70, 0) > ink(180, 70, 2) + 100);  // blue: cyan and magenta, little yellow
}

TEST_CASE("pdf images: ink over the limit names the photo, its file and its line, once") {
  auto doc = fx::mixed_doc();
  auto opt = fx::options(doc);
  CHECK_FALSE(fx::build(doc, opt)->diag.has_errors());
  opt.ink_limit_percent = 150;  // the converted red and blue reach about 200 %
  auto strict = fx::build(doc, opt);
  std::vector<base::Finding> ink;
  for (const auto& f : strict->diag.findings())
    if (f.code == "ink-limit") ink.push_back(f);
  REQUIRE(!ink.empty());
  const auto rgb = std::find_if(ink.begin(), ink.end(), [](const auto& f) { return f.article == "rgb"; });
  REQUIRE(rgb != ink.end());
  CHECK(rgb->message.find("photo 'rgb' (" + fx::photos().rgb_jpg.string() + ")") != std::string::npos);
  CHECK(rgb->loc.file == "issue.xml");
  CHECK(rgb->loc.line == 40);
  CHECK(rgb->page == 0);  // the fixture's pages are not numbered
  CHECK(std::count_if(ink.begin(), ink.end(), [](const auto& f) { return f.article == "rgb"; }) == 1);
}

TEST_CASE("pdf images: a photo placed on several pages and files is prepared and decoded once") {
  frame::Document d = fx::document("same photo");
  for (int i = 0; i < 3; ++i) {
    frame::Page p = fx::page(200, 100, 0);
    p.add(fx::image(fx::photos().rgb_jpg, "rgb" + std::to_string(i), 10, 10, 48, 36));
    p.add(fx::image(fx::photos().cmyk_jpg, "cmyk" + std::to_string(i), 70, 10, 40, 30));
    d.pages.push_back(p);
  }
  auto b = fx::build(d, fx::options(d));
  CHECK(b->store->decodes() == 2);
  fx::Pdf one(b->file({0})), two(b->file({2}));
  auto a = one.pages()[0].getObjectHandle().getKey("/Resources").getKey("/XObject");
  auto c = two.pages()[0].getObjectHandle().getKey("/Resources").getKey("/XObject");
  for (const auto& k : a.getKeys()) CHECK(fx::data(a.getKey(k), qpdf_dl_none) == fx::data(c.getKey(k), qpdf_dl_none));
  CHECK(b->store->decodes() == 2);
}

TEST_CASE("pdf images: with proofs, the PDF's decode also serves the proof") {
  frame::Document d = fx::document("proof");
  frame::Page p = fx::page(200, 100, 0);
  p.add(fx::image(fx::photos().rgb_jpg, "rgb", 10, 10, 48, 36));
  p.add(fx::image(fx::photos().gray_jpg, "gray", 70, 10, 48, 36));
  p.add(fx::image(fx::photos().alpha_png, "alpha", 130, 10, 30, 20));
  d.pages.push_back(p);
  auto b = std::make_unique<fx::Built>();
  b->doc = d;
  for (const auto& img : d.pages[0].of<frame::Image>()) b->store->want_proof(b->store->get(img.path, img.loc), 100, 75);
  b->res = pdf::prepare(b->doc, *b->store, fx::options(d), b->diag);
  CHECK(b->store->decodes() == 3);  // RGB converted, grey checked, PNG compressed
  render::render_png(b->doc, *b->store, 0, test::temp_dir("pdf-proof") / "p.png");
  CHECK(b->store->decodes() == 3);
}

TEST_CASE("pdf images: a damaged grey JPEG stops the build, naming the photo") {
  const auto dir = test::temp_dir("pdf-damaged");
  std::string jpeg = fx::slurp(fx::photos().gray_jpg);
  const std::string cut = fx::write_temp(dir, "cut.jpg", jpeg.substr(0, jpeg.size() * 2 / 3));
  frame::Document d = fx::document("damaged");
  frame::Page p = fx::page(200, 100, 0);
  p.add(fx::image(cut, "cut", 10, 10, 48, 36));
  d.pages.push_back(p);
  image::Store store;
  base::Diagnostics diag;
  CHECK_THROWS_WITH_AS(pdf::prepare(d, store, fx::options(d), diag), doctest::Contains("cut.jpg"), base::Error);
}

TEST_CASE("pdf images: a photo cache gives the same file and spares the decoding; a damaged entry is a miss") {
  REQUIRE(!pdf::code_identity().empty());  // Debian's toolchain links with build IDs
  const auto cache = test::temp_dir("pdf-cache");
  auto doc = fx::mixed_doc();
  auto opt = fx::options(doc);
  opt.photo_cache = cache;
  const std::string uncached = fx::written(doc);
  auto cold = fx::build(doc, opt);
  CHECK(cold->file() == uncached);
  CHECK(cold->store->decodes() == 5);  // grey checked, CMYK measured, RGB converted, two PNGs compressed
  int entries = 0;
  for (const auto& f : std::filesystem::directory_iterator(cache)) entries += f.path().extension() == ".photo";
  CHECK(entries == 5);
  auto warm = fx::build(doc, opt);
  CHECK(warm->store->decodes() == 0);
  CHECK(warm->file() == uncached);
  // A damaged entry (any byte of it): read as a miss, prepared again, the same file.
  for (const auto& f : std::filesystem::directory_iterator(cache)) {
    std::string bytes = fx::slurp(f.path());
    bytes[bytes.size() / 3] ^= 0x55;
    fx::write_temp(cache, f.path().filename().string(), bytes);
  }
  auto damaged = fx::build(doc, opt);
  CHECK(damaged->store->decodes() == 5);
  CHECK(damaged->file() == uncached);
  // Another ink limit is another entry (the ink report depends on it).
  opt.ink_limit_percent = 150;
  auto strict = fx::build(doc, opt);
  CHECK(strict->store->decodes() == 5);
  CHECK(strict->diag.has_errors());
}

TEST_CASE("pdf images: the photo cache keeps PDF/X-4 and PDF/X-1a photos apart") {
  const auto cache = test::temp_dir("pdf-cache-pdfx");
  auto doc = fx::mixed_doc();
  auto x4 = fx::options(doc);
  x4.photo_cache = cache;
  fx::build(doc, x4);  // the soft-edged PNG's alpha kept as a soft mask
  auto x1a = x4;
  x1a.conformance = pdf::Conformance::x1a();
  auto plain = x1a;
  plain.photo_cache.clear();
  auto fresh = fx::build(doc, plain), cached = fx::build(doc, x1a);
  CHECK(cached->store->decodes() == 5);  // nothing taken from the PDF/X-4 entries
  REQUIRE(fresh->diag.has_errors());     // PDF/X-1a allows no soft alpha
  CHECK(cached->diag.findings().size() == fresh->diag.findings().size());
  CHECK(cached->diag.has_errors());
  auto again = fx::build(doc, x1a);      // and from its own entries, the same findings
  CHECK(again->store->decodes() == 0);
  CHECK(again->diag.findings().size() == fresh->diag.findings().size());
  CHECK(again->diag.has_errors());
}

TEST_CASE("pdf images: with a warm photo cache, a photo that gets a proof is prepared afresh") {
  const auto cache = test::temp_dir("pdf-cache-proof");
  frame::Document d = fx::document("proof");
  frame::Page p = fx::page(200, 100, 0);
  p.add(fx::image(fx::photos().rgb_jpg, "rgb", 10, 10, 48, 36));
  d.pages.push_back(p);
  auto opt = fx::options(d);
  opt.photo_cache = cache;
  const auto dir = test::temp_dir("pdf-cache-proof-png");
  fx::build(d, opt);  // warms the cache, without a proof
  for (const char* name : {"plain.png", "cached.png"}) {
    if (std::string(name) == "plain.png") opt.photo_cache.clear();
    else opt.photo_cache = cache;
    auto b = std::make_unique<fx::Built>();
    b->doc = d;
    for (const auto& img : d.pages[0].of<frame::Image>()) b->store->want_proof(b->store->get(img.path, img.loc), 100, 75);
    b->res = pdf::prepare(b->doc, *b->store, opt, b->diag);
    render::render_png(b->doc, *b->store, 0, dir / name);
    CHECK(b->store->decodes() == 1);  // once, for the PDF and the proof
    CHECK(b->file() == fx::written(d));
  }
  CHECK(fx::slurp(dir / "plain.png") == fx::slurp(dir / "cached.png"));
}
