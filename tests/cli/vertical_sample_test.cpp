// The vertical sample (samples/vertical-feature.xml): a vertical head group beside a
// horizontal story and a commemorative feature set vertically build to PDF/X-4 with no
// error; the PDF's text reads back in reading order (each vertical column a line, top
// to bottom, columns right to left), and the upright text uses a vertical font.
#include <doctest/doctest.h>

#include "cli/cli_helpers.h"

namespace {

using clitest::quote;

struct Built {
  std::filesystem::path pdf;
  std::string xml;
};

const Built& built() {
  static const Built b = [] {
    Built out;
    const auto dir = clitest::scratch("vertical-sample");
    out.pdf = dir / "vertical.pdf";
    const auto src = test::source_root() / "samples/vertical-feature.xml";
    const auto r = clitest::paperset("build " + quote(src) + " -o " + quote(out.pdf));
    REQUIRE_MESSAGE(r.exit_code == 0, r.out);
    CHECK(clitest::count_severity(clitest::diagnostics(r.out), "error") == 0);
    out.xml = clitest::slurp(src);
    return out;
  }();
  return b;
}

}  // namespace

TEST_CASE("the vertical sample builds to PDF/X-4 with its vertical text in an Identity-V font") {
  const Built& b = built();
  const auto info = test::run_shell("pdfinfo " + quote(b.pdf));
  CHECK(clitest::contains(info.out, "PDF/X-4"));
  const auto fonts = test::run_shell("pdffonts " + quote(b.pdf));
  REQUIRE(fonts.exit_code == 0);
  CHECK(clitest::contains(fonts.out, "Identity-V"));
  CHECK(clitest::contains(fonts.out, "Identity-H"));
  const auto check = test::run_shell("qpdf --check " + quote(b.pdf));
  CHECK_MESSAGE(check.exit_code == 0, check.out);
}

TEST_CASE("the vertical sample reads back in order: head columns right to left, then every paragraph whole") {
  const Built& b = built();
  const auto text = test::run_shell("pdftotext -raw " + quote(b.pdf) + " -");
  REQUIRE(text.exit_code == 0);
  const std::string t = clitest::strip_ws(text.out);
  // The vertical head group beside the horizontal story: 引题, 主题, 副题 as read.
  const char* head[] = {"建区四十年港城展新颜", "运河港区年吞吐量破千万吨", "集装箱航线增至12条"};
  size_t at = 0;
  for (const char* s : head) {
    CAPTURE(std::string(s));
    const size_t found = t.find(s, at);
    CHECK(found != std::string::npos);
    if (found != std::string::npos) at = found;
  }
  // Then every paragraph of every story whole, in the order of the file: the vertical
  // feature's columns come back top to bottom, right to left, tier after tier.
  for (const auto& story : clitest::stories_of(b.xml))
    for (const auto& p : story.paragraphs) {
      CAPTURE(story.id);
      CAPTURE(p);
      const size_t found = t.find(p, at);
      CHECK(found != std::string::npos);
      if (found != std::string::npos) at = found + p.size();
    }
  // The feature's head before its text.
  const size_t feature = t.find("运河记忆写在运河新区建区四十周年之际□林晓1984年3月15日清晨");
  CHECK(feature != std::string::npos);
}

TEST_CASE("extraction gives the ordinary characters of vertical forms, never the presentation forms") {
  const Built& b = built();
  const auto text = test::run_shell("pdftotext -raw " + quote(b.pdf) + " -");
  REQUIRE(text.exit_code == 0);
  // U+FE10–FE19 (vertical forms), U+FE30–FE4F (CJK compatibility forms) in UTF-8.
  for (const char* form : {"\xEF\xB8\x90", "\xEF\xB8\x91", "\xEF\xB8\x92", "\xEF\xB8\xB5", "\xEF\xB8\xBD",
                           "\xEF\xB9\x81", "\xEF\xB9\x83", "\xEF\xB9\x84", "\xEF\xB8\xB1"})
    CHECK_FALSE(clitest::contains(text.out, form));
  CHECK(clitest::contains(text.out, "“"));
  CHECK(clitest::contains(text.out, "》"));
}

TEST_CASE("--dump=lines shows each vertical column with what it turns and sets across") {
  const auto dir = clitest::scratch("vertical-dump");
  const auto r = clitest::paperset_stdout("build " + quote(test::source_root() / "samples/vertical-feature.xml") +
                                          " -o " + quote(dir / "v.pdf") + " --dump=lines");
  REQUIRE_MESSAGE(r.exit_code == 0, r.out);
  // The feature's first column: the year turned, the month and day upright (纵中横).
  bool first = false;
  for (const auto& l : clitest::lines_of(r.out))
    if (clitest::contains(l, "text \"1984年3月15") && clitest::contains(l, "vertical [") &&
        clitest::contains(l, "turned \"1984\"") && clitest::contains(l, "tcy \"15\""))
      first = true;
  CHECK_MESSAGE(first, r.out.substr(0, 4000));
}

namespace {

struct DumpBox {
  std::string kind, id, text;
  double x = 0, y = 0, w = 0, h = 0, hang = 0;
};

// The boxes of a --dump=pages (docs/format.md "Seeing inside").
std::vector<DumpBox> dump_boxes(const std::string& dump) {
  static const std::regex re(R"re(^\s+(\w+) (\S+) x=([\d.]+) y=([\d.]+) w=([\d.]+) h=([\d.]+)(?: base=[\d.]+)?)re"
                             R"re((?: hang=([\d.]+))?(?: \w+)?(?: "(.*)")?$)re");
  std::vector<DumpBox> out;
  for (const auto& l : clitest::lines_of(dump)) {
    std::smatch m;
    if (!std::regex_match(l, m, re)) continue;
    out.push_back({m[1], m[2], m[8], std::stod(m[3]), std::stod(m[4]), std::stod(m[5]), std::stod(m[6]),
                   m[7].matched ? std::stod(m[7]) : 0.0});
  }
  return out;
}

}  // namespace

TEST_CASE("the vertical feature hangs a line-end comma below its tier's foot, and the PDF keeps it in its column") {
  const auto dir = clitest::scratch("vertical-hang");
  const auto pdf = dir / "v.pdf";
  const auto r = clitest::paperset_stdout("build " + quote(test::source_root() / "samples/vertical-feature.xml") +
                                          " -o " + quote(pdf) + " --dump=pages");
  REQUIRE_MESSAGE(r.exit_code == 0, r.out);
  const auto boxes = dump_boxes(r.out);
  std::vector<DumpBox> tiers, hung;
  for (const auto& b : boxes) {
    if (b.id != "memory") continue;
    if (b.kind == "column") tiers.push_back(b);
    if (b.kind == "line" && b.h > b.w && b.hang > 0) hung.push_back(b);
  }
  REQUIRE(tiers.size() == 4);
  // The feature's columns that end in a comma one em past the tier (只有两个泊位的小码头，).
  REQUIRE_MESSAGE(!hung.empty(), r.out);
  const auto text = test::run_shell("pdftotext -raw " + quote(pdf) + " -");
  REQUIRE(text.exit_code == 0);
  for (const auto& b : hung) {
    CAPTURE(b.text);
    CHECK(b.hang == doctest::Approx(5.25));  // half the 五号 em
    const std::string last = b.text.substr(b.text.size() - 3);
    CHECK((last == "，" || last == "。" || last == "、" || last == "．"));
    // The box ends at its tier's foot, flush with the full columns; the mark below it,
    // in the white before the next tier.
    bool at_foot = false;
    for (size_t t = 0; t < tiers.size(); ++t) {
      const double foot = tiers[t].y + tiers[t].h;
      if (std::abs(b.y + b.h - foot) > 0.01) continue;
      at_foot = true;
      if (t + 1 < tiers.size()) CHECK(foot + b.hang + 5.25 <= tiers[t + 1].y);
    }
    CHECK(at_foot);
    // The PDF gives the column back as one line, the hung mark at its end.
    CHECK(clitest::contains(text.out, "\n" + b.text + "\n"));
  }
}
