// The PDF and the PNG proofs come from the same frame tree, so they must agree on where
// everything is. Each sample is built, its PDF rendered by Ghostscript at 150 dpi (trim
// box) and compared with cairo's proof tile by tile: text and photos may differ in tone
// and antialiasing, never in place by more than a pixel.
#include <cairo.h>
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>

#include "flow/flow.h"
#include "image/store.h"
#include "model/font_map.h"
#include "model/issue.h"
#include "pdf/pdf.h"
#include "render/render.h"
#include "support/support.h"
#include "text/fonts.h"

namespace fs = std::filesystem;

namespace {

struct Grey {
  int w = 0, h = 0;
  std::vector<float> v;
  float at(int x, int y) const { return v[static_cast<std::size_t>(y) * static_cast<std::size_t>(w) + static_cast<std::size_t>(x)]; }
};

Grey load(const fs::path& png) {
  cairo_surface_t* s = cairo_image_surface_create_from_png(png.c_str());
  REQUIRE(cairo_surface_status(s) == CAIRO_STATUS_SUCCESS);
  cairo_surface_flush(s);
  Grey g;
  g.w = cairo_image_surface_get_width(s), g.h = cairo_image_surface_get_height(s);
  const int stride = cairo_image_surface_get_stride(s);
  const unsigned char* d = cairo_image_surface_get_data(s);
  const bool grey = cairo_image_surface_get_format(s) == CAIRO_FORMAT_A8;
  for (int y = 0; y < g.h; ++y)
    for (int x = 0; x < g.w; ++x) {
      if (grey) {
        g.v.push_back(d[y * stride + x]);
        continue;
      }
      std::uint32_t px;
      std::memcpy(&px, d + y * stride + 4 * x, 4);
      g.v.push_back(0.299f * ((px >> 16) & 255) + 0.587f * ((px >> 8) & 255) + 0.114f * (px & 255));
    }
  cairo_surface_destroy(s);
  return g;
}

constexpr int kTile = 64, kReach = 3;

// Normalised cross-correlation of the proof's tile (inner part) with the render shifted
// by (dx, dy); -2 when the render's part is flat (nothing drawn there).
double ncc(const Grey& a, const Grey& b, int x0, int y0, int dx, int dy) {
  double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
  int n = 0;
  for (int y = y0 + kReach; y < y0 + kTile - kReach; ++y)
    for (int x = x0 + kReach; x < x0 + kTile - kReach; ++x) {
      const double p = a.at(x, y), q = b.at(x + dx, y + dy);
      sa += p, sb += q, saa += p * p, sbb += q * q, sab += p * q, ++n;
    }
  const double va = saa - sa * sa / n, vb = sbb - sb * sb / n;
  if (vb < n * 4.0) return -2;
  return (sab - sa * sb / n) / std::sqrt(va * vb);
}

// Mean horizontal + vertical step between neighbouring pixels: high where there are
// edges (type, rules, a photo's outlines), low on paper, flat tints, smooth gradients and
// film grain, where the two renderers' tones differ but there is no place to compare.
double edges(const Grey& a, int x0, int y0) {
  double e = 0;
  for (int y = y0; y < y0 + kTile - 1; ++y)
    for (int x = x0; x < x0 + kTile - 1; ++x)
      e += std::abs(a.at(x + 1, y) - a.at(x, y)) + std::abs(a.at(x, y + 1) - a.at(x, y));
  return e / ((kTile - 1) * (kTile - 1));
}

// Every tile of the proof with something drawn in it must find its best match in the
// render within one pixel, or at least match there as well as anywhere.
std::vector<std::string> misplaced(const Grey& proof, const Grey& render, int* tiles) {
  std::vector<std::string> bad;
  const int w = std::min(proof.w, render.w) - kTile, h = std::min(proof.h, render.h) - kTile;
  for (int y0 = kReach; y0 < h; y0 += kTile)
    for (int x0 = kReach; x0 < w; x0 += kTile) {
      if (edges(proof, x0, y0) < 8) continue;
      ++*tiles;
      double best = -3, near = -3;
      int bx = 0, by = 0;
      for (int dy = -kReach; dy <= kReach; ++dy)
        for (int dx = -kReach; dx <= kReach; ++dx) {
          const double c = ncc(proof, render, x0, y0, dx, dy);
          if (c > best) best = c, bx = dx, by = dy;
          if (std::abs(dx) <= 1 && std::abs(dy) <= 1) near = std::max(near, c);
        }
      std::ostringstream what;
      if (near == -2) what << "nothing drawn in the PDF at tile " << x0 << "," << y0;
      else if ((std::abs(bx) > 1 || std::abs(by) > 1) && best > near + 0.02)
        what << "tile " << x0 << "," << y0 << " is " << bx << "," << by << " px off (" << near << " vs " << best << ")";
      if (!what.str().empty()) bad.push_back(what.str());
    }
  return bad;
}

void check_sample(const fs::path& issue_file) {
  CAPTURE(issue_file.string());
  base::Context ctx = test::context();
  const model::Issue issue = model::load_issue(issue_file.string(), ctx);
  const auto fonts = text::FontSet::load(model::load_font_map(ctx), ctx);
  image::Store store;
  flow::Options fo;
  fo.images = &store;
  const frame::Document doc = flow::lay_out(issue, *fonts, ctx, fo);
  pdf::Options opt;
  opt.title = doc.title, opt.date_iso = doc.date_iso, opt.producer = "paperset test";
  opt.output = pdf::default_output_condition(ctx);
  const auto res = pdf::prepare(doc, store, opt, ctx.diag);
  std::vector<std::size_t> all;
  for (std::size_t i = 0; i < doc.pages.size(); ++i) all.push_back(i);
  const fs::path dir = test::temp_dir("placement");
  std::ofstream(dir / "out.pdf", std::ios::binary) << pdf::write(doc, *res, all);
  const auto gs = test::run_shell("gs -q -dUseTrimBox -r150 -sDEVICE=pnggray -o '" + (dir / "gs-%d.png").string() +
                                  "' '" + (dir / "out.pdf").string() + "'");
  REQUIRE(gs.exit_code == 0);
  for (std::size_t i = 0; i < doc.pages.size(); ++i) {
    CAPTURE(i);
    render::render_png(doc, store, static_cast<int>(i), dir / "proof.png");
    const Grey proof = load(dir / "proof.png"), render = load(dir / ("gs-" + std::to_string(i + 1) + ".png"));
    CHECK(std::abs(proof.w - render.w) <= 1);
    CHECK(std::abs(proof.h - render.h) <= 1);
    int tiles = 0;
    const auto bad = misplaced(proof, render, &tiles);
    std::string list;
    for (const auto& b : bad) list += b + "\n";
    CHECK_MESSAGE(bad.empty(), list);
    CHECK(tiles > 100);  // the comparison saw the page's text and photos
  }
}

}  // namespace

TEST_CASE("placement: Ghostscript's render of the PDF matches cairo's proof within a pixel") {
  for (const char* sample : {"wujin-2024-01-05.xml", "district-tabloid.xml", "vertical-feature.xml"})
    check_sample(test::source_root() / "samples" / sample);
}

TEST_CASE("placement: the comparison finds a page drawn two pixels off") {
  Grey a;
  a.w = a.h = 200;
  for (int y = 0; y < a.h; ++y)
    for (int x = 0; x < a.w; ++x) a.v.push_back(((x / 7 + y / 5) % 3 == 0) ? 0.f : 255.f);
  Grey b = a;
  for (int y = 0; y < b.h; ++y)
    for (int x = 0; x < b.w; ++x) b.v[static_cast<std::size_t>(y * b.w + x)] = a.at(std::max(0, x - 2), y);
  int tiles = 0;
  CHECK_FALSE(misplaced(a, b, &tiles).empty());
  CHECK(misplaced(a, a, &tiles).empty());
}
