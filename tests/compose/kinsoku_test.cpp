// Line breaking, one rule per row (docs/typography.md "Line breaking"): which characters
// start and end each line, and that every line but the last is flush to the measure.
#include <doctest/doctest.h>

#include "helpers.h"

using base::Len;

namespace {

struct Row {
  const char* text;
  double measure_em;
  const char* lines;  // expected visible lines, joined by '|'
};

// Sets `r` at 9 pt with no indent and checks the lines and every non-final right edge.
void check_row(const Row& r, int face = -1) {
  CAPTURE(r.text);
  CAPTURE(r.measure_em);
  const auto p = ct::para(r.text, ct::style(), 9, face);
  const Len measure = base::from_pt(r.measure_em * 9);
  const auto lines = p.lines(measure);
  std::string got;
  for (const auto& l : lines) got += (got.empty() ? "" : "|") + ct::line_text(l);
  CHECK(got == r.lines);
  for (const auto& l : lines) {
    CAPTURE(ct::line_text(l));
    CAPTURE(l.break_reason);
    // Flush, unless the line would need more than 1/3 em per gap: then it is set flush
    // left and reported loose (these measures of 4–5 em are far narrower than a column).
    if (!l.last && l.break_reason != "forced" && !l.loose) CHECK(std::llabs(l.width - measure) <= 10);
    CHECK(l.width <= measure + 10);
  }
}

}  // namespace

TEST_CASE("Han text breaks between any two characters and needs no adjustment on a whole-em measure") {
  const auto p = ct::para("一二三四五六七八九十一二三四五");
  const auto lines = p.lines(ct::em(9) * 5);
  REQUIRE(lines.size() == 3);
  CHECK(ct::layout(p, 5) == "一二三四五|六七八九十|一二三四五");
  for (const auto& l : lines) {
    CHECK(l.adjustments.empty());
    CHECK(l.width == ct::em(9) * 5);
  }
}

TEST_CASE("a line-start-prohibited mark is never carried to a line start: push-out when push-in cannot fit") {
  // 一二三四五 fill the 5-em line; the mark would start line 2. Squeezing needs 1 em but
  // only the mark's own blank half (1/2 em) is there, so 五 goes down with it.
  for (const char* mark : {"，", "。", "、", "：", "；", "！", "？", "”", "’", "）", "》", "」", "』", "】", "〕", "〉", "～", "·"}) {
    const std::string text = std::string("一二三四五") + mark + "六七";
    const std::string want = std::string("一二三四|五") + mark + "六七";
    check_row({text.c_str(), 5, want.c_str()});
  }
}

TEST_CASE("a line-start-prohibited mark is pushed in when the line can squeeze it") {
  // The comma's blank half and the mark's own give the 1 em needed (push-in; equal to
  // the push-out stretch, and CLREQ tries push-in first).
  for (const char* mark : {"，", "。", "、", "：", "；", "！", "？", "”", "’", "）", "》", "」", "』", "】", "〕", "〉"}) {
    const std::string text = std::string("一，三四五") + mark + "六七";
    const std::string want = std::string("一，三四五") + mark + "|六七";
    check_row({text.c_str(), 5, want.c_str()});
  }
}

TEST_CASE("a line-end-prohibited mark goes to the next line with its character") {
  for (const char* mark : {"“", "‘", "（", "《", "「", "『", "【", "〔", "〈", "〖"}) {
    const std::string text = std::string("一二三四") + mark + "五六七";
    const std::string want = std::string("一二三四|") + mark + "五六七";
    check_row({text.c_str(), 5, want.c_str()});
    // With a comma to squeeze, the opening mark and its character are pushed in.
    const std::string text2 = std::string("一，三四") + mark + "五六七";
    const std::string want2 = std::string("一，三四") + mark + "五|六七";
    check_row({text2.c_str(), 5, want2.c_str()});
  }
}

TEST_CASE("—— and …… are never split and never start a line where …… would") {
  const Row rows[] = {
      {"一二三四——五六", 5, "一二三四|——五六"},
      {"一二三——四五六七", 4, "一二三|——四五|六七"},
      {"一二三四……五六", 5, "一二三|四……五六"},  // UAX #14 LB22: no break before ……
  };
  for (const auto& r : rows) check_row(r);
  // LXGW WenKai has no —— ligature: two dashes, two clusters, kept together by the table.
  for (const auto& r : rows) check_row(r, ct::fonts().kai);
}

TEST_CASE("numbers with their decimal point, % and unit signs stay whole; Latin words stay whole") {
  const Row rows[] = {
      {"一二三四1.63亿元", 5, "一二三四|1.63亿元"},
      {"一二三四五六七八5.2%增长", 9, "一二三四五六七八|5.2%增长"},
      {"一二三38872件事", 5, "一二三|38872件事"},
      {"一二三四GDP五六", 5, "一二三四|GDP五六"},
      {"一二三四五六七八九十App武进专区", 10, "一二三四五六七八九十|App武进专区"},
  };
  for (const auto& r : rows) check_row(r);
}

TEST_CASE("a number may break before the Han unit after it") {
  // 38872件: the break before 件 is allowed (docs/typography.md); 1.63 never splits.
  check_row({"一二三四五六七八38872件一二三四五六七八九十", 10.5, "一二三四五六七八|38872件一二三四五六|七八九十"});
}

TEST_CASE("a typed space at a line end is dropped there, and at the next line start") {
  check_row({"一二三四五 六七八", 5, "一二三四五|六七八"});
  const auto p = ct::para("一二三四五 六七八");
  const auto lines = p.lines(ct::em(9) * 5);
  REQUIRE(lines.size() == 2);
  CHECK(ct::glyph_x(lines[1], 0) == 0);
  CHECK(lines[0].end == lines[1].start);  // the line ranges tile the paragraph
}

TEST_CASE("a forced line break (U+000A) ends the line without justifying it") {
  const auto p = ct::para("一二\n三四");
  const auto lines = p.lines(ct::em(9) * 5);
  REQUIRE(lines.size() == 2);
  CHECK(ct::line_text(lines[0]) == "一二");
  CHECK(lines[0].break_reason == "forced");
  CHECK_FALSE(lines[0].last);
  CHECK(lines[0].width == ct::em(9) * 2);
  CHECK(ct::line_text(lines[1]) == "三四");
  CHECK(lines[1].last);
}
