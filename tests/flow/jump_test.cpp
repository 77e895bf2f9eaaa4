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
  CHECK(in[0].baseline < L.row_y(5));  // under the continuation head (接题)
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

namespace {

// The article's lines of `role` on `page`.
std::vector<frame::Box> role_lines(const Laid& l, int page, const std::string& role) {
  return l.lines(page, "projects", role);
}

}  // namespace

TEST_CASE("the continuation gets a head (接题) across its frame, above （上接第1版）: the headline, smaller") {
  const Laid l = lay_out(issue_xml("tabloid", three_pages(jumping(700))));
  const auto head = role_lines(l, 3, "jumphead");
  REQUIRE(head.size() == 1);
  CHECK(head[0].text == "38个重点项目集中开工");
  CHECK(role_lines(l, 1, "jumphead").empty());  // not over the first part
  // Smaller than the headline, in the jumphead style's size (小三, 15 pt).
  const auto main = role_lines(l, 1, "headline");
  REQUIRE(!main.empty());
  CHECK(head[0].h < main[0].h);
  CHECK(head[0].h == base::from_pt(15));
  // At the frame's top, centred across its two columns, the continuation line under it
  // and every body line below that.
  const model::Layout& L = l.layout();
  const Len frame_x = L.col_x(3), frame_w = 2 * L.column_width + L.gutter;
  CHECK(head[0].y >= L.row_y(1) - 10);
  CHECK(std::abs((head[0].x - frame_x) - (frame_x + frame_w - right(head[0]))) <= 100);
  const auto in = jumps(l, 3);
  REQUIRE(in.size() == 1);
  CHECK(in[0].y >= bottom(head[0]) - 10);
  for (const auto& b : role_lines(l, 3, "body")) CHECK(b.y >= bottom(head[0]) - 10);
  CHECK(l.found("overset").empty());
  Violations v = check_all(l);
  CHECK_MESSAGE(v.empty(), first(v));
}

TEST_CASE("a <jumphead> gives the continuation its own short head") {
  std::string story = jumping(700);
  story.replace(story.find("<p>"), 0, "<jumphead>开工项目</jumphead>");
  const Laid l = lay_out(issue_xml("tabloid", three_pages(story)));
  const auto head = role_lines(l, 3, "jumphead");
  REQUIRE(head.size() == 1);
  CHECK(head[0].text == "开工项目");
  // Where the text does not reach the continuation, neither does its head.
  std::string short_story = jumping(200);
  short_story.replace(short_story.find("<p>"), 0, "<jumphead>开工项目</jumphead>");
  const Laid s = lay_out(issue_xml("tabloid", three_pages(short_story)));
  CHECK(s.lines(3, "projects").empty());
}
