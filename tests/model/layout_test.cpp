// Layout files (layouts/*.xml, format in docs/format.md "Layout files").
#include <doctest/doctest.h>

#include <cmath>

#include "model/layout.h"
#include "support/support.h"

using base::to_mm;
using base::to_pt;

namespace {

model::Layout load(const std::string& name) { return model::load_layout(name, test::context(), {}); }

std::string bad(const std::string& file) { return (test::source_root() / "tests/data/bad" / file).string(); }

// The bundled broadsheet layout with the banner style's colour attribute replaced by `attrs`.
std::string broadsheet_banner(const std::string& attrs) {
  std::string xml = base::read_file(test::source_root() / "layouts/broadsheet.xml");
  const std::string banner = "color=\"0 100 100 0\"/>";
  const auto at = xml.find(banner);
  REQUIRE(at != std::string::npos);
  return xml.replace(at, banner.size(), attrs + "/>");
}

}  // namespace

TEST_CASE("broadsheet: 8 columns of 13 em of 9 pt, grid of 102 lines of 13.5 pt") {
  const auto lay = load("broadsheet");
  CHECK(lay.name == "broadsheet");
  CHECK(lay.columns == 8);
  CHECK(lay.body_size() == 9000);
  CHECK(lay.column_width == 117000);  // 13 em × 9 pt
  CHECK(lay.gutter == 13500);         // 1.5 em
  CHECK(lay.rows == 102);
  CHECK(lay.pitch == 13500);
  CHECK(std::abs(to_mm(lay.trim_w) - 390.0) < 0.001);
  CHECK(std::abs(to_mm(lay.trim_h) - 545.0) < 0.001);
  CHECK(std::abs(to_mm(lay.bleed) - 3.0) < 0.001);
  CHECK(lay.crop_marks);
  CHECK(std::abs(to_mm(lay.margin_left) - 13.23) < 0.001);
  // Derived: 390 mm − 13.23 mm − 1030.5 pt (363.54 mm) = 13.23 mm, the text area centred.
  CHECK(std::abs(to_mm(lay.margin_right) - 13.23) < 0.01);
  CHECK(std::abs(to_mm(lay.margin_top) - 30.0) < 0.001);
  // 545 mm − 30 mm − 1377 pt (485.78 mm) = 29.22 mm
  CHECK(std::abs(to_mm(lay.margin_bottom) - 29.22) < 0.01);
  const auto area = lay.box({1, 8, 1, 102});
  CHECK(area.w == 1030500);
  CHECK(area.h == 1377000);
  CHECK(lay.col_x(2) == lay.margin_left + 130500);
  CHECK(lay.ink_limit_percent == 240);
  CHECK(lay.jump_to == "（下转第{page}版）");
  CHECK(lay.jump_from == "（上接第{page}版）");
  CHECK(lay.block_rules);
}

TEST_CASE("broadsheet styles carry what the layout file says") {
  const auto lay = load("broadsheet");
  const auto& body = lay.style("body");
  CHECK(body.font == model::FontRole::Song);
  CHECK_FALSE(body.bold);
  CHECK(body.indent_em1000 == 2000);
  CHECK(body.align == model::Align::Justify);
  const auto& head = lay.style("headline");
  CHECK(head.font == model::FontRole::Hei);
  CHECK(head.bold);
  CHECK(head.size == 22000);  // 二号, and by span: 小一 from 3 columns, 一号 from 5, 小初 from 7
  CHECK(head.size_for_span(4) == 24000);
  CHECK(head.size_for_span(8) == 36000);
  CHECK(head.align == model::Align::Center);
  CHECK(head.space_after_lines == 1);
  CHECK(lay.style("subhead").space_before_lines == 1);
  CHECK(lay.style("byline").space_em1000 == 1000);
  CHECK(lay.style("byline").font == model::FontRole::Kai);
  CHECK(lay.style("caption").size == 8000);
  CHECK(lay.style("credit").align == model::Align::Right);
  const auto& banner = lay.style("banner");
  CHECK(banner.size == 26000);  // 一号
  CHECK(banner.color == model::Cmyk{0, 1000, 1000, 0, {}});
  CHECK(body.color.is_black());
  CHECK(lay.find_style("nope") == nullptr);
  for (const char* s : {"body", "kicker", "headline", "subtitle", "byline", "dateline", "subhead", "caption", "credit",
                        "banner", "folio", "jump"})
    CHECK(lay.find_style(s) != nullptr);
}

TEST_CASE("tabloid: 6 columns of 10 em of 10.5 pt") {
  const auto lay = load("tabloid");
  CHECK(lay.columns == 6);
  CHECK(lay.column_width == 105000);
  CHECK(lay.gutter == 15750);
  CHECK(lay.rows == 60);
  CHECK(lay.pitch == 15750);
  CHECK(lay.style("headline").size == 18000);  // 小二; 二号 from 2 columns, 一号 from 5
  CHECK(lay.style("headline").size_for_span(2) == 22000);
  CHECK(lay.style("headline").size_for_span(6) == 26000);
  CHECK(lay.margin_right > 0);
  CHECK(std::abs(to_mm(lay.margin_right) - to_mm(lay.margin_left)) < 0.1);  // centred
}

TEST_CASE("a layout given by path loads; a relative path starts at the referencing file's folder") {
  const auto root = test::source_root();
  CHECK(model::load_layout((root / "layouts/tabloid.xml").string(), test::context(), {}).columns == 6);
  const base::Loc from{(root / "tests/data/good/issue.xml").string(), 4};
  CHECK(model::load_layout("../../../layouts/broadsheet.xml", test::context(), from).columns == 8);
}

TEST_CASE("an unknown layout is an error listing the available layouts") {
  const base::Loc from{"issue.xml", 3};
  try {
    model::load_layout("broadshet", test::context(), from);
    FAIL_CHECK("no error");
  } catch (const base::Error& e) {
    CHECK(e.loc().file == "issue.xml");
    CHECK(e.loc().line == 3);
    CHECK(e.message().find("unknown layout 'broadshet'") != std::string::npos);
    CHECK(e.fix().find("broadsheet, tabloid") != std::string::npos);
  }
  CHECK(model::layout_names(test::context()) == std::vector<std::string>{"broadsheet", "tabloid"});
}

TEST_CASE("an unknown style names the layout's styles") {
  const auto lay = load("broadsheet");
  try {
    lay.style("fancy", {"x.xml", 7});
    FAIL_CHECK("no error");
  } catch (const base::Error& e) {
    CHECK(e.loc().line == 7);
    CHECK(e.fix().find("body") != std::string::npos);
  }
}

namespace {
struct BadLayout {
  const char* file;
  int line;
  const char* message;
  const char* fix;
};
}  // namespace

TEST_CASE("bad layout files: file, line and fix") {
  const BadLayout cases[] = {
      {"layout_missing_style.xml", 3, "lacks required style(s): folio, jump", "add <style"},
      {"layout_too_wide.xml", 6, "the grid is wider than the page", "reduce columns"},
      {"layout_too_tall.xml", 6, "the grid is taller than the page", "reduce rows"},
      {"layout_jump_no_page.xml", 8, "does not contain {page}", "（下转第{page}版）"},
      {"layout_bad_size.xml", 11, "size=\"9ptt\" of <style> is not a length", "mm, pt or q"},
      {"layout_bad_color.xml", 20, "color=\"0 100 100\" of <style> is not a CMYK colour", "C M Y K"},
      {"layout_unknown_attribute.xml", 12, "unknown attribute fontface on <style>", "font, weight, size"},
      {"layout_zero_pitch.xml", 6, "pitch=\"0pt\" of <grid> must be greater than zero", "positive length"},
      {"layout_bad_font.xml", 15, "font=\"ming\" of <style> is not one of: song, hei, kai, fang", "write one of"},
      {"layout_duplicate_style.xml", 12, "style 'body' is defined twice (first at line 11)", "remove one"},
      {"layout_no_grid.xml", 3, "has no <grid> element", "docs/format.md"},
      {"layout_unknown_element.xml", 8, "unknown element <colour> inside <layout>", "page, margins, grid"},
  };
  for (const auto& c : cases) {
    CAPTURE(std::string(c.file));
    try {
      model::load_layout(bad(c.file), test::context(), {});
      FAIL_CHECK("no error");
    } catch (const base::Error& e) {
      CHECK(e.loc().file == bad(c.file));
      CHECK(e.loc().line == c.line);
      CHECK(e.message().find(c.message) != std::string::npos);
      CHECK(e.fix().find(c.fix) != std::string::npos);
      CHECK(std::string(e.what()).find(bad(c.file) + ":" + std::to_string(c.line) + ": error: ") == 0);
    }
  }
}

TEST_CASE("a missing required style names the layout file") {
  try {
    model::load_layout(bad("layout_missing_style.xml"), test::context(), {});
    FAIL_CHECK("no error");
  } catch (const base::Error& e) {
    CHECK(e.message().find(bad("layout_missing_style.xml")) != std::string::npos);
  }
}

TEST_CASE("layout values: em fractions, leading in em, lines, colours, yes/no") {
  const std::string xml = R"(<layout name="t">
  <page width="200mm" height="300mm" bleed="0" marks="no" marks-length="4mm"/>
  <margins top="10mm" left="10mm"/>
  <grid columns="4" column-width="40mm" gutter="12q" rows="20" pitch="1.6em"/>
  <rules between-blocks="no"/>
  <style name="body" font="song" size="10pt" han-latin="1/8em" han-latin-min="0" han-latin-max="0.25em"/>
  <style name="kicker" font="fang" size="4mm" leading="1.5em" lines="2" hanging="yes" half-open-start="yes"/>
  <style name="headline" font="hei" weight="bold" size="小初" color="0 0 0 100"/>
  <style name="subtitle" size="9pt"/><style name="byline" size="9pt" space="1em"/>
  <style name="dateline" size="9pt"/><style name="subhead" size="9pt"/><style name="caption" size="9pt"/>
  <style name="credit" size="9pt"/><style name="banner" size="9pt" color="12.5 0 0 50"/>
  <style name="folio" size="9pt"/><style name="jump" size="9pt"/>
</layout>)";
  const auto lay = model::parse_layout(xml, "t.xml");
  CHECK(lay.pitch == 16000);
  CHECK(lay.gutter == 8504);  // 12 q = 3 mm
  CHECK(lay.bleed == 0);
  CHECK_FALSE(lay.crop_marks);
  CHECK_FALSE(lay.block_rules);
  CHECK(std::abs(to_mm(lay.marks_length) - 4.0) < 0.001);
  CHECK(lay.style("body").han_latin_em1000 == 125);
  CHECK(lay.style("body").han_latin_max_em1000 == 250);
  const auto& k = lay.style("kicker");
  CHECK(k.font == model::FontRole::Fang);
  CHECK(k.leading == std::llround(1.5 * base::from_mm(4)));
  CHECK(k.grid_lines == 2);
  CHECK(k.hanging_punct);
  CHECK(k.half_open_at_start);
  CHECK(lay.style("headline").color.is_black());
  CHECK(lay.style("banner").color == model::Cmyk{125, 0, 0, 500, {}});
  CHECK(lay.style("byline").space_em1000 == 1000);
  CHECK(lay.style("subtitle").space_em1000 == 500);  // default: ½ em (docs/typography.md "Spacing")
}

TEST_CASE("a style may name a spot colour with its CMYK alternate") {
  const auto with = broadsheet_banner;

  const auto lay = model::parse_layout(with("color=\"0 100 100 0\" spot=\"PANTONE 485 C\""), "spot.xml");
  CHECK(lay.style("banner").color.spot == "PANTONE 485 C");
  CHECK(lay.style("banner").color.m == 1000);
  CHECK(lay.style("body").color.spot.empty());

  CHECK_THROWS_WITH_AS(model::parse_layout(with("color=\"0 100 100 0\" spot=\"A/B\""), "spot.xml"),
                       doctest::Contains("not usable as a PDF colourant name"), base::Error);
  CHECK_THROWS_WITH_AS(model::parse_layout(with("spot=\"PANTONE 485 C\""), "spot.xml"),
                       doctest::Contains("needs its CMYK alternate"), base::Error);
}

TEST_CASE("digits: half width unless the style asks for the face's proportional ones") {
  const auto with = broadsheet_banner;
  CHECK(model::parse_layout(with("color=\"0 100 100 0\""), "d.xml").style("banner").half_width_digits);
  CHECK_FALSE(model::parse_layout(with("digits=\"proportional\""), "d.xml").style("banner").half_width_digits);
  CHECK(model::parse_layout(with("digits=\"half\""), "d.xml").style("banner").half_width_digits);
  CHECK_THROWS_WITH_AS(model::parse_layout(with("digits=\"wide\""), "d.xml"), doctest::Contains("digits"), base::Error);
}

TEST_CASE("a style's copyfitting range: size-min ≤ size ≤ size-max, each defaulting to the size") {
  const auto tab = load("tabloid");
  CHECK(tab.style("body").size_min == base::from_pt(9.5));
  CHECK(tab.style("body").size_max == base::from_pt(11.7));
  CHECK(tab.style("headline").size_min == tab.style("headline").size);
  CHECK(tab.style("headline").size_max == tab.style("headline").size);
  auto with_body = [](const std::string& body) {
    return R"(<layout name="t"><page width="200mm" height="300mm"/><margins top="10mm" left="10mm"/>
  <grid columns="4" column-width="40mm" gutter="4mm" rows="20" pitch="12pt"/>
  )" + body + R"(
  <style name="kicker" size="9pt"/><style name="headline" size="9pt"/><style name="subtitle" size="9pt"/>
  <style name="byline" size="9pt"/><style name="dateline" size="9pt"/><style name="subhead" size="9pt"/>
  <style name="caption" size="9pt"/><style name="credit" size="9pt"/><style name="banner" size="9pt"/>
  <style name="folio" size="9pt"/><style name="jump" size="9pt"/></layout>)";
  };
  const std::pair<const char*, const char*> bad_ranges[] = {
      {R"(<style name="body" size="9pt" size-min="10pt"/>)", "size-min is larger than size"},
      {R"(<style name="body" size="9pt" size-max="8pt"/>)", "size-max is smaller than size"},
      {R"(<style name="body" size="9pt" size-min="abc"/>)", "is not a length"},
  };
  for (const auto& [body, message] : bad_ranges) {
    CAPTURE(body);
    try {
      model::parse_layout(with_body(body), "t.xml");
      FAIL("accepted");
    } catch (const base::Error& e) {
      CHECK_MESSAGE(e.message().find(message) != std::string::npos, e.message());
      CHECK(e.loc().line == 3);
    }
  }
}

TEST_CASE("composition settings: keep-dates, sizes by span, the longest readable measure") {
  const std::string xml = base::read_file(test::source_root() / "layouts/broadsheet.xml");
  const std::string banner = "color=\"0 100 100 0\"/>";
  const auto at = xml.find(banner);
  REQUIRE(at != std::string::npos);
  auto with = [&](const std::string& attrs) { return std::string(xml).replace(at, banner.size(), attrs + "/>"); };

  const auto lay = model::parse_layout(
      with("keep-dates=\"yes\" sizes=\"2:二号 4:24pt 6:一号\" max-measure=\"40em\" max-measure-mode=\"columns\""), "c.xml");
  const auto& b = lay.style("banner");
  CHECK(b.keep_dates);
  REQUIRE(b.span_sizes.size() == 3);
  CHECK(b.size_for_span(1) == b.size);
  CHECK(b.size_for_span(2) == base::from_pt(22));
  CHECK(b.size_for_span(5) == base::from_pt(24));
  CHECK(b.size_for_span(8) == base::from_pt(26));
  CHECK(b.max_measure_em1000 == 40000);
  CHECK(b.max_measure_columns);
  CHECK_FALSE(lay.style("headline").keep_dates);
  CHECK(lay.style("body").max_measure_em1000 == 0);
  CHECK(lay.style("body").keep_dates);  // the bundled layouts keep 1月4日 whole

  for (const char* bad : {"sizes=\"2二号\"", "sizes=\"0:二号\"", "sizes=\"4:二号 2:一号\"", "sizes=\"2:huge\""})
    CHECK_THROWS_WITH_AS(model::parse_layout(with(bad), "c.xml"), doctest::Contains("COLUMNS:SIZE"), base::Error);
  CHECK_THROWS_WITH_AS(model::parse_layout(with("max-measure-mode=\"wide\""), "c.xml"),
                       doctest::Contains("columns, block"), base::Error);
  CHECK_THROWS_WITH_AS(model::parse_layout(with("keep-dates=\"maybe\""), "c.xml"), doctest::Contains("keep-dates"),
                       base::Error);
}
