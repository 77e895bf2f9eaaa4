// Threading and jumps: an article with several <frame>s flows through them in order,
// across pages; the engine writes （下转第N版） / （上接第N版） itself, only when text
// actually continues, naming the right pages, with the layout's wording.
#include <doctest/doctest.h>

#include <fstream>

#include "flow/invariants.h"

using namespace ft;

namespace {

std::string jumping(int chars, const std::string& second_page = "3") {
  return "<article id=\"projects\"><headline>38个重点项目集中开工</headline>"
         "<p>" + corpus_text(chars / 2, 0) + "</p><p>" + corpus_text(chars - chars / 2, 500) + "</p>"
         "<frame col=\"1\" cols=\"2\" row=\"20\" rows=\"20\"/>"
         "<frame page=\"" + second_page + "\" col=\"3\" cols=\"2\" row=\"1\" rows=\"30\"/></article>";
}

std::vector<std::string> three_pages(const std::string& first, const std::string& third = "") {
  return {first, "<article id=\"p2\" col=\"1\" cols=\"2\" row=\"1\" rows=\"10\"><p>" + corpus_text(100, 10) +
                     "</p></article>",
          third};
}

std::vector<frame::Box> jumps(const Laid& l, int page) { return l.boxes(page, "jump", "projects"); }

}  // namespace

TEST_CASE("a jump: （下转第3版） at the end of the first part, （上接第1版） at the head of the rest") {
  const Laid l = lay_out(issue_xml("tabloid", three_pages(jumping(700))));
  const auto out = jumps(l, 1);
  const auto in = jumps(l, 3);
  REQUIRE(out.size() == 1);
  REQUIRE(in.size() == 1);
  CHECK(out[0].text == "（下转第3版）");
  CHECK(in[0].text == "（上接第1版）");
  CHECK(jumps(l, 2).empty());
  // The jump line is the foot of the first frame's last column; the continuation line
  // the head of the second frame's first column.
  const model::Layout& L = l.layout();
  CHECK(out[0].x >= L.col_x(2));
  CHECK(bottom(out[0]) <= L.row_y(40));
  CHECK(out[0].baseline > L.row_y(39));
  CHECK(in[0].x < L.col_x(3) + L.column_width);
  CHECK(in[0].baseline < L.row_y(2));
  // Text reached both frames, and the whole article was set.
  CHECK(!l.lines(3, "projects", "body").empty());
  CHECK(l.found("overset").empty());
  Violations v = check_all(l);
  CHECK_MESSAGE(v.empty(), first(v));
}

TEST_CASE("no jump lines when the text ends in the first frame") {
  const Laid l = lay_out(issue_xml("tabloid", three_pages(jumping(200))));
  CHECK(jumps(l, 1).empty());
  CHECK(jumps(l, 3).empty());
  CHECK(l.lines(3, "projects").empty());
  CHECK(l.has_warning("underset"));  // the continuation frame stays empty
  Violations v;
  check_jumps(l, v);
  CHECK_MESSAGE(v.empty(), first(v));
}

TEST_CASE("a jump backwards names the earlier page; frames on the same page need no jump lines") {
  const std::string art =
      "<article id=\"projects\"><p>" + corpus_text(900, 0) + "</p>"
      "<frame col=\"1\" cols=\"1\" row=\"1\" rows=\"20\"/>"
      "<frame col=\"3\" cols=\"1\" row=\"1\" rows=\"20\"/>"
      "<frame page=\"1\" col=\"1\" cols=\"2\" row=\"30\" rows=\"20\"/></article>";
  const Laid l = lay_out(issue_xml("tabloid", {"<article id=\"p1\" col=\"1\" cols=\"2\" row=\"1\" rows=\"10\"><p>" +
                                                   corpus_text(120, 7) + "</p></article>",
                                               art}));
  const auto out = jumps(l, 2);
  const auto in = jumps(l, 1);
  REQUIRE(out.size() == 1);
  REQUIRE(in.size() == 1);
  CHECK(out[0].text == "（下转第1版）");
  CHECK(in[0].text == "（上接第2版）");
  // The move from frame 1 to frame 2 (same page) wrote nothing.
  CHECK(out[0].x >= l.layout().col_x(3));
  Violations v = check_all(l);
  CHECK_MESSAGE(v.empty(), first(v));
}

TEST_CASE("jump wording comes from the layout") {
  std::string layout;
  {
    std::ifstream in(test::source_root() / "layouts/tabloid.xml");
    layout.assign(std::istreambuf_iterator<char>(in), {});
  }
  const std::string from = "<jump to=\"（下转第{page}版）\" from=\"（上接第{page}版）\"/>";
  REQUIRE(layout.find(from) != std::string::npos);
  layout.replace(layout.find(from), from.size(), "<jump to=\"（转{page}版）\" from=\"（{page}版转来）\"/>");
  const auto dir = test::temp_dir("flow-jump");
  {
    std::ofstream out(dir / "wording.xml");
    out << layout;
  }
  // The issue sits beside its layout: a layout outside the issue's folder is refused.
  std::string xml = issue_xml("tabloid", three_pages(jumping(700)));
  xml.replace(xml.find("layout=\"tabloid\""), 16, "layout=\"wording.xml\"");
  std::ofstream(dir / "issue.xml") << xml;
  const Laid l = lay_out_file(dir / "issue.xml");
  REQUIRE(jumps(l, 1).size() == 1);
  REQUIRE(jumps(l, 3).size() == 1);
  CHECK(jumps(l, 1)[0].text == "（转3版）");
  CHECK(jumps(l, 3)[0].text == "（1版转来）");
}

TEST_CASE("the jump line's grid line is never lost: a one-line column at the end of a frame") {
  // The first frame's last column is one grid line tall under the photo: the jump line
  // takes that line and the text continues on page 2.
  const std::string art =
      "<article id=\"projects\"><p>" + corpus_text(700, 0) + "</p>"
      "<photo id=\"pic\" src=\"images/wide.jpg\" col=\"2\" cols=\"1\" row=\"1\" rows=\"19\"/>"
      "<frame col=\"1\" cols=\"2\" row=\"1\" rows=\"20\"/>"
      "<frame page=\"2\" col=\"1\" cols=\"3\" row=\"1\" rows=\"30\"/></article>";
  const Laid l = lay_out(issue_xml("tabloid", {art, ""}));
  REQUIRE(jumps(l, 1).size() == 1);
  REQUIRE(jumps(l, 2).size() == 1);
  CHECK(jumps(l, 1)[0].text == "（下转第2版）");
  Violations v = check_all(l);
  CHECK_MESSAGE(v.empty(), first(v));
}
