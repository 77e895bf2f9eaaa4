// tests/data/good/issue.xml parses into the right structure, text byte for byte.
#include <doctest/doctest.h>

#include "model/issue.h"
#include "support/support.h"

using model::Inline;
using model::TextKind;

namespace {

const model::Issue& good() {
  static const model::Issue is = model::load_issue(test::source_root() / "tests/data/good/issue.xml", test::context());
  return is;
}

bool same(const Inline& a, const Inline& b) {
  return a.text == b.text && a.bold == b.bold && a.italic == b.italic && a.br == b.br && a.style == b.style;
}

void check_inlines(const std::vector<Inline>& got, const std::vector<Inline>& want) {
  REQUIRE(got.size() == want.size());
  for (size_t i = 0; i < got.size(); ++i) {
    CAPTURE(i);
    CAPTURE(got[i].text);
    CHECK(same(got[i], want[i]));
  }
}

Inline text(const char* s) { return {s, false, false, false, ""}; }
Inline bold(const char* s) { return {s, true, false, false, ""}; }
Inline italic(const char* s) { return {s, false, true, false, ""}; }
Inline br() { return {"", false, false, true, ""}; }

}  // namespace

TEST_CASE("issue attributes and pages") {
  const auto& is = good();
  CHECK(is.paper == "武进日报");
  CHECK(is.date.year == 2024);
  CHECK(is.date.month == 1);
  CHECK(is.date.day == 5);
  CHECK(is.date_text == "2024-01-05");
  CHECK(is.number == "8123");
  CHECK(is.layout.name == "broadsheet");
  CHECK(is.layout.columns == 8);
  REQUIRE(is.pages.size() == 2);
  CHECK(is.pages[0].number == 1);
  CHECK(is.pages[0].section == "要闻");
  CHECK(is.pages[0].editor == "张三");
  CHECK(is.pages[0].loc.line == 5);
  CHECK(is.pages[1].section == "综合");
  CHECK(is.pages[1].editor.empty());
  CHECK(is.page(2) == &is.pages[1]);
  CHECK(is.page(3) == nullptr);
  CHECK(is.pages[0].of<model::Article>().size() == 2);
  CHECK(is.pages[0].of<model::Photo>().size() == 1);
  CHECK(is.pages[0].of<model::Banner>().size() == 1);
}

TEST_CASE("the lead article: head, body, one frame = its rect, a nested photo") {
  const auto& a = good().pages[0].of<model::Article>().at(0);
  CHECK(a.id == "lead");
  CHECK(a.page == 1);
  CHECK(a.loc.line == 6);
  CHECK(a.style.empty());
  CHECK((a.rect.col == 1 && a.rect.cols == 4 && a.rect.row == 1 && a.rect.rows == 62));
  REQUIRE(a.frames.size() == 1);
  CHECK(a.frames[0].page == 1);
  CHECK(a.frames[0].rect.contains(a.rect));
  CHECK(a.rect.contains(a.frames[0].rect));

  REQUIRE(a.head.size() == 3);
  CHECK(a.head[0].kind == TextKind::Kicker);
  CHECK(a.head[0].style == "kicker");
  CHECK(a.head[0].plain() == "勇挑大梁走在前");
  CHECK(a.head[1].kind == TextKind::Headline);
  CHECK(a.head[1].style == "headline");
  CHECK(a.head[1].plain() == "擦亮“A武进”金字招牌 赋能经济社会高质量发展");
  CHECK(a.head[2].kind == TextKind::Subtitle);
  CHECK(a.head[2].plain() == "区行政审批局深入推进基层政务服务改革");  // line wrap between Han removed

  REQUIRE(a.body.size() == 6);
  CHECK(a.body[0].kind == TextKind::Byline);
  CHECK(a.body[0].style == "byline");
  CHECK(a.body[0].plain() == "□ 记者 徐梦超 宋祎凡");  // typed spaces kept
  CHECK(a.body[1].kind == TextKind::Para);
  CHECK(a.body[1].style == "body");
  CHECK(a.body[1].loc.line == 12);
  CHECK(a.body[1].plain() == "改革有力度，服务有温度，企业与群众的满意度才能提升，经济高质量发展才能跑出“加速度”。");
  CHECK(a.body[2].kind == TextKind::Subhead);
  CHECK(a.body[2].style == "subhead");
  CHECK(a.body[2].plain() == "“拿地即开工” 点燃经济发展“主引擎”");
  // Wraps next to a digit or Latin letter become one space.
  CHECK(a.body[3].plain() == "截至目前，线上办件共计 38872件，升级改造“苏服办”App 武进专区，推出 Apple Pay 支付。");
  CHECK(a.body[5].style == "caption");
  CHECK(a.body[5].plain() == "\u3000\u3000全角空格保留。");  // U+3000 is not whitespace to trim
}

TEST_CASE("inline emphasis and forced breaks") {
  const auto& p = good().pages[0].of<model::Article>().at(0).body[4];
  Inline bi = bold("衡量");
  bi.italic = true;
  check_inlines(p.content, {text("我区"), bold("“一件事一次办”"), text("线上办件共计38872件， "), italic("系全市第一"),
                            text("。"), br(), text("营商环境好不好，群众办事方便度是重要的"), bi, bold("标尺"),
                            text("之一。")});
  CHECK(p.plain() ==
        "我区“一件事一次办”线上办件共计38872件， 系全市第一。\n营商环境好不好，群众办事方便度是重要的衡量标尺之一。");
}

TEST_CASE("nested photo: page of its article, path against the issue's folder") {
  const auto& a = good().pages[0].of<model::Article>().at(0);
  REQUIRE(a.photos.size() == 1);
  const auto& ph = a.photos[0];
  CHECK(ph.id == "chart");
  CHECK(ph.page == 1);
  CHECK(ph.fit == "fit");
  CHECK(ph.src == test::source_root() / "tests/data/good/images/forge.jpg");
  CHECK((ph.rect.col == 3 && ph.rect.cols == 2 && ph.rect.row == 30 && ph.rect.rows == 12));
  REQUIRE(ph.caption.has_value());
  CHECK(ph.caption->style == "caption");
  check_inlines(ph.caption->content, {text("办件数量"), bold("逐年"), text("上升")});
  CHECK_FALSE(ph.credit.has_value());
}

TEST_CASE("page photo with caption and credit") {
  const auto& ph = good().pages[0].of<model::Photo>().at(0);
  CHECK(ph.id == "forge");
  CHECK(ph.fit == "fill");
  CHECK(ph.loc.line == 28);
  REQUIRE(ph.caption.has_value());
  CHECK(ph.caption->kind == TextKind::Caption);
  CHECK(ph.caption->plain() ==
        "作为全球知名的高端精密锻件和零部件制造商，江苏龙城精锻集团有限公司长期从事工程机械、轨道交通等精密锻件的研发与生"
        "产。图为工作人员在生产线上忙碌。");
  REQUIRE(ph.credit.has_value());
  CHECK(ph.credit->kind == TextKind::Credit);
  CHECK(ph.credit->style == "credit");
  CHECK(ph.credit->plain() == "徐晶玮 摄");  // tab and spaces: exactly one U+0020
}

TEST_CASE("article placed by frames, with a jump to page 2 and a dateline") {
  const auto& a = good().pages[0].of<model::Article>().at(1);
  CHECK(a.id == "audit");
  CHECK(a.style == "body");
  CHECK(a.rect.empty());
  REQUIRE(a.frames.size() == 3);
  CHECK((a.frames[0].page == 1 && a.frames[0].rect.col == 5 && a.frames[0].rect.rows == 38));
  CHECK(a.frames[0].loc.line == 37);
  CHECK((a.frames[1].page == 1 && a.frames[1].rect.col == 7 && a.frames[1].rect.row == 1));
  CHECK((a.frames[2].page == 2 && a.frames[2].rect.col == 1 && a.frames[2].rect.rows == 30));
  CHECK(a.frames[2].loc.line == 39);
  REQUIRE(a.body.size() == 2);
  Inline dateline = text("本报讯(谭论 记者 史莲寅)");
  dateline.style = "dateline";
  check_inlines(a.body[0].content, {dateline, text("近日，区审计局举行“党员骨干帮扶结对 促进审计青年成长”签约仪式。")});
  CHECK(a.body[0].style == "body");
}

TEST_CASE("banners: text with a break, optional id, style") {
  const auto& b = good().pages[0].of<model::Banner>().at(0);
  CHECK(b.id.empty());
  CHECK(b.page == 1);
  CHECK((b.rect.col == 1 && b.rect.cols == 8 && b.rect.row == 63 && b.rect.rows == 4));
  CHECK(b.text.kind == TextKind::Banner);
  CHECK(b.text.style == "banner");
  check_inlines(b.text.content, {text("勇挑大梁走在前 勇攀新高再出发"), br(), text("奋力推进中国式现代化武进新实践")});
  const auto& m = good().pages[1].of<model::Banner>().at(0);
  CHECK(m.id == "motto");
  CHECK(m.page == 2);
  CHECK(m.text.style == "headline");
}
