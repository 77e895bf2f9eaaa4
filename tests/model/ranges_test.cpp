// Physical and structural ranges (docs/format.md "Limits"): values that would overflow
// grid arithmetic or describe no real page are located errors naming the range; the grid
// check cannot overflow; the overlap check agrees with checking every pair.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <random>

#include "model/issue.h"
#include "model/limits.h"
#include "support/support.h"

namespace {

std::string tabloid() {
  std::ifstream in(test::source_root() / "layouts/tabloid.xml");
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// The tabloid layout with `from` replaced by `to` (which must be there).
std::string tabloid_with(const std::string& from, const std::string& to) {
  std::string s = tabloid();
  const size_t at = s.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, from);
  return s.replace(at, from.size(), to);
}

int line_of(const std::string& text, const std::string& what) {
  const size_t at = text.find(what);
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

void expect_layout_error(const std::string& from, const std::string& to, const std::string& message) {
  const std::string xml = tabloid_with(from, to);
  CAPTURE(to);
  try {
    model::parse_layout(xml, "t.xml");
    FAIL_CHECK("no error");
  } catch (const base::Error& e) {
    CHECK(e.loc().line == line_of(xml, to));
    CHECK_MESSAGE(e.message().find(message) != std::string::npos, e.message());
    CHECK(e.fix().size() > 5);
  }
}

// The tabloid's body style element, as the layout file writes it.
const std::string kBody = [] {
  const std::string t = tabloid();
  const size_t at = t.find("<style name=\"body\"");
  return t.substr(at, t.find("/>", at) + 2 - at);
}();
const std::string kPage = R"(<page width="270mm" height="390mm" bleed="3mm" marks="yes"/>)";
const std::string kGrid = R"(<grid columns="6" column-width="10em" gutter="1.5em" rows="60" pitch="15.75pt"/>)";

}  // namespace

TEST_CASE("layout values outside sane physical ranges are located errors") {
  expect_layout_error(kPage, R"(<page width="1000000mm" height="390mm"/>)", "width=\"1000000mm\" of <page> is more than 5080 mm");
  expect_layout_error(kPage, R"(<page width="270mm" height="5080mm" bleed="3mm"/>)",
                      "larger than PDF's largest page, 5080.0 mm on a side");
  expect_layout_error(kPage, R"(<page width="270mm" height="390mm" bleed="31mm"/>)", "bleed=\"31mm\" of <page> is more than 30 mm");
  expect_layout_error(kPage, R"(<page width="270mm" height="390mm" marks-length="1000mm"/>)", "is more than 30 mm");
  expect_layout_error(kGrid, R"(<grid columns="2147483647" column-width="1pt" gutter="0" rows="60" pitch="15.75pt"/>)",
                      "columns=\"2147483647\" of <grid> is more than 100");
  expect_layout_error(kGrid, R"(<grid columns="6" column-width="10em" gutter="1.5em" rows="5001" pitch="0.01pt"/>)",
                      "rows=\"5001\" of <grid> is more than 5000");
  expect_layout_error(kGrid, R"(<grid columns="6" column-width="10em" gutter="1.5em" rows="60" pitch="0.5pt"/>)",
                      "pitch=\"0.5pt\" of <grid> is less than 0.353 mm (1 pt)");
  expect_layout_error(kBody, R"(<style name="body" font="song" size="五号" indent="1000000em"/>)",
                      "indent=\"1000000em\" of <style> is more than 20 em");
  expect_layout_error(kBody, R"(<style name="body" font="song" size="五号" indent="1000000/0.0001em"/>)",
                      "is not an amount of em");
  expect_layout_error(kBody, R"(<style name="body" font="song" size="五号" space="5em"/>)", "more than 4 em");
  expect_layout_error(kBody, R"(<style name="body" font="song" size="五号" han-latin-max="3em"/>)", "more than 2 em");
  expect_layout_error(kBody, R"(<style name="body" font="song" size="2000pt"/>)", "size=\"2000pt\" of <style> is more than");
  expect_layout_error(kBody, R"(<style name="body" font="song" size="0.5pt"/>)", "is less than");
  expect_layout_error(kBody, R"(<style name="body" font="song" size="五号" leading="3000pt"/>)", "is more than");
  expect_layout_error(kBody, R"(<style name="body" font="song" size="五号" space-after="2147483647"/>)",
                      "space-after=\"2147483647\" of <style> is more than 5000");
  // Grid lines of a style: at most the grid's rows.
  expect_layout_error(kBody, R"(<style name="body" font="song" size="五号" space-after="61"/>)",
                      "space-after=\"61\" of <style> is more than 60");
  expect_layout_error(kBody, R"(<style name="body" font="song" size="五号" lines="61"/>)", "lines=\"61\"");
  // The largest values accepted still make a layout.
  const auto lay = model::parse_layout(
      tabloid_with(kBody, R"(<style name="body" font="song" size="五号" indent="20em" space-after="60" space="4em"/>)"), "t.xml");
  CHECK(lay.style("body").space_after_lines == 60);
}

TEST_CASE("placement numbers near INT_MAX are errors, not overflows") {
  const auto where = test::source_root() / "tests/data/good/mem.xml";
  const struct {
    const char* rect;
    const char* says;
  } cases[] = {
      {R"(col="2" cols="2147483647" row="1" rows="10")", "cols=\"2147483647\" of <article> is more than 100"},
      {R"(col="2147483647" cols="1" row="1" rows="10")", "col=\"2147483647\" of <article> is more than 100"},
      {R"(col="1" cols="1" row="1" rows="2147483647")", "rows=\"2147483647\" of <article> is more than 5000"},
      {R"(col="2" cols="100" row="1" rows="10")", "reaches column 101 (col 2 + cols 100 - 1), but layout 'tabloid' has 6"},
      {R"(col="1" cols="1" row="5000" rows="5000")", "reaches grid line 9999 (row 5000 + rows 5000 - 1)"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.rect);
    const std::string xml = std::string("<issue paper=\"P\" date=\"2024-01-05\" layout=\"tabloid\">\n<page number=\"1\">\n") +
                            "<article id=\"a\" " + c.rect + "><headline>标题</headline><p>正文</p></article>\n</page>\n</issue>\n";
    try {
      model::parse_issue(xml, where, test::context());
      FAIL_CHECK("no error");
    } catch (const base::Error& e) {
      CHECK(e.loc().line == 3);
      CHECK_MESSAGE(e.message().find(c.says) != std::string::npos, e.message());
    }
  }
}

TEST_CASE("an article has at most 100 frames and 100 nested photos") {
  std::string frames;
  for (int i = 0; i <= model::limits::kMaxFrames; ++i)
    frames += "<frame col=\"1\" cols=\"1\" row=\"" + std::to_string(i % 60 + 1) + "\" rows=\"1\"/>\n";
  const std::string xml = "<issue paper=\"P\" date=\"2024-01-05\" layout=\"tabloid\">\n<page number=\"1\">\n<article id=\"a\">\n<p>甲</p>\n" +
                          frames + "</article>\n</page>\n</issue>\n";
  try {
    model::parse_issue(xml, test::source_root() / "tests/data/good/mem.xml", test::context());
    FAIL_CHECK("no error");
  } catch (const base::Error& e) {
    CHECK(e.loc().line == 5 + model::limits::kMaxFrames);
    CHECK(e.message().find("article 'a' has more than 100 frames (the limit)") != std::string::npos);
  }
}

// The overlap check is a sweep, not a comparison of every pair: on random pages of random
// blocks (frames, photos nested or not, banners) it must find an overlap exactly when
// some pair meets, and the two blocks it names must meet.
TEST_CASE("the overlap check finds an overlap exactly when two blocks meet") {
  std::mt19937 rng(20240105);
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  struct R {
    int col, cols, row, rows, line;
  };
  int overlaps_found = 0;
  for (int round = 0; round < 300; ++round) {
    std::vector<R> blocks;
    std::string body;
    int line = 3;
    const int n = pick(1, 9);
    for (int i = 0; i < n; ++i, ++line) {
      R r{pick(1, 6), 0, pick(1, 60), 0, line};
      r.cols = pick(1, 7 - r.col), r.rows = pick(1, std::min(20, 61 - r.row));
      const std::string rect = "col=\"" + std::to_string(r.col) + "\" cols=\"" + std::to_string(r.cols) + "\" row=\"" +
                               std::to_string(r.row) + "\" rows=\"" + std::to_string(r.rows) + "\"";
      body += i % 3 == 2 ? "<banner " + rect + ">甲</banner>\n"
                         : "<article id=\"a" + std::to_string(i) + "\" " + rect + "><p>甲</p></article>\n";
      blocks.push_back(r);
    }
    bool expected = false;
    for (size_t i = 0; i < blocks.size(); ++i)
      for (size_t j = i + 1; j < blocks.size(); ++j) {
        const R &a = blocks[i], &b = blocks[j];
        expected = expected || (a.col < b.col + b.cols && b.col < a.col + a.cols && a.row < b.row + b.rows && b.row < a.row + a.rows);
      }
    const std::string xml = "<issue paper=\"P\" date=\"2024-01-05\" layout=\"tabloid\">\n<page number=\"1\">\n" + body +
                            "</page>\n</issue>\n";
    CAPTURE(xml);
    try {
      model::parse_issue(xml, test::source_root() / "tests/data/good/mem.xml", test::context());
      CHECK_FALSE(expected);
    } catch (const base::Error& e) {
      REQUIRE(expected);
      ++overlaps_found;
      // "… (line B) overlaps … (line A) …": the two named blocks meet.
      const std::string m = e.message();
      const int b = e.loc().line, a = std::stoi(m.substr(m.rfind("(line ") + 6));
      const R &x = blocks[static_cast<size_t>(a - 3)], &y = blocks[static_cast<size_t>(b - 3)];
      CHECK(a < b);
      CHECK((x.col < y.col + y.cols && y.col < x.col + x.cols && x.row < y.row + y.rows && y.row < x.row + x.rows));
    }
  }
  CHECK(overlaps_found > 50);
  CHECK(overlaps_found < 290);
}

TEST_CASE("strokes, box padding and text columns have ranges too") {
  const std::string strokes = R"(<stroke name="hair"    type="solid"      weight="0.5pt"/>)";
  expect_layout_error(strokes, R"(<stroke name="hair" type="dotted" weight="0.001pt"/>)",
                      "weight=\"0.001pt\" of <stroke> is less than 0.035 mm (0.1 pt)");
  expect_layout_error(strokes, R"(<stroke name="hair" type="dashed" weight="1pt" gap="1000mm"/>)", "gap=\"1000mm\" of <stroke> is more than");
  const std::string tabloid = [] {
    std::ifstream in(test::source_root() / "layouts/tabloid.xml");
    return std::string(std::istreambuf_iterator<char>(in), {});
  }();
  const size_t box = tabloid.find("<box ");
  REQUIRE(box != std::string::npos);
  expect_layout_error(tabloid.substr(box, tabloid.find("/>", box) + 2 - box),
                      R"(<box name="x" frame="hair" padding="2147483647 1em"/>)", "is more than the grid's 60 lines or 20 em");

  const auto where = test::source_root() / "tests/data/good/mem.xml";
  for (const char* el : {R"(<article id="a" col="1" cols="2" row="1" rows="10" columns="2147483647"><p>甲</p></article>)",
                         R"(<briefs col="1" cols="2" row="1" rows="10" columns="101"><item>甲</item></briefs>)",
                         R"(<rule col="1" cols="2" row="2147483647" stroke="hair"/>)"}) {
    CAPTURE(el);
    const std::string xml = std::string("<issue paper=\"P\" date=\"2024-01-05\" layout=\"tabloid\">\n<page number=\"1\">\n") +
                            el + "\n</page>\n</issue>\n";
    try {
      model::parse_issue(xml, where, test::context());
      FAIL_CHECK("no error");
    } catch (const base::Error& e) {
      CHECK(e.loc().line == 3);
      CHECK_MESSAGE(e.message().find("is more than") != std::string::npos, e.message());
    }
  }
}
