// Punctuation width (docs/typography.md "Punctuation width"): pair compression, the line-end
// mark's blank half, the optional half-width opening mark at a line start, and
// full-width Chinese glyphs for marks shared with Western text.
#include <doctest/doctest.h>

#include "helpers.h"

using base::Len;

using compose::Align;

namespace {

const Len kEm = ct::em(9);

}  // namespace

TEST_CASE("two adjacent full-width marks take 1.5 em") {
  struct Row {
    const char* pair;
    Len width;  // of 中 + pair + 中, set flush left (no justification)
  };
  const Row rows[] = {
      {"。”", kEm * 7 / 2}, {"”，", kEm * 7 / 2}, {"）、", kEm * 7 / 2}, {"：“", kEm * 7 / 2},
      {"”“", kEm * 7 / 2},  {"（“", kEm * 7 / 2}, {"》。", kEm * 7 / 2}, {"？！", kEm * 7 / 2},
      {"！”", kEm * 7 / 2}, {"，“", kEm * 7 / 2}, {"。）", kEm * 7 / 2}, {"《「", kEm * 7 / 2},
      // not compressed: no blank between the marks, or a dash (no blank half at all)
      {"“”", kEm * 4}, {"（）", kEm * 4}, {"。——", kEm * 5},
      // three in a row: each pair loses one blank half
      {"。”）", kEm * 4},
  };
  for (const auto& r : rows) {
    CAPTURE(r.pair);
    const auto p = ct::para(std::string("中") + r.pair + "中", ct::style(0, Align::Left));
    const auto lines = p.lines(kEm * 20);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].width == r.width);
    // The last 中 sits right after the marks.
    const auto& seg = lines[0].segments.back();
    CHECK(seg.glyphs.back().x == r.width - kEm);
  }
}

TEST_CASE("the second mark of a compressed pair starts 1.5 em after the first") {
  // Closing first: its blank half goes. Opening second after opening: its blank goes,
  // and the glyph moves back by half an em. Either way the ink is where 1.5 em puts it.
  for (const char* pair : {"。”", "”“", "（“", "：“"}) {
    CAPTURE(pair);
    const auto p = ct::para(std::string("中") + pair + "中", ct::style(0, Align::Left));
    const auto l = p.lines(kEm * 20).at(0);
    CHECK(ct::glyph_x(l, 1) == kEm);
    CHECK(ct::glyph_x(l, 2) == kEm * 3 / 2);
    CHECK(ct::sum_adjust(l, "pair-compress") == -kEm / 2);
  }
}

TEST_CASE("a line-end closing mark loses its blank half first when the line must shrink") {
  // 十 + 。 = 11 em on a 10.5-em line: the period's blank half is exactly what is needed.
  const auto p = ct::para("一二三四五六七八九十。十一二");
  const auto lines = p.lines(kEm * 21 / 2);
  REQUIRE(lines.size() == 2);
  CHECK(ct::line_text(lines[0]) == "一二三四五六七八九十。");
  CHECK(lines[0].width == kEm * 21 / 2);
  REQUIRE(lines[0].adjustments.size() == 1);
  CHECK(lines[0].adjustments[0].why == "line-end-punct");
  CHECK(lines[0].adjustments[0].delta == -kEm / 2);
  CHECK(lines[0].adjustments[0].at == 30);  // the period's byte offset
}

TEST_CASE("a line-end closing mark stays full width when nothing needs shrinking") {
  const auto p = ct::para("一二三四五六七八九。十一");
  const auto lines = p.lines(kEm * 10);
  REQUIRE(lines.size() == 2);
  CHECK(ct::line_text(lines[0]) == "一二三四五六七八九。");
  CHECK(lines[0].adjustments.empty());
  CHECK(lines[0].width == kEm * 10);
  CHECK(ct::glyph_x(lines[0], 9) == kEm * 9);
}

TEST_CASE("a compressed pair split by a line break gets its blank half back") {
  // ”“ would be 1.5 em together; at a break ” ends line 1 full width and “ starts line 2.
  const auto p = ct::para("一二三四”“五六七八");
  const auto lines = p.lines(kEm * 5);
  REQUIRE(lines.size() == 2);
  CHECK(ct::line_text(lines[0]) == "一二三四”");
  CHECK(lines[0].width == kEm * 5);
  CHECK(lines[0].adjustments.empty());
  CHECK(ct::glyph_x(lines[1], 0) == 0);
}

TEST_CASE("half-width opening mark at a line start is a style option, never on the first line") {
  compose::ParaStyle st = ct::style(0, Align::Justify);
  const std::string text = "一二三四五“六七”";
  {
    const auto lines = ct::para(text, st).lines(kEm * 5);
    REQUIRE(lines.size() == 2);
    CHECK(ct::glyph_x(lines[1], 0) == 0);
    CHECK(lines[1].width == kEm * 4);
  }
  st.half_open_at_start = true;
  {
    const auto lines = ct::para(text, st).lines(kEm * 5);
    REQUIRE(lines.size() == 2);
    CHECK(ct::glyph_x(lines[1], 0) == -kEm / 2);  // the blank half is before the line start
    CHECK(lines[1].width == kEm * 7 / 2);
    CHECK(ct::sum_adjust(lines[1], "half-open-start") == -kEm / 2);
  }
  st.indent_em1000 = 2000;
  const auto first = ct::para("“一二”三四五六", st).lines(kEm * 10).at(0);
  CHECK(ct::glyph_x(first, 0) == kEm * 2);  // the 2-em indent stays exact
}

TEST_CASE("quotes, dashes, ellipses and middle dots are full width in Chinese text") {
  struct Row {
    const char* text;
    Len width;
  };
  const Row rows[] = {
      {"中“中", kEm * 3}, {"中”中", kEm * 3}, {"中‘中", kEm * 3}, {"中’中", kEm * 3},
      {"中——中", kEm * 4}, {"中……中", kEm * 4}, {"中·中", kEm * 3},
  };
  for (int face : {ct::fonts().song, ct::fonts().hei, ct::fonts().kai}) {
    for (const auto& r : rows) {
      CAPTURE(r.text);
      CAPTURE(face);
      const auto l = ct::para(r.text, ct::style(0, Align::Left), 9, face).lines(kEm * 20).at(0);
      CHECK(l.width == r.width);
    }
  }
}

TEST_CASE("a Kai line takes its quotes from the body font and compresses them like any mark") {
  // LXGW WenKai's “” are narrow Latin glyphs (FaceInfo::narrow_quotes): the text stage
  // takes them from Song; the composer sees full-width marks and compresses ：“ and ”。.
  const auto& f = ct::fonts();
  REQUIRE(f.set->info(f.kai).narrow_quotes);
  const auto l = ct::para("他说：“你好”。", ct::style(0, Align::Left), 9, f.kai).lines(kEm * 20).at(0);
  CHECK(l.width == kEm * 7);  // 他说 2 + ：½ + “ 1 + 你好 2 + ”½ + 。1
  std::vector<int> faces;
  for (const auto& seg : l.segments) faces.push_back(seg.face);
  CHECK(faces == std::vector<int>{f.kai, f.song, f.kai, f.song, f.kai});
  CHECK(l.segments[1].text == "“");
  CHECK(l.segments[3].text == "”");
}
