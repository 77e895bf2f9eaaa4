// The baseline grid (docs/typography.md "The character grid"): every body line of every column
// on the grid, neighbouring columns aligned, headline zones, subheads and bylines taking
// whole grid lines so the text after them is back on the grid.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "flow/invariants.h"

using namespace ft;

namespace {

std::string full_article(const std::string& rect) {
  return "<article id=\"lead\" " + rect + ">"
         "<kicker>奋战一季度 确保开门红</kicker>"
         "<headline>38个重点项目集中开工 总投资126.8亿元</headline>"
         "<subtitle>新区1—2月固定资产投资同比增长5.2%</subtitle>"
         "<byline>□ 记者 陈嘉禾 通讯员 林晓</byline>"
         "<p><dateline>本报讯(记者 孙悦)</dateline>" + corpus_text(260, 0) + "</p>"
         "<subhead>服务前移 “店小二”跑出项目“加速度”</subhead>"
         "<p>" + corpus_text(300, 400) + "</p>"
         "<p>" + corpus_text(180, 900) + "</p>"
         "<subhead>要素保障</subhead>"
         "<p>" + corpus_text(400, 1200) + "</p></article>";
}

std::vector<frame::Box> body_lines(const Laid& l, int page, const std::string& id) {
  return l.lines(page, id, "body");
}

}  // namespace

TEST_CASE("every body line of every column sits on the baseline grid") {
  for (const char* layout : {"tabloid", "broadsheet"}) {
    CAPTURE(layout);
    const Laid l = lay_out(issue_xml(layout, {full_article("col=\"1\" cols=\"4\" row=\"1\" rows=\"40\"")}),
                           [] { auto o = default_options(); o.allow_overset = true; return o; }());
    const model::Layout& L = l.layout();
    const auto lines = body_lines(l, 1, "lead");
    REQUIRE(lines.size() > 40);
    // baseline − top of its grid line: one value for every body line on the page.
    std::set<Len> offsets;
    for (const auto& b : lines) offsets.insert(((b.baseline - L.margin_top) % L.pitch + L.pitch) % L.pitch);
    CHECK(offsets.size() == 1);
    Violations v;
    check_grid(l, v);
    CHECK_MESSAGE(v.empty(), first(v));
  }
}

TEST_CASE("lines in neighbouring columns are at the same heights") {
  const Laid l = lay_out(issue_xml("tabloid", {full_article("col=\"1\" cols=\"3\" row=\"1\" rows=\"50\"")}));
  const model::Layout& L = l.layout();
  std::map<Len, std::set<Len>> by_column;  // column x → baselines
  for (const auto& b : l.lines(1, "lead")) {
    if (b.role != "body") continue;
    const Len col = (b.x - L.margin_left) / (L.column_width + L.gutter);
    by_column[col].insert(b.baseline);
  }
  REQUIRE(by_column.size() == 3);
  // Columns 1 and 2 are full from the head down: line for line at the same baselines.
  std::vector<Len> shared;
  std::set_intersection(by_column[0].begin(), by_column[0].end(), by_column[1].begin(), by_column[1].end(),
                        std::back_inserter(shared));
  CHECK(shared.size() + 3 >= std::min(by_column[0].size(), by_column[1].size()));
  CHECK(shared.size() > 30);
  // Every baseline of one column is a baseline of the grid the other uses.
  const Len ref = *by_column[0].begin();
  for (const auto& [col, bases] : by_column)
    for (Len b : bases) CHECK((b - ref) % L.pitch == 0);
}

TEST_CASE("headline group, subheads and bylines take whole grid lines") {
  const Laid l = lay_out(issue_xml("tabloid", {full_article("col=\"1\" cols=\"4\" row=\"3\" rows=\"50\"")}));
  const model::Layout& L = l.layout();
  Violations v;
  check_grid(l, v);
  CHECK_MESSAGE(v.empty(), first(v));
  // The head lines come first, top to bottom, kicker → headline → subtitle → byline, all
  // above the first body line, which starts on a grid line.
  std::vector<std::string> roles;
  for (const auto& b : l.lines(1, "lead"))
    if (b.role != "body" && b.role != "subhead") roles.push_back(b.role);
  REQUIRE(roles.size() >= 4);
  CHECK(roles[0] == "kicker");
  CHECK(roles[1] == "headline");
  CHECK(roles.back() == "byline");
  const auto body = body_lines(l, 1, "lead");
  REQUIRE(!body.empty());
  for (const auto& b : l.lines(1, "lead"))
    if (b.role == "kicker" || b.role == "headline" || b.role == "subtitle" || b.role == "byline")
      CHECK(bottom(b) <= body.front().y);
  // Head lines are centred across the article (align="center" in the layout).
  const Len article_centre = L.col_x(1) + (4 * L.column_width + 3 * L.gutter) / 2;
  for (const auto& b : l.lines(1, "lead", "headline")) CHECK(std::abs(b.x + b.w / 2 - article_centre) <= 10);
  // Two subheads, each on its own grid line(s), each followed by body text.
  CHECK(l.lines(1, "lead", "subhead").size() >= 2);
}

TEST_CASE("the headline group is set tight; its space follows the group") {
  // tabloid: headline space-after="1". The subtitle follows the headline directly; the
  // grid line of space comes after the whole group, before the byline.
  const Laid l = lay_out(issue_xml("tabloid", {full_article("col=\"1\" cols=\"4\" row=\"1\" rows=\"50\"")}));
  const model::Layout& L = l.layout();
  const auto head = l.lines(1, "lead", "headline");
  const auto sub = l.lines(1, "lead", "subtitle");
  const auto by = l.lines(1, "lead", "byline");
  REQUIRE(head.size() == 1);
  REQUIRE(sub.size() == 1);
  REQUIRE(by.size() == 1);
  // On the 15.75 pt grid: kicker 小四 12 pt: one grid line; headline 二号 22 pt: two (rows
  // 2–3); subtitle 四号 14 pt (leading 16.8 pt): two, directly under it (rows 4–5); one grid
  // line of space; the byline (row 7). Two-row lines are centred on their rows' boundary.
  const auto row_of = [&](const frame::Box& b) { return static_cast<int>((em_centre(b) - L.margin_top) / L.pitch) + 1; };
  CHECK(row_of(sub[0]) == row_of(head[0]) + 2);
  CHECK(row_of(by[0]) == row_of(sub[0]) + 2);
}

TEST_CASE("every line box lies inside the text area and inside its own block") {
  const std::string page = full_article("col=\"1\" cols=\"4\" row=\"5\" rows=\"50\"") +
                           "<banner id=\"slogan\" col=\"1\" cols=\"6\" row=\"1\" rows=\"4\">奋战开门红 实干勇争先</banner>"
                           "<article id=\"side\" col=\"5\" cols=\"2\" row=\"5\" rows=\"30\"><headline>“运河通”App上线一年 "
                           "38872件事项“掌上办”</headline><p>" + corpus_text(200, 77) + "</p></article>"
                           "<photo id=\"pic\" src=\"images/wide.jpg\" col=\"5\" cols=\"2\" row=\"35\" rows=\"20\">"
                           "<caption>" + corpus_text(40, 300) + "</caption><credit>王泽宇 摄</credit></photo>";
  const Laid l = lay_out(issue_xml("tabloid", {page}));
  Violations v;
  check_inside(l, v);
  check_no_overlap(l, v);
  CHECK_MESSAGE(v.empty(), first(v));
}

TEST_CASE("a headline too long for a narrow article is set smaller or broken, never wider than the article") {
  const std::string page = "<article id=\"narrow\" col=\"1\" cols=\"1\" row=\"1\" rows=\"40\"><headline>"
                           "推进“三个导师”工程培育审计“三能”生力军</headline><p>" + corpus_text(150) + "</p></article>";
  const Laid l = lay_out(issue_xml("broadsheet", {page}));
  const auto head = l.lines(1, "narrow", "headline");
  REQUIRE(head.size() >= 2);
  for (const auto& b : head) CHECK(b.w <= l.layout().column_width + 10);
  Violations v;
  check_inside(l, v);
  check_grid(l, v);
  CHECK_MESSAGE(v.empty(), first(v));
}

TEST_CASE("a glyph no font has is reported once, however often the headline was tried") {
  // U+E000 (private use): in none of the mapped fonts. The headline is shaped at several
  // sizes while it is fitted; the finding must still come once.
  const std::string page = "<article id=\"odd\" col=\"1\" cols=\"1\" row=\"1\" rows=\"30\"><headline>"
                           "推进\xEE\x80\x80三个导师工程培育审计三能生力军</headline><p>" + corpus_text(80) + "</p></article>";
  const Laid l = lay_out(issue_xml("tabloid", {page}));
  const auto f = l.found("missing-glyph");
  REQUIRE(f.size() == 1);
  CHECK(f[0].article == "odd");
  CHECK(f[0].message.find("U+E000") != std::string::npos);
}
