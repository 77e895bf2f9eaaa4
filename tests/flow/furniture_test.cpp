// Briefs (简讯), masthead (报头) and ear (报眼) — docs/format.md "Briefs, masthead, ear".
#include <doctest/doctest.h>

#include "flow/calendar.h"
#include "flow/invariants.h"
#include <set>

#include "base/utf8.h"

using namespace ft;

namespace {

const std::string kMasthead =
    "<masthead col=\"1\" cols=\"4\" row=\"1\" rows=\"7\" logo=\"images/wide.jpg\" cn=\"CN32-0012\" post=\"27-45\"/>"
    "<ear id=\"ear\" col=\"5\" cols=\"2\" row=\"1\" rows=\"7\"><headline>今日关注</headline><p>" +
    corpus_text(30) + "</p></ear>";

std::string briefs(int items, int chars_each, const std::string& attrs = "col=\"1\" cols=\"2\" row=\"8\" rows=\"30\"") {
  std::string x = "<briefs id=\"br\" " + attrs + "><headline>简讯</headline>";
  for (int i = 0; i < items; ++i)
    x += "<item><lead>" + han(4 + i % 5, 100 * i) + "</lead> " + corpus_text(chars_each, 300 + 97 * i) + "</item>";
  return x + "</briefs>";
}

std::string errors(const Laid& l) {
  std::string s;
  for (const auto& f : l.findings) s += f.code + ": " + f.message + "\n";
  return s;
}

}  // namespace

TEST_CASE("the lunar date comes from ICU's Chinese calendar") {
  CHECK(flow::lunar_date({2024, 3, 15}) == "农历甲辰年二月初六");
  CHECK(flow::lunar_date({2024, 2, 10}) == "农历甲辰年正月初一");  // Spring Festival 2024
  CHECK(flow::lunar_date({2024, 1, 5}) == "农历癸卯年十一月廿四");  // before the new year: still 癸卯
  CHECK(flow::lunar_date({2025, 7, 25}) == "农历乙巳年闰六月初一");  // a leap month
  CHECK(flow::lunar_date({2020, 5, 23}) == "农历庚子年闰四月初一");
  CHECK(flow::gregorian_date({2024, 3, 15}) == "2024年3月15日 星期五");
  CHECK(flow::gregorian_date({2000, 2, 29}) == "2000年2月29日 星期二");
}

TEST_CASE("briefs: every item starts with its marker, never alone at a line end, lead-in in bold") {
  const Laid l = lay_out(issue_xml("tabloid", {briefs(8, 60, "col=\"1\" cols=\"2\" row=\"8\" rows=\"50\"")}));
  REQUIRE_MESSAGE(!l.any_error(), errors(l));
  const auto lines = l.lines(1, "br", "brief");
  REQUIRE(!lines.empty());
  int markers = 0;
  for (const auto& line : lines) {
    const auto cps = base::to_u32(line.text);
    for (size_t i = 0; i < cps.size(); ++i) {
      if (cps[i] != U'■') continue;
      ++markers;
      CAPTURE(line.text);
      CHECK(i == 0);                 // the item starts a line (indent 0 in style "brief")
      REQUIRE(i + 2 < cps.size());   // marker, no-break space, then the lead-in on the same line
      CHECK(cps[i + 1] == 0xA0);
      CHECK(cps[i + 2] != U' ');
    }
  }
  CHECK(markers == 8);
  // The lead-in is set in style "brief-lead" (bold Hei), the text in style "brief" (Song).
  const auto& runs = l.page(1).of<frame::GlyphRun>();
  std::set<int> lead_faces;
  for (const auto& r : runs) {
    if (r.text.find("■") != std::string::npos) lead_faces.insert(r.face);
  }
  REQUIRE(lead_faces.size() == 1);
  int other = 0;
  for (const auto& r : runs)
    if (r.text.find("，") != std::string::npos && !lead_faces.count(r.face)) ++other;
  CHECK(other > 0);
}

TEST_CASE("briefs fill the block's text columns in order and balance them") {
  const Laid l = lay_out(issue_xml("tabloid", {briefs(10, 70, "col=\"1\" cols=\"6\" row=\"1\" rows=\"20\" columns=\"4\" box=\"tinted\"")}));
  REQUIRE_MESSAGE(!l.any_error(), errors(l));
  const auto cols = l.boxes(1, "column", "br");
  REQUIRE(cols.size() == 4);
  for (const auto& c : cols) CHECK(c.w == cols[0].w);
  const auto lines = l.lines(1, "br", "brief");
  // Reading order: the items' markers appear in the order written, column after column.
  Len last_x = 0, last_y = 0;
  for (const auto& line : lines) {
    const bool later = line.x > last_x + 10 || (std::llabs(line.x - last_x) <= 10 && line.y >= last_y);
    CHECK(later);
    last_x = line.x, last_y = line.y;
  }
  CHECK(l.page(1).of<frame::Tint>().size() == 1);
}

TEST_CASE("masthead: logo, Gregorian and lunar date, issue data; no folio on its page; the ear beside it") {
  const Laid l = lay_out(issue_xml("tabloid", {kMasthead, "", ""}));
  REQUIRE_MESSAGE(!l.any_error(), errors(l));
  std::string text;
  for (const auto& b : l.lines(1, "masthead", "masthead")) text += b.text + "\n";
  CHECK(text.find("2024年3月15日 星期五") != std::string::npos);
  CHECK(text.find("农历甲辰年二月初六") != std::string::npos);
  CHECK(text.find("第1286期") != std::string::npos);
  CHECK(text.find("今日3版") != std::string::npos);
  CHECK(text.find("国内统一连续出版物号 CN32-0012") != std::string::npos);
  CHECK(text.find("邮发代号 27-45") != std::string::npos);
  const auto block = l.boxes(1, "block", "masthead");
  REQUIRE(block.size() == 1);
  const auto logo = l.boxes(1, "image", "masthead");
  REQUIRE(logo.size() == 1);
  CHECK(inside(logo[0], block[0]));
  CHECK(logo[0].x == block[0].x);
  for (const auto& line : l.lines(1, "masthead", "masthead")) CHECK(line.y >= bottom(logo[0]));
  CHECK(l.boxes(1, "folio").empty());   // the masthead replaces page 1's top line
  CHECK(!l.boxes(2, "folio").empty());  // other pages keep their folio
  // The ear: one text column in a double-ruled box beside the masthead.
  const auto ear_cols = l.boxes(1, "column", "ear");
  REQUIRE(ear_cols.size() == 1);
  const auto ear = l.boxes(1, "frame", "ear");
  REQUIRE(ear.size() == 1);
  CHECK(ear_cols[0].x > ear[0].x);
  CHECK(right(ear_cols[0]) < right(ear[0]));
  CHECK(!l.page(1).of<frame::Rule>().empty());
}
