// Copyfitting (docs/format.md "Copyfitting"): an article with fit= that is one or ten
// lines over, or underset, is fitted within what the layout allows, says what it did,
// and still obeys every flow rule; every article's fill is reported.
#include <doctest/doctest.h>

#include <regex>

#include "flow/invariants.h"

using namespace ft;

namespace {

// A story of `paras` paragraphs of the corpus (about 120 characters each, with its
// punctuation), under a headline, in a block of `cols` tabloid columns and `rows` grid
// lines, with `fit` as written (fit="…" or nothing).
std::string story(int paras, int cols, int rows, const std::string& fit = "", const std::string& after = "") {
  std::string ps;
  for (int i = 0; i < paras; ++i) ps += "<p>" + corpus_text(110 + 7 * i, 131 * i) + "</p>";
  return "<article id=\"s\" col=\"1\" cols=\"" + std::to_string(cols) + "\" row=\"1\" rows=\"" + std::to_string(rows) +
         "\" " + fit + "><headline>运河新区重点项目集中开工</headline>" + ps + "</article>" + after;
}

// The one finding of `code` for the story.
base::Finding one(const Laid& l, const std::string& code) {
  const auto f = l.found(code);
  REQUIRE_MESSAGE(f.size() == 1, code << " findings: " << f.size());
  return f[0];
}

// "N lines over" of the story's fill note (0 when it fits).
int lines_over(const Laid& l) {
  std::smatch m;
  const std::string msg = one(l, "fill").message;
  return std::regex_search(msg, m, std::regex("(\\d+) lines? over")) ? std::stoi(m[1]) : 0;
}

// The longest frame (in grid lines) at which the story is at least `over` lines over; how
// many lines over it then is goes to `*actual` (a grid line holds a line per column).
int rows_for(int paras, int cols, int over, int* actual = nullptr) {
  REQUIRE(lines_over(lay_out(issue_xml("tabloid", {story(paras, cols, 60)}))) < over);
  for (int rows = 59; rows > 5; --rows) {
    const int n = lines_over(lay_out(issue_xml("tabloid", {story(paras, cols, rows)})));
    if (n < over) continue;
    if (actual) *actual = n;
    return rows;
  }
  FAIL("no frame length gives " << over << " lines over");
  return 0;
}

int loose_lines(const Laid& l) { return static_cast<int>(l.found("loose-line").size()); }

// The laid-out issue as its frames were set: the story's last frame `extra` grid lines
// longer (the invariants check lines against the model's frames).
Laid as_set(Laid l, int extra) {
  for (auto& block : l.issue.pages[0].blocks)
    if (auto* a = std::get_if<model::Article>(&block); a && a->id == "s") {
      a->frames.back().rect.rows += extra;
      a->rect = a->frames.back().rect;
    }
  return l;
}

}  // namespace

TEST_CASE("every article's fill is reported in grid lines") {
  const Laid l = lay_out(issue_xml("tabloid", {story(4, 2, 40)}));
  const auto f = one(l, "fill");
  CHECK(f.severity == base::Severity::Info);
  CHECK(f.article == "s");
  CHECK(std::regex_search(f.message, std::regex("^\\d+ of \\d+ grid lines \\(\\d+%\\)$")));
  CHECK(l.found("copyfit").empty());  // no fit=: nothing is fitted
}

TEST_CASE("one line over: fit=track tracks a paragraph to pull back a line, without a loose line") {
  const int rows = rows_for(3, 1, 1);
  const Laid base = lay_out(issue_xml("tabloid", {story(3, 1, rows)}));
  REQUIRE(base.has_error("overset"));
  const Laid l = lay_out(issue_xml("tabloid", {story(3, 1, rows, "fit=\"track\"")}));
  CAPTURE(first(check_all(l)));
  CHECK(!l.has_error("overset"));
  const auto c = one(l, "copyfit");
  CHECK(c.severity == base::Severity::Info);
  CAPTURE(c.message);
  CHECK(std::regex_search(c.message, std::regex("^fitted by track: \\d+ paragraphs? tracked −0\\.0[1-5] em")));
  CHECK(c.message.find("was 1 line over") != std::string::npos);
  CHECK(lines_over(l) == 0);
  CHECK(loose_lines(l) <= loose_lines(base));
  CHECK(check_all(l).empty());
}

TEST_CASE("ten lines over: shrink-size sets the body a whole number of ems smaller") {
  int over = 0;
  const int rows = rows_for(13, 4, 10, &over);
  CHECK(over <= 13);
  const Laid l = lay_out(issue_xml("tabloid", {story(13, 4, rows, "fit=\"shrink-size\"")}));
  CAPTURE(first(check_all(l)));
  CHECK(!l.has_error("overset"));
  const auto c = one(l, "copyfit");
  CAPTURE(c.message);
  CHECK(c.message.rfind("fitted by shrink-size: body set at 9.54 pt (11 characters a line)", 0) == 0);
  CHECK(c.message.find("was " + std::to_string(over) + " lines over") != std::string::npos);
  // Every body line at 105 pt / 11: the 10-em column of 五号 holds 11 characters.
  const Len size = base::from_pt(105) / 11;
  int body = 0;
  for (const auto& b : l.lines(1, "s", "body")) {
    ++body;
    CHECK(std::abs(b.h - size) <= 1);
    CHECK(b.w <= l.layout().column_width + 1);
  }
  CHECK(body > 100);
  CHECK(check_all(l).empty());
}

TEST_CASE("ten lines over: fit=track tracks as many paragraphs as it needs, each by its least, no loose line") {
  int over = 0;
  const int rows = rows_for(13, 4, 10, &over);
  const Laid base = lay_out(issue_xml("tabloid", {story(13, 4, rows)}));
  const Laid l = lay_out(issue_xml("tabloid", {story(13, 4, rows, "fit=\"track\"")}));
  CHECK(!l.has_error("overset"));
  const auto c = one(l, "copyfit");
  CAPTURE(c.message);
  CHECK(std::regex_search(c.message, std::regex("^fitted by track: \\d+ paragraphs tracked −0\\.0[1-5] em to −0\\.0[1-5] em")));
  CHECK(loose_lines(l) <= loose_lines(base));
  CHECK_MESSAGE(check_all(l).empty(), first(check_all(l)));
}

TEST_CASE("ten lines over: fit=frames lengthens the last frame into free grid lines, fit-rows limits it") {
  int over = 0;
  const int rows = rows_for(6, 2, 10, &over);
  const int more = (over + 1) / 2;  // two columns: a grid line holds two lines
  const Laid l = lay_out(issue_xml("tabloid", {story(6, 2, rows, "fit=\"frames\"")}));
  CHECK(!l.has_error("overset"));
  const auto c = one(l, "copyfit");
  CAPTURE(c.message);
  CHECK(c.message.rfind("fitted by frames: last frame " + std::to_string(more) + " grid lines longer", 0) == 0);
  const auto frames = l.boxes(1, "frame", "s");
  REQUIRE(frames.size() == 1);
  CHECK(frames[0].h == (rows + more) * l.layout().pitch);
  CHECK_MESSAGE(check_all(as_set(l, more)).empty(), first(check_all(as_set(l, more))));
  // At most 3 more grid lines: not enough; the overset stays an error and says why.
  const Laid limited = lay_out(issue_xml("tabloid", {story(6, 2, rows, "fit=\"frames\" fit-rows=\"3\"")}));
  CHECK(limited.has_error("overset"));
  const auto w = one(limited, "copyfit");
  CHECK(w.severity == base::Severity::Warning);
  CHECK(w.message.find("could not be fitted (" + std::to_string(over) + " lines over): frames: 3 more grid lines") !=
        std::string::npos);
}

TEST_CASE("a frame never grows over another block: the photo below stops it") {
  const int rows = rows_for(6, 2, 10);
  const std::string photo = "<photo id=\"p\" src=\"images/wide.jpg\" col=\"1\" cols=\"2\" row=\"" + std::to_string(rows + 3) +
                            "\" rows=\"10\"/>";
  const Laid l = lay_out(issue_xml("tabloid", {story(6, 2, rows, "fit=\"frames\"", photo)}));
  CHECK(l.has_error("overset"));
  const auto w = one(l, "copyfit");
  CHECK(w.message.find("2 more grid lines (all there are) are not enough") != std::string::npos);
  CHECK(l.boxes(1, "frame", "s")[0].h == rows * l.layout().pitch);
}

TEST_CASE("together: shrink-size as far as the style allows, then tracking as little as needed") {
  // Too much for either alone (the smallest size gains about one line in eleven).
  const int rows = rows_for(14, 4, 26);
  const Laid l = lay_out(issue_xml("tabloid", {story(14, 4, rows, "fit=\"track shrink-size\"")}));
  const auto c = one(l, "copyfit");
  CAPTURE(c.message);
  if (c.message.rfind("fitted by shrink-size:", 0) == 0) return;  // the size alone was enough for this text
  CHECK(c.message.rfind("fitted by shrink-size + track: body set at 9.54 pt (11 characters a line), ", 0) == 0);
  CHECK(!l.has_error("overset"));
  CHECK(check_all(l).empty());
}

TEST_CASE("underset: frames gives back the grid lines the text does not need; shrink-size sets it larger") {
  const std::string text = story(5, 3, 60, "fit=\"frames\"");
  const Laid base = lay_out(issue_xml("tabloid", {story(5, 3, 60)}));
  REQUIRE(base.has_warning("underset"));
  const Laid l = lay_out(issue_xml("tabloid", {text}));
  CHECK(!l.has_warning("underset"));
  const auto c = one(l, "copyfit");
  CAPTURE(c.message);
  CHECK(std::regex_search(c.message, std::regex("^fitted by frames: last frame \\d+ grid lines shorter; was underset")));
  CHECK(l.boxes(1, "frame", "s")[0].h < 60 * l.layout().pitch);
  CHECK(!l.has_error("overset"));
  const Laid bigger = lay_out(issue_xml("tabloid", {story(5, 3, 60, "fit=\"shrink-size\"")}));
  const auto b = one(bigger, "copyfit");
  CAPTURE(b.message);
  CHECK(b.message.rfind("fitted by shrink-size: body set at 11.67 pt (9 characters a line)", 0) == 0);
  CHECK(!bigger.has_error("overset"));
}

TEST_CASE("bad fit= and fit-rows= are errors naming the line") {
  const std::pair<const char*, const char*> cases[] = {
      {"fit=\"squeeze\"", "'squeeze' is not a copyfitting method"},
      {"fit=\"track\" fit-rows=\"2\"", "fit-rows= of <article> only limits fit=\"frames\""},
      {"fit=\"\"", "names no method"},
      {"fit=\"frames\" fit-rows=\"-1\"", "must be at least 0"},
  };
  for (const auto& [attrs, message] : cases) {
    CAPTURE(attrs);
    try {
      lay_out(issue_xml("tabloid", {story(1, 2, 20, attrs)}));
      FAIL("accepted");
    } catch (const base::Error& e) {
      CHECK_MESSAGE(e.message().find(message) != std::string::npos, e.message());
      CHECK(e.loc().line > 0);
    }
  }
}
