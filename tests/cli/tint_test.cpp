// A tint (底纹) under black text (docs/print.md "Overprint"): the text overprints, so the
// tint's plate runs on unbroken under the type — checked on the separations Ghostscript
// makes (tiffsep), the way a plate-maker would look at them.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "cli/cli_helpers.h"

namespace {

using clitest::quote;

struct Stats {
  double min = 0, max = 0;
};

// min and max of a plate (16-bit grey, 65535 = no ink) in a rectangle of pixels.
Stats plate(const std::filesystem::path& tif, int x, int y, int w, int h) {
  const auto r = test::run_shell("convert " + quote(tif) + " -crop " + std::to_string(w) + "x" + std::to_string(h) +
                                 "+" + std::to_string(x) + "+" + std::to_string(y) +
                                 " +repage -format '%[min] %[max]' info:");
  REQUIRE(r.exit_code == 0);
  std::istringstream in(r.out);
  Stats s;
  in >> s.min >> s.max;
  return s;
}

}  // namespace

TEST_CASE("black text on a cyan tint overprints: the cyan plate is not knocked out under the type") {
  const auto dir = clitest::scratch("tint-overprint");
  std::ofstream(dir / "issue.xml")
      << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<issue paper=\"测试报\" date=\"2024-03-15\" layout=\"tabloid\">\n<page number=\"1\">\n"
         "<article id=\"a\" col=\"1\" cols=\"6\" row=\"1\" rows=\"12\" box=\"notice\"><headline>底纹上的黑字</headline>"
         "<p>改革有力度，服务有温度，企业与群众的满意度才能提升，经济高质量发展才能跑出“加速度”。今年以来，新区坚持"
         "“拿地即开工”“竣工即投产”，对重点项目实行专班推进、专人帮办，平均审批时间由原来的45个工作日压缩至18个工作日。</p>"
         "</article>\n</page>\n</issue>\n";
  const auto r = clitest::paperset("build " + quote(dir / "issue.xml") + " -o " + quote(dir / "out.pdf") +
                                   " --allow-overset");
  REQUIRE_MESSAGE(r.exit_code == 0, r.out);
  REQUIRE(test::run_shell("cd " + quote(dir) + " && gs -q -r72 -o sep.tif -sDEVICE=tiffsep out.pdf").exit_code == 0);
  // At 72 dpi one pixel is one point. The trim box starts at bleed 3 mm + marks 8 mm; the
  // box (tabloid: left margin 10 mm, top 30 mm) is 708.75 × 189 pt. Look inside its frame
  // (文武线, 3.4 pt), where the headline and the text stand.
  const int off = 31, x = off + 28 + 6, y = off + 85 + 6, w = 696, h = 176;
  const Stats black = plate(dir / "sep(Black).tif", x, y, w, h);
  const Stats cyan = plate(dir / "sep(Cyan).tif", x, y, w, h);
  CHECK(black.min < 20000);        // the type is there, in black …
  CHECK(cyan.max < 65535);         // … the tint is there, in cyan …
  CHECK(cyan.min == cyan.max);     // … and unbroken under every glyph (knocked-out type would show white)
  const Stats magenta = plate(dir / "sep(Magenta).tif", x, y, w, h);
  CHECK(magenta.min == 65535);     // an 8 % cyan tint uses no other process ink
}
