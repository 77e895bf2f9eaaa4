// The copy clean-up (docs/import.md "Clean-up"): tables of copy as delivered and as set,
// each change reported with its line; --keep-copy leaves the copy alone.
#include <doctest/doctest.h>

#include "model/copy_helpers.h"

using namespace copytest;

namespace {

struct Cleaned {
  std::string text;
  std::vector<base::Finding> notes;
};

// `para` as the first paragraph of a manuscript story (line 3 of the file).
Cleaned para(const std::string& p, bool clean = true) {
  const auto c = model::parse_copy("# 标题\n\n" + p + "\n", data("inline.txt"), model::CopyFormat::Text, {clean, "none"});
  const auto& s = c.stories.at(0);
  return {s.body.at(0).plain(), s.notes};
}

struct Row {
  const char* in;
  const char* out;
  int changes;
};

void check_table(std::initializer_list<Row> rows) {
  for (const Row& r : rows) {
    CAPTURE(r.in);
    const Cleaned c = para(r.in);
    CHECK(c.text == r.out);
    CHECK(static_cast<int>(c.notes.size()) == r.changes);
    for (const auto& n : c.notes) {
      CHECK(n.code == "copy-cleanup");
      CHECK(n.severity == base::Severity::Info);
      CHECK(n.loc.line == 3);
    }
  }
}

}  // namespace

TEST_CASE("ASCII , : ; ? ! ( ) between Chinese characters become full width (GB/T 15834-2011 §5.1)") {
  check_table({
      {"他说,我们走吧!", "他说，我们走吧！", 2},
      {"真的吗?真的!", "真的吗？真的！", 2},
      {"原因有二:一是成本;二是效率。", "原因有二：一是成本；二是效率。", 2},
      {"好, 我们走。", "好，我们走。", 1},  // the space typed after the comma goes with it
      {"真的?!", "真的？！", 2},
      {"本报讯(记者 王五)近日，", "本报讯（记者 王五）近日，", 2},
      {"(完)", "（完）", 2},
      {"国内生产总值(GDP)增长5.2%。", "国内生产总值（GDP）增长5.2%。", 2},  // a pair goes together
      // Not between Chinese characters: numbers, times, addresses, formulas, Latin text.
      {"共计100,000元。", "共计100,000元。", 0},
      {"上午10:30开会。", "上午10:30开会。", 0},
      {"网址是http://example.cn。", "网址是http://example.cn。", 0},
      {"函数f(x)递增。", "函数f(x)递增。", 0},
      {"他说:OK。", "他说:OK。", 0},
  });
}

TEST_CASE("straight quotes become “ ” and ‘ ’ by nesting (GB/T 15834-2011 §4.8)") {
  check_table({
      {"他说:\"你好。\"", "他说：“你好。”", 3},
      {"\"拿地即开工\"\"信用承诺\"等工作", "“拿地即开工”“信用承诺”等工作", 4},
      {"他说:\"我读了\"红楼梦\"。\"", "他说：“我读了‘红楼梦’。”", 5},
      {"\"我读了'红楼梦'。\"他说。", "“我读了‘红楼梦’。”他说。", 4},
      {"\"甲\"和\"乙\"。", "“甲”和“乙”。", 4},
      {"叫\"运河通\"的App。", "叫“运河通”的App。", 2},
      {"He said \"don't\" here。", "He said “don't” here。", 2},  // the apostrophe stays
  });
}

TEST_CASE("dashes and ellipses are normalised (GB/T 15834-2011 §4.10, §4.11, §4.13)") {
  check_table({
      {"破折号--就是这样。", "破折号——就是这样。", 1},
      {"破折号—就是这样。", "破折号——就是这样。", 1},
      {"破折号———就是这样。", "破折号——就是这样。", 1},
      {"破折号――就是这样。", "破折号——就是这样。", 1},
      {"破折号──就是这样。", "破折号——就是这样。", 1},
      {"破折号——就是这样。", "破折号——就是这样。", 0},
      {"2024--2026年的计划。", "2024—2026年的计划。", 1},
      {"编号A-1的房间。", "编号A-1的房间。", 0},
      {"等等…", "等等……", 1},
      {"等等...", "等等……", 1},
      {"等等。。。", "等等……", 1},
      {"等等……", "等等……", 0},
      {"版本1.2.3发布。", "版本1.2.3发布。", 0},
  });
}

TEST_CASE("spaces: runs become one; a space at full-width punctuation goes; spaces between Han stay") {
  check_table({
      {"甲  乙丙。", "甲 乙丙。", 1},
      {"甲\t\t乙丙。", "甲 乙丙。", 1},
      {"提升， 经济发展。", "提升，经济发展。", 1},
      {"他说 “你好”。", "他说“你好”。", 1},
      {"“党员骨干帮扶结对 促进审计青年成长”签约仪式", "“党员骨干帮扶结对 促进审计青年成长”签约仪式", 0},
      {"\u3000\u3000正文从这里开始。", "正文从这里开始。", 1},
  });
}

TEST_CASE("typed spaces the format keeps: bylines, datelines and headlines keep theirs") {
  const auto c = model::parse_copy("# “拿地即开工” 点燃经济发展\n\n□ 记者  徐梦超 宋祎凡\n\n本报讯(谭论 记者 史莲寅)近日，开会。\n",
                                   data("inline.txt"), model::CopyFormat::Text, {});
  const auto& s = c.stories.at(0);
  CHECK(s.head[0].plain() == "“拿地即开工” 点燃经济发展");
  CHECK(s.body[0].plain() == "□ 记者 徐梦超 宋祎凡");  // the doubled space is one (format), reported
  CHECK(show(s.body[1]) == "p/body: {dateline:本报讯（谭论 记者 史莲寅）}近日，开会。");
  CHECK(count_code(s.notes, "copy-cleanup") == 3);
}

TEST_CASE("--keep-copy / copy=\"keep\": nothing is changed and nothing reported") {
  const Cleaned c = para("他说:\"你好\"--好, 我们走!", false);
  CHECK(c.text == "他说:\"你好\"--好, 我们走!");
  CHECK(c.notes.empty());
  const auto kept = issue(
      "<article id=\"a\" src=\"story.nitf.xml\" copy=\"keep\" col=\"1\" cols=\"4\" row=\"1\" rows=\"60\"/>", "tabloid", {});
  CHECK(count_code(kept.notes, "copy-cleanup") == 0);
  const auto cli_keep = issue(
      "<article id=\"a\" src=\"../../../samples/wujin-2024-01-05.txt\" part=\"2\" col=\"1\" cols=\"4\" row=\"1\" rows=\"60\"/>",
      "tabloid", {true});
  CHECK(count_code(cli_keep.notes, "copy-cleanup") == 0);
  CHECK(cli_keep.pages[0].of<model::Article>().at(0).body[0].plain().rfind("本报讯(谭论", 0) == 0);
}

TEST_CASE("each change names the copy file's own line, in NITF too, and shows the text before and after") {
  const auto c = model::parse_copy(
      "<nitf><body><body.content>\n<p>第一段。</p>\n<p>第二段\n，说\"好\"。</p>\n</body.content></body></nitf>\n",
      data("inline.nitf.xml"), std::nullopt, {});
  const auto& notes = c.stories.at(0).notes;
  REQUIRE(notes.size() == 2);
  CHECK(notes[0].loc.line == 4);
  CHECK(notes[0].message.find("[二段，说\"好\"。] → [二段，说“好\"。]") != std::string::npos);
  CHECK(notes[0].message.find("GB/T 15834-2011 §4.8") != std::string::npos);
}
