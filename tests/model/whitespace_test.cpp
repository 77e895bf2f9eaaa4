// The whitespace rule of text blocks (docs/format.md "Whitespace in text") and inline
// markup, on issues built in memory.
#include <doctest/doctest.h>

#include "model/issue.h"
#include "support/support.h"

namespace {

// The first text block of an article whose body is `body` (XML).
model::TextBlock block(const std::string& body, size_t index = 0) {
  const std::string xml = "<issue paper=\"P\" date=\"2024-01-05\" layout=\"broadsheet\"><page number=\"1\">\n"
                          "<article id=\"a\" col=\"1\" cols=\"2\" row=\"1\" rows=\"10\">\n" +
                          body + "\n<p>正文。</p></article></page></issue>";
  const auto is = model::parse_issue(xml, test::source_root() / "tests/data/good/mem.xml", test::context());
  return is.pages.at(0).of<model::Article>().at(0).body.at(index);
}

std::string para(const std::string& inner) { return block("<p>" + inner + "</p>").plain(); }

}  // namespace

TEST_CASE("leading and trailing whitespace is trimmed") {
  CHECK(para("  甲乙  ") == "甲乙");
  CHECK(para("\n\t 甲乙\n  ") == "甲乙");
  CHECK(para("\u3000\u3000甲乙\u3000") == "\u3000\u3000甲乙\u3000");  // U+3000 is text
}

TEST_CASE("a line wrap between two wide characters is removed") {
  CHECK(para("甲\n乙") == "甲乙");
  CHECK(para("甲\r\n    乙") == "甲乙");
  CHECK(para("提升，\n   经济") == "提升，经济");
  CHECK(para("“加速度”\n  。") == "“加速度”。");
  CHECK(para("破折号——\n  甲") == "破折号——甲");
  CHECK(para("全角ＡＢ\nＣ") == "全角ＡＢＣ");
  CHECK(para("𠮷\n野") == "𠮷野");  // CJK Extension B
  CHECK(para("한\n국") == "한국");
}

TEST_CASE("a line wrap next to a narrow character becomes one space") {
  CHECK(para("Apple\n   Pay") == "Apple Pay");
  CHECK(para("共计\n  38872件") == "共计 38872件");
  CHECK(para("App\n武进") == "App 武进");
  CHECK(para("a \n \n b") == "a b");
}

TEST_CASE("typed spaces are meaningful: one U+0020, never deleted") {
  CHECK(para("□ 记者 徐梦超 宋祎凡") == "□ 记者 徐梦超 宋祎凡");
  CHECK(para("徐晶玮  摄") == "徐晶玮 摄");
  CHECK(para("徐晶玮\t摄") == "徐晶玮 摄");
  CHECK(para("本报讯(谭论 记者 史莲寅)") == "本报讯(谭论 记者 史莲寅)");
  CHECK(para("甲\u3000乙") == "甲\u3000乙");
  CHECK(para("甲\u00A0乙") == "甲\u00A0乙");  // no-break space is text, not XML whitespace
}

TEST_CASE("other text comes through byte for byte") {
  CHECK(para("1.63亿元，5.2%，“非申即享”兑现率超70%") == "1.63亿元，5.2%，“非申即享”兑现率超70%");
  CHECK(para("&amp;&lt;&gt;&quot;&#x4E2D;&#25991;") == "&<>\"中文");
  CHECK(para("<![CDATA[a<b & c]]>") == "a<b & c");
  CHECK(para("café ﬁ 𝔸 😀 ①") == "café ﬁ 𝔸 😀 ①");
}

TEST_CASE("whitespace runs across inline elements and comments") {
  CHECK(para("甲 <!-- note --> 乙") == "甲 乙");
  CHECK(para("甲<!-- note -->\n乙") == "甲乙");
  CHECK(para("甲\n<b>乙</b>") == "甲乙");
  CHECK(para("a\n<b>b</b>") == "a b");
  const auto b = block("<p>甲 <b> 乙</b></p>");
  REQUIRE(b.content.size() == 2);
  CHECK(b.content[0].text == "甲 ");  // the space stays where the run began
  CHECK(b.content[1].text == "乙");
  CHECK(b.content[1].bold);
}

TEST_CASE("whitespace around <br/> is removed") {
  const auto b = block("<p>甲  <br/>\n   乙<br/></p>");
  REQUIRE(b.content.size() == 4);
  CHECK(b.content[0].text == "甲");
  CHECK(b.content[1].br);
  CHECK(b.content[2].text == "乙");
  CHECK(b.content[3].br);
  CHECK(b.plain() == "甲\n乙\n");
}

TEST_CASE("inline styles: dateline, explicit style=, nesting") {
  const auto d = block("<p><dateline>本报讯</dateline>近日</p>");
  REQUIRE(d.content.size() == 2);
  CHECK(d.content[0].style == "dateline");
  CHECK(d.content[1].style.empty());
  const auto s = block("<p><dateline style=\"byline\"><b>本报讯</b></dateline><i style=\"kicker\">近日</i></p>");
  REQUIRE(s.content.size() == 2);
  CHECK(s.content[0].style == "byline");
  CHECK(s.content[0].bold);
  CHECK(s.content[1].style == "kicker");
  CHECK(s.content[1].italic);
  const auto m = block("<p><b>甲</b><b>乙</b></p>");
  REQUIRE(m.content.size() == 1);  // neighbours with the same emphasis merge
  CHECK(m.content[0].text == "甲乙");
}

TEST_CASE("text block styles default by kind, style= overrides") {
  CHECK(block("<byline>□ 记者</byline>").style == "byline");
  CHECK(block("<subhead>小标题</subhead>").style == "subhead");
  CHECK(block("<p style=\"dateline\">甲</p>").style == "dateline");
}
