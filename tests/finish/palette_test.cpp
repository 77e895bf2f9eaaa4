#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "finish/fixtures.h"
#include "frame/palette.h"

using fx::cmyk;

namespace {

frame::Document doc_with(std::initializer_list<frame::Cmyk> colours) {
  frame::Document d;
  frame::Page p;
  for (const auto& c : colours) fx::use(p, c);
  d.pages.push_back(p);
  return d;
}

double step(double a, double b) { return std::fabs(a - b) * 255.0; }

}  // namespace

TEST_CASE("palette: pure black is (0, 0, 0) and always present") {
  const auto pal = frame::Palette::of(doc_with({cmyk(0, 1000, 1000, 0)}));
  REQUIRE(pal.entries().size() == 2);
  const auto black = pal.rgb(cmyk(0, 0, 0, 1000));
  CHECK(black.r == 0.0);
  CHECK(black.g == 0.0);
  CHECK(black.b == 0.0);
  CHECK(pal.entries()[0].cmyk == cmyk(0, 1000, 1000, 0));  // first-use order, black appended
}

TEST_CASE("palette: colours in first-use order across pages, rules and fills") {
  frame::Document d;
  frame::Page p1, p2;
  p1.add(frame::Fill{0, 0, 1, 1, cmyk(0, 100, 800, 0)});
  p1.add(frame::Rule{0, 0, 1, 1, 1, cmyk(1000, 600, 0, 0)});
  fx::use(p2, cmyk(0, 0, 0, 1000));
  fx::use(p2, cmyk(0, 100, 800, 0));
  d.pages = {p1, p2};
  const auto pal = frame::Palette::of(d);
  REQUIRE(pal.entries().size() == 3);
  CHECK(pal.entries()[0].cmyk == cmyk(0, 100, 800, 0));
  CHECK(pal.entries()[1].cmyk == cmyk(1000, 600, 0, 0));
  CHECK(pal.entries()[2].cmyk.is_black());
}

TEST_CASE("palette: stand-ins are near the naive approximation") {
  const auto c = cmyk(0, 1000, 1000, 0);
  const auto pal = frame::Palette::of(doc_with({c}));
  const auto a = frame::Palette::approximate(c);
  CHECK(a.r == doctest::Approx(1.0));
  CHECK(a.g == doctest::Approx(0.0));
  const auto s = pal.rgb(c);
  CHECK(step(s.r, a.r) <= 1.0);
  CHECK(step(s.g, a.g) <= 1.0);
  CHECK(frame::Palette::approximate(cmyk(0, 0, 0, 500)).r == doctest::Approx(0.5));
}

TEST_CASE("palette: colours that look alike get stand-ins at least 2/255 apart") {
  // Rich black, 99 % K and black-with-a-spot all approximate to (nearly) the same RGB.
  const auto pal = frame::Palette::of(doc_with({cmyk(600, 400, 400, 1000), cmyk(0, 0, 0, 990), cmyk(0, 0, 0, 1000, "Black spot"),
                                                cmyk(0, 0, 0, 1000), cmyk(10, 0, 0, 1000), cmyk(0, 0, 0, 0), cmyk(0, 0, 0, 5)}));
  const auto& e = pal.entries();
  REQUIRE(e.size() == 7);
  for (std::size_t i = 0; i < e.size(); ++i)
    for (std::size_t j = i + 1; j < e.size(); ++j) {
      const double d = std::max({step(e[i].rgb.r, e[j].rgb.r), step(e[i].rgb.g, e[j].rgb.g), step(e[i].rgb.b, e[j].rgb.b)});
      CHECK_MESSAGE(d >= 2.0 - 1e-9, "entries " << i << " and " << j);
    }
  CHECK(pal.rgb(cmyk(0, 0, 0, 1000)).r == 0.0);  // black keeps (0,0,0) even though used later
}

TEST_CASE("palette: find maps cairo's 6-decimal output back to the exact CMYK") {
  const auto pal = frame::Palette::of(doc_with({cmyk(0, 100, 800, 0), cmyk(0, 0, 0, 500), cmyk(0, 0, 0, 510)}));
  for (const auto& e : pal.entries()) {
    const auto* hit = pal.find(std::round(e.rgb.r * 1e6) / 1e6, std::round(e.rgb.g * 1e6) / 1e6, std::round(e.rgb.b * 1e6) / 1e6);
    REQUIRE(hit != nullptr);
    CHECK(hit->cmyk == e.cmyk);
  }
  CHECK(pal.find(0.123, 0.456, 0.789) == nullptr);
}

TEST_CASE("palette: rgb() of a colour that is not in it throws") {
  const auto pal = frame::Palette::of(doc_with({}));
  CHECK_THROWS_AS(pal.rgb(cmyk(1000, 0, 0, 0)), base::Error);
}
