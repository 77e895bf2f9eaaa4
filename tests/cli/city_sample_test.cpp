// The city tabloid sample (samples/city-tabloid.xml): four pages with a masthead and ear,
// a 变栏 intro, briefs, boxed and tinted stories and rules of several strokes build with
// no error, and the PDF's text reads in the order the issue lists the stories.
#include <doctest/doctest.h>

#include "cli/cli_helpers.h"

namespace {

using clitest::quote;

}  // namespace

TEST_CASE("the city tabloid sample builds clean and reads masthead, ear, lead, briefs, boxes in order") {
  const auto dir = clitest::scratch("city-sample");
  const auto r = clitest::paperset("build " + quote(test::source_root() / "samples/city-tabloid.xml") + " -o " +
                                   quote(dir / "city.pdf"));
  REQUIRE_MESSAGE(r.exit_code == 0, r.out);
  CHECK(r.out.find("error") == std::string::npos);
  const auto text = test::run_shell("pdftotext -raw " + quote(dir / "city.pdf") + " -");
  REQUIRE(text.exit_code == 0);
  const std::string t = clitest::strip_ws(text.out);
  const char* in_order[] = {
      "2024年3月15日星期五农历甲辰年二月初六",                  // masthead: date, weekday, 农历
      "第5678期今日4版国内统一连续出版物号CN32-0088邮发代号27-136",
      "春风行动送岗位",                                        // the ear
      "38个重点项目集中开工总投资126.8亿元",                   // the lead's head
      "一季度重点项目集中开工，38个项目总投资126.8亿元",       // its intro across the page
      "3月14日上午，运河新区2024",                             // its body, four columns
      "简讯",
      "■市民中心推出延时服务即日起",                           // briefs: marker + lead-in + text
      "■运河公园樱花进入盛花期",
      "■春季义诊走进社区",
      "“运河通”App上线一年",                                   // the boxed, tinted story
      "老旧小区“焕新”",                                        // page 2
      "城市书房“上新”",                                        // page 3
      "运河·锦园春季献礼",                                     // the half-page ad's own text
      "运河副刊",                                              // page 4
      "一条河与一座城的晨昏",
      "●运河记忆馆推出夜间场",
      "评弹走进校园",
  };
  size_t at = 0;
  for (const char* s : in_order) {
    CAPTURE(std::string(s));
    const size_t found = t.find(s, at);
    CHECK(found != std::string::npos);
    if (found != std::string::npos) at = found;
  }
}
