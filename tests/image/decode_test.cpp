// image::decode: pixels as cairo wants them (native-endian 0xAARRGGBB, premultiplied),
// grey and CMYK converted for the screen proof, and corrupt files as errors, not crashes.
#include <doctest/doctest.h>

#include <cstdlib>
#include <random>

#include "image/fixtures.h"
#include "image/image.h"
#include "support/support.h"

namespace fs = std::filesystem;
using fixtures::Argb;
using fixtures::make;
using fixtures::read_bytes;
using fixtures::unpack;
using fixtures::write_bytes;

namespace {

const base::Loc kFrom{"issue.xml", 7};

Argb at(const image::Pixels& p, int x, int y) {
  REQUIRE(x < p.width);
  REQUIRE(y < p.height);
  REQUIRE(p.data.size() == static_cast<std::size_t>(p.width) * static_cast<std::size_t>(p.height));
  return unpack(p.data[static_cast<std::size_t>(y) * static_cast<std::size_t>(p.width) + static_cast<std::size_t>(x)]);
}

// JPEG is lossy: colours come back within a few levels.
void check_near(const Argb& got, int r, int g, int b, int tolerance = 6) {
  CAPTURE(got.r);
  CAPTURE(got.g);
  CAPTURE(got.b);
  CHECK(got.a == 255);
  CHECK(std::abs(got.r - r) <= tolerance);
  CHECK(std::abs(got.g - g) <= tolerance);
  CHECK(std::abs(got.b - b) <= tolerance);
}

std::string decode_error(const fs::path& f) {
  try {
    image::decode(f, kFrom);
  } catch (const base::Error& e) {
    return e.message();
  }
  return {};
}

// Either pixels or a base::Error: any other exception, or a crash, fails the test.
void decode_or_error(const fs::path& f) {
  try {
    const image::Pixels p = image::decode(f, kFrom);
    CHECK(p.data.size() == static_cast<std::size_t>(p.width) * static_cast<std::size_t>(p.height));
  } catch (const base::Error& e) {
    CHECK(e.message().find(f.string()) != std::string::npos);
  }
}

}  // namespace

TEST_CASE("a grey JPEG decodes to equal R, G and B") {
  const fs::path f = make(test::temp_dir("dec-gray"), "g.jpg", "-size 20x10 xc:gray50 -colorspace Gray");
  const image::Pixels p = image::decode(f, kFrom);
  CHECK(p.width == 20);
  CHECK(p.height == 10);
  CHECK_FALSE(p.alpha);
  const Argb c = at(p, 10, 5);
  check_near(c, 128, 128, 128, 2);
  CHECK(c.r == c.g);
  CHECK(c.g == c.b);
}

TEST_CASE("an RGB JPEG keeps its colours where they are") {
  // Left half red, right half blue: a swapped channel or a mirrored row would show.
  const fs::path f = make(test::temp_dir("dec-rgb"), "rb.jpg", "-size 32x16 xc:red xc:blue +append -quality 95");
  const image::Pixels p = image::decode(f, kFrom);
  CHECK(p.width == 64);
  check_near(at(p, 4, 8), 255, 0, 0, 10);
  check_near(at(p, 60, 8), 0, 0, 255, 10);
}

TEST_CASE("an Adobe (inverted) CMYK JPEG decodes to its screen colours") {
  const fs::path dir = test::temp_dir("dec-cmyk");
  // cmyk(0,100%,100%,0) is red on paper; read without the Adobe inversion it would be cyan.
  const fs::path red = make(dir, "red.jpg", "-size 16x16 xc:red -colorspace CMYK -quality 95");
  REQUIRE(image::probe(red, kFrom).adobe_inverted);
  check_near(at(image::decode(red, kFrom), 8, 8), 255, 0, 0, 10);
  const fs::path white = make(dir, "white.jpg", "-size 16x16 xc:white -colorspace CMYK");
  check_near(at(image::decode(white, kFrom), 8, 8), 255, 255, 255, 4);
  const fs::path black = make(dir, "black.jpg", "-size 16x16 xc:black -colorspace CMYK");
  check_near(at(image::decode(black, kFrom), 8, 8), 0, 0, 0, 4);
}

TEST_CASE("CMYK without the Adobe marker is read as plain ink values") {
  // The same red file with its APP14 removed: the stored bytes are now taken as ink
  // amounts, 255 − (0,255,255,0) = (255,0,0,255): full cyan and full black → black.
  const fs::path dir = test::temp_dir("dec-cmyk-plain");
  const std::string red = read_bytes(make(dir, "red.jpg", "-size 16x16 xc:red -colorspace CMYK -quality 95"));
  const fs::path plain = write_bytes(dir / "plain.jpg", fixtures::without_adobe(red));
  check_near(at(image::decode(plain, kFrom), 8, 8), 0, 0, 0, 6);
}

TEST_CASE("a PNG with alpha decodes premultiplied") {
  const fs::path dir = test::temp_dir("dec-png");
  const fs::path f = make(dir, "half.png", "-size 4x4 'xc:rgba(255,0,0,0.5)' xc:none +append");
  const image::Pixels p = image::decode(f, kFrom);
  CHECK(p.alpha);
  const Argb half = at(p, 1, 1);
  CHECK(std::abs(half.a - 128) <= 1);
  CHECK(half.r == half.a);  // premultiplied: red at full intensity equals alpha
  CHECK(half.g == 0);
  CHECK(half.b == 0);
  const Argb clear = at(p, 6, 1);
  CHECK(clear.a == 0);
  CHECK(clear.r == 0);
}

TEST_CASE("grey 16-bit and palette PNGs decode to opaque RGB") {
  const fs::path dir = test::temp_dir("dec-png2");
  const image::Pixels g = image::decode(make(dir, "g16.png", "-size 8x8 xc:gray25 -colorspace Gray -define png:bit-depth=16 -define png:color-type=0"), kFrom);
  check_near(at(g, 3, 3), 64, 64, 64, 1);
  const image::Pixels pal = image::decode(make(dir, "pal.png", "-size 8x8 xc:orange xc:navy +append", "PNG8"), kFrom);
  CHECK_FALSE(pal.alpha);
  check_near(at(pal, 2, 2), 255, 165, 0, 1);
  check_near(at(pal, 12, 2), 0, 0, 128, 1);
}

TEST_CASE("interlaced PNGs and palette transparency decode like plain ones") {
  const fs::path dir = test::temp_dir("dec-png3");
  const image::Pixels adam7 = image::decode(make(dir, "i.png", "-size 9x7 xc:teal -interlace PNG"), kFrom);
  check_near(at(adam7, 8, 6), 0, 128, 128, 1);
  const fs::path pal = make(dir, "pal-t.png", "-size 4x4 xc:red xc:none +append", "PNG8");
  CHECK(image::probe(pal, kFrom).has_alpha);  // a palette tRNS chunk
  const image::Pixels p = image::decode(pal, kFrom);
  CHECK(p.alpha);
  check_near(at(p, 1, 1), 255, 0, 0, 0);
  CHECK(at(p, 6, 1).a == 0);
}

TEST_CASE("a JPEG cut short inside its image data is an error, not a grey photo") {
  const fs::path dir = test::temp_dir("dec-trunc");
  const std::string jpg = read_bytes(make(dir, "a.jpg", "-size 64x64 -seed 3 plasma:fractal"));
  const fs::path cut = write_bytes(dir / "cut.jpg", jpg.substr(0, jpg.size() * 2 / 3));
  CHECK(image::probe(cut, kFrom).width == 64);  // the header is whole
  const std::string msg = decode_error(cut);
  CHECK(msg.find("cut.jpg") != std::string::npos);
  CHECK(msg.find("Premature end") != std::string::npos);
}

TEST_CASE("a PNG with a damaged image data chunk is an error") {
  const fs::path dir = test::temp_dir("dec-pngbad");
  std::string png = read_bytes(make(dir, "a.png", "-size 32x32 gradient:red-blue"));
  const std::size_t idat = png.find("IDAT");
  REQUIRE(idat != std::string::npos);
  png[idat + 10] = static_cast<char>(png[idat + 10] ^ 0x5A);
  const std::string msg = decode_error(write_bytes(dir / "bad.png", png));
  CHECK(msg.find("bad.png") != std::string::npos);
  CHECK(msg.find("corrupt") != std::string::npos);
}

TEST_CASE("every truncation and random damage gives pixels or base::Error, never a crash") {
  const fs::path dir = test::temp_dir("dec-fuzz");
  const std::string files[] = {
      read_bytes(make(dir, "a.jpg", "-size 24x16 -seed 5 plasma:fractal -quality 80")),
      read_bytes(make(dir, "p.jpg", "-size 24x16 -seed 6 plasma:fractal -interlace JPEG")),
      read_bytes(make(dir, "c.jpg", "-size 24x16 -seed 7 plasma:fractal -colorspace CMYK")),
      read_bytes(make(dir, "a.png", "-size 24x16 -seed 8 plasma:fractal -alpha set -channel A -evaluate set 60% +channel")),
  };
  std::mt19937 rng(20240105);  // fixed seed: the same inputs every run
  int n = 0;
  for (const std::string& bytes : files) {
    for (std::size_t len = 0; len < bytes.size(); len += 7)
      decode_or_error(write_bytes(dir / ("t" + std::to_string(n++)), bytes.substr(0, len)));
    for (int k = 0; k < 60; ++k) {
      std::string bad = bytes;
      for (int flips = 0; flips < 3; ++flips) bad[rng() % bad.size()] = static_cast<char>(rng());
      decode_or_error(write_bytes(dir / ("d" + std::to_string(n++)), bad));
    }
  }
  CHECK(n > 200);
}
