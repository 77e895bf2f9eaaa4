// Good builds, checked the way a user checks them (docs/print.md "How we check it"):
// pdftotext gives back every paragraph in story order, pdffonts shows every font
// embedded, subset and with a Unicode map, the same input gives the same bytes, dates
// follow SOURCE_DATE_EPOCH, --png writes one proof per page and the dumps are
// one record per line. Inputs: tests/data/good/issue.xml and samples/*.xml.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>

#include "cli/cli_helpers.h"

using namespace clitest;

namespace {

struct Built {
  fs::path issue;
  fs::path dir;
  fs::path pdf;
  test::RunResult run;
};

// tests/data/good/images/forge.jpg is a 32 × 24 thumbnail, hence --allow-low-res.
const char* const kGoodFlags = "--allow-low-res";

Built build(const fs::path& issue, const std::string& flags, const std::string& env = "") {
  Built b;
  b.issue = issue;
  b.dir = scratch("cli-out");
  b.pdf = b.dir / "out.pdf";
  b.run = paperset("build " + quote(issue) + " -o " + quote(b.pdf) + " " + flags, env);
  return b;
}

// The good issue built once, with proofs in a folder of their own; most checks read it.
const fs::path& proofs_dir() {
  static const fs::path d = scratch("cli-proofs") / "proofs";
  return d;
}

const Built& good() {
  static const Built b = build(data("good/issue.xml"), std::string(kGoodFlags) + " --png " + quote(proofs_dir()));
  return b;
}

std::vector<fs::path> samples() {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(test::source_root() / "samples", ec))
    if (e.path().extension() == ".xml") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

// Every issue whose output is checked: the good fixture and each sample (built without
// any --allow-… switch: a sample is a page as printed).
std::vector<Built> all_builds() {
  static const std::vector<Built> all = [] {
    std::vector<Built> v{good()};
    for (const auto& s : samples()) v.push_back(build(s, ""));
    return v;
  }();
  return all;
}

// The PDF's text in the order the PDF gives it (-raw: content-stream order), which is
// what copy/paste and archive search see. pdftotext's default reading-order guess is
// not used: it splits a column's line wherever a caption in the next column sits at
// the same height, which says nothing about the PDF.
std::string pdftotext(const fs::path& pdf) {
  return test::run_shell("pdftotext -raw -enc UTF-8 " + quote(pdf) + " -").out;
}

std::string pdfinfo(const fs::path& pdf, const std::string& env = "") {
  return test::run_shell(env + " pdfinfo -isodates " + quote(pdf)).out;
}

// "Key:   value" of pdfinfo.
std::string info_field(const std::string& info, const std::string& key) {
  for (const auto& l : lines_of(info))
    if (l.rfind(key + ":", 0) == 0) {
      const size_t v = l.find_first_not_of(' ', key.size() + 1);
      return v == std::string::npos ? "" : l.substr(v);
    }
  return {};
}

int page_count(const std::string& xml) {
  int n = 0;
  for (size_t at = xml.find("<page "); at != std::string::npos; at = xml.find("<page ", at + 1)) ++n;
  return n;
}

struct Trim {
  double w_mm = 0, h_mm = 0, bleed_mm = 0;
};

// The issue's layout file (layouts/NAME.xml).
std::string layout_of(const fs::path& issue) {
  const std::string name = attr(start_tag(slurp(issue), "issue"), "layout");
  return name.empty() ? std::string() : slurp(test::source_root() / "layouts" / (name + ".xml"));
}

// The trimmed page size and bleed of the issue's layout (<page width="390mm"
// height="545mm" bleed="3mm" …/>).
Trim trim_of(const fs::path& issue) {
  const std::string page = start_tag(layout_of(issue), "page");
  auto mm = [&](const char* name) {
    const std::string v = attr(page, name);
    return v.size() > 2 && v.compare(v.size() - 2, 2, "mm") == 0 ? std::stod(v) : 0.0;
  };
  return {mm("width"), mm("height"), mm("bleed")};
}

// The layout's jump lines ("（下转第{page}版）", "（上接第{page}版）"), split around
// {page}, whitespace stripped like the extracted text.
struct JumpLines {
  std::string to_head, to_tail, from_head, from_tail;
};

JumpLines jump_lines_of(const fs::path& issue) {
  const std::string jump = start_tag(layout_of(issue), "jump");
  auto split = [](const std::string& t) {
    const size_t at = t.find("{page}");
    return std::pair{strip_ws(t.substr(0, at)), at == std::string::npos ? "" : strip_ws(t.substr(at + 6))};
  };
  const auto [to_head, to_tail] = split(attr(jump, "to"));
  const auto [from_head, from_tail] = split(attr(jump, "from"));
  return {to_head, to_tail, from_head, from_tail};
}

// Where `rest` of a paragraph continues after a "to" jump line that ends at `pos`: right
// after one of the following "from" jump lines (possibly jumping again). End or npos.
size_t continued(const std::string& text, const std::string& rest, size_t pos, const JumpLines& j, int depth) {
  if (j.from_head.empty() || depth > 4) return std::string::npos;
  for (size_t m = text.find(j.from_head, pos); m != std::string::npos; m = text.find(j.from_head, m + 1)) {
    const size_t tail = text.find(j.from_tail, m + j.from_head.size());
    if (tail == std::string::npos) break;
    const size_t start = tail + j.from_tail.size();
    if (text.compare(start, rest.size(), rest) == 0) return start + rest.size();
    for (size_t k = text.find(j.to_head, start); k != std::string::npos && k - start < rest.size();
         k = text.find(j.to_head, k + 1)) {
      if (k == start || text.compare(start, k - start, rest, 0, k - start) != 0) continue;
      const size_t r = continued(text, rest.substr(k - start), k + j.to_head.size(), j, depth + 1);
      if (r != std::string::npos) return r;
    }
  }
  return std::string::npos;
}

// End of `para` in `text` at or after `from`; a paragraph a jump splits is found as its
// first part, the "to" jump line, other text, the "from" jump line and the rest. npos
// when it is not there.
size_t find_paragraph(const std::string& text, const std::string& para, size_t from, const JumpLines& j) {
  const size_t whole = text.find(para, from);
  if (whole != std::string::npos) return whole + para.size();
  if (j.to_head.empty()) return std::string::npos;
  for (size_t k = text.find(j.to_head, from); k != std::string::npos; k = text.find(j.to_head, k + 1)) {
    for (size_t a = std::min(para.size() - 1, k - from); a > 0; --a) {
      if (text.compare(k - a, a, para, 0, a) != 0) continue;
      const size_t r = continued(text, para.substr(a), k + j.to_head.size(), j, 0);
      if (r != std::string::npos) return r;
      break;
    }
  }
  return std::string::npos;
}

void require_built(const Built& b) {
  CAPTURE(b.issue.string());
  CAPTURE(b.run.out);
  REQUIRE(b.run.exit_code == 0);
  REQUIRE(fs::is_regular_file(b.pdf));
}

// For loops over all builds: a failed build is reported and the next one checked.
bool built(const Built& b) {
  CAPTURE(b.issue.string());
  CAPTURE(b.run.out);
  CHECK(b.run.exit_code == 0);
  CHECK(fs::is_regular_file(b.pdf));
  return b.run.exit_code == 0 && fs::is_regular_file(b.pdf);
}

}  // namespace

TEST_CASE("a good build exits 0 and writes a PDF where -o says") {
  for (const auto& b : all_builds()) {
    if (!built(b)) continue;
    CAPTURE(b.issue.string());
    CAPTURE(b.run.out);
    CHECK(contains(b.run.out, b.pdf.string()));  // says where the PDF went
    CHECK(slurp(b.pdf).rfind("%PDF-", 0) == 0);
    // Nothing but the PDF in its folder (the proofs went elsewhere).
    for (const auto& f : files_in(b.dir)) CHECK_MESSAGE(f == "out.pdf", "unexpected file " << f);
  }
}

TEST_CASE("qpdf --check: no errors or warnings") {
  for (const auto& b : all_builds()) {
    if (!built(b)) continue;
    const auto r = test::run_shell("qpdf --check " + quote(b.pdf));
    CAPTURE(b.issue.string());
    CAPTURE(r.out);
    CHECK(r.exit_code == 0);  // qpdf: 2 errors, 3 warnings
  }
}

TEST_CASE("the PDF has one page per <page> of the issue") {
  for (const auto& b : all_builds()) {
    if (!built(b)) continue;
    CAPTURE(b.issue.string());
    const std::string pages = info_field(pdfinfo(b.pdf), "Pages");
    CHECK(pages == std::to_string(page_count(slurp(b.issue))));
  }
}

TEST_CASE("pdftotext gives back every paragraph, in story order") {
  for (const auto& b : all_builds()) {
    if (!built(b)) continue;
    CAPTURE(b.issue.string());
    const std::string text = strip_ws(pdftotext(b.pdf));
    REQUIRE(!text.empty());
    const JumpLines jumps = jump_lines_of(b.issue);
    const auto stories = stories_of(slurp(b.issue));
    REQUIRE(!stories.empty());
    for (const auto& s : stories) {
      CAPTURE(s.id);
      size_t from = 0;
      for (size_t i = 0; i < s.paragraphs.size(); ++i) {
        CAPTURE(i);
        CAPTURE(s.paragraphs[i]);
        CHECK_MESSAGE(find_paragraph(text, s.paragraphs[i], 0, jumps) != std::string::npos,
                      "paragraph not in the PDF's text");
        const size_t end = find_paragraph(text, s.paragraphs[i], from, jumps);
        CHECK_MESSAGE(end != std::string::npos, "paragraph not after the story's previous one");
        if (end != std::string::npos) from = end;
      }
    }
  }
}

TEST_CASE("pdffonts: every font embedded, subset, with a Unicode map") {
  for (const auto& b : all_builds()) {
    if (!built(b)) continue;
    CAPTURE(b.issue.string());
    const auto r = test::run_shell("pdffonts " + quote(b.pdf));
    CAPTURE(r.out);
    REQUIRE(r.exit_code == 0);
    const auto lines = lines_of(r.out);
    REQUIRE(lines.size() > 2);  // header, dashes, then one row per font
    for (size_t i = 2; i < lines.size(); ++i) {
      CAPTURE(lines[i]);
      std::istringstream in(lines[i]);
      std::vector<std::string> tok;
      for (std::string t; in >> t;) tok.push_back(t);
      REQUIRE(tok.size() >= 7);  // name type… encoding emb sub uni num gen
      const size_t n = tok.size();
      CHECK(tok[n - 5] == "yes");  // emb
      CHECK(tok[n - 4] == "yes");  // sub
      CHECK(tok[n - 3] == "yes");  // uni
      CHECK_MESSAGE(!contains(lines[i], "Type 3"), "Type 3 font");
    }
  }
}

TEST_CASE("two builds of the same issue give the same bytes") {
  SUBCASE("the good issue") {
    require_built(good());
    const Built again = build(data("good/issue.xml"), kGoodFlags);
    require_built(again);
    CHECK(test::run_shell("cmp " + quote(good().pdf) + " " + quote(again.pdf)).exit_code == 0);
  }
  SUBCASE("the samples") {
    for (const auto& s : samples()) {
      CAPTURE(s.string());
      const Built one = build(s, ""), two = build(s, "");
      if (!built(one) || !built(two)) continue;
      CHECK(test::run_shell("cmp " + quote(one.pdf) + " " + quote(two.pdf)).exit_code == 0);
    }
  }
}

TEST_CASE("the PDF dates are the issue's date, or SOURCE_DATE_EPOCH when set") {
  require_built(good());
  const std::string plain = pdfinfo(good().pdf, "TZ=UTC");
  CAPTURE(plain);
  CHECK(info_field(plain, "CreationDate").rfind("2024-01-05", 0) == 0);
  CHECK(info_field(plain, "ModDate").rfind("2024-01-05", 0) == 0);

  const Built dated = build(data("good/issue.xml"), kGoodFlags, "SOURCE_DATE_EPOCH=1000000000");
  require_built(dated);
  const std::string info = pdfinfo(dated.pdf, "TZ=UTC");
  CAPTURE(info);
  CHECK(info_field(info, "CreationDate").rfind("2001-09-09T01:46:40", 0) == 0);
  CHECK(info_field(info, "ModDate").rfind("2001-09-09T01:46:40", 0) == 0);
  CHECK(test::run_shell("cmp -s " + quote(good().pdf) + " " + quote(dated.pdf)).exit_code != 0);
  // The same epoch twice: the same bytes.
  const Built dated_again = build(data("good/issue.xml"), kGoodFlags, "SOURCE_DATE_EPOCH=1000000000");
  require_built(dated_again);
  CHECK(test::run_shell("cmp " + quote(dated.pdf) + " " + quote(dated_again.pdf)).exit_code == 0);
}

TEST_CASE("a SOURCE_DATE_EPOCH that is not a number is bad input") {
  const Built b = build(data("good/issue.xml"), kGoodFlags, "SOURCE_DATE_EPOCH=yesterday");
  CAPTURE(b.run.out);
  CHECK(b.run.exit_code == 1);
  CHECK(contains(b.run.out, "SOURCE_DATE_EPOCH"));
  CHECK(files_in(b.dir).empty());
}

TEST_CASE("--png writes one PNG proof per page, the trim at 150 dpi") {
  require_built(good());
  const fs::path dir = proofs_dir();
  std::vector<fs::path> pngs;
  for (const auto& f : files_in(dir)) {
    CHECK_MESSAGE(fs::path(f).extension() == ".png", "not a proof: " << f);
    pngs.push_back(dir / f);
  }
  CHECK(pngs.size() == 2);
  CHECK(std::to_string(pngs.size()) == info_field(pdfinfo(good().pdf), "Pages"));
  // The layout's trim (broadsheet: 390 × 545 mm) at the default 150 dpi.
  const Trim trim = trim_of(good().issue);
  const double want_w = trim.w_mm / 25.4 * 150, want_h = trim.h_mm / 25.4 * 150;
  for (const auto& p : pngs) {
    CAPTURE(p.string());
    const std::string bytes = slurp(p);
    REQUIRE(bytes.size() > 24);
    CHECK(bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
    auto be32 = [&](size_t at) {
      return (static_cast<unsigned>(static_cast<unsigned char>(bytes[at])) << 24) |
             (static_cast<unsigned>(static_cast<unsigned char>(bytes[at + 1])) << 16) |
             (static_cast<unsigned>(static_cast<unsigned char>(bytes[at + 2])) << 8) |
             static_cast<unsigned>(static_cast<unsigned char>(bytes[at + 3]));
    };
    CHECK(std::abs(be32(16) - want_w) <= 2);  // IHDR width
    CHECK(std::abs(be32(20) - want_h) <= 2);  // IHDR height
  }
}

TEST_CASE("--dump=pages lists every page and the line boxes of every story") {
  const fs::path dir = scratch("cli-dump");
  const auto r = paperset_stdout("build " + quote(data("good/issue.xml")) + " " + kGoodFlags + " -o " +
                                 quote(dir / "out.pdf") + " --dump=pages");
  CAPTURE(r.out);
  REQUIRE(r.exit_code == 0);
  std::vector<int> pages;
  std::map<std::string, int> lines_per_story;
  double trim_w = 0, trim_h = 0;
  for (const auto& l : lines_of(r.out)) {
    if (l.rfind("wrote ", 0) == 0) continue;
    CAPTURE(l);
    std::istringstream in(l);
    std::vector<std::string> tok;
    for (std::string t; in >> t;) tok.push_back(t);
    if (l.rfind("page ", 0) == 0) {  // page N trim WxH bleed B
      REQUIRE(tok.size() == 6);
      pages.push_back(std::stoi(tok[1]));
      trim_w = std::stod(tok[3]);
      trim_h = std::stod(tok[3].substr(tok[3].find('x') + 1));
    } else if (l.rfind("  line ", 0) == 0) {  // line ID x= y= w= h= base= "text"
      REQUIRE(tok.size() >= 7);
      ++lines_per_story[tok[1]];
      std::map<std::string, double> v;
      for (size_t i = 2; i < 7; ++i) v[tok[i].substr(0, tok[i].find('='))] = std::stod(tok[i].substr(tok[i].find('=') + 1));
      REQUIRE(v.size() == 5);
      CHECK(v["x"] >= 0);
      CHECK(v["y"] >= 0);
      CHECK(v["x"] + v["w"] <= trim_w + 0.01);
      CHECK(v["y"] + v["h"] <= trim_h + 0.01);
    } else {
      CHECK_MESSAGE(l.rfind("  ", 0) == 0, "not a record: " << l);
    }
  }
  CHECK(pages == std::vector<int>{1, 2});
  const Trim trim = trim_of(data("good/issue.xml"));
  CHECK(std::abs(trim_w - trim.w_mm / 25.4 * 72) < 0.01);
  CHECK(std::abs(trim_h - trim.h_mm / 25.4 * 72) < 0.01);
  for (const auto& s : stories_of(slurp(data("good/issue.xml")))) {
    CAPTURE(s.id);
    CHECK(lines_per_story[s.id] >= static_cast<int>(s.paragraphs.size()));
  }
}

TEST_CASE("--dump=lines prints one record per composed line") {
  const fs::path dir = scratch("cli-dump");
  const auto r = paperset_stdout("build " + quote(data("good/issue.xml")) + " " + kGoodFlags + " -o " +
                                 quote(dir / "out.pdf") + " --dump=lines");
  CAPTURE(r.out);
  REQUIRE(r.exit_code == 0);
  // As many records as line boxes in --dump=pages: each set line is dumped once.
  const auto p = paperset_stdout("build " + quote(data("good/issue.xml")) + " " + kGoodFlags + " -o " +
                                 quote(dir / "out.pdf") + " --dump=pages");
  REQUIRE(p.exit_code == 0);
  int boxes = 0, records = 0;
  for (const auto& l : lines_of(p.out)) boxes += l.rfind("  line ", 0) == 0;
  for (const auto& l : lines_of(r.out)) {
    if (l.rfind("wrote ", 0) == 0) continue;
    CHECK_MESSAGE(!l.empty(), "an empty record");
    ++records;
  }
  CHECK(boxes > 0);
  CHECK(records == boxes);
}

TEST_CASE("the PDF is PDF/X-4 with the layout's trim and bleed boxes") {
  // docs/print.md "How we check it": pdfinfo -box; the sizes are the layout's <page>.
  for (const auto& b : all_builds()) {
    if (!built(b)) continue;
    CAPTURE(b.issue.string());
    const Trim want = trim_of(b.issue);
    REQUIRE(want.w_mm > 0);
    const std::string info = test::run_shell("pdfinfo -box " + quote(b.pdf)).out;
    CAPTURE(info);
    CHECK(info_field(info, "PDF subtype") == "PDF/X-4");
    const auto box = [&](const std::string& name) {
      std::istringstream in(info_field(info, name));
      double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
      in >> x0 >> y0 >> x1 >> y1;
      return std::pair<double, double>{x1 - x0, y1 - y0};
    };
    const double mm = 72 / 25.4;
    const auto trim = box("TrimBox"), bleed = box("BleedBox"), media = box("MediaBox");
    CHECK(std::abs(trim.first - want.w_mm * mm) < 0.1);
    CHECK(std::abs(trim.second - want.h_mm * mm) < 0.1);
    CHECK(std::abs(bleed.first - (want.w_mm + 2 * want.bleed_mm) * mm) < 0.1);
    CHECK(std::abs(bleed.second - (want.h_mm + 2 * want.bleed_mm) * mm) < 0.1);
    CHECK(media.first >= bleed.first);
    CHECK(media.second >= bleed.second);
  }
}
