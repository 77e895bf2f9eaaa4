// Spacing (docs/typography.md "Spacing and justification") and paragraph geometry: the
// Han–Latin space, typed spaces, the first-line indent, alignment, and the order in
// which a line shrinks or stretches.
#include <doctest/doctest.h>

#include "helpers.h"

using base::Len;

using compose::Align;

namespace {

const Len kEm = ct::em(9);

// Sum of the shaped advances of bytes [from, to) of a string set alone in Song 9 pt.
Len advance_of(const std::string& s) {
  Len w = 0;
  for (const auto& g : ct::shape(s).glyphs) w += g.advance;
  return w;
}

compose::Line one_line(const std::string& text, compose::ParaStyle st = ct::style(0, Align::Left)) {
  const auto lines = ct::para(text, st).lines(kEm * 30);
  REQUIRE(lines.size() == 1);
  return lines[0];
}

}  // namespace

TEST_CASE("Han–Latin space: 1/8 em between Han and Latin letters or digits") {
  const Len abc = advance_of("ABC");
  const auto l = one_line("中文ABC中文");
  CHECK(ct::glyph_x(l, 2) == kEm * 2 + kEm / 8);
  CHECK(ct::glyph_x(l, 5) == kEm * 2 + kEm / 8 + abc + kEm / 8);
  CHECK(ct::sum_adjust(l, "han-latin") == kEm / 4);

  const auto digits = one_line("2023年");
  CHECK(ct::glyph_x(digits, 4) == advance_of("2023") + kEm / 8);
  const auto pct = one_line("增长5.2%的");
  CHECK(ct::glyph_x(pct, 2) == kEm * 2 + kEm / 8);
  CHECK(ct::glyph_x(pct, 6) == kEm * 2 + kEm / 8 + advance_of("5.2%") + kEm / 8);
}

TEST_CASE("no Han–Latin space at a line start or end, or next to full-width punctuation") {
  const auto start = one_line("ABC中");
  CHECK(ct::glyph_x(start, 0) == 0);
  const auto punct = one_line("中，ABC。");
  CHECK(ct::glyph_x(punct, 2) == kEm * 2);
  CHECK(punct.width == kEm * 3 + advance_of("ABC"));
  // 一二三四五 fill the line; the break before A leaves no space at the end of line 1.
  const auto lines = ct::para("一二三四五ABCDE").lines(kEm * 5);
  REQUIRE(lines.size() == 2);
  CHECK(ct::line_text(lines[0]) == "一二三四五");
  CHECK(lines[0].adjustments.empty());
  CHECK(ct::glyph_x(lines[1], 0) == 0);
}

TEST_CASE("the Han–Latin space is the style's setting") {
  compose::ParaStyle st = ct::style(0, Align::Left);
  st.han_latin_em1000 = 250;  // book style
  CHECK(ct::glyph_x(one_line("中文ABC", st), 2) == kEm * 2 + kEm / 4);
  st.han_latin_em1000 = 0;
  CHECK(ct::glyph_x(one_line("中文ABC", st), 2) == kEm * 2);
}

TEST_CASE("a space typed between Han characters stays, at the style's width") {
  const auto byline = one_line("□ 记者 徐梦超 宋祎凡");
  CHECK(ct::line_text(byline) == "□ 记者 徐梦超 宋祎凡");
  CHECK(ct::glyph_x(byline, 2) == kEm + kEm / 2);  // default 1/2 em
  compose::ParaStyle st = ct::style(0, Align::Left);
  st.space_em1000 = 1000;  // bylines and credits: 1 em
  const auto wide = one_line("□ 记者 徐梦超 宋祎凡", st);
  CHECK(ct::glyph_x(wide, 2) == kEm * 2);
  CHECK(wide.width == kEm * (1 + 1 + 2 + 1 + 3 + 1 + 3));
  // A space between Latin words is a word space (the font's), not the Han space.
  const auto words = one_line("用New York表示");
  CHECK(ct::glyph_x(words, 5) == kEm * 1 + kEm / 8 + advance_of("New "));
}

TEST_CASE("first-line indent is 2 em by default; later lines start at the edge") {
  compose::ParaStyle st;  // default: justify, 2-em indent
  const auto p = ct::para("一二三四五六七八九十", st);
  CHECK(ct::layout(p, 5) == "一二三|四五六七八|九十");
  const auto lines = p.lines(kEm * 5);
  CHECK(lines[0].indent == kEm * 2);
  CHECK(ct::glyph_x(lines[0], 0) == kEm * 2);
  CHECK(lines[0].width == kEm * 5);
  CHECK(ct::glyph_x(lines[1], 0) == 0);
  st.indent_em1000 = 0;
  CHECK(ct::layout(ct::para("一二三四五六七八九十", st), 5) == "一二三四五|六七八九十");
}

TEST_CASE("Align Left / Center / Right set the line unjustified at the start, middle or end") {
  struct Row {
    Align align;
    Len x0;
  };
  for (const Row& r : {Row{Align::Left, 0}, Row{Align::Center, kEm * 7 / 2}, Row{Align::Right, kEm * 7},
                       Row{Align::Justify, 0}}) {
    const auto l = ct::para("一二三", ct::style(0, r.align)).lines(kEm * 10).at(0);
    CHECK(ct::glyph_x(l, 0) == r.x0);
    CHECK(l.width == r.x0 + kEm * 3);
    CHECK(l.last);
  }
  // Not justified: a short non-final line of a centred headline stays short.
  const auto lines = ct::para("一二三四五六七八九十，一二", ct::style(0, Align::Center)).lines(kEm * 10);
  REQUIRE(lines.size() == 2);
  CHECK(ct::line_text(lines[0]) == "一二三四五六七八九");
  CHECK(lines[0].width == kEm * 19 / 2);  // 9 em centred in 10: offset 1/2 em
  CHECK(ct::glyph_x(lines[0], 0) == kEm / 2);
}

TEST_CASE("the last line of a paragraph is flush left and never stretched") {
  const auto lines = ct::para("一二三四五六七").lines(kEm * 5);
  REQUIRE(lines.size() == 2);
  CHECK(lines[1].last);
  CHECK(lines[1].width == kEm * 2);
  CHECK(lines[1].adjustments.empty());
}

TEST_CASE("stretch order: Han–Latin spaces reach 1/4 em before other gaps open") {
  // Line 1 must stretch (the comma cannot start line 2): the Han–Latin spaces go to
  // 1/4 em first, the rest is spread over the gaps between characters.
  const auto lines = ct::para("一二A三四五六七八，九十").lines(kEm * 9);
  REQUIRE(lines.size() == 2);
  const auto& l = lines[0];
  CAPTURE(compose::dump_line(ct::para("一二A三四五六七八，九十"), l));
  CHECK(ct::line_text(l) == "一二A三四五六七");
  CHECK(l.width == kEm * 9);
  CHECK(ct::sum_adjust(l, "han-latin") + ct::sum_adjust(l, "stretch-hl") == kEm / 2);
  CHECK(ct::sum_adjust(l, "justify") > 0);
}

TEST_CASE("stretch order: a typed space grows by 1/2 em before characters are spaced out") {
  // 10 em: the comma cannot start line 2 and squeezing the line cannot take it in, so
  // 九 goes down and line 1 must grow by 1/2 em. The space typed between the names takes
  // it all (JLREQ §3.8: expansion goes to spaces first): no character is spaced out.
  const std::string text = "记者 赵一鸣六七八九十，一二三四五";
  const auto lines = ct::para(text).lines(kEm * 10);
  REQUIRE(lines.size() == 2);
  const auto& l = lines[0];
  CAPTURE(compose::dump_line(ct::para(text), l));
  CHECK(ct::line_text(l) == "记者 赵一鸣六七八九");
  CHECK(l.width == kEm * 10);
  CHECK(ct::sum_adjust(l, "stretch-space") == kEm / 2);
  CHECK(ct::sum_adjust(l, "justify") == 0);
  CHECK(l.stretch_em1000 == 0);
  CHECK_FALSE(l.loose);
  // More than 1/2 em to fill: the space stops at 1/2 em, the gaps share the rest.
  const auto wide = ct::para(text).lines(kEm * 10 + kEm / 4);
  REQUIRE(wide.size() == 2);
  CHECK(ct::line_text(wide[0]) == "记者 赵一鸣六七八九");
  CHECK(ct::sum_adjust(wide[0], "stretch-space") == kEm / 2);
  CHECK(ct::sum_adjust(wide[0], "justify") == kEm / 4);
}

TEST_CASE("shrink order: the line-end mark first, then the other marks") {
  // 一，三四五六七八九十。: 11 em on a 10.25-em line needs 3/4 em: the period gives its
  // blank half, the comma the remaining 1/4 em.
  const auto lines = ct::para("一，三四五六七八九十。一二").lines(kEm * 41 / 4);
  REQUIRE(lines.size() == 2);
  const auto& l = lines[0];
  CAPTURE(l.break_reason);
  CHECK(ct::line_text(l) == "一，三四五六七八九十。");
  CHECK(l.width == kEm * 41 / 4);
  CHECK(ct::sum_adjust(l, "line-end-punct") == -kEm / 2);
  CHECK(ct::sum_adjust(l, "shrink-punct") == -kEm / 4);
}
