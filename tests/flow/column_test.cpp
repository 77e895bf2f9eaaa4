// Column breaks (docs/typography.md "Paragraphs", "Roles"): no paragraph's first line alone at a
// column foot, no last line alone at the head of the next, no subhead left at a column
// foot — where the frame allows; and column balancing of an article's last frame
// (docs/format.md "Column balancing").
#include <doctest/doctest.h>

#include <map>

#include "flow/invariants.h"

using namespace ft;

namespace {

// Pure Han paragraphs on the tabloid (10 characters a line, 8 on an indented first line):
// a paragraph of `lines` lines.
std::string para(int lines, int from = 0) { return "<p>" + han(8 + 10 * (lines - 1), from) + "</p>"; }

std::string article(const std::string& body, int cols, int rows, int row = 1) {
  return "<article id=\"a\" col=\"1\" cols=\"" + std::to_string(cols) + "\" row=\"" + std::to_string(row) +
         "\" rows=\"" + std::to_string(rows) + "\">" + body + "</article>";
}

// Body lines per column (1-based column → lines, top to bottom).
std::map<int, std::vector<frame::Box>> columns(const Laid& l, int page = 1, const std::string& id = "a") {
  const model::Layout& L = l.layout();
  std::map<int, std::vector<frame::Box>> out;
  for (const auto& b : l.lines(page, id))
    if (b.role == "body" || b.role == "subhead")
      out[static_cast<int>((b.x - L.margin_left) / (L.column_width + L.gutter)) + 1].push_back(b);
  return out;
}

int row_of(const Laid& l, const frame::Box& b) {
  return static_cast<int>((b.baseline - l.layout().margin_top) / l.layout().pitch) + 1;
}

}  // namespace

TEST_CASE("a paragraph's first line is not left alone at a column foot") {
  // 9 lines, then a 3-line paragraph whose first line would fall on the column's last
  // grid line: it starts the next column instead.
  const Laid l = lay_out(issue_xml("tabloid", {article(para(9) + para(3, 5) + para(7, 9), 2, 10)}));
  auto c = columns(l);
  CHECK(c[1].size() == 9);
  REQUIRE(c[2].size() == 10);
  CHECK(c[2][0].x > l.layout().col_x(2));  // indented: a paragraph's first line
  CHECK(l.found("overset").empty());
  Violations v = check_all(l);
  CHECK_MESSAGE(v.empty(), first(v));
}

TEST_CASE("a paragraph's last line is not left alone at the head of the next column") {
  // 7 lines, then a 4-line paragraph: lines 1–3 would fill the column and line 4 stand
  // alone on top of the next; line 3 goes over with it.
  const Laid l = lay_out(issue_xml("tabloid", {article(para(7) + para(4, 5) + para(8, 9), 2, 10)}));
  auto c = columns(l);
  CHECK(c[1].size() == 9);
  REQUIRE(c[2].size() >= 2);
  CHECK(c[2][0].x == l.layout().col_x(2));  // a continuation line, not indented
  CHECK(c[2][1].x == l.layout().col_x(2));
  CHECK(c[2][2].x > l.layout().col_x(2));   // then the next paragraph
  CHECK(l.found("overset").empty());
}

TEST_CASE("a subhead is never the last thing in a column") {
  // 8 lines; the subhead's grid line of space and its own line would end the column.
  const Laid l = lay_out(issue_xml("tabloid", {article(para(8) + "<subhead>要素保障</subhead>" + para(9, 3), 2, 10)}));
  auto c = columns(l);
  CHECK(c[1].size() == 8);
  REQUIRE(!c[2].empty());
  CHECK(c[2][0].role == "subhead");
  CHECK(row_of(l, c[2][0]) == 1);  // at a column head the space above is dropped
  CHECK(c[2].size() == 10);
  Violations v = check_all(l);
  CHECK_MESSAGE(v.empty(), first(v));
}

TEST_CASE("a two-line subhead stays together") {
  const std::string sub = "<subhead>服务前移 “店小二”跑出项目“加速度”</subhead>";
  const Laid l = lay_out(issue_xml("tabloid", {article(para(7) + sub + para(9, 3) + para(3, 11), 2, 11)}));
  auto c = columns(l);
  int subs1 = 0, subs2 = 0;
  for (const auto& b : c[1]) subs1 += b.role == "subhead";
  for (const auto& b : c[2]) subs2 += b.role == "subhead";
  CHECK(subs1 * subs2 == 0);
  CHECK(subs1 + subs2 >= 2);
  Violations v = check_all(l);
  CHECK_MESSAGE(v.empty(), first(v));
}

TEST_CASE("balancing: an article's last frame is set in even columns") {
  // 30 lines in 3 columns of 20 grid lines: 10 a column instead of 20 + 10 + 0.
  const Laid l = lay_out(issue_xml("tabloid", {article(para(30), 3, 20)}));
  auto c = columns(l);
  CHECK(c[1].size() == 10);
  CHECK(c[2].size() == 10);
  CHECK(c[3].size() == 10);
  // 31 lines: 11 + 11 + 9; the left columns are never the shorter ones.
  const Laid m = lay_out(issue_xml("tabloid", {article(para(31), 3, 20)}));
  c = columns(m);
  CHECK(c[1].size() == 11);
  CHECK(c[2].size() == 11);
  CHECK(c[3].size() == 9);
  Violations v = check_all(m);
  CHECK_MESSAGE(v.empty(), first(v));
}

TEST_CASE("balancing can be switched off: columns fill top to bottom") {
  auto opt = default_options();
  opt.balance = false;
  const Laid l = lay_out(issue_xml("tabloid", {article(para(30), 3, 20)}), opt);
  auto c = columns(l);
  CHECK(c[1].size() == 20);
  CHECK(c[2].size() == 10);
  CHECK(c[3].empty());
}

TEST_CASE("balancing under a headline and around a photo keeps every column's lines on the grid") {
  const std::string body = "<headline>城市书房“上新” 阅读空间点亮社区</headline>" + para(12) + para(9, 4) +
                           "<subhead>要素保障</subhead>" + para(14, 7) +
                           "<photo id=\"pic\" src=\"images/wide.jpg\" col=\"3\" cols=\"1\" row=\"20\" rows=\"10\"/>";
  const Laid l = lay_out(issue_xml("tabloid", {article(body, 3, 40)}));
  CHECK(l.found("overset").empty());
  auto c = columns(l);
  REQUIRE(c.size() == 3);
  // Balanced: the columns end within a couple of grid lines of each other, well above
  // the frame's foot.
  int lowest = 0, highest = 1000;
  for (auto& [col, lines] : c) {
    lowest = std::max(lowest, row_of(l, lines.back()));
    highest = std::min(highest, row_of(l, lines.back()));
  }
  CHECK(lowest < 40);
  Violations v = check_all(l);
  CHECK_MESSAGE(v.empty(), first(v));
}

TEST_CASE("balancing touches only the last frame; the first is filled") {
  const std::string art = "<article id=\"a\">" + para(21) + para(15, 3) +
                          "<frame col=\"1\" cols=\"2\" row=\"1\" rows=\"10\"/>"
                          "<frame page=\"2\" col=\"1\" cols=\"3\" row=\"1\" rows=\"20\"/></article>";
  const Laid l = lay_out(issue_xml("tabloid", {art, ""}));
  auto p1 = columns(l, 1);
  CHECK(p1[1].size() == 10);
  CHECK(p1[2].size() == 9);  // the 10th grid line holds the jump line
  auto p2 = columns(l, 2);
  REQUIRE(p2.size() == 3);
  for (auto& [col, lines] : p2) CHECK(row_of(l, lines.back()) <= 7);
  Violations v = check_all(l);
  CHECK_MESSAGE(v.empty(), first(v));
}
