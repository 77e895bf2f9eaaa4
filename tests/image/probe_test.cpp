// image::probe: what a layout editor's photo is, from its header alone, and the errors
// a bad photo gets (docs/format.md "What bad input gets").
#include <doctest/doctest.h>

#include "image/fixtures.h"
#include "image/image.h"
#include "support/support.h"

namespace fs = std::filesystem;
using fixtures::make;
using fixtures::read_bytes;
using fixtures::write_bytes;

namespace {

const base::Loc kFrom{"issue.xml", 12};

// The error probe() throws for `file`; fails the test when it does not throw.
base::Error probe_error(const fs::path& file, const base::Loc& from = kFrom) {
  try {
    image::probe(file, from);
  } catch (const base::Error& e) {
    return e;
  }
  FAIL("probe() accepted " << file);
  return base::Error({}, "");
}

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

}  // namespace

TEST_CASE("probe reads size and colour space of grey, RGB and Adobe CMYK JPEGs") {
  const fs::path dir = test::temp_dir("probe-jpeg");
  SUBCASE("grey") {
    const image::Info i = image::probe(make(dir, "gray.jpg", "-size 40x30 xc:gray50 -colorspace Gray"), kFrom);
    CHECK(i.format == image::Format::Jpeg);
    CHECK(i.width == 40);
    CHECK(i.height == 30);
    CHECK(i.color == image::ColorSpace::Gray);
    CHECK(i.components == 1);
    CHECK_FALSE(i.adobe_inverted);
    CHECK_FALSE(i.has_alpha);
    CHECK_FALSE(i.has_icc);
  }
  SUBCASE("rgb, progressive") {
    const image::Info i = image::probe(make(dir, "rgb.jpg", "-size 64x48 gradient:red-blue -interlace JPEG"), kFrom);
    CHECK(i.width == 64);
    CHECK(i.height == 48);
    CHECK(i.color == image::ColorSpace::Rgb);
    CHECK(i.components == 3);
    CHECK_FALSE(i.adobe_inverted);
  }
  SUBCASE("cmyk with the Adobe marker is inverted") {
    const fs::path f = make(dir, "cmyk.jpg", "-size 16x8 xc:red -colorspace CMYK");
    const image::Info i = image::probe(f, kFrom);
    CHECK(i.color == image::ColorSpace::Cmyk);
    CHECK(i.components == 4);
    CHECK(i.adobe_inverted);
    const fs::path plain = write_bytes(dir / "plain-cmyk.jpg", fixtures::without_adobe(read_bytes(f)));
    const image::Info p = image::probe(plain, kFrom);
    CHECK(p.color == image::ColorSpace::Cmyk);
    CHECK_FALSE(p.adobe_inverted);
  }
}

TEST_CASE("probe sees an embedded ICC profile") {
  const fs::path dir = test::temp_dir("probe-icc");
  const fs::path jpg = make(dir, "rgb.jpg", "-size 8x8 xc:orange");
  CHECK_FALSE(image::probe(jpg, kFrom).has_icc);
  CHECK(image::probe(write_bytes(dir / "icc.jpg", fixtures::with_icc_app2(read_bytes(jpg))), kFrom).has_icc);
  const fs::path png = make(dir, "rgb.png", "-size 8x8 xc:orange");
  CHECK_FALSE(image::probe(png, kFrom).has_icc);
  CHECK(image::probe(write_bytes(dir / "icc.png", fixtures::with_iccp_chunk(read_bytes(png))), kFrom).has_icc);
}

TEST_CASE("probe reads PNG colour types and transparency") {
  const fs::path dir = test::temp_dir("probe-png");
  SUBCASE("rgba") {
    const image::Info i = image::probe(make(dir, "a.png", "-size 30x20 xc:none -fill red -draw 'circle 15,10 15,2'"), kFrom);
    CHECK(i.format == image::Format::Png);
    CHECK(i.width == 30);
    CHECK(i.height == 20);
    CHECK(i.color == image::ColorSpace::Rgb);
    CHECK(i.components == 3);
    CHECK(i.has_alpha);
  }
  SUBCASE("grey, 16 bit, opaque") {
    const image::Info i = image::probe(make(dir, "g.png", "-size 5x7 gradient: -depth 16 -colorspace Gray"), kFrom);
    CHECK(i.color == image::ColorSpace::Gray);
    CHECK(i.components == 1);
    CHECK_FALSE(i.has_alpha);
  }
  SUBCASE("opaque rgb") {
    const image::Info i = image::probe(make(dir, "o.png", "-size 9x9 xc:orange", "PNG24"), kFrom);
    CHECK(i.color == image::ColorSpace::Rgb);
    CHECK_FALSE(i.has_alpha);
  }
}

TEST_CASE("a missing image is an error at the referencing element that names the path") {
  const fs::path missing = test::temp_dir("probe-missing") / "nope.jpg";
  const base::Error e = probe_error(missing);
  CHECK(e.loc().file == "issue.xml");
  CHECK(e.loc().line == 12);
  CHECK(contains(e.message(), missing.string()));
  CHECK(contains(e.message(), "not found"));
  CHECK_FALSE(e.fix().empty());
}

TEST_CASE("without a referencing element the error is located at the image itself") {
  const fs::path missing = test::temp_dir("probe-noloc") / "nope.png";
  const base::Error e = probe_error(missing, {});
  CHECK(e.loc().file == missing.string());
}

TEST_CASE("a text file renamed .jpg is refused as not a JPEG or PNG") {
  const fs::path dir = test::temp_dir("probe-text");
  const fs::path f = write_bytes(dir / "photo.jpg", "这不是图片，是一段文字。\n");
  const base::Error e = probe_error(f);
  CHECK(contains(e.message(), f.string()));
  CHECK(contains(e.message(), "not a JPEG, PNG or TIFF"));
  CHECK(contains(e.fix(), "JPEG"));
}

TEST_CASE("a GIF named .jpg is recognised and refused") {
  const fs::path dir = test::temp_dir("probe-gif");
  const fs::path gif = make(dir, "x.gif", "-size 4x4 xc:red");
  fs::rename(gif, dir / "x.jpg");
  CHECK(contains(probe_error(dir / "x.jpg").message(), "GIF"));
}

TEST_CASE("an empty file and a folder are refused") {
  const fs::path dir = test::temp_dir("probe-empty");
  CHECK(contains(probe_error(write_bytes(dir / "empty.jpg", "")).message(), "empty"));
  fs::create_directories(dir / "folder.png");
  CHECK(contains(probe_error(dir / "folder.png").message(), "not a regular file"));
}

TEST_CASE("a truncated header is refused") {
  const fs::path dir = test::temp_dir("probe-trunc");
  const std::string jpg = read_bytes(make(dir, "a.jpg", "-size 32x32 xc:green"));
  const std::size_t sos = fixtures::find_marker(jpg, 0xDA);
  REQUIRE(sos != std::string::npos);
  SUBCASE("jpeg cut before its frame header") {
    const std::size_t sof = fixtures::find_marker(jpg, 0xC0);
    REQUIRE(sof != std::string::npos);
    const base::Error e = probe_error(write_bytes(dir / "cut.jpg", jpg.substr(0, sof + 4)));
    CHECK(contains(e.message(), "truncated"));
    CHECK(contains(e.message(), "cut.jpg"));
  }
  SUBCASE("jpeg cut before its first scan") {
    CHECK(contains(probe_error(write_bytes(dir / "cut2.jpg", jpg.substr(0, sos))).message(), "truncated"));
  }
  SUBCASE("png cut inside IHDR") {
    const std::string png = read_bytes(make(dir, "a.png", "-size 8x8 xc:green"));
    CHECK(contains(probe_error(write_bytes(dir / "cut.png", png.substr(0, 20))).message(), "truncated"));
  }
}

TEST_CASE("a header claiming 20000 x 20000 pixels is refused before decoding") {
  const fs::path dir = test::temp_dir("probe-huge");
  const std::string jpg = read_bytes(make(dir, "small.jpg", "-size 16x16 xc:blue"));
  const fs::path huge_jpg = write_bytes(dir / "huge.jpg", fixtures::with_jpeg_size(jpg, 20000, 20000));
  const std::string png = read_bytes(make(dir, "small.png", "-size 16x16 xc:blue"));
  const fs::path huge_png = write_bytes(dir / "huge.png", fixtures::with_png_size(png, 20000, 20000));
  for (const fs::path& f : {huge_jpg, huge_png}) {
    CAPTURE(f);
    const base::Error e = probe_error(f);
    CHECK(contains(e.message(), "20000 × 20000"));
    CHECK(contains(e.message(), "400.0 megapixels"));
    CHECK(contains(e.message(), f.string()));
    // decode must refuse too, from the header alone (it would need 1.6 GB otherwise).
    CHECK_THROWS_WITH_AS(image::decode(f, kFrom), doctest::Contains("megapixels"), base::Error);
  }
  // 10000 × 10000 is exactly at the limit and still accepted by probe.
  CHECK(image::probe(write_bytes(dir / "limit.jpg", fixtures::with_jpeg_size(jpg, 10000, 10000)), kFrom).width == 10000);
}

TEST_CASE("a header giving a zero size is refused") {
  const fs::path dir = test::temp_dir("probe-zero");
  const std::string jpg = read_bytes(make(dir, "a.jpg", "-size 16x16 xc:blue"));
  const base::Error e = probe_error(write_bytes(dir / "zero.jpg", fixtures::with_jpeg_size(jpg, 16, 0)));
  CHECK(contains(e.message(), "zero size"));
  const std::string png = read_bytes(make(dir, "a.png", "-size 16x16 xc:blue"));
  CHECK(contains(probe_error(write_bytes(dir / "zero.png", fixtures::with_png_size(png, 0, 16))).message(), "zero size"));
}
