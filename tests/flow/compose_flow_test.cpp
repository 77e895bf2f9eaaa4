// What flow does with the composer's judgement (docs/composer.md "Loose lines"): a line
// no choice of breaks could keep within 0.10 em per gap is reported by article, quoting
// the line; a story whose lines all fit is reported nothing.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>

#include "flow/invariants.h"

using namespace ft;

namespace {

std::string story(const std::string& id, const std::string& p) {
  return "<article id=\"" + id + "\" col=\"1\" cols=\"2\" row=\"1\" rows=\"20\"><headline>简讯</headline><p>" + p +
         "</p></article>";
}

}  // namespace

TEST_CASE("a loose line is reported by article with the line's text") {
  // 2-em indent + 7 characters + an opening quote that may not end the line, in a 10-em
  // column: pushing the next character in needs a full em, the quote gives half of it,
  // and nothing earlier can give the rest.
  const Laid l = lay_out(issue_xml("tabloid", {story("elderly", "书房的管理也在“升级”。" + han(40))}));
  const auto f = l.found("loose-line");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == base::Severity::Warning);
  CHECK(f[0].article == "elderly");
  CHECK(f[0].page == 1);
  CAPTURE(f[0].message);
  CHECK(f[0].message.find("书房的管理也在") != std::string::npos);
  CHECK(f[0].message.find("em per gap") != std::string::npos);
  CHECK_FALSE(l.any_error());
}

TEST_CASE("a comma hung past the column (行末悬挂) spares the loose line") {
  // 8 characters and a comma that may not start the next line: the tabloid body hangs
  // the comma into the gutter by its ink half rather than stretch the line.
  const Laid l = lay_out(issue_xml("tabloid", {story("elderly", "为方便老年人使用，" + han(40))}));
  CHECK(l.found("loose-line").empty());
  int hung = 0;
  for (const auto& b : l.lines(1, "elderly", "body")) {
    if (b.hang == 0) continue;
    ++hung;
    CHECK(b.text == "为方便老年人使用，");
    CHECK(b.hang * 2 == b.h);
  }
  CHECK(hung == 1);
  CHECK_MESSAGE(check_all(l).empty(), first(check_all(l)));
}

TEST_CASE("no loose line, no report") {
  const Laid l = lay_out(issue_xml("tabloid", {story("plain", han(98))}));
  CHECK(l.found("loose-line").empty());
}

namespace {

std::vector<frame::Box> head_boxes(const Laid& l, const std::string& id) { return l.lines(1, id, "headline"); }

}  // namespace

TEST_CASE("headline sizes follow the span: a six-column lead outranks a two-column story") {
  const std::string page =
      "<article id=\"lead\" col=\"1\" cols=\"6\" row=\"1\" rows=\"30\"><headline>擦亮金字招牌 赋能高质量发展</headline><p>" +
      han(400) + "</p></article><article id=\"side\" col=\"7\" cols=\"2\" row=\"1\" rows=\"30\"><headline>推进三个导师工程</headline><p>" +
      han(200) + "</p></article>";
  const Laid l = lay_out(issue_xml("broadsheet", {page}));
  const auto lead = head_boxes(l, "lead"), side = head_boxes(l, "side");
  REQUIRE_FALSE(lead.empty());
  REQUIRE_FALSE(side.empty());
  CHECK(lead[0].h == base::from_pt(26));  // 一号 from 5 columns
  CHECK(side[0].h == base::from_pt(22));  // 二号 on 2 columns
}

TEST_CASE("a headline breaks between words into balanced lines, and shrinks before taking three lines") {
  const auto story = [](const std::string& head, int cols) {
    return "<article id=\"s\" col=\"1\" cols=\"" + std::to_string(cols) + "\" row=\"1\" rows=\"40\"><headline>" + head +
           "</headline><p>" + han(300) + "</p></article>";
  };
  const Laid two = lay_out(issue_xml("broadsheet", {story("区政府召开全区重点项目建设现场推进观摩会", 2)}));
  const auto lines = head_boxes(two, "s");
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].text == "区政府召开全区重点项目");
  CHECK(lines[1].text == "建设现场推进观摩会");
  // 23 characters in two 13-em columns at 二号 would take three lines: set smaller, two lines.
  const std::string long_head = "全区上下凝心聚力推动经济社会高质量发展再上一个新台阶";
  const Laid three = lay_out(issue_xml("broadsheet", {story(long_head, 2)}));
  const auto heads = head_boxes(three, "s");
  CHECK(heads.size() == 2);
  for (const auto& h : heads) CHECK(h.h < base::from_pt(22));
  for (const auto& h : heads) CHECK(h.h >= base::from_pt(22) * 3 / 4);
}

TEST_CASE("a typed space in a subhead does not force a break when the subhead fits") {
  const std::string page = "<article id=\"s\" col=\"1\" cols=\"2\" row=\"1\" rows=\"40\"><headline>简讯</headline><p>" + han(60) +
                           "</p><subhead>项目 开工</subhead><p>" + han(60) + "</p></article>";
  const Laid l = lay_out(issue_xml("broadsheet", {page}));
  const auto subs = l.lines(1, "s", "subhead");
  REQUIRE(subs.size() == 1);
  CHECK(subs[0].text == "项目 开工");
}

TEST_CASE("no caption line of the samples is longer than its style's readable measure") {
  int captions = 0;
  for (const auto& e : std::filesystem::directory_iterator(test::source_root() / "samples")) {
    if (e.path().extension() != ".xml") continue;
    CAPTURE(e.path().string());
    const Laid l = lay_out_file(e.path());
    const model::Style& st = l.layout().style("caption");
    REQUIRE(st.max_measure_em1000 > 0);
    const Len most = static_cast<Len>(st.max_measure_em1000) * st.size / 1000;
    for (const auto& p : l.doc.pages)
      for (const auto& b : p.boxes) {
        if (b.kind != "line" || b.role != "caption") continue;
        ++captions;
        CAPTURE(b.text);
        CHECK(b.w <= most + 10);
      }
  }
  CHECK(captions > 5);
}

TEST_CASE("a caption under a photo wider than the readable measure goes in columns of the grid") {
  const std::string page =
      "<photo id=\"wide\" src=\"images/wide.jpg\" col=\"1\" cols=\"8\" row=\"1\" rows=\"40\"><caption>" + han(150) +
      "</caption><credit>记者 王泽宇 摄</credit></photo>";
  const Laid l = lay_out(issue_xml("broadsheet", {page}));
  const auto caps = l.lines(1, "wide", "caption");
  REQUIRE(caps.size() >= 2);
  const model::Layout& L = l.layout();
  const Len two = 2 * L.column_width + L.gutter;  // 2 columns: 247.5 pt ≤ 40 em of 8 pt
  std::map<Len, std::vector<Len>> rows_by_group;  // group (two columns) → the lines' tops
  for (const auto& b : caps) {
    CHECK(b.w <= two + 10);
    rows_by_group[(b.x - L.col_x(1)) / (two + L.gutter)].push_back(b.y);
  }
  REQUIRE(rows_by_group.size() >= 2);  // several groups side by side …
  CHECK(rows_by_group.begin()->second.front() == std::next(rows_by_group.begin())->second.front());  // … from one row
  CHECK_FALSE(l.lines(1, "wide", "credit").empty());
}
