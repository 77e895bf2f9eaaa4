// Paragraph-level behaviour: orphans, the cursor contract flow relies on (measures that
// change from line to line), segments for the PDF, and the line dump.
#include <doctest/doctest.h>

#include "compose/classes.h"
#include "helpers.h"

using base::Len;

using compose::Align;

namespace {

const Len kEm = ct::em(9);

std::string han(int n) {
  static const std::u32string pool = U"的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理";
  std::string out;
  for (int i = 0; i < n; ++i) base::append_utf8(out, pool[static_cast<std::size_t>(i) % pool.size()]);
  return out;
}

int chars(const std::string& s) {
  int n = 0;
  for (char32_t c : ct::u32(s)) n += compose::mark_class(c) == compose::Mark::None ? 1 : 0;
  return n;
}

}  // namespace

TEST_CASE("a one-character last line is avoided by compression, and accepted rather than a loose line") {
  // Indent 2 em, 10-em measure. Three commas give up their blank halves so that 八。 joins
  // the second line instead of standing alone.
  const std::string squeezable = han(8) + "一，二，三，四五六七八。";
  const auto s = ct::para(squeezable, compose::ParaStyle{}).lines(kEm * 10);
  REQUIRE(s.size() == 2);
  CHECK(chars(ct::line_text(s.back())) >= 2);
  CHECK_FALSE(s[0].loose);
  // 8 + 10 + 1 characters with nothing to squeeze: avoiding the lone character would push
  // one down and stretch a line 1/8 em per gap, past the 0.10 em ceiling. A short last
  // line is the lesser fault (docs/typography.md "Paragraphs"): every line stays solid.
  for (const std::string& text : {han(19), han(18) + "一。", han(28) + "二"}) {
    CAPTURE(text);
    const auto lines = ct::para(text, compose::ParaStyle{}).lines(kEm * 10);
    REQUIRE(lines.size() >= 3);
    CHECK(chars(ct::line_text(lines.back())) == 1);
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
      CHECK(lines[i].width == kEm * 10);
      CHECK(lines[i].gap_stretch == 0);
      CHECK_FALSE(lines[i].loose);
    }
  }
}

TEST_CASE("a one-line paragraph of one character is not an orphan") {
  const auto lines = ct::para("好。", compose::ParaStyle{}).lines(kEm * 10);
  REQUIRE(lines.size() == 1);
  CHECK(ct::line_text(lines[0]) == "好。");
}

TEST_CASE("next_line follows a measure that changes from line to line and the ranges tile the text") {
  const std::string text = han(40);
  const auto p = ct::para(text);
  compose::Cursor c;
  std::vector<compose::Line> lines;
  const Len measures[] = {kEm * 5, kEm * 12, kEm * 7, kEm * 30};
  for (int i = 0; !p.done(c); ++i) lines.push_back(p.next_line(c, measures[std::min(i, 3)]));
  REQUIRE(lines.size() == 4);
  CHECK(chars(ct::line_text(lines[0])) == 5);
  CHECK(chars(ct::line_text(lines[1])) == 12);
  CHECK(chars(ct::line_text(lines[2])) == 7);
  CHECK(chars(ct::line_text(lines[3])) == 16);
  std::uint32_t pos = 0;
  for (const auto& l : lines) {
    CHECK(l.start == pos);
    pos = l.end;
  }
  CHECK(pos == text.size());
  CHECK(c.line_index == 4);
  CHECK(lines[3].last);
}

TEST_CASE("a cursor handed to a new column resumes exactly where the last line ended") {
  const auto p = ct::para(han(30) + "。" + han(12));
  const auto all = p.lines(kEm * 10);
  compose::Cursor c;
  p.next_line(c, kEm * 10);
  compose::Cursor copy = c;  // flow keeps the token and continues in another frame
  const auto l2 = p.next_line(copy, kEm * 10);
  CHECK(ct::line_text(l2) == ct::line_text(all.at(1)));
  CHECK(l2.indent == 0);
}

TEST_CASE("segments split where face, size or tag change, with text and clusters for the PDF") {
  const std::string text = "中文ABC，“引号”大字";
  base::Diagnostics diag;
  const auto& f = ct::fonts();
  const auto big = static_cast<std::uint32_t>(text.size() - 6);  // 大字 in 10.5 pt
  auto shaped = text::shape(*f.set, text,
                            {{0, 6, f.song, ct::em(9), 0}, {6, big, f.hei, ct::em(9), 3}, {big, static_cast<std::uint32_t>(text.size()), f.hei, ct::em(10.5), 3}},
                            diag);
  const compose::Paragraph p(*f.set, shaped, ct::style(0, Align::Left));
  const auto l = p.lines(kEm * 30).at(0);
  REQUIRE(l.segments.size() == 3);
  CHECK(l.segments[0].face == f.song);
  CHECK(l.segments[1].face == f.hei);
  CHECK(l.segments[1].tag == 3);
  CHECK(l.segments[2].size == ct::em(10.5));
  CHECK(l.segments[0].text == "中文");
  CHECK(l.segments[1].text == "ABC，“引号”");
  CHECK(l.segments[2].text == "大字");
  for (const auto& seg : l.segments) {
    int bytes = 0, glyphs = 0;
    for (auto [b, g] : seg.clusters) bytes += b, glyphs += g;
    CHECK(bytes == static_cast<int>(seg.text.size()));
    CHECK(glyphs == static_cast<int>(seg.glyphs.size()));
  }
  CHECK(l.max_glyph_size == ct::em(10.5));
}

TEST_CASE("vertical direction: the same inline positions, along y") {
  // Direction is a parameter (docs/typography.md): line breaking and justification are the
  // same; only the mapping of the inline axis changes.
  compose::ParaStyle h = ct::style(2000), v = h;
  v.direction = compose::Direction::Vertical;
  const std::string text = "改革有力度，服务有温度，企业与群众的满意度才能提升。";
  const auto hl = ct::para(text, h).lines(kEm * 10);
  const auto vl = ct::para(text, v).lines(kEm * 10);
  REQUIRE(hl.size() == vl.size());
  for (std::size_t i = 0; i < hl.size(); ++i) {
    CHECK(ct::line_text(hl[i]) == ct::line_text(vl[i]));
    CHECK(hl[i].width == vl[i].width);
    const auto& hs = hl[i].segments[0].glyphs;
    const auto& vs = vl[i].segments[0].glyphs;
    REQUIRE(hs.size() == vs.size());
    for (std::size_t g = 0; g < hs.size(); ++g) CHECK(vs[g].y == hs[g].x);
  }
}

TEST_CASE("glyph x is the pen position plus the x offset, y the negated HarfBuzz y offset") {
  const std::string text = "中e\xCC\x81中ff中";  // a combining accent and a Latin pair
  const auto l = ct::para(text, ct::style(0, Align::Left)).lines(kEm * 30).at(0);
  const auto shaped = ct::shape(text);
  Len pen = 0;
  bool prev_latin = false;
  std::uint32_t prev_cluster = ~0u;
  std::size_t k = 0;
  for (const auto& g : shaped.glyphs) {
    if (g.cluster != prev_cluster) {
      const bool latin = static_cast<unsigned char>(text[g.cluster]) < 0x80;
      if (k > 0 && latin != prev_latin) pen += kEm / 8;  // the Han–Latin space
      prev_latin = latin;
      prev_cluster = g.cluster;
    }
    CHECK(ct::glyph_x(l, k) == pen + g.x_offset);
    std::size_t n = k;
    for (const auto& seg : l.segments) {
      if (n < seg.glyphs.size()) {
        CHECK(seg.glyphs[n].y == -g.y_offset);
        break;
      }
      n -= seg.glyphs.size();
    }
    pen += g.advance;
    ++k;
  }
  CHECK(l.width == pen);
}

TEST_CASE("dump_line: one record per line, points rounded to 0.01, with the break reason") {
  const auto p = ct::para("一二三四五六七八九十。十一二");
  const auto lines = p.lines(kEm * 21 / 2);
  REQUIRE(lines.size() == 2);
  CHECK(compose::dump_line(p, lines[0]) ==
        "line 0-33 width 94.50 measure 94.50 indent 0.00 break \"push-in 1: line-start-prohibited 十|。\" "
        "text \"一二三四五六七八九十。\" adj [line-end-punct@30-4.50]");
  CHECK(compose::dump_line(p, lines[1]) ==
        "line 33-42 width 27.00 measure 94.50 indent 0.00 last break \"end\" text \"十一二\" adj []");
  const auto q = ct::para("中文ABC中文", ct::style(0, Align::Left), 10.5);
  const auto d = compose::dump_line(q, q.lines(ct::em(10.5) * 20).at(0));
  CHECK(d.find("han-latin@6+1.31 han-latin@9+1.31") != std::string::npos);  // 10.5/8 = 1.3125
  CHECK(d.find('\n') == std::string::npos);
}

TEST_CASE("empty and space-only paragraphs give no lines") {
  CHECK(ct::para("").lines(kEm * 10).empty());
  CHECK(ct::para("   ").lines(kEm * 10).empty());
  const auto p = ct::para("");
  compose::Cursor c;
  CHECK(p.done(c));
}

TEST_CASE("a word longer than the measure is broken where the measure runs out") {
  // Capitals (a name, a code) are never hyphenated: cut where the measure runs out.
  const auto p = ct::para("XQZVBNMKLTRWPSDFGHJK");
  const auto lines = p.lines(kEm * 3);
  REQUIRE(lines.size() >= 2);
  std::string joined;
  for (const auto& l : lines) {
    CHECK(l.width <= kEm * 3);
    CHECK_FALSE(l.hyphenated);
    joined += ct::line_text(l);
  }
  CHECK(joined == "XQZVBNMKLTRWPSDFGHJK");
  CHECK(lines[0].break_reason.find("emergency") == 0);
}
