// Headlines as an editor breaks them (docs/composer.md "Headlines"): only between words
// (ICU's dictionary), at the editor's space when there is one, in the fewest lines, and
// centred lines balanced; a typed space never forces a break by itself.
#include <doctest/doctest.h>

#include "compose/segment.h"
#include "helpers.h"

using base::Len;

namespace {

const Len kEm = ct::em(22);

compose::ParaStyle head(compose::Align align = compose::Align::Center) {
  compose::ParaStyle st = ct::style(0, align);
  st.head = true;
  return st;
}

std::vector<compose::Line> set(const std::string& text, double measure_em, compose::Align align = compose::Align::Center) {
  return ct::para(text, head(align), 22, ct::fonts().hei).lines(static_cast<Len>(kEm * measure_em));
}

std::string joined(const std::vector<compose::Line>& lines) {
  std::string out;
  for (const auto& l : lines) out += (out.empty() ? "" : "|") + ct::line_text(l);
  return out;
}

struct Row {
  const char* text;
  double measure_em;
  const char* lines;
};

}  // namespace

TEST_CASE("ICU segments Chinese text into dictionary words") {
  const std::string t = "区政府召开全区重点项目";
  std::string got;
  std::uint32_t at = 0;
  for (const auto& b : compose::word_boundaries(t, 0, static_cast<std::uint32_t>(t.size()))) {
    got += t.substr(at, b.at - at) + "|";
    at = b.at;
  }
  got += t.substr(at);
  CHECK(got == "区|政府|召开|全区|重点|项目");
}

TEST_CASE("headlines break between words, in balanced lines") {
  const Row rows[] = {
      // 20 characters in 12 em: two lines, at the word boundary nearest the middle.
      {"区政府召开全区重点项目建设现场推进观摩会", 12, "区政府召开全区重点项目|建设现场推进观摩会"},
      {"区政府召开全区重点项目建设现场推进观摩会", 18, "区政府召开全区重点项目|建设现场推进观摩会"},
      {"奋力推进中国式现代化武进新实践", 9, "奋力推进中国式|现代化武进新实践"},
      {"智能装备产业园新能源汽车零部件项目开工", 12, "智能装备产业园新能源|汽车零部件项目开工"},
      // A quoted term stays whole: never 家门口的“城市|书房”开到第20家.
      {"家门口的“城市书房”开到第20家", 10, "家门口的“城市书房”|开到第20家"},
  };
  for (const auto& r : rows) {
    CAPTURE(r.text);
    CAPTURE(r.measure_em);
    const auto lines = set(r.text, r.measure_em);
    CHECK(joined(lines) == r.lines);
    for (const auto& l : lines) {
      CHECK(l.width <= kEm * r.measure_em);
      CHECK(l.break_reason.find("inside a word") == std::string::npos);
    }
  }
}

TEST_CASE("a balanced head: its lines differ by less than a word") {
  const auto lines = set("区政府召开全区重点项目建设现场推进观摩会", 12);
  REQUIRE(lines.size() == 2);
  CHECK(std::llabs(lines[0].width - lines[1].width) <= 2 * kEm);
  // Centred: both lines share their middle.
  CHECK(std::llabs((lines[0].indent * 2 + lines[0].width - lines[0].indent) - (lines[1].indent * 2 + lines[1].width - lines[1].indent)) <= 10);
}

TEST_CASE("the editor's space is the preferred break, and never forces one") {
  const std::string text = "擦亮“A武进”金字招牌 赋能经济社会高质量发展";
  const auto two = set(text, 14);
  REQUIRE(two.size() == 2);
  CHECK(ct::line_text(two[0]) == "擦亮“A武进”金字招牌");
  CHECK(two[0].break_reason == "head: editor's space");
  // Wide enough: one line, the space kept.
  const auto one = set(text, 24);
  REQUIRE(one.size() == 1);
  CHECK(ct::line_text(one[0]) == text);
  // A subhead whose first part is short: the space does not force a break when the whole
  // fits.
  const auto sub = set("“拿地即开工” 点燃经济发展“主引擎”", 19, compose::Align::Left);
  CHECK(sub.size() == 1);
}

TEST_CASE("a word longer than the measure breaks inside it only when nothing else fits") {
  const auto lines = set("观摩会观摩会观摩会", 4);
  REQUIRE(lines.size() >= 3);
  std::string all;
  for (const auto& l : lines) {
    CHECK(l.width <= kEm * 4);
    all += ct::line_text(l);
  }
  CHECK(all == "观摩会观摩会观摩会");
}

TEST_CASE("kinsoku still holds in heads") {
  for (const auto& l : set("推进“三个导师”工程，培育审计“三能”生力军", 9)) {
    const std::u32string t = ct::u32(ct::line_text(l));
    CHECK(t.front() != U'，');
    CHECK(t.front() != U'”');
    CHECK(t.back() != U'“');
  }
}
