// <ad> and the photo attributes crop=, focus=: read, and every mistake an error with the
// file, the line and a fix (docs/format.md "Photos and ads").
#include <doctest/doctest.h>

#include "model/issue.h"
#include "support/support.h"

namespace {

std::string issue(const std::string& page) {
  return "<issue paper=\"测试报\" date=\"2024-03-15\" layout=\"tabloid\">\n<page number=\"3\">\n" + page +
         "\n</page>\n</issue>\n";
}

// Sample images are read where they are, as with --allow-paths samples.
base::Context context() {
  base::Context c = test::context();
  c.allowed_paths.push_back(test::source_root() / "samples");
  return c;
}

std::string photo_src() { return (test::source_root() / "samples/images/market.jpg").string(); }

void expect_error(const std::string& page, const std::string& message, const std::string& fix,
                  const model::LoadOptions& opt = {}) {
  CAPTURE(page);
  try {
    model::parse_issue(issue(page), "i.xml", context(), opt);
    FAIL_CHECK("no error");
  } catch (const base::Error& e) {
    CAPTURE(std::string(e.what()));
    CHECK(e.loc().file == "i.xml");
    CHECK(e.loc().line == 3);
    CHECK(e.message().find(message) != std::string::npos);
    CHECK(e.fix().find(fix) != std::string::npos);
  }
}

}  // namespace

TEST_CASE("an ad, a crop and a focus point are read") {
  const auto is = model::parse_issue(
      issue("<ad id=\"a\" src=\"" + photo_src() + "\" page=\"2\" client=\"运河置业\" col=\"1\" cols=\"6\" row=\"31\" rows=\"30\"/>\n"
            "<photo id=\"p\" src=\"" + photo_src() + "\" col=\"1\" cols=\"2\" row=\"1\" rows=\"10\" crop=\"10% 0% 50% 100%\" focus=\"0.3 0.4\"/>"),
      "i.xml", context());
  const auto& page = is.pages.front();
  const model::Ad& ad = *page.of<model::Ad>().begin();
  CHECK(ad.src_page == 2);
  CHECK(ad.client == "运河置业");
  CHECK(ad.rect.rows == 30);
  CHECK_FALSE(ad.missing);
  const model::Photo& p = *page.of<model::Photo>().begin();
  REQUIRE(p.crop);
  CHECK(p.crop->percent);
  CHECK(p.crop->w == 50);
  REQUIRE(p.focus);
  CHECK(p.focus->first == doctest::Approx(0.3));
}

TEST_CASE("bad ads and photo attributes: file, line and fix") {
  const std::string src = photo_src();
  expect_error(R"(<ad id="a" col="1" cols="6" row="31" rows="30"/>)", "has no src=", "--allow-missing-ads");
  expect_error(R"(<ad id="a" src="late.pdf" col="1" cols="6" row="31" rows="30"/>)", "not found", "--allow-missing-ads");
  expect_error(R"(<ad src="a.pdf" col="1" cols="6" row="31" rows="30"/>)", "id", "");
  expect_error(R"(<ad id="a" src="a.pdf" col="1" cols="6" row="31" rows="30" size="half"/>)", "size", "");
  expect_error("<photo id=\"p\" src=\"" + src + "\" col=\"1\" cols=\"2\" row=\"1\" rows=\"10\" crop=\"10 20 30\"/>",
               "does not have four values", "crop=\"x y w h\"");
  expect_error("<photo id=\"p\" src=\"" + src + "\" col=\"1\" cols=\"2\" row=\"1\" rows=\"10\" crop=\"10% 0 50% 100%\"/>",
               "mixes pixels and percent", "same unit");
  expect_error("<photo id=\"p\" src=\"" + src + "\" col=\"1\" cols=\"2\" row=\"1\" rows=\"10\" crop=\"60% 0% 50% 100%\"/>",
               "beyond the image", "");
  expect_error("<photo id=\"p\" src=\"" + src + "\" col=\"1\" cols=\"2\" row=\"1\" rows=\"10\" focus=\"1.5 0.4\"/>",
               "not two numbers from 0 to 1", "focus=\"0.3 0.4\"");
  expect_error(R"(<photo id="p" src="gone.jpg" col="1" cols="2" row="1" rows="10"/>)", "not found", "--allow-missing-photos");
}

TEST_CASE("missing files are placeholders with the --allow-missing switches, and notes say so") {
  model::LoadOptions opt;
  opt.allow_missing_ads = opt.allow_missing_photos = true;
  const auto is = model::parse_issue(issue("<ad id=\"a\" client=\"X\" col=\"1\" cols=\"6\" row=\"31\" rows=\"30\"/>\n"
                                           "<photo id=\"p\" src=\"gone.jpg\" col=\"1\" cols=\"2\" row=\"1\" rows=\"10\"/>"),
                                     "i.xml", context(), opt);
  CHECK(is.pages.front().of<model::Ad>().begin()->missing);
  CHECK(is.pages.front().of<model::Photo>().begin()->missing);
  REQUIRE(is.notes.size() == 2);
  CHECK(is.notes[0].code == "ad-missing");
  CHECK(is.notes[0].page == 3);
  CHECK(is.notes[1].code == "photo-missing");
  CHECK(is.notes[1].loc.line == 4);
  // An ad overlapping a story is an overlap like any other.
  CHECK_THROWS_WITH_AS(model::parse_issue(issue("<ad id=\"a\" client=\"X\" col=\"1\" cols=\"6\" row=\"31\" rows=\"30\"/>\n"
                                                "<photo id=\"p\" src=\"gone.jpg\" col=\"1\" cols=\"2\" row=\"30\" rows=\"10\"/>"),
                                          "i.xml", context(), opt),
                       doctest::Contains("overlaps ad 'a'"), base::Error);
}
