// Hostile and huge inputs (docs/format.md "Limits"): each one builds or fails with a
// located, specific error, within 10 s and 1 GiB (getrusage of the child process). The
// huge inputs are generated here, never committed.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>

#include "flow/flow.h"
#include "hostile/bounded.h"
#include "model/font_map.h"
#include "model/issue.h"
#include "support/support.h"
#include "text/fonts.h"

namespace fs = std::filesystem;
using hostile::Bounded;

namespace {

const std::string kHead = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<issue paper=\"P\" date=\"2024-01-05\" layout=\"";

// An issue folder: the issue file with page 1 holding `blocks`, and images/forge.jpg.
fs::path make_issue(const std::string& tag, const std::string& blocks, const std::string& layout = "tabloid",
                    const std::string& page_attrs = "") {
  const auto dir = hostile::scratch(tag);
  fs::create_directories(dir / "images");
  fs::copy_file(test::source_root() / "tests/data/good/images/forge.jpg", dir / "images/forge.jpg");
  hostile::write_file(dir / "issue.xml", kHead + layout + "\">\n<page number=\"1\"" + page_attrs + ">\n" + blocks +
                                             "\n</page>\n</issue>\n");
  return dir / "issue.xml";
}

std::string article(const std::string& text, const std::string& id = "a", const std::string& rect = "col=\"1\" cols=\"2\" row=\"1\" rows=\"10\"") {
  return "<article id=\"" + id + "\" " + rect + "><headline>标题</headline><p>" + text + "</p></article>";
}

Bounded build(const fs::path& issue, std::vector<std::string> extra = {}) {
  std::vector<std::string> args{"build", issue.string(), "-o", (issue.parent_path() / "out.pdf").string()};
  args.insert(args.end(), extra.begin(), extra.end());
  return hostile::run_paperset(args);
}

// "WHERE: error: " or "WHERE:COL: error: " starts a line of `out`.
bool located(const std::string& out, const std::string& where) {
  for (size_t at = out.find(where); at != std::string::npos; at = out.find(where, at + 1)) {
    size_t k = at + where.size();
    if (k < out.size() && out[k] == ':') {
      size_t d = k + 1;
      while (d < out.size() && std::isdigit(static_cast<unsigned char>(out[d]))) ++d;
      if (d > k + 1) k = d;
    }
    if ((at == 0 || out[at - 1] == '\n') && out.compare(k, 9, ": error: ") == 0) return true;
  }
  return false;
}

// Exit status, the message (with FILE:LINE when line > 0), and the resource bounds; no PDF.
void expect(const Bounded& b, int exit_code, const std::string& where, const std::string& message) {
  CAPTURE(b.output.substr(0, 2000));
  CAPTURE(b.seconds);
  CAPTURE(b.max_rss_kb);
  CHECK_FALSE(b.timed_out);
  CHECK(b.exit_code == exit_code);
  if (!where.empty()) CHECK_MESSAGE(located(b.output, where), "expected " << where << "[:COL]: error: ");
  CHECK(b.output.find(message) != std::string::npos);
  if (exit_code == 1) CHECK(b.output.find("\n  fix: ") != std::string::npos);
  CAPTURE(b.cpu_seconds);
  CHECK(b.in_time(hostile::max_seconds()));
  CHECK(b.max_rss_kb < hostile::max_rss_kb());
}

std::string at(const fs::path& issue, int line) { return issue.string() + ":" + std::to_string(line); }

// A layout with a large grid (100 columns × 2000 grid lines) for many small blocks.
std::string big_grid_layout() {
  std::string s = R"(<layout name="big"><page width="1000mm" height="3600mm"/><margins top="10mm" left="10mm"/>
<grid columns="100" column-width="9pt" gutter="0" rows="2000" pitch="5pt"/>
)";
  for (const char* n : {"body", "kicker", "headline", "subtitle", "byline", "dateline", "subhead", "caption", "credit",
                        "banner", "folio", "jump"})
    s += "<style name=\"" + std::string(n) + "\" size=\"4pt\"/>\n";
  return s + "</layout>\n";
}

}  // namespace

TEST_CASE("100 000 attributes on one element: refused by the pre-scan, not parsed for a minute") {
  std::string attrs;
  for (int i = 0; i < 100000; ++i) attrs += " x" + std::to_string(i) + "=\"1\"";
  const auto issue = make_issue("attrs", article("甲"), "tabloid", attrs);
  expect(build(issue), 1, at(issue, 3), "<page> has more than 64 attributes (the limit)");
}

TEST_CASE("200 000 blocks: the element limit, and a linear overlap check above it") {
  std::string blocks;
  for (int i = 0; i < 200000; ++i)
    blocks += "<banner col=\"" + std::to_string(1 + i % 100) + "\" cols=\"1\" row=\"" + std::to_string(1 + i / 100) +
              "\" rows=\"1\">字</banner>\n";
  blocks += "<banner col=\"50\" cols=\"2\" row=\"1999\" rows=\"1\">重叠</banner>";  // meets two of them
  const auto issue = make_issue("blocks", blocks, "big.xml");
  hostile::write_file(issue.parent_path() / "big.xml", big_grid_layout());
  expect(build(issue), 1, at(issue, 100002), "more than 100000 elements (the limit)");
  // Raised: all 200 001 are read and checked pairwise-free in a sweep (was a minute).
  expect(build(issue, {"--limit", "elements=300000", "--limit", "issue-size=64M"}), 1, at(issue, 200004),
         "banner (line 200004) overlaps banner (line 199853) on page 1: columns 50");
}

TEST_CASE("100 000 pages: the page limit") {
  std::string xml = kHead + "tabloid\">\n";
  for (int p = 1; p <= 100000; ++p)
    xml += "<page number=\"" + std::to_string(p) + "\">" + article("字", "a" + std::to_string(p)) + "</page>\n";
  const auto dir = hostile::scratch("pages");
  hostile::write_file(dir / "issue.xml", xml + "</issue>\n");
  expect(build(dir / "issue.xml"), 1, at(dir / "issue.xml", 25002), "more than 100000 elements (the limit)");
  expect(build(dir / "issue.xml", {"--limit", "elements=1000000"}), 1, at(dir / "issue.xml", 1003),
         "the issue has more than 1000 pages (the limit)");
}

TEST_CASE("space-after near INT_MAX and other absurd layout values are located errors") {
  const std::string tabloid = [] {
    std::ifstream in(test::source_root() / "layouts/tabloid.xml");
    return std::string(std::istreambuf_iterator<char>(in), {});
  }();
  const struct {
    const char* from;
    const char* to;
    int line;
    const char* says;
  } cases[] = {
      {R"(align="center" space-after="1"/>)", R"(align="center" space-after="2147483646"/>)", 22,
       "space-after=\"2147483646\" of <style> is more than 5000"},
      {R"(indent="2em" align="justify")", R"(indent="1000000em" align="justify")", 20,
       "indent=\"1000000em\" of <style> is more than 20 em"},
      {R"(width="270mm" height="390mm")", R"(width="270mm" height="1000000mm")", 12, "height=\"1000000mm\" of <page> is more than 5080 mm"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.to);
    std::string lay = tabloid;
    REQUIRE(lay.find(c.from) != std::string::npos);
    lay.replace(lay.find(c.from), std::string(c.from).size(), c.to);
    const auto issue = make_issue("layout-values", article("甲"), "mine.xml");
    hostile::write_file(issue.parent_path() / "mine.xml", lay);
    const int line = 1 + static_cast<int>(std::count(lay.begin(), lay.begin() + static_cast<long>(lay.find(c.to)), '\n'));
    expect(build(issue), 1, (issue.parent_path() / "mine.xml").string() + ":" + std::to_string(line), c.says);
  }
}

TEST_CASE("cols=\"2147483647\" is a located error, not an overflow that loses the headline") {
  const auto issue = make_issue("cols", article("正文", "a", "col=\"2\" cols=\"2147483647\" row=\"1\" rows=\"10\""));
  expect(build(issue), 1, at(issue, 4), "cols=\"2147483647\" of <article> is more than 100");
}

TEST_CASE("a 50 MB paragraph: the issue size limit, and above it the paragraph limit") {
  std::string text;
  text.reserve(50u << 20);
  while (text.size() < (50u << 20)) text += "国家的一是在不了有和人这中大为上个我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经";
  const auto issue = make_issue("paragraph", article(text));
  expect(build(issue), 1, issue.string(), "is 50.0 MiB, over the limit of 16 MiB");
  expect(build(issue, {"--limit", "issue-size=64M"}), 1, at(issue, 4),
         "characters, more than the limit of 100000 for one text element");
}

TEST_CASE("&#0;, surrogates, noncharacters and invalid references are errors at their line") {
  const struct {
    std::string blocks;
    int line;
    const char* says;
  } cases[] = {
      {"\n" + article("正文&#0;后面"), 5, "character reference &#0; names U+0000, NUL"},
      {article("正文", "a&#0;b"), 4, "&#0; names U+0000"},
      {"<photo id=\"p\" src=\"images/forge.jpg&#0;.txt\" col=\"1\" cols=\"2\" row=\"1\" rows=\"10\"/>", 4, "&#0; names U+0000"},
      {article("正&#xD800;文"), 4, "&#xD800; names U+D800, a surrogate"},
      {article("正&#xFFFF;文"), 4, "U+FFFF, a Unicode noncharacter"},
      {article("正\xEF\xB7\x90文"), 4, "character U+FDD0 in the file is a Unicode noncharacter"},
      {article("正&#99999999;文"), 4, "beyond U+10FFFF"},
      {article("正&#xZZ;文"), 4, "malformed XML: '&' does not start an entity"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.blocks);
    const auto issue = make_issue("chars", c.blocks);
    expect(build(issue), 1, at(issue, c.line), c.says);
  }
}

TEST_CASE("100 000 combining marks on one letter: a located error, not minutes of shaping") {
  std::string marks = "a";
  for (int i = 0; i < 100000; ++i) marks += "\xCC\x81";  // U+0301
  const auto issue = make_issue("marks", article(marks));
  expect(build(issue), 1, at(issue, 4), "more than 30 combining characters in a row");
  // A CGJ or a ZWSP after every 30 marks leaves the shaper as slow: still refused.
  std::string thirty;
  for (int k = 0; k < 30; ++k) thirty += "\xCC\x81";
  std::string zwsp = "a";
  for (int i = 0; i < 3000; ++i) zwsp += thirty + "\xE2\x80\x8B";  // U+200B after every 30
  const auto issue2 = make_issue("marks-zwsp", article(zwsp));
  expect(build(issue2), 1, at(issue2, 4), "more than 30 combining characters in a row");
}

TEST_CASE("'<!--' inside an attribute does not disable the '&' check") {
  const auto issue = make_issue("comment-attr", article("正&nbsp;文"), "tabloid", " section=\"<!--\"");
  expect(build(issue), 1, at(issue, 3), "'<' inside an attribute value of <page>");
}

TEST_CASE("newlines and escape characters in ids are refused, never echoed raw") {
  const std::string forged = "a&#10;issue.xml:1: error: forged";
  const auto issue = make_issue("ids", article("正文", forged) + article("正文", forged, "col=\"3\" cols=\"2\" row=\"1\" rows=\"10\""));
  const Bounded b = build(issue);
  expect(b, 1, at(issue, 4), "an attribute value of <article> holds a line break or tab (&#10;)");
  CHECK(b.output.find("\nissue.xml:1: error: forged") == std::string::npos);
  const auto esc = make_issue("ids-esc", article("正文", "a&#x1B;[2J"));
  expect(build(esc), 1, at(esc, 4), "&#x1B; names U+001B, a control character");
}

TEST_CASE("/dev/zero as photo, layout or output profile is refused by type, never read") {
  const auto photo = make_issue("zero", "<photo id=\"p\" src=\"/dev/zero\" col=\"1\" cols=\"2\" row=\"1\" rows=\"10\"/>");
  expect(build(photo), 1, at(photo, 4), "image file '/dev/zero' of photo 'p' is outside the issue's folder");
  expect(build(photo, {"--allow-paths", "/dev"}), 1, at(photo, 4),
         "image file '/dev/zero' of photo 'p' is a character device, not a regular file");
  const auto layout = make_issue("zero-layout", article("甲"), "/dev/zero");
  expect(build(layout, {"--allow-paths", "/dev"}), 1, at(layout, 2), "layout file '/dev/zero' is a character device");
  const auto good = make_issue("zero-icc", article("甲"));
  expect(build(good, {"--output-profile", "/dev/zero"}), 1, "/dev/zero",
         "--output-profile '/dev/zero' is a character device, not a regular file");
}

TEST_CASE("src= and layout= may not leave the issue's folder tree unless --allow-paths allows it") {
  const auto etc = make_issue("etc", "<photo id=\"p\" src=\"../../../../../../../../etc/passwd\" col=\"1\" cols=\"2\" row=\"1\" rows=\"10\"/>");
  expect(build(etc), 1, at(etc, 4), "(/etc/passwd) is outside the issue's folder");
  // Allowed, the file is then checked as an image: not read as one.
  expect(build(etc, {"--allow-paths", "/etc"}), 1, at(etc, 4), "is neither a JPEG, a PNG nor a TIFF file");
  const auto lay = make_issue("etc-layout", article("甲"), "/etc/passwd.xml");
  expect(build(lay), 1, at(lay, 2), "layout file '/etc/passwd.xml' is outside the issue's folder");
}

TEST_CASE("FIFOs, folders, symlink loops and devices are refused by type, not 'not found'") {
  const auto issue = make_issue("kinds", "<photo id=\"p\" src=\"images/x.jpg\" col=\"1\" cols=\"2\" row=\"1\" rows=\"10\"/>");
  const auto dir = issue.parent_path();
  REQUIRE(::mkfifo((dir / "images/x.jpg").c_str(), 0600) == 0);
  expect(build(issue), 1, at(issue, 4), "image file '" + (dir / "images/x.jpg").string() + "' of photo 'p' is a named pipe (FIFO)");
  fs::remove(dir / "images/x.jpg");
  fs::create_directories(dir / "images/x.jpg");
  expect(build(issue), 1, at(issue, 4), "is a folder, not a file");
  fs::remove(dir / "images/x.jpg");
  fs::create_symlink("y.jpg", dir / "images/x.jpg");
  fs::create_symlink("x.jpg", dir / "images/y.jpg");
  expect(build(issue), 1, at(issue, 4), "is a symbolic link loop");
  REQUIRE(::mkfifo((dir / "fifo.xml").c_str(), 0600) == 0);
  expect(build(dir / "fifo.xml"), 1, (dir / "fifo.xml").string(), "is a named pipe (FIFO), not a regular file");
  expect(build("/dev/null"), 1, "/dev/null", "issue file '/dev/null' is a character device");
  expect(build(dir), 1, dir.string(), "is a folder, not a file");
}

TEST_CASE("a truncated ICC output profile and a truncated embedded sRGB profile are located errors") {
  const auto issue = make_issue("icc", article("甲"));
  const std::string icc = [] {
    std::ifstream in(test::source_root() / "data/icc/paperset-newsprint-tr002.icc", std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }();
  hostile::write_file(issue.parent_path() / "cut.icc", icc.substr(0, 1000));
  const std::string cut = (issue.parent_path() / "cut.icc").string();
  expect(build(issue, {"--output-profile", cut}), 1, cut,
         "--output-profile '" + cut + "' cannot be used: it is cut short: its header says 222516 bytes, it has 1000");

  // An RGB JPEG whose APP2 ICC profile, Ghostscript's sRGB profile, lost its second half.
  const std::string srgb = [] {
    std::ifstream in("/usr/share/color/icc/ghostscript/srgb.icc", std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }();
  REQUIRE(srgb.size() > 1000);
  std::ifstream jin(test::source_root() / "samples/images/site.jpg", std::ios::binary);  // an RGB photo
  const std::string jpeg(std::istreambuf_iterator<char>(jin), {});
  const std::string seg = std::string("ICC_PROFILE\0\x01\x01", 14) + srgb.substr(0, srgb.size() / 2);
  const std::string app2 = std::string("\xFF\xE2", 2) + static_cast<char>((seg.size() + 2) >> 8) +
                           static_cast<char>((seg.size() + 2) & 0xFF) + seg;
  const auto photo = make_issue("icc-photo", "<photo id=\"p\" src=\"images/cut.jpg\" col=\"1\" cols=\"2\" row=\"1\" rows=\"20\"/>");
  hostile::write_file(photo.parent_path() / "images/cut.jpg", jpeg.substr(0, 2) + app2 + jpeg.substr(2));
  expect(build(photo), 1, at(photo, 4), "its embedded ICC colour profile cannot be used: it is cut short");
}

TEST_CASE("--limit and --allow-paths are command-line options") {
  const auto issue = make_issue("flags", article("甲"));
  expect(build(issue, {"--limit", "pages=none"}), 2, "", "--limit pages needs a whole number");
  expect(build(issue, {"--limit", "colour=3"}), 2, "", "--limit knows issue-size, layout-size");
  expect(build(issue, {"--allow-paths"}), 2, "", "--allow-paths needs a value");
}

// Rules between blocks were drawn by comparing every block of the issue for every page
// (345 s for 100 000 pages) and every pair on a page. Laid out in a child process: the
// model and flow stages only, no PDF.
TEST_CASE("rules between blocks: linear in pages and in blocks per page") {
  const auto lay_out = [](const std::string& xml, const fs::path& dir) {
    return hostile::run_forked([&] {
      auto ctx = test::context();
      ctx.limits.pages = 1000000;
      ctx.limits.elements = 10000000;
      ctx.limits.issue_bytes = 1u << 30;
      const model::Issue issue = model::parse_issue(xml, dir / "issue.xml", ctx);
      const auto fonts = text::FontSet::load(model::load_font_map(ctx), ctx);
      flow::Options opt;
      opt.allow_overset = true;
      const frame::Document doc = flow::lay_out(issue, *fonts, ctx, opt);
      size_t rules = 0;
      for (const auto& p : doc.pages) rules += p.of<frame::Rule>().size();
      std::printf("pages %zu rules %zu\n", doc.pages.size(), rules);
      std::fflush(stdout);
      return 0;
    });
  };
  // The unoptimised sanitizer build checks the same at a tenth of the size.
  const int n_pages = hostile::sanitized() ? 2000 : 20000, n_rows = hostile::sanitized() ? 50 : 500;
  std::string xml = kHead + "tabloid\">\n";
  for (int p = 1; p <= n_pages; ++p)
    xml += "<page number=\"" + std::to_string(p) + "\"><banner col=\"1\" cols=\"6\" row=\"1\" rows=\"5\">字</banner>" +
           article("字", "a" + std::to_string(p), "col=\"1\" cols=\"6\" row=\"6\" rows=\"55\"") + "</page>\n";
  const auto dir = hostile::scratch("rules");
  const Bounded pages = lay_out(xml + "</issue>\n", dir);
  // A rule under each banner, and the folio (or masthead) rule of each page.
  expect(pages, 0, "", "pages " + std::to_string(n_pages) + " rules " + std::to_string(2 * n_pages));

  hostile::write_file(dir / "big.xml", big_grid_layout());
  std::string one = kHead + "big.xml\">\n<page number=\"1\">\n";
  for (int i = 0; i < 100 * n_rows; ++i)  // 100 × 500 one-cell banners: a rule along every inner edge
    one += "<banner col=\"" + std::to_string(1 + i % 100) + "\" cols=\"1\" row=\"" + std::to_string(1 + i / 100) +
           "\" rows=\"1\">字</banner>\n";
  const Bounded grid = lay_out(one + "</page>\n</issue>\n", dir);
  // Pieces a gutter apart join: 99 vertical rules down the 500 rows, 499 across, the masthead rule.
  expect(grid, 0, "", "pages 1 rules " + std::to_string(99 + (n_rows - 1) + 1));
}

TEST_CASE("a 1 MB word without a break opportunity: refused by the paragraph limit, and set in linear time above it") {
  const auto issue = make_issue("word", article(std::string(1000000, 'a')));
  expect(build(issue), 1, at(issue, 4), "<p> holds 1000000 characters, more than the limit of 100000");
  // Raised, the word is set (one character too many for any line) and the rest reported.
  expect(build(issue, {"--limit", "paragraph=2000000"}), 1, at(issue, 4), "did not fit its frames [overset]");
}

TEST_CASE("a paper or section name too long for the masthead or the folio is an error, never cut silently") {
  std::string paper;
  for (int i = 0; i < 30; ++i) paper += "很长的报纸名称";
  const auto dir = hostile::scratch("long-names");
  const fs::path issue = dir / "issue.xml";
  hostile::write_file(issue, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<issue paper=\"" + paper +
                                 "\" date=\"2024-01-05\" layout=\"tabloid\">\n<page number=\"1\">\n"
                                 "<masthead col=\"1\" cols=\"6\" row=\"1\" rows=\"6\"/>\n" +
                                 article("甲", "a", "col=\"1\" cols=\"2\" row=\"8\" rows=\"10\"") +
                                 "\n</page>\n<page number=\"2\" section=\"要闻\">\n" + article("乙", "b") + "\n</page>\n</issue>\n");
  const auto b = build(issue);
  expect(b, 1, at(issue, 4), "page 1, 'masthead': the paper's name is wider than the masthead: 183 of its characters did not fit");
  CHECK(located(b.output, at(issue, 7)));  // page 2's folio: name and section on one line
  CHECK(b.output.find("page 2, 'folio': the folio's texts do not fit across the page on one line") != std::string::npos);
}
