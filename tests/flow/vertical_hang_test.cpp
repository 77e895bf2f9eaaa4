// Hanging punctuation down a vertical column (行末悬挂, CLREQ §3.1.7; docs/composer.md
// "Hanging punctuation"): a column that ends in ，or 。 one em past the tier hangs the mark
// below the tier's foot — into the white between tiers or under the frame — by half its
// em, its other gaps unstretched; a tier with a rule or a block right under its foot
// hangs nothing there, nor does a horizontal column with too little white past its end.
// Checked from the line boxes (hang=) and the glyphs flow placed.
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>

#include "flow/hang_checks.h"

using namespace ft;

namespace {

constexpr Len kEm = 10500;  // the tabloid body, 五号

// A vertical article in columns 1–4 from row 1; `more`: what else stands on the page.
Laid vertical(int rows, const std::string& attrs, const std::string& body, const std::string& more = "") {
  return lay_out(issue_xml("tabloid", {"<article id=\"f\" col=\"1\" cols=\"4\" row=\"1\" rows=\"" + std::to_string(rows) +
                                       "\" dir=\"vertical\" " + attrs + "><headline>运河记忆</headline><p>" + body +
                                       "</p></article>" + more}));
}

// The first tier's column length (the measure), from the flow's column boxes.
Len tier_length(const Laid& l) {
  const auto cols = l.boxes(1, "column", "f");
  REQUIRE(!cols.empty());
  return cols.front().h;
}

// The glyphs of the vertical line whose runs carry `text` as their line's text.
std::vector<frame::Glyph> glyphs_of(const Laid& l, const std::string& text) {
  std::vector<frame::Glyph> out;
  int left = 0;
  for (const auto& r : l.page(1).of<frame::GlyphRun>()) {
    if (r.line_runs > 0) left = r.line_text == text ? r.line_runs : 0;
    if (left == 0) continue;
    out.insert(out.end(), r.glyphs.begin(), r.glyphs.end());
    --left;
  }
  return out;
}

// A paragraph whose first column (2-em indent) is `m` ems of Han and then a comma: one em
// past the measure, and the comma may not start the next column. Pushing the last Han
// character out with it would open the column's 9 gaps by 1/9 em each.
std::string comma_one_em_over(int m) { return han(m - 2) + "，" + han(60, 40); }

}  // namespace

TEST_CASE("a vertical column one em too long for its comma hangs it below the tier's foot, gaps unstretched") {
  // 40 grid lines in four tiers of 13 ems; the first tier's foot has the white between
  // tiers below it.
  const std::string p = comma_one_em_over(13);
  const Laid l = vertical(40, "tiers=\"4\"", p);
  REQUIRE_MESSAGE(!l.any_error(), errors(l));
  const Len measure = tier_length(l);
  REQUIRE(measure == 13 * kEm);
  const auto body = l.lines(1, "f", "body");
  REQUIRE(body.size() > 3);
  const frame::Box& first = body.front();
  const std::string want = han(11) + "，";
  CHECK(first.text == want);
  CHECK(first.vertical);
  CHECK(first.hang == kEm / 2);
  // The box ends at the tier's foot, flush with the full columns after it; the comma
  // stands below.
  const frame::Box col = l.boxes(1, "column", "f").front();
  CHECK(first.y + first.h == col.y + measure);
  CHECK(bottom(body[1]) == col.y + measure);
  // Every glyph one em below the one before: no gap opened; the comma's em starts at the
  // foot (its ink, in the em's upper half, stands in the half em below it).
  const auto g = glyphs_of(l, want);
  REQUIRE(g.size() == 12);
  for (size_t i = 1; i < g.size(); ++i) CHECK(g[i].y - g[i - 1].y == kEm);
  CHECK(g.back().y - g.front().y == measure - 2 * kEm);  // the 2-em indent, then 11 ems down to the foot
  CHECK(l.found("loose-line").empty());
  const auto v = checked(l);
  CHECK_MESSAGE(v.empty(), ft::first(v));
}

TEST_CASE("a tier with a rule right under its foot hangs nothing there; with white below it hangs") {
  // One tier of 12 ems filling eight grid lines. Below it, another story: the rule
  // between the blocks runs along the tier's foot, and no mark may hang onto it.
  const std::string p = comma_one_em_over(12);
  const std::string below = "<article id=\"b\" col=\"1\" cols=\"4\" row=\"9\" rows=\"20\"><p>" + han(200) + "</p></article>";
  const Laid ruled = vertical(8, "tiers=\"1\"", p, below);
  REQUIRE_MESSAGE(!ruled.any_error(), errors(ruled));
  const Len measure = tier_length(ruled);
  REQUIRE(measure == 12 * kEm);
  const Len foot = ruled.boxes(1, "column", "f").front().y + measure;
  bool rule_at_foot = false;
  for (const auto& r : ruled.page(1).of<frame::Rule>())
    rule_at_foot = rule_at_foot || (r.y0 == r.y1 && r.y0 == foot && r.x0 < r.x1);
  CHECK(rule_at_foot);
  const auto body = ruled.lines(1, "f", "body");
  REQUIRE(!body.empty());
  for (const auto& b : body) {
    CAPTURE(b.text);
    CHECK(b.hang == 0);
    CHECK(b.y + b.h <= foot);
  }
  CHECK(body.front().text != han(10) + "，");
  const auto v = checked(ruled);
  CHECK_MESSAGE(v.empty(), ft::first(v));

  // The same tier with nothing under it down to the page's foot: the comma hangs.
  first_line_hangs(vertical(8, "tiers=\"1\"", p), "f", "body", han(10) + "，", kEm);
}

namespace {

// The tabloid layout with a box whose padding left and right is half an em: a mark hung
// past a column that ends at the padding would touch the box's frame.
Laid boxed(const std::string& box, const std::string& body) {
  std::string layout;
  {
    std::ifstream in(test::source_root() / "layouts/tabloid.xml");
    layout.assign(std::istreambuf_iterator<char>(in), {});
  }
  layout.replace(layout.find("</layout>"), 0, "<box name=\"tight\" frame=\"hair\" padding=\"1 0.5em\"/>\n");
  const auto dir = test::temp_dir("flow-hang-box");
  std::ofstream(dir / "tight.xml") << layout;
  std::string xml = issue_xml("tabloid", {"<article id=\"s\" col=\"1\" cols=\"1\" row=\"1\" rows=\"20\" box=\"" + box +
                                          "\"><p>" + body + "</p></article>"});
  xml.replace(xml.find("layout=\"tabloid\""), 16, "layout=\"tight.xml\"");
  std::ofstream(dir / "issue.xml") << xml;
  return lay_out_file(dir / "issue.xml");
}

}  // namespace

TEST_CASE("a horizontal column ending at a box's frame with half an em of padding hangs nothing onto it") {
  // One text column in a boxed one-column frame, a whole number of ems wide: 9 ems in the
  // tight box (half an em to the frame), 8 in the bundled one (an em to it). The first
  // line ends in a comma one em past the measure.
  const Laid tight = boxed("tight", comma_one_em_over(9));
  REQUIRE_MESSAGE(!tight.any_error(), errors(tight));
  const auto lines = tight.lines(1, "s", "body");
  REQUIRE(!lines.empty());
  REQUIRE(tight.boxes(1, "column", "s").front().w == 9 * kEm);
  for (const auto& b : lines) {
    CAPTURE(b.text);
    CHECK(b.hang == 0);
  }
  CHECK(lines.front().text != han(7) + "，");
  const auto v = checked(tight);
  CHECK_MESSAGE(v.empty(), ft::first(v));

  const Laid roomy = boxed("boxed", comma_one_em_over(8));
  REQUIRE(roomy.boxes(1, "column", "s").front().w == 8 * kEm);
  first_line_hangs(roomy, "s", "body", han(6) + "，", kEm);
}
