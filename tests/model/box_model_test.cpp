// Strokes, boxes, rule blocks and text columns in the layout and issue files
// (docs/format.md "Strokes and boxes", "Text columns"): what is read, and each mistake
// an error with file, line and fix.
#include <doctest/doctest.h>

#include "model/issue.h"
#include "support/support.h"

namespace {

// A layout: the tabloid's head with `extra` elements before </layout>.
std::string layout_with(const std::string& extra) {
  return R"(<layout name="t">
<page width="270mm" height="390mm"/>
<margins top="30mm" left="10mm"/>
<grid columns="6" column-width="10em" gutter="1.5em" rows="60" pitch="15.75pt"/>
<style name="body" size="五号" indent="2em"/><style name="kicker" size="小四"/><style name="headline" size="二号"/>
<style name="subtitle" size="四号"/><style name="byline" size="五号"/><style name="dateline" size="五号"/>
<style name="subhead" size="五号"/><style name="caption" size="小五"/><style name="credit" size="小五"/>
<style name="banner" size="二号"/><style name="folio" size="小五"/><style name="jump" size="小五"/>
)" + extra + "\n</layout>\n";
}

void expect_layout_error(const std::string& extra, int line, const std::string& message, const std::string& fix) {
  const std::string xml = layout_with(extra);
  CAPTURE(extra);
  try {
    model::parse_layout(xml, "t.xml");
    FAIL_CHECK("no error");
  } catch (const base::Error& e) {
    CAPTURE(std::string(e.what()));
    CHECK(e.loc().file == "t.xml");
    CHECK(e.loc().line == line);
    CHECK(e.message().find(message) != std::string::npos);
    CHECK(e.fix().find(fix) != std::string::npos);
  }
}

std::string issue(const std::string& page) {
  return "<issue paper=\"测试报\" date=\"2024-03-15\" layout=\"tabloid\">\n<page number=\"1\">\n" + page +
         "\n</page>\n</issue>\n";
}

void expect_issue_error(const std::string& page, int line, const std::string& message, const std::string& fix) {
  CAPTURE(page);
  try {
    model::parse_issue(issue(page), "i.xml", test::context());
    FAIL_CHECK("no error");
  } catch (const base::Error& e) {
    CAPTURE(std::string(e.what()));
    CHECK(e.loc().file == "i.xml");
    CHECK(e.loc().line == line);
    CHECK(e.message().find(message) != std::string::npos);
    CHECK(e.fix().find(fix) != std::string::npos);
  }
}

}  // namespace

TEST_CASE("strokes and boxes are read with their defaults") {
  const auto L = model::parse_layout(layout_with(R"(<stroke name="w" type="ornament" pattern="fret" weight="6pt" color="0 100 100 0"/>
<stroke name="d" type="double" weight="0.5pt"/>
<box name="b" frame="w" tint="0 0 0 100" tint-percent="10" padding="1 1em" gutter="2em"/>
<box name="s" tint="0 100 0 0" tint-spot="PANTONE 485 C" tint-percent="20" sides="top bottom"/>
<rules between-blocks="yes" stroke="d"/>)"),
                                     "t.xml");
  const model::Stroke& w = L.stroke("w");
  CHECK(w.type == model::Stroke::Type::Ornament);
  CHECK(w.pattern == "fret");
  CHECK(w.band() == base::from_pt(6));
  CHECK(L.stroke("d").gap == base::from_pt(0.5));  // double: the gap defaults to the weight
  CHECK(L.stroke("d").band() == base::from_pt(1.5));
  const model::BoxStyle& b = L.box_style("b");
  CHECK(b.frame == "w");
  CHECK(b.has_tint);
  CHECK(b.tint.k == 100);  // 10 % of 100 % K
  CHECK(b.tint.c == 0);
  CHECK(b.pad_rows == 1);
  CHECK(b.pad_em1000 == 1000);
  CHECK(b.gutter == base::from_pt(21));
  const model::BoxStyle& s = L.box_style("s");
  CHECK(s.tint.spot == "PANTONE 485 C");
  CHECK(s.tint.tint == 200);  // a spot screen keeps its alternate and sets the tint level
  CHECK(s.tint.m == 1000);
  CHECK(s.sides[0]);
  CHECK(!s.sides[1]);
  CHECK(s.sides[2]);
  CHECK(L.block_rule_stroke == "d");
}

TEST_CASE("bad strokes and boxes: file, line and fix") {
  expect_layout_error(R"(<stroke name="o" type="ornament"/>)", 9, "ornament stroke 'o' needs a pattern", "wave, fret");
  expect_layout_error(R"(<stroke name="o" type="ornament" pattern="clouds"/>)", 9, "('clouds' is not one)", "fret");
  expect_layout_error(R"(<stroke name="o" type="solid" pattern="wave"/>)", 9, "only for type=\"ornament\"", "remove pattern=");
  expect_layout_error(R"(<stroke name="o" type="zigzag"/>)", 9, "is not one of: solid, double, thick-thin", "write one of");
  expect_layout_error("<stroke name=\"o\"/>\n<stroke name=\"o\"/>", 10, "stroke 'o' is defined twice (first at line 9)", "rename");
  expect_layout_error(R"(<box name="b" frame="nope"/>)", 9, "unknown stroke 'nope'", "define it");
  expect_layout_error(R"(<box name="b" tint="0 0 0 10" tint-percent="150"/>)", 9, "is over 100", "1–100");
  expect_layout_error(R"(<box name="b" padding="1 x"/>)", 9, "padding=\"1 x\"", "padding=\"1 1em\"");
  expect_layout_error(R"(<box name="b" sides="up"/>)", 9, "'up' is not a side", "top right bottom left");
  expect_layout_error("<stroke name=\"f\" type=\"ornament\" pattern=\"wave\" weight=\"8pt\"/>\n<box name=\"b\" frame=\"f\" padding=\"0 0.5em\"/>",
                      10, "does not hold the frame 'f'", "make padding= larger");
  expect_layout_error(R"(<rules between-blocks="yes" stroke="nope"/>)", 9, "unknown stroke 'nope'", "define it");
}

TEST_CASE("articles take box=, columns= and rules=; frames take columns=") {
  const auto is = model::parse_issue(issue(R"(<article id="a" box="tinted" columns="4" rules="dotted"><frame col="1" cols="6" row="1" rows="10" columns="1"/><frame col="1" cols="6" row="11" rows="20"/><p>正文。</p></article>
<rule id="r" col="1" cols="6" row="31" stroke="wave"/>)"),
                                     "i.xml", test::context());
  const auto& a = is.pages[0].of<model::Article>().at(0);
  CHECK(a.box == "tinted");
  CHECK(a.columns == 4);
  CHECK(a.rules == "dotted");
  CHECK(a.frames[0].columns == 1);
  CHECK(a.frames[1].columns == 0);
  const auto& r = is.pages[0].of<model::Rule>().at(0);
  CHECK(r.stroke == "wave");
  CHECK(r.rect.rows == 1);  // rows= defaults to one grid line
  // Document order: the rule block comes after the article.
  CHECK(std::holds_alternative<model::Rule>(is.pages[0].blocks[1]));
}

TEST_CASE("bad box, columns, rules and rule blocks in an issue: file, line and fix") {
  expect_issue_error(R"(<article id="a" col="1" cols="2" row="1" rows="5" box="nope"><p>正文。</p></article>)", 3,
                     "unknown box 'nope'", "boxed");
  expect_issue_error(R"(<article id="a" col="1" cols="2" row="1" rows="5" rules="nope"><p>正文。</p></article>)", 3,
                     "unknown stroke 'nope'", "dotted");
  expect_issue_error(R"(<article id="a" col="1" cols="2" row="1" rows="5" columns="0"><p>正文。</p></article>)", 3,
                     "columns=\"0\" of <article> must be at least 1", "");
  expect_issue_error(R"(<rule col="1" cols="6" row="1"/>)", 3, "missing required attribute stroke on <rule>", "add stroke=");
  expect_issue_error(R"(<rule col="1" cols="6" row="1" stroke="fret" rows="1"/>
<article id="a" col="1" cols="2" row="1" rows="5"><p>正文。</p></article>)",
                     4, "overlaps rule (line 3)", "move or resize");
  expect_issue_error(R"(<rule col="1" cols="6" row="1" stroke="fret" rows="1"><p/></rule>)", 3, "unknown element <p>", "");
}

TEST_CASE("briefs, masthead and ear are read in document order") {
  const auto is = model::parse_issue(issue(R"(<masthead col="1" cols="4" row="1" rows="6" cn="CN32-0012" post="27-45" pages="8"/>
<ear id="e" col="5" cols="2" row="1" rows="6"><headline>今日关注</headline><p>详见第2版。</p></ear>
<briefs id="b" col="1" cols="2" row="7" rows="20" box="tinted" columns="1"><headline>简讯</headline>
<item><lead>延时服务</lead> 即日起延时。</item><item>没有引题的一条。</item></briefs>)"),
                                     "i.xml", test::context());
  const auto& p = is.pages[0];
  REQUIRE(p.blocks.size() == 3);
  const auto& m = std::get<model::Masthead>(p.blocks[0]);
  CHECK(m.cn == "CN32-0012");
  CHECK(m.post == "27-45");
  CHECK(m.pages == 8);
  CHECK(m.logo.empty());
  const auto& e = std::get<model::Article>(p.blocks[1]);
  CHECK(e.ear);
  CHECK(e.box == "ear");     // the layout's ear box by default
  CHECK(e.columns == 1);     // one text column
  const auto& b = std::get<model::Briefs>(p.blocks[2]);
  REQUIRE(b.items.size() == 2);
  CHECK(b.head.size() == 1);
  CHECK(b.items[0].style == "brief");
  REQUIRE(b.items[0].content.size() == 2);
  CHECK(b.items[0].content[0].text == "延时服务");
  CHECK(b.items[0].content[0].bold);
  CHECK(b.items[0].content[0].style == "brief-lead");
  CHECK(b.items[0].content[1].text == " 即日起延时。");
  CHECK(is.layout.style("brief").marker == "■");
}

TEST_CASE("bad briefs, masthead and ear: file, line and fix") {
  expect_issue_error(R"(<briefs col="1" cols="2" row="1" rows="10"><headline>简讯</headline></briefs>)", 3,
                     "<briefs> has no <item>", "<item><lead>");
  expect_issue_error("<briefs col=\"1\" cols=\"2\" row=\"1\" rows=\"10\"><item>一。</item>\n<headline>简讯</headline></briefs>", 4,
                     "<headline> after the items", "before the first <item>");
  expect_issue_error(R"(<briefs col="1" cols="2" row="1" rows="10"><item>前文<lead>引题</lead>。</item></briefs>)", 3,
                     "unknown element <lead>", "<lead> first");
  expect_issue_error(R"(<article id="a" col="1" cols="2" row="1" rows="5"><p><lead>引题</lead>正文。</p></article>)", 3,
                     "unknown element <lead>", "dateline");
  expect_issue_error(R"(<masthead col="1" cols="4" row="1" rows="6" logo="logo.svg"/>)", 3,
                     "is an SVG file", "export the logo as PDF");
  expect_issue_error(R"(<masthead col="1" cols="4" row="1" rows="6" logo="nope.png"/>)", 3, "logo file", "correct logo=");
  expect_issue_error(R"(<ear id="e" col="5" cols="2" row="1" rows="6"><p>正文。</p></ear>)", 3,
                     "<ear> 'e' on page 1, which has no <masthead>", "add a <masthead>");
  expect_issue_error(R"(<masthead col="1" cols="4" row="1" rows="6"/>
<ear id="e" col="5" cols="2" row="10" rows="6"><p>正文。</p></ear>)",
                     4, "does not stand beside the masthead (line 3)", "to its left or right");
  expect_issue_error(R"(<masthead col="1" cols="3" row="1" rows="6"/>
<masthead col="4" cols="3" row="1" rows="6"/>)",
                     4, "a second <masthead> on page 1", "one masthead");
  expect_issue_error(R"(<masthead col="1" cols="4" row="1" rows="6"/>
<ear id="e" col="4" cols="2" row="1" rows="6"><p>正文。</p></ear>)",
                     4, "overlaps masthead (line 3)", "move or resize");
}
