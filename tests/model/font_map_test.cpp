// The font map (fonts/fontmap.xml; docs/format.md "The font map").
#include <doctest/doctest.h>

#include <fstream>

#include "model/font_map.h"
#include "support/support.h"

namespace {

// A context whose fonts folder holds `xml` as fontmap.xml.
base::Context with_map(const std::string& xml) {
  auto ctx = test::context();
  ctx.fonts_dir = test::temp_dir("fontmap");
  std::ofstream(ctx.fonts_dir / "fontmap.xml") << xml;
  return ctx;
}

}  // namespace

TEST_CASE("the shipped font map: song, hei and kai, regular and bold, from Debian packages") {
  const auto map = model::load_font_map(test::context());
  REQUIRE(map.entries.size() == 6);
  CHECK(map.source == (test::source_root() / "fonts/fontmap.xml").string());
  const auto& song = map.entries[0];
  CHECK(song.role == model::FontRole::Song);
  CHECK_FALSE(song.bold);
  CHECK(song.family == "Noto Serif CJK SC");
  CHECK(song.style == "Regular");
  CHECK(song.package == "fonts-noto-cjk");
  CHECK(song.file.empty());
  CHECK(song.loc.line > 0);
  CHECK(map.entries[3].role == model::FontRole::Hei);
  CHECK(map.entries[3].bold);
  CHECK(map.entries[3].style == "Bold");
  CHECK(map.entries[4].family == "LXGW WenKai");
  CHECK(map.entries[4].package == "fonts-lxgw-wenkai");
  for (const auto& e : map.entries) CHECK(e.role != model::FontRole::Fang);  // no Fangsong in Debian 12
}

TEST_CASE("role names") {
  CHECK(std::string(model::role_name(model::FontRole::Song)) == "song");
  CHECK(std::string(model::role_name(model::FontRole::Hei)) == "hei");
  CHECK(std::string(model::role_name(model::FontRole::Kai)) == "kai");
  CHECK(std::string(model::role_name(model::FontRole::Fang)) == "fang");
}

TEST_CASE("a font file shipped in fonts/ resolves to its path") {
  auto ctx = with_map("<fontmap>\n<font role=\"kai\" family=\"X\" package=\"p\" file=\"x.ttf\"/>\n</fontmap>\n");
  std::ofstream(ctx.fonts_dir / "x.ttf") << "not really a font";
  const auto map = model::load_font_map(ctx);
  REQUIRE(map.entries.size() == 1);
  CHECK(map.entries[0].file == (ctx.fonts_dir / "x.ttf").string());
  CHECK(map.entries[0].style == "Regular");
}

TEST_CASE("bad font maps: file, line and fix") {
  struct Case {
    const char* xml;
    int line;
    const char* message;
    const char* fix;
  };
  const Case cases[] = {
      {"<fontmap>\n<font role=\"song\" family=\"A\" package=\"p\"/>\n<font role=\"song\" weight=\"regular\" "
       "family=\"B\" package=\"p\"/>\n</fontmap>",
       3, "mapped twice (first at line 2)", "one <font> per role"},
      {"<fontmap>\n<font role=\"ming\" family=\"A\" package=\"p\"/>\n</fontmap>", 2, "is not one of: song, hei",
       "write one of"},
      {"<fontmap>\n\n<font role=\"song\" package=\"p\"/>\n</fontmap>", 3, "missing required attribute family",
       "add family="},
      {"<fontmap>\n<font role=\"song\" family=\"A\" package=\"p\"\n  file=\"gone.ttf\"/>\n</fontmap>", 3,
       "gone.ttf' not found", "put the font file"},
      {"<fontmap>\n<face role=\"song\"/>\n</fontmap>", 2, "unknown element <face>", "may hold: font"},
      {"<fontmap>\n</fontmap>", 1, "lists no fonts", "add <font"},
      {"<fontmap>\n<font role=\"song\" family=\"A\" package=\"p\">\n</fontmap>", 2, "malformed XML", "close every"},
  };
  for (const auto& c : cases) {
    CAPTURE(std::string(c.xml));
    const auto ctx = with_map(c.xml);
    try {
      model::load_font_map(ctx);
      FAIL_CHECK("no error");
    } catch (const base::Error& e) {
      CHECK(e.loc().file == (ctx.fonts_dir / "fontmap.xml").string());
      CHECK(e.loc().line == c.line);
      CHECK(e.message().find(c.message) != std::string::npos);
      CHECK(e.fix().find(c.fix) != std::string::npos);
    }
  }
}

TEST_CASE("a missing font map is an error naming it") {
  auto ctx = test::context();
  ctx.fonts_dir = test::temp_dir("nofontmap");
  CHECK_THROWS_WITH_AS(model::load_font_map(ctx), doctest::Contains("fontmap.xml"), base::Error);
}
