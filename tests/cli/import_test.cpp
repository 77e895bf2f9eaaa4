// Copy import end to end (docs/import.md): `paperset import`, pages built from a
// plain-text manuscript, a NITF story and a NewsML-G2 item, the clean-up in the build
// report, bad copy files named with their own line.
#include <doctest/doctest.h>

#include <algorithm>

#include "cli/cli_helpers.h"

using namespace clitest;

namespace {

fs::path sample(const std::string& rel) { return test::source_root() / "samples" / rel; }

std::string pdf_text(const fs::path& pdf) {
  return test::run_shell("pdftotext -raw -enc UTF-8 " + quote(pdf) + " -").out;
}

// The PDF's text with its line ends removed: paragraphs read through their lines.
std::string flat_text(const fs::path& pdf) {
  std::string t = pdf_text(pdf);
  t.erase(std::remove(t.begin(), t.end(), '\n'), t.end());
  return t;
}

struct Build {
  test::RunResult run;
  fs::path pdf;
  std::string report;
};

Build build(const fs::path& issue, const std::string& flags = "") {
  const fs::path dir = scratch("cli-import");
  Build b;
  b.pdf = dir / "out.pdf";
  b.run = paperset("build " + quote(issue) + " " + flags + " -o " + quote(b.pdf) + " --report " + quote(dir / "r.json"));
  b.report = slurp(dir / "r.json");
  return b;
}

int lines_with(const std::string& out, const std::string& part) {
  int n = 0;
  for (const auto& l : lines_of(out)) n += contains(l, part);
  return n;
}

}  // namespace

TEST_CASE("the Wujin page from its manuscript: the same text as the hand-written sample (pdftotext -raw)") {
  const Build hand = build(sample("wujin-2024-01-05.xml"));
  const Build text = build(sample("wujin-from-text.xml"));
  CAPTURE(text.run.out);
  REQUIRE(hand.run.exit_code == 0);
  REQUIRE(text.run.exit_code == 0);
  const std::string a = pdf_text(hand.pdf), b = pdf_text(text.pdf);
  CHECK(a.size() > 6000);
  CHECK(a == b);
  CHECK(contains(b, "本报讯(谭论 记者 史莲\n寅)近日"));
  // The six paragraphs the manuscript cut mid-sentence were joined, and the build says so.
  CHECK(lines_with(text.run.out, "[text-join]") == 6);
  CHECK(contains(text.run.out, "wujin-2024-01-05.txt:15:1: note: joined a paragraph cut mid-sentence"));
}

TEST_CASE("a NITF story and a NewsML-G2 item build into a page; the clean-up's changes are in the report") {
  const Build b = build(sample("agency-copy.xml"));
  CAPTURE(b.run.out);
  REQUIRE(b.run.exit_code == 0);
  const std::string t = flat_text(b.pdf);
  const std::string report = strip_ws(b.report);
  for (const char* s : {"三座人行桥年内通行", "沿河步道将贯通12.6公里", "□ 记者 陈𠮷 通讯员 周晓岚", "本报讯3月14日，记者从",
                        "一桥一景", "3月14日，工人在文昌桥施工现场吊装钢箱梁。", "家门口的“城市书房”开到第20家",
                        "本报讯3月14日，位于米市街", "全天候开放", "3月14日，市民在新开放的“运河书房”里阅读。",
                        "“以前去对岸的菜场", "沈阿姨说，桥修好以后，", "（2024—2026年）"}) {
    CAPTURE(s);
    CHECK(contains(t, s));
  }
  CHECK(!contains(t, "\"以前"));
  CHECK(JsonChecker(b.report).valid());
  CHECK(json_literal(b.report, "ok") == "true");
  // Every change, with the article, the NITF file and its line.
  CHECK(contains(report, "\"code\":\"copy-cleanup\""));
  CHECK(contains(report, "\"article\":\"bridges\""));
  CHECK(contains(report, "copy/bridges.nitf.xml\",\"line\":30"));
  CHECK(lines_with(b.run.out, "bridges.nitf.xml:30:7: note: page 1, 'bridges': [") == 4);
  CHECK(lines_with(b.run.out, "[copy-cleanup]") == 15);
}

TEST_CASE("copyfitting: the Wujin lead, 10 lines over in a remade page, fitted by the body style's sizes") {
  const Build fitted = build(sample("wujin-copyfit.xml"));
  CAPTURE(fitted.run.out);
  REQUIRE(fitted.run.exit_code == 0);
  const std::string report = strip_ws(fitted.report);
  CHECK(contains(fitted.run.out, "'lead': fitted by shrink-size: body set at 8.36 pt (14 characters a line); was 10 lines "
                                 "over, now 125 of 126 grid lines used [copyfit]"));
  CHECK(contains(report, "\"code\":\"copyfit\""));
  CHECK(contains(report, "\"code\":\"fill\",\"page\":1,\"id\":\"audit\""));
  // The same characters in the same order as the page as printed (only the lines differ).
  const Build printed = build(sample("wujin-2024-01-05.xml"));
  auto letters = [](std::string t) {
    t.erase(std::remove_if(t.begin(), t.end(), [](char c) { return c == ' ' || c == '\n'; }), t.end());
    return t;
  };
  CHECK(letters(pdf_text(fitted.pdf)) == letters(pdf_text(printed.pdf)));
}

TEST_CASE("build --keep-copy sets the copy as delivered and reports no clean-up") {
  const Build b = build(sample("agency-copy.xml"), "--keep-copy");
  REQUIRE(b.run.exit_code == 0);
  CHECK(!contains(b.report, "copy-cleanup"));
  CHECK(contains(flat_text(b.pdf), "沈阿姨说,桥修好以后,"));
}

TEST_CASE("paperset import prints issue XML to place; the clean-up goes to stderr") {
  const auto r = paperset("import " + quote(sample("copy/bridges.nitf.xml")));
  CAPTURE(r.out);
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.out, "<article id=\"bridges-nitf\">"));
  CHECK(contains(r.out, "<headline>三座人行桥年内通行 运河两岸“串珠成链”</headline>"));
  CHECK(contains(r.out, "<p><dateline>本报讯</dateline>3月14日，记者"));
  CHECK(contains(r.out, "<subhead>一桥一景 兼顾通行与观景</subhead>"));
  CHECK(contains(r.out, "<credit>记者 王泽宇 摄</credit>"));
  CHECK(contains(r.out, "bridges.nitf.xml:45:9: note: [2024--2026] → [2024—2026]: range dash set as —"));
  const auto keep = paperset("import --keep-copy " + quote(sample("copy/bridges.nitf.xml")));
  CHECK(contains(keep.out, "沈阿姨说,桥修好以后,"));
  CHECK(!contains(keep.out, "copy-cleanup"));
  const auto text = paperset("import " + quote(sample("wujin-2024-01-05.txt")));
  CHECK(contains(text.out, "<banner id=\"wujin-2024-01-05-banner-1\">勇挑大梁走在前 勇攀新高再出发<br/>奋力推进"));
}

TEST_CASE("paperset import: bad copy is exit 1 with the copy file's line; bad usage exit 2") {
  const fs::path bad = data("copy/bad/malformed.nitf.xml");
  const auto r = paperset("import " + quote(bad));
  CHECK(r.exit_code == 1);
  CHECK(contains(r.out, bad.string() + ":5:7: error: malformed XML"));
  const auto fmt = paperset("import --format nitf " + quote(sample("wujin-2024-01-05.txt")));
  CHECK(fmt.exit_code == 1);
  CHECK(contains(fmt.out, "wujin-2024-01-05.txt:1:1: error: the file is not XML (plain text), not NITF"));
  CHECK(paperset("import").exit_code == 2);
  CHECK(paperset("import --format word x.xml").exit_code == 2);
  CHECK(paperset("import a.xml b.xml").exit_code == 2);
}

TEST_CASE("a build whose copy file is bad stops with the copy file's line and writes no PDF") {
  const fs::path dir = scratch("cli-import-bad");
  const fs::path issue = dir / "issue.xml";
  fs::copy_file(data("copy/bad/no_body.nitf.xml"), dir / "story.xml");
  spit(issue,
       "<issue paper=\"P\" date=\"2024-03-15\" layout=\"tabloid\"><page number=\"1\">\n"
       "<article id=\"a\" src=\"story.xml\" col=\"1\" cols=\"2\" row=\"1\" rows=\"10\"/>\n"
       "</page></issue>\n");
  const auto r = paperset("build " + quote(issue) + " -o " + quote(dir / "out.pdf"));
  CHECK(r.exit_code == 1);
  CHECK(contains(r.out, (dir / "story.xml").string() + ":2:1: error: page 1, 'a': the NITF story has no <body> (read for <article> at " +
                            issue.string() + ":2)"));
  CHECK(!fs::exists(dir / "out.pdf"));
}
