// What the plates receive (docs/print.md "How we check it"): a page of black text and a grey
// photo prints on the black plate only — crop and registration marks included — and a
// page with a colour banner uses registration colour for its marks.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "cli/cli_helpers.h"

namespace {

using clitest::quote;

std::vector<double> inkcov(const std::filesystem::path& pdf) {
  const auto r = test::run_shell("gs -q -dNOPAUSE -dBATCH -o - -sDEVICE=inkcov " + quote(pdf));
  REQUIRE(r.exit_code == 0);
  std::istringstream in(r.out);
  std::vector<double> v(4);
  in >> v[0] >> v[1] >> v[2] >> v[3];
  return v;
}

std::filesystem::path mono_issue(const std::filesystem::path& dir, bool banner) {
  REQUIRE(test::run_shell("convert -size 600x400 gradient:white-black -colorspace Gray " + quote(dir / "grey.jpg")).exit_code == 0);
  std::ofstream f(dir / "issue.xml");
  f << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
       "<issue paper=\"武进日报\" date=\"2024-01-05\" layout=\"tabloid\">\n<page number=\"1\">\n"
       "<article id=\"a\" col=\"1\" cols=\"3\" row=\"1\" rows=\"20\"><headline>黑白版面</headline>"
       "<p>改革有力度，服务有温度，企业与群众的满意度才能提升，经济高质量发展才能跑出“加速度”。</p></article>\n"
       "<photo id=\"g\" src=\"grey.jpg\" col=\"4\" cols=\"3\" row=\"1\" rows=\"20\"><caption>灰度照片。</caption>"
       "<credit>徐晶玮 摄</credit></photo>\n";
  if (banner) f << "<banner col=\"1\" cols=\"6\" row=\"21\" rows=\"4\">勇挑大梁走在前</banner>\n";
  f << "</page>\n</issue>\n";
  return dir / "issue.xml";
}

// Builds the one-page issue into a fresh folder; returns the PDF's path.
std::filesystem::path build_page(const std::string& tag, bool banner) {
  const auto dir = clitest::scratch(tag);
  const auto r = clitest::paperset("build " + quote(mono_issue(dir, banner)) + " -o " + quote(dir / "out.pdf") +
                                   " --allow-overset --allow-low-res");
  REQUIRE_MESSAGE(r.exit_code == 0, r.out);
  return dir / "out.pdf";
}

}  // namespace

TEST_CASE("a page of black text and a grey photo uses the black plate only, marks included") {
  const auto pdf = build_page("ink-mono", false);
  const auto ink = inkcov(pdf);
  CHECK(ink[0] == 0.0);
  CHECK(ink[1] == 0.0);
  CHECK(ink[2] == 0.0);
  CHECK(ink[3] > 0.0);
  // The marks are there: the MediaBox is larger than the BleedBox.
  const auto info = test::run_shell("pdfinfo -box " + quote(pdf));
  CHECK(info.out.find("TrimBox") != std::string::npos);
  CHECK(info.out.find("MediaBox:            0.00     0.00") != std::string::npos);
  CHECK(info.out.find("BleedBox:            0.00     0.00") == std::string::npos);
}

TEST_CASE("a page with a red banner puts its marks on every plate") {
  const auto ink = inkcov(build_page("ink-colour", true));
  CHECK(ink[0] > 0.0);  // cyan only from the registration marks (the banner is 0 100 100 0)
  CHECK(ink[1] > 0.0);
}
