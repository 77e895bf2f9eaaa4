// How a build reports (docs/cli.md "Diagnostics"): every finding line is GCC's
// "FILE:LINE:COL: severity: message [code]" (or "FILE: …" without a line), read here by
// the kind of regular expression an editor's or CI's problem matcher uses; each finding
// once; split files' findings name the issue's page; --fail-on decides what fails;
// --quiet; colour and progress only on a terminal, never colour with NO_COLOR.
#include <doctest/doctest.h>

#include <map>
#include <set>

#include "cli/cli_helpers.h"

using namespace clitest;

namespace {

// A two-page tabloid issue whose page 2 has a photo at 400 % total ink (a CMYK JPEG
// of solid 100/100/100/100, untagged): it is re-separated, with a warning on page 2.
fs::path ink_issue(const fs::path& dir) {
  REQUIRE(test::run_shell("convert -size 400x300 xc:'cmyk(100%,100%,100%,100%)' " + quote(dir / "ink.jpg")).exit_code == 0);
  const std::string article =
      "<headline>版面</headline><p>改革有力度，服务有温度，企业与群众的满意度才能提升，经济高质量发展才能跑出加速度。</p>";
  spit(dir / "issue.xml",
       "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<issue paper=\"武进日报\" date=\"2024-01-05\" layout=\"tabloid\">\n"
       "  <page number=\"1\">\n    <article id=\"a\" col=\"1\" cols=\"3\" row=\"1\" rows=\"6\">" + article + "</article>\n  </page>\n"
       "  <page number=\"2\">\n    <article id=\"b\" col=\"1\" cols=\"3\" row=\"1\" rows=\"6\">" + article + "</article>\n"
       "    <photo id=\"dark\" src=\"ink.jpg\" col=\"4\" cols=\"1\" row=\"1\" rows=\"5\"/>\n  </page>\n</issue>\n");
  return dir / "issue.xml";
}

// Lines that look like a diagnostic ("error:" / "warning:" / "note:" in them).
std::vector<std::string> diagnostic_lines(const std::string& out) {
  std::vector<std::string> v;
  for (const auto& l : lines_of(out))
    if (contains(l, " error: ") || contains(l, " warning: ") || contains(l, " note: ")) v.push_back(l);
  return v;
}

// Runs `args` with standard error on a terminal (script(1) gives the command a pty).
std::string on_terminal(const std::string& args, const std::string& env) {
  return test::run_shell("script -qfec " + quote(paperset_command(args, env)) + " /dev/null").out;
}

}  // namespace

TEST_CASE("every diagnostic line is in the GCC form a problem matcher reads") {
  const fs::path split = scratch("cli-diag");
  const std::vector<std::string> runs = {
      "build " + quote(data("good/issue.xml")) + " -o " + quote(scratch("cli-diag") / "a.pdf"),  // low-res errors
      "build " + quote(data("good/issue.xml")) + " --allow-low-res -o " + quote(scratch("cli-diag") / "a.pdf"),
      "build " + quote(data("cli/many_errors.xml")) + " -o " + quote(scratch("cli-diag") / "a.pdf"),
      "build " + quote(data("cli/overset.xml")) + " --allow-overset -o " + quote(scratch("cli-diag") / "a.pdf"),
      "build " + quote(ink_issue(split)) + " --split -o " + quote(split / "pages/"),
      "preflight " + quote(data("pdf/broken.pdf")),
  };
  for (const auto& args : runs) {
    CAPTURE(args);
    const auto r = paperset(args);
    CAPTURE(r.out);
    const auto lines = diagnostic_lines(r.out);
    CHECK(!lines.empty());
    CHECK(diagnostics(r.out).size() == lines.size());  // every one parsed
    for (const auto& d : diagnostics(r.out)) {
      CHECK(!d.code.empty());
      CHECK((d.line == 0 || d.col >= 1));
      if (d.severity == "error" && d.code == "input") CHECK(d.fix.size() > 3);
    }
  }
}

TEST_CASE("split files: a photo's finding names the photo's line and the issue's page, not the file's") {
  const fs::path dir = scratch("cli-diag");
  const auto r = paperset("build " + quote(ink_issue(dir)) + " --split -o " + quote(dir / "pages/"));
  CAPTURE(r.out);
  CHECK(r.exit_code == 0);  // 400 % ink is re-separated for the paper, with a warning
  int found = 0;
  for (const auto& d : diagnostics(r.out)) {
    CHECK(d.code != "ink-limit");  // what the PDF gets is within the limit
    if (d.code != "photo-reseparated") continue;
    ++found;
    CHECK(d.file == (dir / "issue.xml").string());  // the <photo> element
    CHECK(d.line == 8);
    CHECK(d.message.rfind("page 2, 'dark'", 0) == 0);
  }
  CHECK(found == 1);  // once, not again from the self-preflight of page-02.pdf
  CHECK_FALSE(contains(r.out, "page 1: image"));
}

TEST_CASE("each finding is reported once (layout's photo warning is not repeated by the self-preflight)") {
  const auto r = paperset("build " + quote(data("good/issue.xml")) + " --allow-low-res -o " + quote(scratch("cli-diag") / "a.pdf"));
  CAPTURE(r.out);
  REQUIRE(r.exit_code == 0);
  std::set<std::string> lines;
  int low_res = 0;
  for (const auto& l : diagnostic_lines(r.out)) {
    CHECK_MESSAGE(lines.insert(l).second, "printed twice: " << l);
  }
  for (const auto& d : diagnostics(r.out)) {
    CHECK(d.code != "image-resolution");  // the same photos, already reported with their ids
    low_res += d.code == "low-resolution";
  }
  CHECK(low_res == 2);  // the issue's two thumbnails, each once
}

TEST_CASE("--fail-on decides which warnings fail the build") {
  const fs::path issue = data("good/issue.xml");  // warnings: low-resolution (allowed), underset
  const fs::path dir = scratch("cli-failon");
  const auto plain = paperset("build " + quote(issue) + " --allow-low-res -o " + quote(dir / "a.pdf"));
  REQUIRE(plain.exit_code == 0);
  REQUIRE(count_severity(diagnostics(plain.out), "warning") > 0);
  struct Case {
    std::string flags;
    bool fails;
    std::string code;  // promoted to an error
  };
  const Case cases[] = {{"--fail-on=low-res", true, "low-resolution"},
                        {"--fail-on low-resolution", true, "low-resolution"},
                        {"--fail-on=warning", true, ""},
                        {"--werror", true, ""},
                        {"--fail-on=missing-glyph,ink-limit", false, ""},
                        {"--fail-on overset", false, ""}};
  for (const auto& c : cases) {
    CAPTURE(c.flags);
    const fs::path out = scratch("cli-failon") / "a.pdf";
    const auto r = paperset("build " + quote(issue) + " --allow-low-res -o " + quote(out) + " " + c.flags);
    CAPTURE(r.out);
    CHECK(r.exit_code == (c.fails ? 1 : 0));
    CHECK(fs::exists(out) == !c.fails);
    const auto ds = diagnostics(r.out);
    if (!c.fails) continue;
    CHECK(count_severity(ds, "error") > 0);
    for (const auto& d : ds)
      if (d.severity == "error") {
        CHECK(contains(d.message, "--fail-on"));
        if (!c.code.empty()) CHECK(d.code == c.code);
      }
    if (c.flags == "--werror") CHECK(count_severity(ds, "warning") == 0);
  }
}

TEST_CASE("--quiet prints errors only") {
  const fs::path dir = scratch("cli-quiet");
  const auto ok = paperset("build " + quote(data("good/issue.xml")) + " --allow-low-res -q -o " + quote(dir / "a.pdf"));
  CHECK(ok.exit_code == 0);
  CHECK(ok.out.empty());
  const auto bad = paperset("build " + quote(data("cli/overset.xml")) + " --quiet -o " + quote(dir / "b.pdf"));
  CHECK(bad.exit_code == 1);
  CHECK(count_severity(diagnostics(bad.out), "error") == 1);
  CHECK(count_severity(diagnostics(bad.out), "warning") == 0);
}

TEST_CASE("colour and progress on a terminal only; NO_COLOR turns colour off") {
  const fs::path dir = scratch("cli-colour");
  const std::string args = "build " + quote(data("good/issue.xml")) + " -o " + quote(dir / "a.pdf");  // fails: low-res
  const std::string tty = on_terminal(args, "");
  CAPTURE(tty);
  CHECK(contains(tty, "\x1b[1;31merror:"));                 // errors in bold red
  CHECK(contains(tty, "paperset: laying out page 2 of 2"));  // progress
  const std::string no_colour = on_terminal(args, "NO_COLOR=1");
  CAPTURE(no_colour);
  CHECK_FALSE(contains(no_colour, "\x1b[1;31m"));
  CHECK(contains(no_colour, "error:"));
  const std::string empty_no_colour = on_terminal(args, "NO_COLOR=");  // set but empty: colour stays
  CHECK(contains(empty_no_colour, "\x1b[1;31m"));
  const auto piped = paperset(args);
  CHECK_FALSE(contains(piped.out, "\x1b"));
  CHECK_FALSE(contains(piped.out, "laying out"));
  const std::string quiet_tty = on_terminal(args + " --quiet", "");
  CHECK_FALSE(contains(quiet_tty, "laying out"));
}

TEST_CASE("a finding about an element names the element's file and line (a missing glyph)") {
  const fs::path dir = scratch("cli-diag");
  fs::copy(data("cli/images"), dir / "images");
  std::string xml = slurp(data("cli/photo_ok.xml"));
  const std::string para = "<p>改革有力度，服务有温度。</p>";
  xml.replace(xml.find(para), para.size(), "<p>改革有力度&#xE000;，服务有温度。</p>");  // a private-use character
  spit(dir / "issue.xml", xml);
  const auto r = paperset("build " + quote(dir / "issue.xml") + " -o " + quote(dir / "a.pdf"));
  CAPTURE(r.out);
  CHECK(r.exit_code == 0);
  bool found = false;
  for (const auto& d : diagnostics(r.out))
    if (d.code == "missing-glyph") {
      found = true;
      CHECK(d.file == (dir / "issue.xml").string());
      CHECK(d.line == 5);  // the <article id="lead">
      CHECK(contains(d.message, "U+E000"));
    }
  CHECK(found);
  CHECK_FALSE(contains(r.out, "paperset: warning"));  // no finding without a place
}
