// Characters and references (docs/format.md "Bad input" and "Limits"): NUL, controls,
// surrogates, noncharacters and references to them are errors at their line, in text and
// in every attribute; attribute values are one line; '<' never hides inside a value;
// elements, attributes and text per element are counted before the work.
#include <doctest/doctest.h>

#include "model/issue.h"
#include "support/support.h"

namespace {

// An issue whose page 1 holds `blocks` (line 3 onwards).
std::string issue(const std::string& blocks, const std::string& page_attrs = "") {
  return "<issue paper=\"P\" date=\"2024-01-05\" layout=\"broadsheet\">\n<page number=\"1\"" + page_attrs + ">\n" +
         blocks + "\n</page>\n</issue>\n";
}

std::string article(const std::string& text, const std::string& id = "a") {
  return "<article id=\"" + id + "\" col=\"1\" cols=\"2\" row=\"1\" rows=\"9\"><p>" + text + "</p></article>";
}

struct Outcome {
  bool ok = false;
  int line = 0;
  std::string message, fix;
  model::Issue issue;
};

Outcome parse(const std::string& xml, const base::Context& ctx = test::context()) {
  Outcome o;
  try {
    o.issue = model::parse_issue(xml, test::source_root() / "tests/data/good/mem.xml", ctx);
    o.ok = true;
  } catch (const base::Error& e) {
    o.line = e.loc().line;
    o.message = e.message();
    o.fix = e.fix();
  }
  return o;
}

void expect_error(const std::string& xml, int line, const std::string& message, const base::Context& ctx = test::context()) {
  const Outcome o = parse(xml, ctx);
  CAPTURE(xml.substr(0, 300));
  CHECK_FALSE(o.ok);
  CHECK(o.line == line);
  CHECK_MESSAGE(o.message.find(message) != std::string::npos, o.message);
  CHECK(o.fix.size() > 5);
}

}  // namespace

TEST_CASE("references to NUL, controls, surrogates and noncharacters are errors at their line") {
  const struct {
    const char* ref;
    const char* says;
  } cases[] = {
      {"&#0;", "&#0; names U+0000, NUL"},
      {"&#x0;", "&#x0; names U+0000"},
      {"&#1;", "U+0001, a control character"},
      {"&#x1B;", "U+001B, a control character"},
      {"&#x7F;", "U+007F, a control character"},
      {"&#x85;", "U+0085, a control character"},
      {"&#xD800;", "U+D800, a surrogate"},
      {"&#57343;", "U+DFFF, a surrogate"},
      {"&#xFFFE;", "U+FFFE, a Unicode noncharacter"},
      {"&#xFFFF;", "U+FFFF, a Unicode noncharacter"},
      {"&#xFDD0;", "U+FDD0, a Unicode noncharacter"},
      {"&#x10FFFF;", "U+10FFFF, a Unicode noncharacter"},
      {"&#x110000;", "beyond U+10FFFF"},
      {"&#99999999999999999999999;", "beyond U+10FFFF"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.ref);
    expect_error(issue("\n\n" + article(std::string("前") + c.ref + "后")), 5, c.says);
    // Every attribute value goes through the same check: ids, paths, names.
    expect_error(issue(article("甲", std::string("a") + c.ref + "b")), 3, c.says);
    expect_error(issue("<photo id=\"p\" src=\"images/forge.jpg" + std::string(c.ref) +
                       "\" col=\"1\" cols=\"2\" row=\"1\" rows=\"5\"/>"),
                 3, c.says);
  }
}

TEST_CASE("invalid character references do not vanish") {
  for (const char* ref : {"&#;", "&#x;", "&#xZZ;", "&#12", "&#-1;", "&# 65;", "&#x4E2D"}) {
    CAPTURE(ref);
    expect_error(issue(article(std::string("甲") + ref + "乙")), 3, "malformed XML: '&' does not start an entity");
  }
  // Real references come through as their characters.
  const Outcome o = parse(issue(article("&#x4E2D;&#22269;&#xA0;&amp;&lt;")));
  REQUIRE(o.ok);
  CHECK((*o.issue.pages[0].of<model::Article>().begin()).body[0].plain() == "中国\u00A0&<");
}

TEST_CASE("raw control characters and noncharacters in the file are errors at their line") {
  expect_error(issue("\n" + article("甲\x01乙")), 4, "U+0001 in the file is a control character");
  expect_error(issue(article("甲\x1B[31m乙")), 3, "U+001B");
  expect_error(issue(article("甲\xC2\x85乙")), 3, "U+0085 in the file is a control character");
  expect_error(issue(article("甲\xEF\xBF\xBE乙")), 3, "U+FFFE in the file is a Unicode noncharacter");
  expect_error(issue(article("甲\xF4\x8F\xBF\xBF")), 3, "U+10FFFF in the file is a Unicode noncharacter");
  expect_error(issue(article("甲") + "<!-- \x07 -->"), 3, "U+0007");
}

TEST_CASE("attribute values are one line without bidirectional controls; messages echo them safely") {
  expect_error(issue(article("甲", "a&#10;fake.xml:1: error: forged")), 3, "holds a line break or tab (&#10;)");
  expect_error(issue(article("甲", "a&#xD;b")), 3, "line break or tab");
  expect_error(issue(article("甲", "a&#9;b")), 3, "line break or tab");
  expect_error(issue(article("甲", "a\nb")), 3, "holds a line break or tab (U+000A)");
  expect_error(issue(article("甲", "a\xE2\x80\xA8" "b")), 3, "line break or tab (U+2028)");
  expect_error(issue(article("甲", "evil\xE2\x80\xAE" "txt.gpj")), 3, "a bidirectional control (U+202E)");
  expect_error(issue(article("甲", "&#x2067;x")), 3, "bidirectional control");
  // Text may hold line breaks and a left-to-right mark.
  CHECK(parse(issue(article("甲\n乙&#x200E;"))).ok);
}

TEST_CASE("more than 30 combining characters after one letter are an error; real stacks and sequences are not") {
  const auto times = [](const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
  };
  const std::string acute = "\xCC\x81";  // U+0301
  expect_error(issue(article("a" + times(acute, 31))), 3, "more than 30 combining characters in a row (the last U+0301)");
  expect_error(issue(article("a" + times("&#x301;", 31))), 3, "(the last &#x301;)");
  // CGJ (U+034F) does not start a cluster; ZWSP and a soft hyphen are skipped by the
  // shaper's search for the base, so none of them ends a run.
  expect_error(issue(article("a" + times(acute, 30) + "\xCD\x8F" + acute)), 3, "the last U+034F");
  expect_error(issue(article("a" + times(times(acute, 20) + "\xE2\x80\x8B", 2))), 3, "the last U+0301");
  expect_error(issue(article("a" + times(acute, 20) + "&#xAD;" + times(acute, 11))), 3, "the last U+0301");
  expect_error(issue(article("中" + times("\xEF\xB8\x8F", 31))), 3, "the last U+FE0F");  // VS16
  expect_error(issue(article("a" + times(acute, 16) + "<b>" + times(acute, 15) + "</b>")), 3, "combining");
  expect_error(issue(article("甲"), " section=\"a" + times(acute, 31) + "\""), 2, "combining characters");
  expect_error(issue(article("甲<![CDATA[a" + times(acute, 31) + "]]>")), 3, "combining characters");
  // 30 marks, a letter between runs, Vietnamese, Devanagari conjuncts, a family emoji
  // (ZWJ sequence) and a subdivision flag (tag sequence) are text.
  CHECK(parse(issue(article("a" + times(acute, 30)))).ok);
  CHECK(parse(issue(article(times("a" + times(acute, 30), 50)))).ok);
  CHECK(parse(issue(article("Tiếng Việt hướng dẫn"))).ok);
  CHECK(parse(issue(article("क्षत्रिय स्त्री"))).ok);
  CHECK(parse(issue(article("\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7"))).ok);
  CHECK(parse(issue(article("\xF0\x9F\x8F\xB4\xF3\xA0\x81\xA7\xF3\xA0\x81\xA2\xF3\xA0\x81\xB3\xF3\xA0\x81\xA3"
                            "\xF3\xA0\x81\xB4\xF3\xA0\x81\xBF"))).ok);
}

TEST_CASE("'<!--' inside an attribute value does not switch the '&' check off") {
  expect_error(issue(article("正&nbsp;文"), " section=\"<!--\""), 2, "'<' inside an attribute value of <page>");
  expect_error(issue("<!-- x -->" + article("正&nbsp;文"), " section=\"a&lt;!--\""), 3, "'&' does not start an entity");
  // In comments and CDATA sections '&' is free.
  CHECK(parse(issue("<!-- a & b <!-- -->" + article("甲<![CDATA[&]]>乙"))).ok);
}

TEST_CASE("too many attributes on one element are refused before tinyxml2 parses them") {
  std::string attrs;
  for (int i = 0; i < 65; ++i) attrs += " x" + std::to_string(i) + "=\"1\"";
  expect_error(issue(article("甲"), attrs), 2, "<page> has more than 64 attributes (the limit)");
  // 64 are counted, then the first unknown one is named.
  attrs.clear();
  for (int i = 0; i < 63; ++i) attrs += " x" + std::to_string(i) + "=\"1\"";
  expect_error(issue(article("甲"), attrs), 2, "unknown attribute x0 on <page>");
  expect_error(issue(article("甲"), " section=\"" + std::string(70000, 'a') + "\""), 2, "longer than 64 KiB");
}

TEST_CASE("element, text and page limits: the limit and the flag that raises it") {
  auto ctx = test::context();
  ctx.limits.elements = 6;  // issue, page, article, p, then three <b>
  const std::string xml = issue(article("<b>1</b>\n<b>2</b>\n<b>3</b>"));
  expect_error(xml, 5, "more than 6 elements (the limit)", ctx);
  CHECK(parse(xml, ctx).fix.find("--limit elements=N") != std::string::npos);
  ctx.limits.elements = 100;  // the layout file is counted too
  CHECK(parse(xml, ctx).ok);

  ctx = test::context();
  ctx.limits.text_chars = 10;
  CHECK(parse(issue(article("一二三四五  六七八九十\n")), ctx).ok);  // whitespace is not counted
  expect_error(issue("\n" + article("一二三四五<b>六七八九十</b>甲")), 4, "<p> holds 11 characters, more than the limit of 10",
               ctx);
  CHECK(parse(issue(article("一二三四五六七八九十甲")), ctx).fix.find("--limit paragraph=N") != std::string::npos);

  ctx.limits.pages = 2;
  std::string pages = "<issue paper=\"P\" date=\"2024-01-05\" layout=\"broadsheet\">\n";
  for (int p = 1; p <= 3; ++p) pages += "<page number=\"" + std::to_string(p) + "\">" + article("甲", "a" + std::to_string(p)) + "</page>\n";
  expect_error(pages + "</issue>\n", 4, "more than 2 pages (the limit)", ctx);
}
