// Vertical setting (竖排, docs/format.md "Vertical text"): a vertical head group (竖题)
// in its own grid columns beside horizontal text, and articles set in vertical lines
// read right to left in tiers (栏). Checked from where flow put the lines (frame::Box)
// and the glyph runs it made: which side, which order, which tier, how long a column,
// which characters start and end each column, nothing overlapping.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>

#include "base/utf8.h"
#include "flow/invariants.h"

using namespace ft;

namespace {

const std::string kKicker = "建区四十年 港城展新颜";
const std::string kHead = "运河港区年吞吐量破千万吨";
const std::string kSub = "集装箱航线增至12条";

std::string story(const std::string& attrs, const std::string& head_attrs, int chars) {
  return "<article id=\"port\" " + attrs + "><kicker>" + kKicker + "</kicker><headline " + head_attrs + ">" + kHead +
         "</headline><subtitle>" + kSub + "</subtitle><p>" + corpus_text(chars / 2, 0) + "</p><p>" +
         corpus_text(chars - chars / 2, 700) + "</p></article>";
}

std::string errors(const Laid& l) {
  std::string s;
  for (const auto& f : l.findings)
    if (f.severity == base::Severity::Error) s += f.code + ": " + f.message + "\n";
  return s;
}

std::string strip_spaces(std::string s) {
  s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
  return s;
}

std::string joined(const std::vector<frame::Box>& lines) {
  std::string s;
  for (const auto& b : lines) s += b.text;
  return strip_spaces(s);
}

// The first and last code point of a line's text.
std::u32string cps(const std::string& s) { return base::to_u32(s); }

std::vector<frame::Box> body_lines(const Laid& l, int page, const std::string& id) {
  std::vector<frame::Box> out;
  for (const auto& b : l.lines(page, id))
    if (b.role == "body" || b.role == "byline" || b.role == "subhead") out.push_back(b);
  return out;
}

}  // namespace

TEST_CASE("a vertical headline beside a horizontal story: its own grid column at the right, read right to left") {
  const Laid l = lay_out(issue_xml("tabloid", {story("col=\"1\" cols=\"4\" row=\"1\" rows=\"24\"", "dir=\"vertical\"", 500)}));
  REQUIRE_MESSAGE(!l.any_error(), errors(l));
  const model::Layout& L = l.layout();
  const auto kicker = l.lines(1, "port", "kicker"), head = l.lines(1, "port", "headline"),
             sub = l.lines(1, "port", "subtitle");
  REQUIRE(kicker.size() == 1);
  REQUIRE(head.size() == 1);
  REQUIRE(sub.size() == 1);
  CHECK(joined(kicker) == strip_spaces(kKicker));
  CHECK(joined(head) == kHead);
  CHECK(joined(sub) == kSub);
  // Vertical columns, in the article's last grid column, 引题 right of 主题 right of 副题.
  const Len zone = L.col_x(4);
  for (const auto* v : {&kicker, &head, &sub}) {
    CHECK((*v)[0].h > (*v)[0].w * 4);
    CHECK((*v)[0].x >= zone);
    CHECK(right((*v)[0]) <= zone + L.column_width);
    CHECK((*v)[0].y >= L.row_y(1));
  }
  CHECK(kicker[0].x > head[0].x);
  CHECK(head[0].x > sub[0].x);
  // A headline of 12 characters at its style's size: one column 12 ems long.
  CHECK(head[0].h == doctest::Approx(12 * L.style("headline").size).epsilon(0.01));
  // The story is horizontal, in the other three columns, from the top.
  const auto body = body_lines(l, 1, "port");
  REQUIRE(body.size() > 20);
  for (const auto& b : body) {
    CHECK(b.w > b.h);
    CHECK(right(b) <= L.col_x(3) + L.column_width + 10);
    for (const auto* v : {&kicker, &head, &sub}) CHECK_FALSE(intersects(b, (*v)[0]));
  }
  CHECK(body.front().y < L.row_y(2));
  Violations v;
  check_inside(l, v), check_no_overlap(l, v), check_text_complete(l, v);
  CHECK_MESSAGE(v.empty(), first(v));
}

TEST_CASE("side=\"left\" puts the vertical head in the article's first grid column, the story right of it") {
  const Laid l = lay_out(issue_xml(
      "tabloid", {story("col=\"2\" cols=\"4\" row=\"1\" rows=\"24\"", "dir=\"vertical\" side=\"left\"", 500)}));
  REQUIRE_MESSAGE(!l.any_error(), errors(l));
  const model::Layout& L = l.layout();
  const auto head = l.lines(1, "port", "headline");
  REQUIRE(head.size() == 1);
  CHECK(head[0].x >= L.col_x(2));
  CHECK(right(head[0]) <= L.col_x(2) + L.column_width);
  for (const auto& b : body_lines(l, 1, "port")) CHECK(b.x >= L.col_x(3) - 10);
}

TEST_CASE("a vertical headline too long for its column is broken into balanced columns") {
  // 27 characters at 小二 (18 pt) in a frame 12 grid lines (189 pt) high: even at ¾ size
  // it needs three columns; balanced, the shortest is at most two characters shorter
  // than the longest (the composer's head mode prefers breaks between words). The story
  // is set beside the head.
  const std::string head = "运河港区年吞吐量首次突破千万吨大关集装箱航线增至十二条";
  const Laid l = lay_out(issue_xml("tabloid", {"<article id=\"a\" col=\"1\" cols=\"4\" row=\"1\" rows=\"12\">"
                                               "<headline dir=\"vertical\">" + head + "</headline><p>" +
                                               corpus_text(150) + "</p></article>"}));
  REQUIRE_MESSAGE(!l.any_error(), errors(l));
  const auto cols = l.lines(1, "a", "headline");
  REQUIRE(cols.size() >= 2);
  CHECK(joined(cols) == head);
  Len lo = cols[0].h, hi = cols[0].h;
  for (size_t i = 0; i < cols.size(); ++i) {
    lo = std::min(lo, cols[i].h), hi = std::max(hi, cols[i].h);
    CHECK(bottom(cols[i]) <= l.layout().row_y(13) + 10);
    if (i > 0) CHECK(cols[i].x < cols[i - 1].x);  // read right to left
  }
  const Len em = cols[0].w;
  CHECK(cols.size() == 3);
  CHECK(hi - lo <= 2 * em + 10);
  const model::Layout& L = l.layout();
  CHECK(cols.back().x >= L.col_x(4));
  const auto body = body_lines(l, 1, "a");
  REQUIRE(!body.empty());
  for (const auto& b : body) CHECK(right(b) <= L.col_x(3) + L.column_width + 10);
}

namespace {

const std::string kFeature =
    "<article id=\"f\" col=\"1\" cols=\"4\" row=\"1\" rows=\"40\" dir=\"vertical\">"
    "<headline>运河记忆</headline><subtitle>写在新区建区四十周年之际</subtitle>";

Laid feature(const std::string& body, const std::string& attrs = "") {
  std::string xml = kFeature;
  if (!attrs.empty()) xml.replace(xml.find("dir="), 0, attrs + " ");
  return lay_out(issue_xml("tabloid", {xml + body + "</article>"}));
}

}  // namespace

TEST_CASE("a vertical article: the head at the right, then lines right to left, tier after tier, top to bottom") {
  const std::string p1 = corpus_text(400, 0), p2 = corpus_text(400, 900);
  const Laid l = feature("<p>" + p1 + "</p><p>" + p2 + "</p>", "tiers=\"3\"");
  REQUIRE_MESSAGE(!l.any_error(), errors(l));
  const model::Layout& L = l.layout();
  const auto head = l.lines(1, "f", "headline"), sub = l.lines(1, "f", "subtitle");
  REQUIRE(head.size() == 1);
  REQUIRE(sub.size() == 1);
  const auto body = body_lines(l, 1, "f");
  REQUIRE(body.size() > 40);
  // Every character, in reading order.
  CHECK(joined(body) == strip_spaces(p1 + p2));
  // Three tiers; in each, columns one grid pitch apart from right to left; the next tier
  // below the last, its first column back at the right.
  std::vector<Len> tops, feet;  // each tier's highest and lowest character
  for (size_t i = 0; i < body.size(); ++i) {
    const frame::Box& b = body[i];
    CAPTURE(b.text);
    CHECK(b.h > b.w);
    CHECK(b.x + b.w < head[0].x);   // left of the head
    CHECK(b.x + b.w < sub[0].x);
    CHECK(b.x >= L.col_x(1) - 10);
    CHECK(bottom(b) <= L.row_y(41) + 10);
    if (i == 0 || b.x > body[i - 1].x) {
      tops.push_back(b.y), feet.push_back(bottom(b));
      continue;
    }
    tops.back() = std::min(tops.back(), b.y), feet.back() = std::max(feet.back(), bottom(b));
    CHECK(body[i - 1].baseline - b.baseline == L.pitch);
  }
  REQUIRE(tops.size() == 3);
  // Between tiers at least one grid line of white; columns whole ems long.
  CHECK(feet[0] + L.pitch <= tops[1]);
  CHECK(feet[1] + L.pitch <= tops[2]);
  Len longest = 0;
  for (const auto& b : body) longest = std::max(longest, b.h);
  CHECK(longest % 10500 == 0);
  Violations v;
  check_inside(l, v), check_no_overlap(l, v), check_text_complete(l, v);
  CHECK_MESSAGE(v.empty(), first(v));
}

TEST_CASE("kinsoku down a column: no column starts with a closing mark or ends with an opening one") {
  // Text dense with quotes, brackets, book-title marks and commas.
  std::string p;
  for (int i = 0; i < 12; ++i)
    p += "他说：“《运河志》（第" + std::to_string(i + 2) + "卷）记载，古桥、古镇、古渡口……都在这里。”";
  const Laid l = feature("<p>" + p + "</p>");
  REQUIRE_MESSAGE(!l.any_error(), errors(l));
  const auto body = body_lines(l, 1, "f");
  REQUIRE(body.size() > 10);
  const std::u32string no_start = U"，。、：；！？）》」』”…", no_end = U"（《「『“";
  for (const auto& b : body) {
    CAPTURE(b.text);
    const auto t = cps(b.text);
    REQUIRE(!t.empty());
    CHECK(no_start.find(t.front()) == std::u32string::npos);
    CHECK(no_end.find(t.back()) == std::u32string::npos);
  }
}

TEST_CASE("numbers in a vertical column: two digits upright side by side in one em (纵中横), longer ones turned") {
  const Laid l = feature("<p>1984年3月15日，第1200万吨货物装船。</p>");
  REQUIRE_MESSAGE(!l.any_error(), errors(l));
  const auto body = body_lines(l, 1, "f");
  REQUIRE(!body.empty());
  const Len centre = body.front().baseline, em = 10500;
  std::map<std::string, const frame::GlyphRun*> runs;
  for (const auto& r : l.page(1).of<frame::GlyphRun>()) runs[r.text] = &r;
  // 纵中横: the digits horizontal, condensed to fit one em, centred on the column.
  REQUIRE(runs.count("15"));
  const frame::GlyphRun& tcy = *runs["15"];
  CHECK(tcy.orient == frame::GlyphRun::Orient::Horizontal);
  REQUIRE(tcy.glyphs.size() == 2);
  CHECK(tcy.glyphs[0].y == tcy.glyphs[1].y);  // side by side
  CHECK(tcy.hscale <= 1000);
  const Len left = tcy.glyphs[0].x;
  const Len width = (tcy.glyphs[1].x - tcy.glyphs[0].x) * 2;  // two advances (hwid digits)
  CHECK(width <= em + 10);
  CHECK(std::abs(left + width / 2 - centre) <= em / 10);
  // One digit: standing upright, as 纵中横 of one.
  REQUIRE(runs.count("3"));
  CHECK(runs["3"]->orient != frame::GlyphRun::Orient::Rotated);
  // Four digits and more: turned 90° clockwise, one glyph after another down the column.
  for (const char* n : {"1984", "1200"}) {
    CAPTURE(n);
    REQUIRE(runs.count(n));
    const frame::GlyphRun& r = *runs[n];
    CHECK(r.orient == frame::GlyphRun::Orient::Rotated);
    for (size_t i = 1; i < r.glyphs.size(); ++i) CHECK(r.glyphs[i].y > r.glyphs[i - 1].y);
  }
}

TEST_CASE("a vertical article: the column reads as one line; every run of it is marked with the line's text") {
  const Laid l = feature("<p>他说：“运河还在流。”</p>");
  REQUIRE_MESSAGE(!l.any_error(), errors(l));
  int lines = 0;
  for (const auto& r : l.page(1).of<frame::GlyphRun>())
    if (r.line_runs > 0) {
      ++lines;
      CHECK(!r.line_text.empty());
    }
  CHECK(lines == static_cast<int>(l.lines(1, "f").size()));
}

TEST_CASE("a vertical article too long for its frame is overset, with a count") {
  const Laid l = feature("<p>" + corpus_text(2400) + "</p>");
  CHECK(l.has_error("overset"));
}

TEST_CASE("vertical input errors name the line and the fix") {
  struct Case {
    std::string article, message, fix;
  };
  const std::vector<Case> cases = {
      {"<article id=\"a\" col=\"1\" cols=\"2\" row=\"1\" rows=\"20\" tiers=\"2\"><p>文字</p></article>",
       "tiers= divides vertical text", "add dir=\"vertical\""},
      {"<article id=\"a\" col=\"1\" cols=\"2\" row=\"1\" rows=\"20\" dir=\"vertical\" columns=\"2\"><p>文字</p></article>",
       "a vertical <article> is divided into tiers", "tiers=\"N\""},
      {"<article id=\"a\" col=\"1\" cols=\"2\" row=\"1\" rows=\"20\"><headline side=\"left\">标题</headline><p>文字</p></article>",
       "this headline is horizontal", "add dir=\"vertical\""},
      {"<article id=\"a\" col=\"1\" cols=\"2\" row=\"1\" rows=\"20\" dir=\"sideways\"><p>文字</p></article>", "sideways",
       "vertical"},
      {"<article id=\"a\" col=\"1\" cols=\"2\" row=\"1\" rows=\"6\" dir=\"vertical\" tiers=\"3\"><p>文字</p></article>",
       "leaves a tier less than two grid lines high", "at most 2 tiers"},
      {"<article id=\"a\" col=\"1\" cols=\"4\" row=\"1\" rows=\"30\" dir=\"vertical\"><p>文字</p>"
       "<photo id=\"p\" src=\"images/wide.jpg\" col=\"1\" cols=\"2\" row=\"5\" rows=\"10\"/></article>",
       "vertical text does not run around photos", "place the photo"},
      {"<article id=\"a\" col=\"1\" cols=\"2\" row=\"1\" rows=\"20\" dir=\"vertical\" fit=\"track\"><p>文字</p></article>",
       "has vertical frames", "remove fit="},
  };
  for (const auto& c : cases) {
    CAPTURE(c.article);
    try {
      lay_out(issue_xml("tabloid", {c.article}));
      FAIL_CHECK("no error");
    } catch (const base::Error& e) {
      CAPTURE(std::string(e.what()));
      CHECK(e.loc().line > 0);
      CHECK(std::string(e.what()).find(c.message) != std::string::npos);
      CHECK(std::string(e.what()).find(c.fix) != std::string::npos);
    }
  }
}
