// TIFF photos (CMYK, grey, RGB; strips and tiles, 8 and 16 bits, alpha), the Exif
// orientation, ICC profiles over several APP2 segments and the decoded-size limit.
#include <doctest/doctest.h>

#include "image/fixtures.h"
#include "image/image.h"
#include "support/support.h"

namespace fs = std::filesystem;
using fixtures::make;
using fixtures::read_bytes;

namespace {

const base::Loc kFrom{"issue.xml", 7};

image::Samples samples_of(const fs::path& f) {
  const std::string bytes = read_bytes(f);
  return image::decode_samples(bytes, image::probe_bytes(bytes, f, kFrom), f, kFrom);
}

int sample(const image::Samples& s, int x, int y, int c) {
  return s.data[(static_cast<std::size_t>(y) * s.format.width + x) * s.format.components + c];
}

}  // namespace

TEST_CASE("TIFF photos: CMYK, grey (16 bits) and tiled RGB with alpha probe and decode in their own colour space") {
  const auto dir = test::temp_dir("image-tiff");
  const auto cmyk = make(dir, "cmyk.tif", "-size 60x40 xc:white -fill red -draw 'rectangle 0,0 29,39' -colorspace CMYK -compress lzw");
  const auto grey = make(dir, "grey.tif", "-size 60x40 xc:white -fill gray25 -draw 'rectangle 0,0 29,39' -colorspace Gray -depth 16");
  const auto rgb = make(dir, "rgb.tif", "-size 60x40 xc:white -fill blue -draw 'rectangle 0,0 29,39' -alpha on -define tiff:tile-geometry=16x16");
  const auto ic = image::probe(cmyk, kFrom);
  CHECK(ic.format == image::Format::Tiff);
  CHECK(ic.color == image::ColorSpace::Cmyk);
  CHECK(ic.width == 60);
  CHECK(ic.height == 40);
  const auto c = samples_of(cmyk);
  CHECK(c.format.components == 4);
  CHECK_FALSE(c.format.inverted);
  CHECK(sample(c, 5, 5, 1) > 240);  // red: full magenta and yellow …
  CHECK(sample(c, 5, 5, 2) > 240);
  CHECK(sample(c, 5, 5, 0) < 15);   // … no cyan
  CHECK(sample(c, 50, 5, 1) < 15);  // white: no ink
  const auto g = samples_of(grey);
  CHECK(image::probe(grey, kFrom).color == image::ColorSpace::Gray);
  CHECK(g.format.components == 1);
  CHECK(std::abs(sample(g, 5, 5, 0) - 64) < 6);
  CHECK(sample(g, 50, 5, 0) > 250);
  const auto r = samples_of(rgb);
  CHECK(r.format.components == 3);
  CHECK(r.format.alpha);
  CHECK(r.alpha.size() == 60u * 40u);
  CHECK(sample(r, 5, 5, 2) > 240);
  CHECK(sample(r, 5, 5, 0) < 15);
  CHECK(sample(r, 50, 35, 0) > 240);
}

TEST_CASE("a damaged TIFF is an error naming the file, never a crash") {
  const auto dir = test::temp_dir("image-tiff-bad");
  const auto good = make(dir, "ok.tif", "-size 64x64 plasma: -compress lzw");
  std::string bytes = read_bytes(good);
  for (std::size_t cut : {8ul, 100ul, bytes.size() / 2, bytes.size() - 10}) {
    CAPTURE(cut);
    const std::string part = bytes.substr(0, cut);
    try {
      const auto info = image::probe_bytes(part, good, kFrom);
      image::NullSink none;
      image::decode_to(part, info, good, kFrom, none);
    } catch (const base::Error& e) {
      CHECK(std::string(e.what()).find("ok.tif") != std::string::npos);
    }
  }
}

TEST_CASE("the Exif orientation of a JPEG and the TIFF Orientation tag are read; upright sizes follow") {
  const auto dir = test::temp_dir("image-exif");
  const auto tif = make(dir, "side.tif", "-size 30x20 xc:red -orient RightTop");
  const auto info = image::probe(tif, kFrom);
  CHECK(info.orientation == 6);
  CHECK(info.upright_width() == 20);
  CHECK(info.upright_height() == 30);
  CHECK(image::probe(test::source_root() / "samples/images/pingtan.jpg", kFrom).orientation == 6);
  CHECK(image::probe(test::source_root() / "samples/images/market.jpg", kFrom).orientation == 1);
}

TEST_CASE("a JPEG whose ICC profile spans several APP2 segments is read (a 222 KB profile)") {
  const auto dir = test::temp_dir("image-icc");
  const auto icc = test::source_root() / "data/icc/paperset-newsprint-tr002.icc";
  const auto jpg = make(dir, "tagged.jpg", "-size 80x60 xc:'cmyk(20%,40%,60%,10%)' -profile '" + icc.string() + "'");
  const auto info = image::probe(jpg, kFrom);
  CHECK(info.has_icc);
  CHECK(info.color == image::ColorSpace::Cmyk);
  const auto s = samples_of(jpg);
  CHECK(s.format.icc.size() == fs::file_size(icc));
}

TEST_CASE("decoded size is limited by bytes, not only by megapixels") {
  const auto dir = test::temp_dir("image-bytes");
  // 9000 × 9000 RGBA: 81 megapixels (under the pixel limit), 324 MB decoded.
  const auto png = make(dir, "big.png", "-size 10x10 xc:red -alpha on", "PNG32");
  const auto huge = fixtures::write_bytes(dir / "huge.png", fixtures::with_png_size(read_bytes(png), 9000, 9000));
  try {
    image::probe(huge, kFrom);
    FAIL_CHECK("no error");
  } catch (const base::Error& e) {
    CHECK(e.loc().line == 7);
    CHECK(std::string(e.what()).find("decoded it would take 324 MB") != std::string::npos);
  }
}
