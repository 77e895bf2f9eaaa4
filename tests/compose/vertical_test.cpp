// The composer along a vertical line (docs/composer.md "Vertical text"): the same CLREQ
// rules — kinsoku, compression, justification to the column height — with glyphs placed
// down the line, Latin turned, 纵中横 numbers as one ideograph.
#include <doctest/doctest.h>

#include "helpers.h"

using base::Len;

namespace {

constexpr double kPt = 9;

text::ShapedText vshape(const std::string& s, int face = -1, int tcy = 2) {
  base::Diagnostics diag;
  text::ShapeOptions o;
  o.vertical = true;
  o.tcy_digits = tcy;
  const int f = face < 0 ? ct::fonts().song : face;
  return text::shape(*ct::fonts().set, s, {{0, static_cast<std::uint32_t>(s.size()), f, ct::em(kPt), 0}}, diag, o);
}

compose::Paragraph vpara(const std::string& s, int face = -1, int indent = 0) {
  compose::ParaStyle st = ct::style(indent);
  st.direction = compose::Direction::Vertical;
  return compose::Paragraph(*ct::fonts().set, vshape(s, face), st);
}

std::string vlayout(const compose::Paragraph& p, double measure_em) {
  std::string out;
  for (const auto& l : p.lines(ct::em(kPt) * static_cast<Len>(measure_em))) out += (out.empty() ? "" : "|") + ct::line_text(l);
  return out;
}

// Every column but the last ends flush at the foot of the measure, unless it is reported
// loose (set short rather than letter-spaced past 1/3 em, as a horizontal line would be).
void check_flush(const compose::Paragraph& p, double measure_em) {
  const Len m = ct::em(kPt) * static_cast<Len>(measure_em);
  for (const auto& l : p.lines(m)) {
    CAPTURE(ct::line_text(l));
    if (!l.last && !l.loose) CHECK(l.width == m);
    CHECK(l.width <= m);
  }
}

struct Row {
  std::string text;
  double measure;
  std::string lines;
};

}  // namespace

TEST_CASE("vertical kinsoku: no mark that may not start a column starts one, none that may not end one ends one") {
  std::vector<Row> rows;
  for (const char* mark : {"，", "。", "、", "：", "；", "！", "？", "”", "’", "）", "》", "」", "』", "】", "〕", "〉", "～", "·"})
    rows.push_back({std::string("一二三四五") + mark + "六七", 5, std::string("一二三四|五") + mark + "六七"});
  for (const char* mark : {"“", "‘", "（", "《", "「", "『", "【", "〔", "〈"})
    rows.push_back({std::string("一二三四") + mark + "五六七", 5, std::string("一二三四|") + mark + "五六七"});
  rows.push_back({"一二三——四五六", 5, "一二三——|四五六"});  // —— is never split
  rows.push_back({"一二三四……五六", 5, "一二三|四……五六"});  // nor ……
  for (int face : {ct::fonts().song, ct::fonts().kai, ct::fonts().hei}) {
    for (const Row& r : rows) {
      CAPTURE(r.text);
      CAPTURE(face);
      const auto p = vpara(r.text, face);
      CHECK(vlayout(p, r.measure) == r.lines);
      check_flush(p, r.measure);
    }
  }
}

TEST_CASE("vertical lines break exactly as horizontal ones: the characters of each column") {
  const std::string text =
      "改革有力度，服务有温度，企业与群众的满意度才能提升。“拿地即开工”点燃经济发展“主引擎”——这是《武进日报》的报道（节选）……";
  for (double m : {6.0, 8.0, 10.0, 13.0}) {
    compose::ParaStyle h = ct::style(2000);
    const auto hp = ct::para(text, h, kPt);
    const auto vp = vpara(text, -1, 2000);
    CHECK(vlayout(vp, m) == ct::layout(hp, m, kPt));
  }
}

TEST_CASE("vertical compression: a pair of marks takes 1.5 em down the column") {
  const auto p = vpara("他说：“好。”我们");
  const auto l = p.lines(ct::em(kPt) * 20).at(0);
  // 他 说 ： “ 好 。 ” 我 们: ：“ and 。” are compressed pairs.
  const Len em = ct::em(kPt);
  const auto& g = l.segments.at(0).glyphs;
  REQUIRE(g.size() == 9);
  CHECK(g[3].y - g[2].y == em / 2);  // ： loses its lower blank half
  CHECK(g[4].y - g[3].y == em);
  CHECK(g[6].y - g[5].y == em / 2);  // 。 loses its lower blank half
  CHECK(g[7].y - g[6].y == em);
  // Upright glyphs stand at their vertical origin: the em box centred on the line.
  const auto& song = ct::fonts().set->info(ct::fonts().song);
  CHECK(g[0].x == -em / 2);
  CHECK(g[0].y == base::scale_units(song.ideo_top, em, song.upem));
}

TEST_CASE("vertical justification: Latin turned with its Han–Latin space, 纵中横 numbers as one ideograph, columns flush") {
  const std::string text = "本报讯在2024年10月1日举行的GDP统计发布会上，有关负责人介绍了第3季度的数据和World Bank的评价。";
  const auto p = vpara(text);
  check_flush(p, 8);
  const auto lines = p.lines(ct::em(kPt) * 8);
  std::string all;
  int han_latin = 0, want_hl = 0, tcy = 0, turned = 0;
  for (const auto& l : lines) {
    all += ct::line_text(l);
    for (const auto& a : l.adjustments) han_latin += a.why == "han-latin";
    for (std::size_t i = 0; i < l.segments.size(); ++i) {
      const auto& s = l.segments[i];
      tcy += s.orient == text::Orient::Tcy;
      if (s.orient == text::Orient::Tcy) CHECK((s.text == "10" || s.text == "1" || s.text == "3"));
      if (s.orient != text::Orient::Rotated) continue;
      ++turned;
      // A Han–Latin space on each side that is not a column's end (none at a line edge).
      want_hl += (i > 0) + (i + 1 < l.segments.size());
    }
  }
  CHECK(all == text);
  CHECK(tcy == 3);     // 10, 1, 3: no Han–Latin space beside them
  CHECK(turned == 3);  // 2024, GDP, World Bank
  CHECK(han_latin == want_hl);
  CHECK(han_latin >= 3);
}

TEST_CASE("vertical: a 纵中横 number is never split and never starts a column after a prohibited mark") {
  const auto p = vpara("一二三四12月五六");
  CHECK(vlayout(p, 5) == "一二三四12|月五六");
  const auto q = vpara("一二三四五12月");
  CHECK(vlayout(q, 5) == "一二三四五|12月");
}

TEST_CASE("--dump=lines of a vertical column lists its characters, adjustments, turned runs and 纵中横") {
  const auto p = vpara("在GDP统计中第12版");
  const auto l = p.lines(ct::em(kPt) * 12).at(0);
  const std::string d = compose::dump_line(p, l);
  CHECK(d.find("text \"在GDP统计中第12版\"") != std::string::npos);
  CHECK(d.find("han-latin@3+1.13") != std::string::npos);
  CHECK(d.find(" vertical [turned \"GDP\" tcy \"12\"]") != std::string::npos);
  const auto k = compose::Paragraph(*ct::fonts().set, vshape("第12版", ct::fonts().kai), [] {
    compose::ParaStyle st = ct::style();
    st.direction = compose::Direction::Vertical;
    return st;
  }());
  CHECK(compose::dump_line(k, k.lines(ct::em(kPt) * 5).at(0)).find("tcy \"12\"@83.3%") != std::string::npos);
}

TEST_CASE("vertical: a hyphen added to a turned word stands on the word's baseline") {
  const auto p = vpara("报道说representatives and governments的代表");
  bool seen = false;
  for (const auto& l : p.lines(ct::em(kPt) * 6)) {
    if (!l.hyphenated) continue;
    seen = true;
    const auto& seg = l.segments.back();
    REQUIRE(seg.glyphs.size() >= 2);
    CHECK(seg.orient == text::Orient::Rotated);
    CHECK(seg.glyphs.back().x == seg.glyphs[seg.glyphs.size() - 2].x);
  }
  CHECK(seen);
}
