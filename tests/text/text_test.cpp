// Fonts and shaping: the font map resolves to the families it names, shaping is Chinese
// (zh-Hans) with full-width punctuation, fallbacks are explicit and reported.
#include <doctest/doctest.h>

#include <fstream>

#include "base/utf8.h"
#include "model/font_map.h"
#include "support/support.h"
#include "text/shape.h"

namespace {

std::shared_ptr<text::FontSet> fonts() {
  static auto set = [] {
    auto ctx = test::context();
    return text::FontSet::load(model::load_font_map(ctx), ctx);
  }();
  return set;
}

text::ShapedText shape_in(const std::string& s, text::Role role, base::Diagnostics& diag, double pt = 9,
                          const text::ShapeOptions& opt = {}) {
  const int face = fonts()->face(role, false);
  return text::shape(*fonts(), s, {{0, static_cast<std::uint32_t>(s.size()), face, base::from_pt(pt), 0}}, diag, opt);
}

// Advance of the glyph(s) of the character at byte offset `at`.
base::Len advance_at(const text::ShapedText& t, std::uint32_t at) {
  base::Len a = 0;
  for (const auto& g : t.glyphs)
    if (g.cluster == at) a += g.advance;
  return a;
}

}  // namespace

TEST_CASE("the font map resolves each role to the family it names") {
  auto f = fonts();
  CHECK(f->info(f->face(text::Role::Song, false)).family == "Noto Serif CJK SC");
  CHECK(f->info(f->face(text::Role::Song, true)).style == "Bold");
  CHECK(f->info(f->face(text::Role::Hei, false)).family == "Noto Sans CJK SC");
  CHECK(f->info(f->face(text::Role::Kai, false)).family == "LXGW WenKai");
  // Noto CJK .ttc: the SC face is index 2 (docs/libraries.md §1).
  CHECK(f->info(f->face(text::Role::Song, false)).index == 2);
}

TEST_CASE("ideographic em box comes from the BASE table, not hhea") {
  const auto& i = fonts()->info(fonts()->face(text::Role::Song, false));
  CHECK(i.ideo_bottom == -120);
  CHECK(i.ideo_top == 880);
}

TEST_CASE("a font that fontconfig would silently substitute is an error naming the package") {
  auto ctx = test::context();
  const auto dir = test::temp_dir("fontmap");
  std::ofstream(dir / "fontmap.xml") << "<?xml version=\"1.0\"?>\n<fontmap>\n"
                                        "<font role=\"song\" weight=\"regular\" family=\"No Such Song\" style=\"Regular\" package=\"fonts-nosuch\"/>\n"
                                        "</fontmap>\n";
  ctx.fonts_dir = dir;
  const auto map = model::load_font_map(ctx);
  try {
    text::FontSet::load(map, ctx);
    FAIL("expected an error");
  } catch (const base::Error& e) {
    const std::string m = e.format();
    CHECK(m.find("No Such Song") != std::string::npos);
    CHECK(m.find("apt-get install fonts-nosuch") != std::string::npos);
    CHECK(m.find("fontmap.xml:3") != std::string::npos);
  }
}

TEST_CASE("Han characters and full-width marks advance exactly one em") {
  base::Diagnostics d;
  const std::string s = "中文，“引号”。";
  const auto t = shape_in(s, text::Role::Song, d);
  for (std::uint32_t at = 0; at < s.size(); at += 3) CHECK(advance_at(t, at) == base::from_pt(9));
  CHECK(d.findings().empty());
}

TEST_CASE("clusters are byte offsets into the paragraph, in order") {
  base::Diagnostics d;
  const std::string s = "2023年GDP增长5.2%";
  const auto t = shape_in(s, text::Role::Song, d);
  REQUIRE(!t.glyphs.empty());
  for (size_t i = 1; i < t.glyphs.size(); ++i) CHECK(t.glyphs[i].cluster >= t.glyphs[i - 1].cluster);
  CHECK(t.glyphs.front().cluster == 0);
  // Digits are proportional (narrower than an em), Han is one em.
  CHECK(advance_at(t, 0) < base::from_pt(9));
  CHECK(advance_at(t, 4) == base::from_pt(9));
}

TEST_CASE("half-width digits: each digit half an em, a year two ems; other Latin untouched") {
  base::Diagnostics d;
  text::ShapeOptions opt;
  opt.half_width_digits = true;
  const std::string s = "2023年GDP增长5.2%";
  const auto half = shape_in(s, text::Role::Song, d, 9, opt);
  const auto prop = shape_in(s, text::Role::Song, d, 9);
  const base::Len em = base::from_pt(9);
  for (std::uint32_t at : {0u, 1u, 2u, 3u, 16u, 18u}) CHECK(advance_at(half, at) == em / 2);
  CHECK(advance_at(half, 0) + advance_at(half, 1) + advance_at(half, 2) + advance_at(half, 3) == 2 * em);
  CHECK(advance_at(prop, 0) > em / 2);  // the face's proportional digits are wider
  // Letters, the decimal point and % keep their proportional widths.
  for (std::uint32_t at : {7u, 8u, 9u, 17u, 19u}) CHECK(advance_at(half, at) == advance_at(prop, at));
  // Vertical text: a turned year takes two ems down the line as well.
  text::ShapeOptions vert = opt;
  vert.vertical = true;
  const auto v = shape_in("建于1984年", text::Role::Song, d, 9, vert);
  base::Len year = 0;
  for (std::uint32_t at = 6; at < 10; ++at) year += advance_at(v, at);
  CHECK(year == 2 * em);
  CHECK(d.findings().empty());
}

TEST_CASE("Kai text takes Chinese quotes from the Song font (WenKai's are narrow Latin glyphs)") {
  auto f = fonts();
  const int kai = f->face(text::Role::Kai, false);
  CHECK(f->info(kai).narrow_quotes);
  base::Diagnostics d;
  const std::string s = "说“好”";
  const auto t = shape_in(s, text::Role::Kai, d);
  for (const auto& g : t.glyphs) {
    const bool quote = g.cluster == 3 || g.cluster == 9;
    CHECK((g.face == kai) == !quote);
    if (quote) CHECK(g.advance == base::from_pt(9));
  }
}

TEST_CASE("a character no font has is reported as a missing glyph") {
  base::Diagnostics d;
  const auto t = shape_in("中\xF0\x9F\x98\x80文", text::Role::Song, d);  // U+1F600
  REQUIRE(d.findings().size() == 1);
  CHECK(d.findings()[0].code == "missing-glyph");
  CHECK(d.findings()[0].message.find("U+1F600") != std::string::npos);
}

TEST_CASE("a forced break (U+000A) shapes to nothing visible") {
  base::Diagnostics d;
  const auto t = shape_in("中\n文", text::Role::Song, d);
  CHECK(d.findings().empty());
  CHECK(advance_at(t, 3) == 0);
}

TEST_CASE("script classes") {
  CHECK(text::script_of(U'中') == text::Script::Han);
  CHECK(text::script_of(U'，') == text::Script::Punct);
  CHECK(text::script_of(U'“') == text::Script::Punct);
  CHECK(text::script_of(U'A') == text::Script::Latin);
  CHECK(text::script_of(U'7') == text::Script::Digit);
  CHECK(text::script_of(U' ') == text::Script::Space);
  CHECK(text::script_of(U'□') == text::Script::Han);
}

// docs/architecture.md habit 6: tests run on pinned fonts. The expected metrics, glyph widths
// and line breaks in these suites were measured on these versions; a different font
// version must fail loudly here rather than make other tests drift.
TEST_CASE("the pinned Debian font versions are the ones installed") {
  auto f = fonts();
  const auto version = [&](text::Role r, bool bold) { return f->info(f->face(r, bold)).version; };
  CHECK(version(text::Role::Song, false).find("2.001") != std::string::npos);  // fonts-noto-cjk 20220127
  CHECK(version(text::Role::Hei, false).find("2.004") != std::string::npos);
  CHECK(version(text::Role::Kai, false).find("1.250") != std::string::npos);   // fonts-lxgw-wenkai 1.250
}
