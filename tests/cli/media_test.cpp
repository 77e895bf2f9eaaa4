// Photos and ads as they arrive (docs/format.md "Photos and ads"), checked the way a
// plant and a layout editor check them: an Exif-rotated photo stands upright on the proof
// and in Ghostscript's render of the PDF; an agency photo separated for coated paper
// comes out under the newsprint ink limit (gs pamcmyk32); a placed PDF ad keeps its
// embedded fonts (pdffonts) and its spot colour plate (tiffsep); a late ad or photo keeps
// its slot; an ad of the wrong size is refused with both sizes.
#include <doctest/doctest.h>

#include <fstream>

#include "cli/cli_helpers.h"

namespace {

using clitest::quote;
namespace fs = std::filesystem;

void spit(const fs::path& p, const std::string& s) { std::ofstream(p, std::ios::binary) << s; }

fs::path issue(const fs::path& dir, const std::string& blocks) {
  spit(dir / "issue.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<issue paper=\"运河晚报\" date=\"2024-03-15\" layout=\"tabloid\">\n<page number=\"3\">\n" +
                              blocks + "\n</page>\n</issue>\n");
  return dir / "issue.xml";
}

// A sample file copied next to the issue (files an issue names stay inside its folder).
std::string sample(const fs::path& dir, const std::string& name) {
  fs::copy_file(test::source_root() / "samples/images" / name, dir / name, fs::copy_options::overwrite_existing);
  return name;
}

// The mean RGB of a region of a PNG, as "R G B" (ImageMagick).
std::array<int, 3> mean_rgb(const fs::path& png, int x, int y, int w, int h) {
  const auto r = test::run_shell("convert " + quote(png) + " -crop " + std::to_string(w) + "x" + std::to_string(h) + "+" +
                                 std::to_string(x) + "+" + std::to_string(y) +
                                 " +repage -resize 1x1! -depth 8 -format '%[fx:int(255*r)] %[fx:int(255*g)] %[fx:int(255*b)]' info:");
  std::array<int, 3> v{};
  std::istringstream in(r.out);
  in >> v[0] >> v[1] >> v[2];
  return v;
}

// A portrait stored on its side: shown upright it is red in its top half and blue below;
// stored turned 90° anticlockwise with Exif Orientation 6 (turn clockwise to show).
fs::path rotated_jpeg(const fs::path& dir) {
  const fs::path up = dir / "up.jpg";
  REQUIRE(test::run_shell("convert -size 600x900 xc:red -fill blue -draw 'rectangle 0,450 600,900' -rotate -90 -quality 95 " +
                          quote(up)).exit_code == 0);
  std::ifstream in(up, std::ios::binary);
  std::string jpeg((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string tiff = std::string("MM\0*\0\0\0\x08\0\x01\x01\x12\0\x03\0\0\0\x01\0\x06\0\0\0\0\0\0", 26);
  const std::string body = std::string("Exif\0\0", 6) + tiff;
  const int len = static_cast<int>(body.size()) + 2;
  const std::string app1 = std::string("\xFF\xE1", 2) + static_cast<char>(len >> 8) + static_cast<char>(len & 0xFF) + body;
  spit(dir / "portrait.jpg", jpeg.substr(0, 2) + app1 + jpeg.substr(2));
  return dir / "portrait.jpg";
}

}  // namespace

TEST_CASE("an Exif-rotated photo stands upright on the proof and in the PDF") {
  const auto dir = clitest::scratch("media-exif");
  rotated_jpeg(dir);
  issue(dir, R"(<photo id="p" src="portrait.jpg" col="1" cols="2" row="1" rows="20" fit="fit"/>)");
  const auto r = clitest::paperset("build " + quote(dir / "issue.xml") + " -o " + quote(dir / "o.pdf") + " --png " +
                                   quote(dir) + " --allow-low-res");
  REQUIRE_MESSAGE(r.exit_code == 0, r.out);
  REQUIRE(test::run_shell("cd " + quote(dir) + " && gs -q -dUseTrimBox -r150 -sDEVICE=png16m -o gs.png o.pdf").exit_code == 0);
  // The photo block: columns 1–2 from the grid's left (10 mm), grid top 30 mm; the image
  // is fitted to the block's width (225.75 pt), 1.5 times as tall.
  const int x = 59 + 40, top = 177, h = static_cast<int>(225.75 * 1.5 * 150 / 72);
  for (const fs::path& png : {dir / "page-03.png", dir / "gs.png"}) {
    CAPTURE(png);
    const auto upper = mean_rgb(png, x, top + h / 8, 200, h / 4), lower = mean_rgb(png, x, top + 5 * h / 8, 200, h / 4);
    CHECK(upper[0] > 180);  // red above …
    CHECK(upper[2] < 100);
    CHECK(lower[2] > 120);  // … blue below: upright, not on its side
    CHECK(lower[0] < 100);
  }
  // Passed through: the JPEG in the PDF is the file's own bytes, turned by the placement.
  const auto images = test::run_shell("pdfimages -list " + quote(dir / "o.pdf"));
  CHECK(images.out.find("900   600") != std::string::npos);
}

TEST_CASE("an agency photo separated for coated paper is re-separated under the newsprint ink limit") {
  const auto dir = clitest::scratch("media-ink");
  issue(dir, "<photo id=\"night\" src=\"" + sample(dir, "nightmarket.jpg") + "\" col=\"1\" cols=\"4\" row=\"1\" rows=\"24\"/>");
  const auto r = clitest::paperset("build " + quote(dir / "issue.xml") + " -o " + quote(dir / "o.pdf"));
  REQUIRE_MESSAGE(r.exit_code == 0, r.out);
  CHECK(r.out.find("issue.xml:4:1: warning: page 3, 'night'") != std::string::npos);
  CHECK(r.out.find("[photo-reseparated]") != std::string::npos);
  CHECK(r.out.find("nightmarket.jpg") != std::string::npos);
  // Max C+M+Y+K over the page as Ghostscript separates it (the photo is all there is in
  // colour; black text is 100 %).
  REQUIRE(test::run_shell("cd " + quote(dir) + " && gs -q -r50 -dUseTrimBox -sDEVICE=pamcmyk32 -o o.pam o.pdf").exit_code == 0);
  std::ifstream in(dir / "o.pam", std::ios::binary);
  std::string pam((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto body = pam.find("ENDHDR\n");
  REQUIRE(body != std::string::npos);
  int most = 0;
  for (std::size_t i = body + 7; i + 3 < pam.size(); i += 4) {
    int sum = 0;
    for (int k = 0; k < 4; ++k) sum += static_cast<unsigned char>(pam[i + k]);
    most = std::max(most, sum);
  }
  CHECK(most * 100 <= 241 * 255);  // 240 % and rounding
  CHECK(most * 100 > 200 * 255);   // the shadows are still deep
}

TEST_CASE("a placed PDF ad keeps its embedded fonts, its spot colour plate and its text") {
  const auto dir = clitest::scratch("media-ad");
  issue(dir, "<ad id=\"p3-ad\" src=\"" + sample(dir, "ad-yunhe-property.pdf") +
                 "\" client=\"运河置业\" col=\"1\" cols=\"6\" row=\"31\" rows=\"30\"/>");
  const auto r = clitest::paperset("build " + quote(dir / "issue.xml") + " -o " + quote(dir / "o.pdf"));
  REQUIRE_MESSAGE(r.exit_code == 0, r.out);
  const auto fonts = test::run_shell("pdffonts " + quote(dir / "o.pdf"));
  CHECK(fonts.out.find("NotoSansCJKsc-Bold") != std::string::npos);
  CHECK(fonts.out.find(" no ") == std::string::npos);  // every font embedded, subset, with ToUnicode
  const auto text = test::run_shell("pdftotext -raw " + quote(dir / "o.pdf") + " -");
  CHECK(clitest::strip_ws(text.out).find("运河·锦园春季献礼") != std::string::npos);
  REQUIRE(test::run_shell("cd " + quote(dir) + " && gs -q -r50 -sDEVICE=tiffsep -o sep.tif o.pdf").exit_code == 0);
  CHECK(fs::exists(dir / "sep(PANTONE 485 C).tif"));
  const auto plate = test::run_shell("convert " + quote(dir / "sep(PANTONE 485 C).tif") + " -format '%[fx:minima]' info:");
  CHECK(std::stod(plate.out) < 0.5);  // ink on the plate (tiffsep: 0 = full ink)
}

TEST_CASE("an ad of the wrong size is refused with both sizes; a late ad keeps its slot") {
  const auto dir = clitest::scratch("media-ad-size");
  issue(dir, "<ad id=\"small\" src=\"" + sample(dir, "ad-yunhe-property.pdf") + "\" col=\"1\" cols=\"3\" row=\"31\" rows=\"30\"/>");
  auto r = clitest::paperset("build " + quote(dir / "issue.xml") + " -o " + quote(dir / "o.pdf"));
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("issue.xml:4:1: error: page 3, 'small': ad 'small'") != std::string::npos);
  CHECK(r.out.find("250.0 × 166.7 mm (its TrimBox), the slot is 122.2 × 166.7 mm") != std::string::npos);
  CHECK(r.out.find("[ad-size]") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "o.pdf"));

  issue(dir, R"(<ad id="late" client="运河置业" col="1" cols="6" row="31" rows="30"/>)");
  r = clitest::paperset("build " + quote(dir / "issue.xml") + " -o " + quote(dir / "o.pdf"));
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("--allow-missing-ads") != std::string::npos);
  r = clitest::paperset("build " + quote(dir / "issue.xml") + " -o " + quote(dir / "o.pdf") + " --allow-missing-ads --png " +
                        quote(dir));
  REQUIRE_MESSAGE(r.exit_code == 0, r.out);
  CHECK(r.out.find("page 3, 'late'") != std::string::npos);
  CHECK(r.out.find("[ad-missing]") != std::string::npos);
  // The proof marks the slot (grey with a cross); the PDF leaves it white.
  const auto proof = mean_rgb(dir / "page-03.png", 100, 1300, 300, 200);
  CHECK(proof[0] < 245);
  REQUIRE(test::run_shell("cd " + quote(dir) + " && gs -q -dUseTrimBox -r150 -sDEVICE=png16m -o gs.png o.pdf").exit_code == 0);
  CHECK(mean_rgb(dir / "gs.png", 100, 1300, 300, 200)[0] == 255);
}

TEST_CASE("a missing photo is an error, or a placeholder with --allow-missing-photos") {
  const auto dir = clitest::scratch("media-missing");
  issue(dir, R"(<photo id="gone" src="nothere.jpg" col="1" cols="2" row="1" rows="10"><caption>图片说明。</caption></photo>)");
  auto r = clitest::paperset("build " + quote(dir / "issue.xml") + " -o " + quote(dir / "o.pdf"));
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("issue.xml:4:") != std::string::npos);
  r = clitest::paperset("build " + quote(dir / "issue.xml") + " -o " + quote(dir / "o.pdf") + " --allow-missing-photos");
  REQUIRE_MESSAGE(r.exit_code == 0, r.out);
  CHECK(r.out.find("[photo-missing]") != std::string::npos);
  CHECK(clitest::strip_ws(test::run_shell("pdftotext -raw " + quote(dir / "o.pdf") + " -").out).find("图片说明。") !=
        std::string::npos);  // the caption is still set
}
