// Latin inside Chinese (docs/composer.md "Latin inside Chinese"): English words of 6 or
// more letters hyphenate at libhyphen's points (2 letters kept, 3 carried), shorter words
// and names never; URLs and e-mail addresses break after / . - @ ? & only, with no
// hyphen; nothing inside a Latin word is ever letter-spaced — a line that cannot be
// filled otherwise is set flush left and reported loose.
#include <doctest/doctest.h>

#include "compose/hyphenate.h"
#include "helpers.h"

using base::Len;

namespace {

const Len kEm = ct::em(10.5);

std::vector<compose::Line> set(const std::string& text, double measure_em) {
  return ct::para(text, compose::ParaStyle{}, 10.5).lines(static_cast<Len>(kEm * measure_em));
}

// The last glyph of a line and the cluster it belongs to.
std::pair<std::uint32_t, std::pair<int, int>> last_glyph(const compose::Line& l) {
  const auto& seg = l.segments.back();
  return {seg.glyphs.back().gid, seg.clusters.back()};
}

bool has_gap_adjustment_inside(const compose::Line& l, const std::string& para, std::size_t a, std::size_t e) {
  for (const auto& adj : l.adjustments)
    if ((adj.why == "justify" || adj.why == "letterspace") && adj.at > a && adj.at < e && adj.at > l.start &&
        adj.at < l.end && para[adj.at - 1] != ' ')
      return true;
  return false;
}

}  // namespace

TEST_CASE("libhyphen with Debian's English patterns: 6 letters or more, 2 kept, 3 carried") {
  CHECK(compose::hyphen_points("internationalization") == std::vector<int>{2, 5, 7, 11, 13, 16});
  CHECK(compose::hyphen_points("telecommunication") == std::vector<int>{7, 9, 11, 13});
  CHECK(compose::hyphen_points("Hyphenation").size() >= 2);
  for (const char* w : {"hello", "world", "mail", "a", ""}) CHECK(compose::hyphen_points(w).empty());
  for (const auto& word : {"internationalization", "extraordinary", "communication", "newspaper"})
    for (int k : compose::hyphen_points(word)) {
      CHECK(k >= 2);
      CHECK(static_cast<int>(std::string(word).size()) - k >= 3);
    }
}

TEST_CASE("a long English word breaks at a hyphenation point, with a hyphen drawn but not in the text") {
  const std::string text = "软件国际化（internationalization）和本地化";
  const auto lines = set(text, 8);
  int hyphenated = 0;
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    const auto& l = lines[i];
    CAPTURE(ct::line_text(l));
    CHECK(l.break_reason.find("emergency") == std::string::npos);
    if (!l.hyphenated) continue;
    ++hyphenated;
    const auto [gid, cluster] = last_glyph(l);
    CHECK(gid != 0);
    CHECK(cluster == std::pair<int, int>{0, 1});  // a glyph with no text
    const std::string before = ct::line_text(l), after = ct::line_text(lines[i + 1]);
    const std::size_t letters_before = before.size() - before.find_last_not_of("abcdefghijklmnopqrstuvwxyz") - 1;
    CHECK(letters_before >= 2);
    CHECK(after.find_first_not_of("abcdefghijklmnopqrstuvwxyz") >= 3);
  }
  CHECK(hyphenated >= 1);
}

TEST_CASE("short words, capitals and names are never hyphenated") {
  for (const char* text : {"一二三四五六七八九hello world again", "一二三四五六七八GDPCPIPMIWTO增长",
                                  "一二三四五六七八iPhoneiPad发布", "一二三四五六七八九十COVID-NINETEEN"}) {
    CAPTURE(text);
    for (double m : {6.0, 7.0, 8.0, 9.0})
      for (const auto& l : set(text, m)) CHECK_FALSE(l.hyphenated);
  }
}

TEST_CASE("URLs and e-mail addresses break after / . - @ ? & only, with no hyphen, never letter-spaced") {
  const std::string url = "https://www.yunhe.gov.cn/zwfw/index.html?id=12&t=3";
  const std::string mail = "service-desk@yunhe.gov.cn";
  const std::string text = "市民可登录政务服务网（" + url + "）查询，或发送邮件至" + mail + "咨询。";
  for (double m : {8.0, 9.0, 10.0, 12.0, 15.0}) {
    CAPTURE(m);
    const auto lines = set(text, m);
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
      const auto& l = lines[i];
      CAPTURE(ct::line_text(l));
      CHECK_FALSE(l.hyphenated);
      for (const std::string& addr : {url, mail}) {
        const std::size_t a = text.find(addr), e = a + addr.size();
        if (l.end > a && l.end < e) {  // the line ends inside the address
          CHECK(std::string("/.-@?&").find(text[l.end - 1]) != std::string::npos);
          CHECK_FALSE((text[l.end - 1] == '/' && text[l.end] == '/'));  // never inside "//"
        }
        CHECK_FALSE(has_gap_adjustment_inside(l, text, a, e));
      }
      // A line holding only a piece of an address is set flush left and reported.
      if (l.width < l.measure) CHECK(l.loose);
    }
  }
}

TEST_CASE("a Latin-only line that cannot be filled is set flush left, never letter-spaced") {
  const auto lines = set("一二三四五六七八九十extraordinarily uncharacteristically", 9);
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    for (const auto& adj : lines[i].adjustments) CHECK(adj.why != "letterspace");
    if (lines[i].width < lines[i].measure) CHECK(lines[i].loose);
  }
}

TEST_CASE("letters and signs that touch are never spaced apart, even where a break may fall between them") {
  // After the / of GB/T a line may break (UAX #14), but mid-line GB/T is one word to the
  // eye: a stretched line spreads its room between the Han characters, never after the /.
  const std::string text = "记者了解到，平台还将参照GB/T 34590—2022《道路车辆 功能安全》和ISO 26262:2018标准建设实验室。";
  for (double m : {8.0, 9.0, 10.0, 11.0, 12.0, 13.0}) {
    CAPTURE(m);
    for (const auto& l : set(text, m)) {
      CAPTURE(ct::line_text(l));
      for (const char* w : {"GB/T", "34590", "26262:2018"}) {
        const std::size_t a = text.find(w);
        CHECK_FALSE(has_gap_adjustment_inside(l, text, a, a + std::string(w).size()));
      }
    }
  }
}
