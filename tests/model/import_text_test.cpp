// Plain-text manuscripts (docs/import.md "Plain text"): the Wujin page rebuilt from its
// text file alone, and the structures a manuscript writes.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "model/copy_helpers.h"

using namespace copytest;

namespace {

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

model::Copy text(const std::string& manuscript, model::CopyOptions opt = {}) {
  return model::parse_copy(manuscript, data("inline.txt"), model::CopyFormat::Text, opt);
}

const model::Page& only_page(const model::Issue& is) { return is.pages.at(0); }

}  // namespace

TEST_CASE("the sample manuscript is the corpus page, unchanged") {
  CHECK(slurp(test::source_root() / "samples/wujin-2024-01-05.txt") ==
        slurp(test::source_root() / "tests/compose/data/corpus_000.txt"));
}

TEST_CASE("the Wujin page from its manuscript has the hand-written sample's text, byte for byte") {
  const auto ctx = test::context();
  const model::Issue hand = model::load_issue(test::source_root() / "samples/wujin-2024-01-05.xml", ctx);
  const model::Issue from_text = model::load_issue(test::source_root() / "samples/wujin-from-text.xml", ctx);
  const model::Page& h = only_page(hand);
  const model::Page& t = only_page(from_text);
  REQUIRE(h.of<model::Article>().size() == 2);
  REQUIRE(t.of<model::Article>().size() == 2);
  for (size_t i = 0; i < 2; ++i) {
    CAPTURE(h.of<model::Article>().at(i).id);
    CHECK(show(t.of<model::Article>().at(i)) == show(h.of<model::Article>().at(i)));
  }
  REQUIRE(t.of<model::Banner>().size() == 1);
  CHECK(show(t.of<model::Banner>().at(0).text) == show(h.of<model::Banner>().at(0).text));
  REQUIRE(t.of<model::Photo>().size() == 1);
  REQUIRE(t.blocks.size() == h.blocks.size());
  for (size_t i = 0; i < t.blocks.size(); ++i) CHECK(t.blocks[i].index() == h.blocks[i].index());  // same order
  REQUIRE(t.of<model::Photo>().at(0).caption);
  REQUIRE(t.of<model::Photo>().at(0).credit);
  CHECK(show(*t.of<model::Photo>().at(0).caption) == show(*h.of<model::Photo>().at(0).caption));
  CHECK(show(*t.of<model::Photo>().at(0).credit) == show(*h.of<model::Photo>().at(0).credit));
  // Nothing was cleaned (copy="keep"); the six mid-sentence cuts are reported.
  CHECK(count_code(from_text.notes, "copy-cleanup") == 0);
  CHECK(count_code(from_text.notes, "text-join") == 6);
}

TEST_CASE("the manuscript's structure: stories, headlines, byline, subheads, dateline, banner, caption") {
  const model::Copy c = read("../../../samples/wujin-2024-01-05.txt", {false, "none"});
  REQUIRE(c.stories.size() == 2);
  const auto& lead = c.stories[0];
  REQUIRE(lead.head.size() == 1);
  CHECK(show(lead.head[0]) == "headline/headline: 擦亮“A武进”金字招牌 赋能经济社会高质量发展");
  CHECK(show(lead.body[0]) == "byline/byline: □ 记者 徐梦超 宋祎凡");
  int paras = 0, subheads = 0;
  for (const auto& b : lead.body) paras += b.kind == model::TextKind::Para, subheads += b.kind == model::TextKind::Subhead;
  CHECK(paras == 11);
  CHECK(subheads == 3);
  CHECK(lead.loc.line == 3);
  const auto& audit = c.stories[1];
  CHECK(show(audit.head[0]) == "headline/headline: 推进“三个导师”工程 培育审计“三能”生力军");
  CHECK(show(audit.body[0]).rfind("p/body: {dateline:本报讯(谭论 记者 史莲寅)}近日，", 0) == 0);
  CHECK(audit.body[0].loc.line == 50);
  REQUIRE(c.banners.size() == 1);
  CHECK(show(c.banners[0]) == "banner/banner: 勇挑大梁走在前 勇攀新高再出发<br>奋力推进中国式现代化武进新实践");
  REQUIRE(c.photos.size() == 1);
  CHECK(c.photos[0].src.empty());
  CHECK(show(*c.photos[0].credit) == "credit/credit: 徐晶玮 摄");
  CHECK(c.photos[0].caption->plain().rfind("作为全球知名的", 0) == 0);
}

TEST_CASE("a paragraph cut mid-sentence is joined to the next, and the join is reported with both lines") {
  const auto c = text("# 标题\n\n第一句话，说到一半\n\n接着说完。\n\n新的一段。\n");
  REQUIRE(c.stories.size() == 1);
  CHECK(show(c.stories[0].body) == "p/body: 第一句话，说到一半接着说完。\np/body: 新的一段。\n");
  REQUIRE(count_code(c.notes, "text-join") == 1);
  CHECK(c.notes[0].loc.line == 5);
  CHECK(c.notes[0].message.find("(line 3)") != std::string::npos);
  // A paragraph that closes its sentence, or has no punctuation at all, is not joined.
  CHECK(text("# 标题\n\n完整的一句。\n\n另一句。\n").stories[0].body.size() == 2);
  CHECK(text("# 标题\n\n第一段，写完了”\n\n第二段。\n").stories[0].body.size() == 2);
}

TEST_CASE("lines inside a block: wraps joined (no space between Chinese, one between words), two spaces a <br/>") {
  CHECK(show(text("甲乙丙，\n丁戊。\n").stories[0].body) == "p/body: 甲乙丙，丁戊。\n");
  CHECK(show(text("Apple\nPay 上线。\n").stories[0].body) == "p/body: Apple Pay 上线。\n");
  CHECK(show(text("第一行，  \n第二行。\n").stories[0].body) == "p/body: 第一行，<br>第二行。\n");
  CHECK(show(text("第一行，\\\n第二行。\n").stories[0].body) == "p/body: 第一行，<br>第二行。\n");
  // An indented line starts a paragraph (manuscripts that indent instead of leaving a blank line).
  CHECK(text("\u3000\u3000第一段。\n\u3000\u3000第二段。\n", {false, "none"}).stories[0].body.size() == 2);
}

TEST_CASE("headings: '#' the headline, '##' before it a kicker, after it a subtitle, later ones subheads") {
  const auto c = text("## 引题在上\n# 主标题\n## 副题在下\n\n□ 记者 张三\n\n正文。\n\n## 小标题\n\n又一段。\n");
  REQUIRE(c.stories.size() == 1);
  CHECK(show(c.stories[0].head) == "kicker/kicker: 引题在上\nheadline/headline: 主标题\nsubtitle/subtitle: 副题在下\n");
  CHECK(show(c.stories[0].body) ==
        "byline/byline: □ 记者 张三\np/body: 正文。\nsubhead/subhead: 小标题\np/body: 又一段。\n");
}

TEST_CASE("a '##' heading followed by a dateline or byline starts the next story; so does a heading after a banner") {
  const auto c = text("# 第一篇\n\n正文。\n\n## 第二篇\n\n本报讯 正文二。\n\n## 第三篇\n\n记者 李四\n\n正文三。\n");
  REQUIRE(c.stories.size() == 3);
  CHECK(show(c.stories[1].head) == "headline/headline: 第二篇\n");
  CHECK(show(c.stories[1].body) == "p/body: {dateline:本报讯} 正文二。\n");
  CHECK(show(c.stories[2].body[0]) == "byline/byline: 记者 李四");
  const auto b = text("# 第一篇\n\n正文。\n\n口号一  \n口号二\n\n## 第二篇\n\n正文二。\n");
  REQUIRE(b.stories.size() == 2);
  CHECK(b.banners.size() == 1);
  // A dateline paragraph after body text is a brief of its own, without headline.
  const auto d = text("# 第一篇\n\n正文。\n\n新华社北京3月14日电（记者 王五）简讯正文。\n");
  REQUIRE(d.stories.size() == 2);
  CHECK(d.stories[1].head.empty());
  CHECK(show(d.stories[1].body[0]) == "p/body: {dateline:新华社北京3月14日电（记者 王五）}简讯正文。");
}

TEST_CASE("datelines are recognised only as a source before 讯 / 电") {
  for (const char* p : {"本报讯近日，", "本报北京3月4日讯 记者", "新华社电 据报道", "中新网3月14日电 据"}) {
    CAPTURE(p);
    CHECK(show(text(std::string(p) + "正文。\n").stories[0].body[0]).find("{dateline:") != std::string::npos);
  }
  for (const char* p : {"电子证照应用广泛。", "近日，区电力公司发布通知。", "本报记者电话采访了他。", "国家电网公司发布。"}) {
    CAPTURE(p);
    CHECK(show(text(std::string(p) + "\n").stories[0].body[0]).find("{dateline:") == std::string::npos);
  }
}

TEST_CASE("line ends and byte-order marks of other systems read alike; non-BMP characters come through") {
  const auto a = text("\xEF\xBB\xBF# 标题\r\n\r\n正文𠮷字，\r\n续。\r\n");
  CHECK(show(a.stories[0].head) == "headline/headline: 标题\n");
  CHECK(show(a.stories[0].body) == "p/body: 正文𠮷字，续。\n");
  CHECK(a.stories[0].body[0].loc.line == 3);
}

TEST_CASE("placing parts of a manuscript: part= picks the story, banner or caption; out of range is an error") {
  const std::string page =
      "<article id=\"b\" src=\"../../../samples/wujin-2024-01-05.txt\" part=\"2\" col=\"1\" cols=\"2\" row=\"1\" rows=\"40\"/>";
  const auto is = issue(page);
  CHECK(only_page(is).of<model::Article>().at(0).head[0].plain() == "推进“三个导师”工程 培育审计“三能”生力军");
  // The clean-up ran (copy="clean" is the default) and says what it changed, for this article.
  REQUIRE(count_code(is.notes, "copy-cleanup") == 2);
  for (const auto& n : is.notes)
    if (n.code == "copy-cleanup") {
      CHECK(n.article == "b");
      CHECK(n.loc.line == 50);
      CHECK(n.loc.file.find("wujin-2024-01-05.txt") != std::string::npos);
    }
  try {
    issue("<article id=\"b\" src=\"../../../samples/wujin-2024-01-05.txt\"\n part=\"3\" col=\"1\" cols=\"2\" row=\"1\" rows=\"40\"/>");
    FAIL("part 3 accepted");
  } catch (const base::Error& e) {
    CHECK(e.loc().line == 4);
    CHECK(e.message().find("holds 2 stories") != std::string::npos);
  }
}
