// The committed placeholder photos of samples/ are what samples/README.md says they
// are: readable, at about 300 ppi for their placed size, in the colour spaces the
// samples are meant to exercise (grey, RGB, Adobe CMYK).
#include <doctest/doctest.h>

#include "image/image.h"
#include "support/support.h"

namespace {

struct Expected {
  const char* file;
  int width, height;
  image::ColorSpace color;
  bool adobe;
};

}  // namespace

TEST_CASE("the sample photos probe and decode as documented") {
  const Expected all[] = {
      {"forge.jpg", 4000, 3000, image::ColorSpace::Gray, false},
      {"site.jpg", 1000, 900, image::ColorSpace::Rgb, false},
      {"market.jpg", 1950, 1300, image::ColorSpace::Rgb, false},
      {"dragonboat.jpg", 1500, 1000, image::ColorSpace::Cmyk, true},
  };
  for (const Expected& e : all) {
    CAPTURE(e.file);
    const auto path = test::source_root() / "samples" / "images" / e.file;
    const image::Info i = image::probe(path, {});
    CHECK(i.format == image::Format::Jpeg);
    CHECK(i.width == e.width);
    CHECK(i.height == e.height);
    CHECK(i.color == e.color);
    CHECK(i.adobe_inverted == e.adobe);
    const image::Pixels p = image::decode(path, {});
    CHECK(p.data.size() == static_cast<std::size_t>(e.width) * static_cast<std::size_t>(e.height));
  }
}
