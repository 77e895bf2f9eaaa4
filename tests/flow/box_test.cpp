// Boxes (frame, tint, padding), strokes, rules between blocks, rule blocks and text
// columns of their own (变栏) — docs/format.md "Strokes and boxes", "Text columns".
#include <doctest/doctest.h>

#include <set>

#include "flow/invariants.h"

using namespace ft;

namespace {

const Len kEm = base::from_pt(10.5);  // tabloid body
const Len kPitch = base::from_pt(15.75);

std::string article(const std::string& id, const std::string& attrs, int chars, const std::string& head = "标题") {
  return "<article id=\"" + id + "\" " + attrs + "><headline>" + head + "</headline><p>" + corpus_text(chars) +
         "</p></article>";
}

std::vector<frame::Box> body_lines(const Laid& l, const std::string& id) { return l.lines(1, id, "body"); }

// The distinct left edges of the body lines' columns (line boxes start at the indent of
// a first line, so the column boxes give the columns).
std::vector<frame::Box> columns(const Laid& l, const std::string& id) { return l.boxes(1, "column", id); }

frame::Box frame_box(const Laid& l, const std::string& id) {
  const auto f = l.boxes(1, "frame", id);
  REQUIRE(f.size() >= 1);
  return f[0];
}

// Every point of the page's vector shapes and rules on the grid (the folio's rule is above it).
std::vector<frame::Path::Pt> ink_points(const frame::Page& p, Len top) {
  std::vector<frame::Path::Pt> out;
  for (const auto& path : p.of<frame::Path>()) out.insert(out.end(), path.pts.begin(), path.pts.end());
  for (const auto& r : p.of<frame::Rule>()) out.push_back({r.x0, r.y0}), out.push_back({r.x1, r.y1});
  std::erase_if(out, [top](const frame::Path::Pt& pt) { return pt.y < top; });
  return out;
}

}  // namespace

TEST_CASE("变栏: six grid columns set as four text columns of equal whole-em width") {
  const Laid l = lay_out(issue_xml("tabloid", {article("a", "col=\"1\" cols=\"6\" row=\"1\" rows=\"20\" columns=\"4\"", 700)}));
  REQUIRE(!l.any_error());
  const auto cols = columns(l, "a");
  REQUIRE(cols.size() == 4);
  const frame::Box f = frame_box(l, "a");
  // 708.75 pt = 67.5 em; 4 columns with 1.5-em gutters: 15.75 em → 15 em each; the spare
  // 3 em widen the three gutters to 2.5 em.
  for (const auto& c : cols) CHECK(c.w == 15 * kEm);
  CHECK(cols.front().x == f.x);
  CHECK(right(cols.back()) == right(f));
  for (size_t i = 1; i < cols.size(); ++i) CHECK(cols[i].x - right(cols[i - 1]) == 25 * kEm / 10);
  // The text is set at that measure: every body line lies in one column, and full lines
  // fill it exactly.
  int full = 0;
  for (const auto& line : body_lines(l, "a")) {
    bool in_one = false;
    for (const auto& c : cols) in_one = in_one || (line.x >= c.x - 10 && right(line) <= right(c) + 10);
    CHECK_MESSAGE(in_one, line.text);
    for (const auto& c : cols) full += right(line) == right(c) && line.x == c.x;
  }
  CHECK(full > 4);
  // The headline is not affected: centred across the whole frame.
  const auto head = l.lines(1, "a", "headline");
  REQUIRE(head.size() == 1);
  CHECK(std::llabs((head[0].x + right(head[0])) / 2 - (f.x + right(f)) / 2) < base::from_pt(1));
}

TEST_CASE("变栏: one intro column across six, centred on whole ems") {
  const Laid l = lay_out(issue_xml("tabloid", {article("a", "col=\"1\" cols=\"6\" row=\"1\" rows=\"8\" columns=\"1\"", 150)}));
  REQUIRE(!l.any_error());
  const auto cols = columns(l, "a");
  REQUIRE(cols.size() == 1);
  const frame::Box f = frame_box(l, "a");
  CHECK(cols[0].w == 67 * kEm);
  CHECK(cols[0].x - f.x == right(f) - right(cols[0]));
  CHECK(body_lines(l, "a").size() == 3);  // 150 characters on 67-em lines (2-em indent)
}

TEST_CASE("a frame's columns= overrides the article's: an intro frame, then four columns") {
  const std::string a =
      "<article id=\"a\" columns=\"4\"><frame col=\"1\" cols=\"6\" row=\"1\" rows=\"6\" columns=\"1\"/>"
      "<frame col=\"1\" cols=\"6\" row=\"7\" rows=\"14\"/><headline>标题</headline><p>" +
      corpus_text(150) + "</p><p>" + corpus_text(600, 150) + "</p></article>";
  const Laid l = lay_out(issue_xml("tabloid", {a}));
  REQUIRE(!l.any_error());
  const auto cols = columns(l, "a");
  REQUIRE(cols.size() == 5);
  CHECK(cols[0].w == 67 * kEm);
  for (size_t i = 1; i < 5; ++i) CHECK(cols[i].w == 15 * kEm);
}

TEST_CASE("a boxed, tinted article: tint under everything, text inside the padding, frame in the band") {
  const Laid l = lay_out(issue_xml("tabloid", {article("a", "col=\"1\" cols=\"3\" row=\"1\" rows=\"24\" box=\"feature\"", 500)}));
  REQUIRE(!l.any_error());
  const frame::Box f = frame_box(l, "a");
  const frame::Page& p = l.page(1);
  // The tint is the frame's rectangle and comes before any glyph of the article.
  REQUIRE(p.of<frame::Tint>().size() == 1);
  const frame::Tint& t = p.of<frame::Tint>().at(0);
  CHECK(t.x == f.x);
  CHECK(t.y == f.y);
  CHECK(t.w == f.w);
  CHECK(t.h == f.h);
  CHECK(t.color.y == 300);
  size_t tint_at = 0, first_glyph = p.items.size();
  for (size_t i = 0; i < p.items.size(); ++i) {
    if (std::holds_alternative<frame::Tint>(p.items[i])) tint_at = i;
    if (const auto* g = std::get_if<frame::GlyphRun>(&p.items[i]); g && g->text == "标题")
      first_glyph = std::min(first_glyph, i);
  }
  CHECK(tint_at < first_glyph);
  // padding="1 1.5em": every line 1.5 em inside left and right, and below the first grid line.
  for (const auto& line : l.lines(1, "a")) {
    CHECK(line.x >= f.x + 15 * kEm / 10 - 10);
    CHECK(right(line) <= right(f) - 15 * kEm / 10 + 10);
    CHECK(line.y >= f.y + kPitch);
    CHECK(bottom(line) <= bottom(f) - kPitch);
  }
  // The fret frame (6 pt) is drawn inside the frame's edge and never reaches a line.
  const auto pts = ink_points(p, l.layout().margin_top);
  REQUIRE(!pts.empty());
  for (const auto& pt : pts) {
    CHECK(pt.x >= f.x - 10);
    CHECK(pt.x <= right(f) + 10);
    const bool in_band = pt.x <= f.x + base::from_pt(6) + 10 || pt.x >= right(f) - base::from_pt(6) - 10 ||
                         pt.y <= f.y + base::from_pt(6) + 10 || pt.y >= bottom(f) - base::from_pt(6) - 10;
    CHECK(in_band);
  }
}

TEST_CASE("rules between blocks take the block's stroke; a box frame stands for the rule") {
  const Laid l = lay_out(issue_xml(
      "tabloid", {article("a", "col=\"1\" cols=\"3\" row=\"1\" rows=\"20\" rules=\"dotted\"", 400) +
                  article("b", "col=\"4\" cols=\"3\" row=\"1\" rows=\"20\"", 400) +
                  article("c", "col=\"1\" cols=\"6\" row=\"21\" rows=\"12\" box=\"boxed\"", 300)}));
  REQUIRE(!l.any_error());
  const model::Layout& L = l.layout();
  const Len gutter_mid = L.col_x(4) - L.gutter / 2;
  // The dotted rule: filled dots of 1.2 pt centred on the middle of the gutter, from the
  // top of the page's grid down to the boxed article.
  int dots = 0;
  std::set<Len> xs;
  for (const auto& path : l.page(1).of<frame::Path>())
    if (path.stroke == 0)
      for (size_t i = 0; i < path.ops.size(); ++i)
        if (path.ops[i] == frame::Path::Op::Close) ++dots;
  for (const auto& pt : ink_points(l.page(1), L.margin_top)) xs.insert(pt.x);
  CHECK(dots > 20);
  CHECK(xs.count(gutter_mid + base::from_pt(0.6)) == 1);  // the dots' right-most points
  // No hairline between a/b and the boxed article: its frame is the separator.
  for (const auto& r : l.page(1).of<frame::Rule>()) {
    const bool hair_at_box = r.width == base::from_pt(0.5) && r.y0 == L.row_y(21) && r.y1 == r.y0;
    CHECK(!hair_at_box);
  }
}

TEST_CASE("a rule block draws its stroke across the middle of its grid line") {
  const Laid l = lay_out(issue_xml("tabloid", {"<rule col=\"2\" cols=\"4\" row=\"10\" stroke=\"wenwu\"/>"}));
  REQUIRE(!l.any_error());
  const model::Layout& L = l.layout();
  std::vector<frame::Rule> rules;
  for (const auto& r : l.page(1).of<frame::Rule>())
    if (r.y0 > L.margin_top) rules.push_back(r);  // leave out the folio's rule
  REQUIRE(rules.size() == 2);  // 文武线: thick, then thin
  const Len mid = L.row_y(10) + kPitch / 2;
  const Len band = base::from_pt(0.6 * 4 + 1);
  CHECK(rules[0].width == base::from_pt(1.8));
  CHECK(rules[1].width == base::from_pt(0.6));
  CHECK(rules[0].y0 - rules[0].width / 2 == mid - band / 2);
  CHECK(rules[1].y0 + rules[1].width / 2 == mid - band / 2 + band);
  CHECK(rules[0].x0 == L.col_x(2));
  CHECK(rules[0].x1 == L.col_x(6) - L.gutter);
}

TEST_CASE("the city tabloid sample: no rule, frame or ornament touches a line of text") {
  const Laid l = lay_out_file(test::source_root() / "samples/city-tabloid.xml");
  REQUIRE(!l.any_error());
  std::size_t total = 0;
  for (const auto& page : l.doc.pages) {
    std::vector<frame::Box> ink;  // the bounding box of every rule and shape
    for (const auto& r : page.of<frame::Rule>()) {
      frame::Box b;
      b.x = std::min(r.x0, r.x1) - (r.y0 == r.y1 ? 0 : r.width / 2);
      b.y = std::min(r.y0, r.y1) - (r.y0 == r.y1 ? r.width / 2 : 0);
      b.w = std::llabs(r.x1 - r.x0) + (r.y0 == r.y1 ? 0 : r.width);
      b.h = std::llabs(r.y1 - r.y0) + (r.y0 == r.y1 ? r.width : 0);
      ink.push_back(b);
    }
    for (const auto& p : page.of<frame::Path>()) {
      // A path's box spans a whole edge: test it point by point (curve control points
      // lie outside the curve, so this is on the safe side).
      for (size_t i = 0; i < p.pts.size(); ++i) {
        frame::Box b;
        b.x = p.pts[i].x - p.stroke / 2, b.y = p.pts[i].y - p.stroke / 2, b.w = p.stroke, b.h = p.stroke;
        ink.push_back(b);
      }
    }
    int lines = 0, hits = 0;
    std::string first;
    for (const auto& line : page.boxes) {
      if (line.kind != "line" && line.kind != "folio" && line.kind != "jump") continue;
      ++lines;
      for (const auto& b : ink)
        if (intersects(line, b, 0) && hits++ == 0) first = line.text;
    }
    CHECK_MESSAGE(hits == 0, "page " << page.number << " \"" << first << "\"");
    CHECK(lines > 50);
    // Every page has rules to test (page 3's lower half is an ad, so fewer there).
    CHECK(ink.size() > 3);
    total += ink.size();
  }
  CHECK(total > 40);
}
