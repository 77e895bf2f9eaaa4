// Photos (image, Kai caption under it, credit flush right or run in; text flowing around
// a photo inside an article), banners, the folio (报眉) and rules between blocks.
#include <doctest/doctest.h>

#include "flow/invariants.h"

using namespace ft;

namespace {

frame::Box block(const Laid& l, int page, const std::string& id) {
  const auto b = l.boxes(page, "block", id);
  REQUIRE(b.size() == 1);
  return b[0];
}

frame::Box image_box(const Laid& l, int page, const std::string& id) {
  const auto b = l.boxes(page, "image", id);
  REQUIRE(b.size() == 1);
  return b[0];
}

// The glyph runs whose text is one of the line box's characters.
std::vector<const frame::GlyphRun*> runs_of(const Laid& l, int page, const frame::Box& line) {
  std::vector<const frame::GlyphRun*> out;
  for (const auto& r : l.page(page).of<frame::GlyphRun>())
    if (!r.glyphs.empty() && r.glyphs.front().y == line.baseline && r.glyphs.front().x >= line.x - 10 &&
        r.glyphs.back().x <= right(line) + 10 && line.text.find(r.text) != std::string::npos)
      out.push_back(&r);
  return out;
}

std::string photo(const std::string& id, const std::string& rect, const std::string& caption,
                  const std::string& extra = "") {
  return "<photo id=\"" + id + "\" src=\"images/wide.jpg\" " + rect + " " + extra + ">" +
         (caption.empty() ? "" : "<caption>" + caption + "</caption>") + "<credit>王泽宇 摄</credit></photo>";
}

}  // namespace

TEST_CASE("a photo: image filling its grid area, Kai caption under it, credit flush right") {
  const Laid l = lay_out(issue_xml("tabloid", {photo("market", "col=\"1\" cols=\"4\" row=\"1\" rows=\"20\"",
                                                     corpus_text(70, 40))}));
  const frame::Box blk = block(l, 1, "market");
  const frame::Box img = image_box(l, 1, "market");
  CHECK(img.x == blk.x);
  CHECK(img.y == blk.y);
  CHECK(img.w == blk.w);  // fill: crop to the area
  const auto caption = l.lines(1, "market", "caption");
  REQUIRE(caption.size() >= 2);
  for (const auto& c : caption) {
    CHECK(c.y >= bottom(img));
    CHECK(inside(c, blk));
    // Kai; only Chinese quotes come from the body font (LXGW WenKai's are narrow Latin
    // glyphs: docs/typography.md "Punctuation width").
    for (const auto* r : runs_of(l, 1, c))
      if (r->text.find("“") == std::string::npos && r->text.find("”") == std::string::npos)
        CHECK(r->face == fonts().face(text::Role::Kai, false));
  }
  const auto credit = l.lines(1, "market", "credit");
  REQUIRE(credit.size() == 1);
  // Flush right: the credit's last glyph (摄, one em wide) ends at the block's right edge.
  CHECK(std::abs(right(credit[0]) - right(blk)) <= 10);
  const auto runs = runs_of(l, 1, credit[0]);
  REQUIRE(!runs.empty());
  const frame::GlyphRun& last = *runs.back();
  CHECK(std::abs(last.glyphs.back().x + last.size - right(blk)) <= 10);
  CHECK(credit[0].baseline >= caption.back().baseline);
  Violations v = check_all(l);
  CHECK_MESSAGE(v.empty(), first(v));
}

TEST_CASE("the credit runs in on the caption's last line when there is room, else takes its own") {
  const Laid l = lay_out(issue_xml("tabloid", {photo("a", "col=\"1\" cols=\"4\" row=\"1\" rows=\"20\"", "3月9日，龙舟邀请赛现场。") +
                                                   photo("b", "col=\"5\" cols=\"2\" row=\"1\" rows=\"20\"", han(46))}));
  const auto ca = l.lines(1, "a", "caption"), cra = l.lines(1, "a", "credit");
  REQUIRE(ca.size() == 1);
  REQUIRE(cra.size() == 1);
  CHECK(cra[0].baseline == ca[0].baseline);  // run in
  CHECK(cra[0].x >= right(ca[0]));
  const auto cb = l.lines(1, "b", "caption"), crb = l.lines(1, "b", "credit");
  REQUIRE(!cb.empty());
  REQUIRE(crb.size() == 1);
  CHECK(crb[0].baseline > cb.back().baseline);  // the caption's last line is full: own line
  CHECK(std::abs(right(crb[0]) - right(block(l, 1, "b"))) <= 10);
  Violations v = check_all(l);
  CHECK_MESSAGE(v.empty(), first(v));
}

TEST_CASE("fit=\"fit\" letterboxes the image inside its area, centred") {
  const std::string p = "<photo id=\"tall\" src=\"images/tall.jpg\" col=\"1\" cols=\"4\" row=\"1\" rows=\"12\" fit=\"fit\"/>";
  const Laid l = lay_out(issue_xml("tabloid", {p}));
  const frame::Box blk = block(l, 1, "tall");
  const frame::Box img = image_box(l, 1, "tall");
  CHECK(inside(img, blk));
  CHECK(img.h == blk.h);  // no caption: the image takes the whole block
  CHECK(img.w < blk.w);
  CHECK(std::abs((img.x + img.w / 2) - (blk.x + blk.w / 2)) <= 1);
  CHECK(std::abs(img.w * 4 - img.h * 3) <= 4 * 10);  // 3:4 kept
}

TEST_CASE("an article's text flows around a photo inside it, never over it") {
  const std::string art = "<article id=\"projects\" col=\"1\" cols=\"4\" row=\"1\" rows=\"40\">"
                          "<headline>38个重点项目集中开工 总投资126.8亿元</headline><p>" + corpus_text(500) +
                          "</p><p>" + corpus_text(500, 800) + "</p>" +
                          photo("site", "col=\"3\" cols=\"2\" row=\"12\" rows=\"14\"", corpus_text(30, 200)) +
                          "</article>";
  auto opt = default_options();
  opt.balance = false;
  const Laid l = lay_out(issue_xml("tabloid", {art}), opt);
  CHECK(l.found("overset").empty());
  const frame::Box pb = block(l, 1, "site");
  int above = 0, below = 0;
  for (const auto& b : l.lines(1, "projects", "body")) {
    CHECK_FALSE(intersects(b, pb));
    if (b.x >= pb.x && bottom(b) <= pb.y) ++above;
    if (b.x >= pb.x && b.y >= bottom(pb)) ++below;
  }
  CHECK(above > 0);
  CHECK(below > 0);
  Violations v = check_all(l);
  CHECK_MESSAGE(v.empty(), first(v));
}

TEST_CASE("a photo at the top of an article: the headline is set beside it, not over it") {
  const std::string art = "<article id=\"lead\" col=\"1\" cols=\"4\" row=\"1\" rows=\"40\">"
                          "<headline>38个重点项目集中开工</headline><p>" + corpus_text(900) + "</p>" +
                          photo("top", "col=\"3\" cols=\"2\" row=\"1\" rows=\"12\"", corpus_text(20, 100)) +
                          "</article>";
  const Laid l = lay_out(issue_xml("tabloid", {art}));
  const frame::Box pb = block(l, 1, "top");
  const auto head = l.lines(1, "lead", "headline");
  REQUIRE(!head.empty());
  for (const auto& h : head) CHECK(right(h) <= pb.x);
  Violations v = check_all(l);
  CHECK_MESSAGE(v.empty(), first(v));
}

TEST_CASE("a banner is centred in its block") {
  const Laid l = lay_out(issue_xml("tabloid", {"<banner id=\"s\" col=\"1\" cols=\"6\" row=\"1\" rows=\"4\">奋战开门红 实干勇争先</banner>"}));
  const frame::Box blk = block(l, 1, "s");
  const auto lines = l.lines(1, "s", "banner");
  REQUIRE(lines.size() == 1);
  CHECK(std::abs((lines[0].x + lines[0].w / 2) - (blk.x + blk.w / 2)) <= 10);
  CHECK(std::abs(em_centre(lines[0]) - (blk.y + blk.h / 2)) <= 10);
  // The banner colour from the layout (color="0 100 100 0").
  for (const auto* r : runs_of(l, 1, lines[0])) CHECK(r->color == model::Cmyk{0, 1000, 1000, 0, {}});
}

TEST_CASE("a two-line banner: both lines centred, the pair centred vertically") {
  const Laid l = lay_out(issue_xml("broadsheet", {"<banner id=\"s\" col=\"1\" cols=\"8\" row=\"10\" rows=\"7\">"
                                                  "勇挑大梁走在前 勇攀新高再出发<br/>奋力推进中国式现代化武进新实践</banner>"}));
  const frame::Box blk = block(l, 1, "s");
  const auto lines = l.lines(1, "s", "banner");
  REQUIRE(lines.size() == 2);
  for (const auto& b : lines) CHECK(std::abs((b.x + b.w / 2) - (blk.x + blk.w / 2)) <= 10);
  CHECK(std::abs((em_centre(lines[0]) + em_centre(lines[1])) / 2 - (blk.y + blk.h / 2)) <= 10);
}

TEST_CASE("the folio on pages after the first names the page, the section and the date") {
  const Laid l = lay_out(issue_xml("tabloid", {"", "", ""}, {"要闻", "经济", "综合"}));
  const model::Layout& L = l.layout();
  for (int pg : {2, 3}) {
    CAPTURE(pg);
    std::string all;
    for (const auto& b : l.boxes(pg, "folio")) {
      all += b.text + "|";
      CHECK(bottom(b) <= L.margin_top);
      CHECK(b.y >= 0);
      CHECK(b.x >= L.margin_left - 10);
      CHECK(right(b) <= L.margin_left + 6 * L.column_width + 5 * L.gutter + 10);
    }
    CAPTURE(all);
    CHECK(all.find("第" + std::to_string(pg) + "版") != std::string::npos);
    CHECK(all.find(pg == 2 ? "经济" : "综合") != std::string::npos);
    CHECK(all.find("2024年3月15日") != std::string::npos);
    CHECK(all.find("运河新区报") != std::string::npos);
    // Over a rule across the text width, above the grid.
    bool rule = false;
    for (const auto& r : l.page(pg).of<frame::Rule>())
      rule = rule || (r.y0 == r.y1 && r.y0 < L.margin_top && r.x0 == L.margin_left &&
                      r.x1 == L.margin_left + 6 * L.column_width + 5 * L.gutter);
    CHECK(rule);
  }
  // Page 1 carries the paper's name as the masthead instead.
  std::string one;
  for (const auto& b : l.boxes(1, "folio")) one += b.text + "|";
  CHECK(one.find("运河新区报") != std::string::npos);
  CHECK(one.find("第1版") == std::string::npos);
  // The folio's two halves do not collide.
  Violations v;
  check_no_overlap(l, v);
  CHECK_MESSAGE(v.empty(), first(v));
}

TEST_CASE("rules between neighbouring blocks, not inside an article") {
  const std::string page =
      "<article id=\"left\" col=\"1\" cols=\"3\" row=\"1\" rows=\"20\"><p>" + corpus_text(300) + "</p></article>"
      "<article id=\"right\" col=\"4\" cols=\"3\" row=\"1\" rows=\"20\"><p>" + corpus_text(300, 50) + "</p></article>" +
      photo("under", "col=\"1\" cols=\"6\" row=\"21\" rows=\"15\"", corpus_text(20)) +
      "<article id=\"two\"><p>" + corpus_text(200, 9) + "</p><frame col=\"1\" cols=\"2\" row=\"36\" rows=\"10\"/>"
      "<frame col=\"3\" cols=\"2\" row=\"36\" rows=\"10\"/></article>";
  const Laid l = lay_out(issue_xml("tabloid", {page}));
  const model::Layout& L = l.layout();
  auto has_rule = [&](Len x0, Len y0, Len x1, Len y1) {
    for (const auto& r : l.page(1).of<frame::Rule>())
      if (r.x0 == x0 && r.y0 == y0 && r.x1 == x1 && r.y1 == y1) return true;
    return false;
  };
  const Len gx = L.col_x(4) - L.gutter / 2;
  CHECK(has_rule(gx, L.row_y(1), gx, L.row_y(21)));                                     // left | right
  // left and right over the photo: one rule across the gutter between them.
  CHECK(has_rule(L.col_x(1), L.row_y(21), L.col_x(7) - L.gutter, L.row_y(21)));
  CHECK(has_rule(L.col_x(1), L.row_y(36), L.col_x(5) - L.gutter, L.row_y(36)));  // photo over both frames of two
  const Len inner = L.col_x(3) - L.gutter / 2;
  CHECK_FALSE(has_rule(inner, L.row_y(36), inner, L.row_y(46)));  // between two frames of one article
  // No rule crosses a line of text.
  for (const auto& r : l.page(1).of<frame::Rule>()) {
    const frame::Box rb{"rule", "", std::min(r.x0, r.x1), std::min(r.y0, r.y1), std::abs(r.x1 - r.x0),
                        std::abs(r.y1 - r.y0), 0, {}, {}};
    for (const auto& b : l.page(1).boxes)
      if (b.kind == "line") CHECK_FALSE(intersects(b, rb, 0));
  }
}
