// Overset and underset (docs/format.md "What bad input gets"): text that does not fit its
// frames is an error naming the article and how much did not fit; --allow-overset makes
// it a warning and marks the spot on the proof. A column left mostly empty is a warning.
#include <doctest/doctest.h>

#include "flow/invariants.h"

using namespace ft;

namespace {

std::string crowded(int chars) {
  return "<article id=\"crowded\" col=\"1\" cols=\"2\" row=\"1\" rows=\"6\"><headline>简讯</headline><p>" +
         corpus_text(chars / 2) + "</p><p>" + corpus_text(chars - chars / 2, 300) + "</p></article>";
}

// Characters set on the page for an article: its body lines' text.
int placed_chars(const Laid& l, const std::string& id) {
  int n = 0;
  for (const auto& b : l.lines(1, id))
    if (b.role == "body" || b.role == "subhead") n += code_points(b.text);
  return n;
}

}  // namespace

TEST_CASE("overset is an error naming the article and how many characters did not fit") {
  const Laid l = lay_out(issue_xml("tabloid", {crowded(400)}));
  const auto f = l.found("overset");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == base::Severity::Error);
  CHECK(f[0].article == "crowded");
  CHECK(f[0].page == 1);
  CHECK(f[0].loc.line > 0);
  const int missing = 400 - placed_chars(l, "crowded");
  REQUIRE(missing > 0);
  CAPTURE(f[0].message);
  CHECK(f[0].message.find(std::to_string(missing) + " characters") != std::string::npos);
  CHECK(f[0].message.find("lines") != std::string::npos);
  // What did fit is set and stays inside the frame.
  Violations v = check_all(l);
  CHECK_MESSAGE(v.empty(), first(v));
}

TEST_CASE("--allow-overset: a warning, and the spot is marked on the proof") {
  auto opt = default_options();
  opt.allow_overset = true;
  const Laid l = lay_out(issue_xml("tabloid", {crowded(400)}), opt);
  const auto f = l.found("overset");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == base::Severity::Warning);
  CHECK(f[0].article == "crowded");
  int marks = 0;
  const model::Layout& L = l.layout();
  for (const auto& o : l.page(1).overlay) {
    if (o.kind != frame::Overlay::Overset) continue;
    ++marks;
    // At the foot of the frame's last column, where the text stopped.
    CHECK(o.x == L.col_x(2));
    CHECK(o.y == L.row_y(6));
  }
  CHECK(marks == 1);
}

TEST_CASE("text that fits exactly is not overset; one character more is") {
  // Pure Han text on a 10-em column: 8 characters on an indented first line, 10 a line.
  auto art = [](int chars) {
    return "<article id=\"exact\" col=\"1\" cols=\"1\" row=\"1\" rows=\"5\"><p>" + han(chars) + "</p></article>";
  };
  const Laid fits = lay_out(issue_xml("tabloid", {art(48)}));
  CHECK(fits.found("overset").empty());
  CHECK(fits.lines(1, "exact").size() == 5);
  const Laid over = lay_out(issue_xml("tabloid", {art(50)}));
  const auto f = over.found("overset");
  REQUIRE(f.size() == 1);
  CAPTURE(f[0].message);
  // The composer keeps at least 2 characters on a last line: the 5th line ends 2 early.
  CHECK(f[0].message.find(std::to_string(50 - placed_chars(over, "exact")) + " characters") != std::string::npos);
}

TEST_CASE("an overset banner names the banner; --allow-overset makes it a warning") {
  const std::string page = "<banner id=\"slogan\" col=\"1\" cols=\"2\" row=\"1\" rows=\"2\">勇挑大梁走在前<br/>"
                           "勇攀新高再出发<br/>奋力推进中国式现代化</banner>";
  const Laid l = lay_out(issue_xml("tabloid", {page}));
  auto f = l.found("overset");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == base::Severity::Error);
  CHECK(f[0].article == "slogan");
  auto opt = default_options();
  opt.allow_overset = true;
  const Laid w = lay_out(issue_xml("tabloid", {page}), opt);
  f = w.found("overset");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == base::Severity::Warning);
  // What is set stays inside the banner's block.
  Violations v;
  check_inside(w, v);
  check_no_overlap(w, v);
  CHECK_MESSAGE(v.empty(), first(v));
}

TEST_CASE("a two-line banner fits four grid lines of the broadsheet (tightened leading)") {
  // tests/data/good/issue.xml: 一号 26 pt, two lines, 4 × 13.5 pt.
  const std::string page = "<banner col=\"1\" cols=\"8\" row=\"63\" rows=\"4\">勇挑大梁走在前 勇攀新高再出发<br/>"
                           "奋力推进中国式现代化武进新实践</banner>";
  const Laid l = lay_out(issue_xml("broadsheet", {page}));
  CHECK(l.found("overset").empty());
  CHECK(l.lines(1, "").size() == 2);
  Violations v;
  check_inside(l, v);
  check_no_overlap(l, v);
  CHECK_MESSAGE(v.empty(), first(v));
}

TEST_CASE("a column left mostly empty is an underset warning naming the article") {
  const std::string page = "<article id=\"sparse\" col=\"1\" cols=\"3\" row=\"1\" rows=\"30\"><headline>简讯</headline><p>" +
                           corpus_text(120) + "</p></article>";
  const Laid l = lay_out(issue_xml("tabloid", {page}));
  const auto f = l.found("underset");
  REQUIRE(!f.empty());
  for (const auto& x : f) {
    CHECK(x.severity == base::Severity::Warning);
    CHECK(x.article == "sparse");
    CHECK(x.page == 1);
  }
  CHECK(!l.any_error());
}

TEST_CASE("a well-filled article has no underset warning") {
  const std::string page = "<article id=\"full\" col=\"1\" cols=\"2\" row=\"1\" rows=\"10\"><p>" + han(8 + 10 * 18) +
                           "</p></article>";
  const Laid l = lay_out(issue_xml("tabloid", {page}));
  CHECK(l.found("underset").empty());
  CHECK(l.found("overset").empty());
}

TEST_CASE("underset is judged on the columns as set: after balancing") {
  // 45 lines in 3 columns of 20: balanced 15 + 15 + 15 stand three-quarters full (no
  // warning); set top to bottom, column 3 would hold 5 of 20 (a warning naming it).
  const std::string page = "<article id=\"short\" col=\"1\" cols=\"3\" row=\"1\" rows=\"20\"><p>" + han(8 + 10 * 44) +
                           "</p></article>";
  for (bool balance : {true, false}) {
    CAPTURE(balance);
    auto opt = default_options();
    opt.balance = balance;
    const Laid l = lay_out(issue_xml("tabloid", {page}), opt);
    const auto f = l.found("underset");
    if (balance) {
      CHECK(f.empty());
      continue;
    }
    REQUIRE(f.size() == 1);
    CAPTURE(f[0].message);
    CHECK(f[0].message.find("column 3 ") != std::string::npos);
    CHECK(f[0].message.find("45 of the frame's 60 grid lines") != std::string::npos);
  }
  // 15 lines balanced 5 + 5 + 5 of 20: every column stands mostly empty.
  const std::string sparse = "<article id=\"sparse\" col=\"1\" cols=\"3\" row=\"1\" rows=\"20\"><p>" + han(8 + 10 * 14) +
                             "</p></article>";
  const auto f = lay_out(issue_xml("tabloid", {sparse})).found("underset");
  REQUIRE(f.size() == 1);
  CAPTURE(f[0].message);
  CHECK(f[0].message.find("columns 1, 2, 3 ") != std::string::npos);
}
