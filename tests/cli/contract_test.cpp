// The output contract a nightly job relies on (docs/cli.md "Output files"): a failed
// build leaves nothing that looks like a result — a previous PDF at -o is removed and
// the report says so —, output folders are made before the layout runs, `-o -` writes
// the PDF to standard output, --split replaces an earlier set whole (pages the issue no
// longer has go) or, on failure, leaves none, and --split-name names the files.
#include <doctest/doctest.h>

#include <algorithm>

#include "cli/cli_helpers.h"

using namespace clitest;

namespace {

const fs::path kGood = data("cli/photo_ok.xml");  // builds with no --allow-… switch
const fs::path kBad = data("cli/overset.xml");    // fails in layout (overset)

// A copy of photo_ok.xml with `pages` pages (each the same article and photo) and the
// given section names, in a folder of its own with the photo beside it.
fs::path issue_with_pages(const fs::path& dir, int pages, const std::vector<std::string>& sections = {}) {
  fs::create_directories(dir / "images");
  fs::copy_file(data("cli/images/photo.jpg"), dir / "images/photo.jpg", fs::copy_options::overwrite_existing);
  std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    "<issue paper=\"武进日报\" date=\"2024-01-05\" number=\"8873\" layout=\"broadsheet\">\n";
  for (int p = 1; p <= pages; ++p) {
    const std::string n = std::to_string(p);
    const std::string section = static_cast<size_t>(p) <= sections.size() ? sections[static_cast<size_t>(p - 1)] : "";
    xml += "  <page number=\"" + n + "\"" + (section.empty() ? "" : " section=\"" + section + "\"") + ">\n" +
           "    <article id=\"lead" + n + "\" col=\"1\" cols=\"4\" row=\"1\" rows=\"20\">\n"
           "      <headline>擦亮金字招牌</headline>\n      <p>改革有力度，服务有温度。</p>\n    </article>\n"
           "    <photo id=\"forge" + n + "\" src=\"images/photo.jpg\" col=\"5\" cols=\"2\" row=\"1\" rows=\"12\"/>\n"
           "  </page>\n";
  }
  spit(dir / "issue.xml", xml + "</issue>\n");
  return dir / "issue.xml";
}

std::vector<std::string> sorted_files(const fs::path& dir) {
  auto v = files_in(dir);
  std::sort(v.begin(), v.end());
  return v;
}

bool is_pdf(const fs::path& p) { return slurp(p).rfind("%PDF-", 0) == 0; }

}  // namespace

TEST_CASE("a failed build removes the previous PDF at -o, and the report says so") {
  const fs::path dir = scratch("cli-stale");
  const fs::path pdf = dir / "out.pdf", report = dir / "report.json";
  REQUIRE(paperset("build " + quote(kGood) + " -o " + quote(pdf)).exit_code == 0);
  REQUIRE(is_pdf(pdf));
  const auto r = paperset("build " + quote(kBad) + " -o " + quote(pdf) + " --report " + quote(report));
  CAPTURE(r.out);
  CHECK(r.exit_code == 1);
  CHECK_FALSE(fs::exists(pdf));
  CHECK(contains(r.out, "removed '" + pdf.string() + "'"));
  const std::string json = slurp(report);
  CAPTURE(json);
  CHECK(JsonChecker(json).valid());
  CHECK(json_literal(json, "ok") == "false");
  CHECK(contains(json, "\"removed\": [\n    \"" + pdf.string() + "\"\n  ]"));
  CHECK(sorted_files(dir) == std::vector<std::string>{"report.json"});
}

TEST_CASE("a failed build never removes a file at -o that is no PDF") {
  const fs::path dir = scratch("cli-stale");
  spit(dir / "notes.txt", "my notes\n");
  const auto r = paperset("build " + quote(kBad) + " -o " + quote(dir / "notes.txt"));
  CHECK(r.exit_code == 1);
  CHECK(slurp(dir / "notes.txt") == "my notes\n");
}

TEST_CASE("an unwritable --report fails the build before anything is written") {
  const fs::path dir = scratch("cli-report-bad");
  spit(dir / "file", "x");  // a file where the report's folder would be
  const auto r = paperset("build " + quote(kGood) + " -o " + quote(dir / "out.pdf") + " --report " +
                          quote(dir / "file" / "report.json"));
  CAPTURE(r.out);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.out, "[output]"));
  CHECK_FALSE(fs::exists(dir / "out.pdf"));
  CHECK(sorted_files(dir) == std::vector<std::string>{"file"});
}

TEST_CASE("output folders are made before the layout runs, and removed again when the build fails") {
  const fs::path dir = scratch("cli-folders");
  SUBCASE("made: -o, --png and --report into folders that do not exist yet") {
    const auto r = paperset("build " + quote(kGood) + " -o " + quote(dir / "a/b/out.pdf") + " --png " +
                            quote(dir / "c/proofs") + " --report " + quote(dir / "d/e/report.json"));
    CAPTURE(r.out);
    CHECK(r.exit_code == 0);
    CHECK(is_pdf(dir / "a/b/out.pdf"));
    CHECK(fs::is_regular_file(dir / "c/proofs/page-01.png"));
    CHECK(fs::is_regular_file(dir / "d/e/report.json"));
  }
  SUBCASE("before the layout: an -o that cannot be made is reported, not the issue's overset") {
    spit(dir / "file", "x");
    const auto r = paperset("build " + quote(kBad) + " -o " + quote(dir / "file/out.pdf"));
    CAPTURE(r.out);
    CHECK(r.exit_code == 1);
    CHECK(contains(r.out, "[output]"));
    CHECK_FALSE(contains(r.out, "[overset]"));
  }
  SUBCASE("a failed build leaves no folder it made") {
    const auto r = paperset("build " + quote(kBad) + " -o " + quote(dir / "a/b/out.pdf") + " --png " +
                            quote(dir / "c/proofs"));
    CHECK(r.exit_code == 1);
    CHECK_MESSAGE(files_in(dir).empty(), "left: " << join(files_in(dir)));
  }
}

TEST_CASE("-o - writes the PDF to standard output, the same bytes as a file") {
  const fs::path dir = scratch("cli-stdout");
  REQUIRE(paperset("build " + quote(kGood) + " -o " + quote(dir / "file.pdf")).exit_code == 0);
  const auto r = test::run_shell("{ " + paperset_command("build " + quote(kGood) + " -o -", "") + " > " +
                                 quote(dir / "stdout.pdf") + " 2> " + quote(dir / "stderr.txt") + "; }");
  CHECK(r.exit_code == 0);
  CHECK(slurp(dir / "stdout.pdf") == slurp(dir / "file.pdf"));
  CHECK(contains(slurp(dir / "stderr.txt"), "standard output"));
  CHECK_FALSE(fs::exists("-"));
  // A failed build writes nothing to standard output.
  const auto bad = test::run_shell("(" + paperset_command("build " + quote(kBad) + " -o -", "") + ") 2>/dev/null | wc -c");
  CHECK(std::stoi(bad.out) == 0);
  // Standard output on a terminal (script(1) gives a pty): refused, not a screenful of PDF.
  const auto tty = test::run_shell("script -qfec " + quote(paperset_command("build " + quote(kGood) + " -o -", "")) +
                                   " /dev/null");
  CAPTURE(tty.out);
  CHECK(contains(tty.out, "standard output, which is a terminal"));
  CHECK_FALSE(contains(tty.out, "%PDF-"));
}

TEST_CASE("--split replaces the earlier set: pages the issue no longer has are removed") {
  const fs::path in = scratch("cli-split-in"), out = scratch("cli-split-out");
  REQUIRE(paperset("build " + quote(issue_with_pages(in, 3)) + " --split -o " + quote(out.string() + "/")).exit_code == 0);
  CHECK(sorted_files(out) == std::vector<std::string>{"page-01.pdf", "page-02.pdf", "page-03.pdf"});
  spit(out / "notes.pdf.txt", "not a page");  // not a name the template gives: stays
  const auto r = paperset("build " + quote(issue_with_pages(in, 2)) + " --split -o " + quote(out.string() + "/"));
  CAPTURE(r.out);
  CHECK(r.exit_code == 0);
  CHECK(sorted_files(out) == std::vector<std::string>{"notes.pdf.txt", "page-01.pdf", "page-02.pdf"});
}

TEST_CASE("--split that fails leaves no page: neither new ones nor the earlier set") {
  const fs::path in = scratch("cli-split-in"), out = scratch("cli-split-out");
  REQUIRE(paperset("build " + quote(issue_with_pages(in, 2)) + " --split -o " + quote(out.string() + "/")).exit_code == 0);
  REQUIRE(files_in(out).size() == 2);
  const auto r = paperset("build " + quote(kBad) + " --split -o " + quote(out.string() + "/"));
  CAPTURE(r.out);
  CHECK(r.exit_code == 1);
  CHECK_MESSAGE(files_in(out).empty(), "left: " << join(files_in(out)));
}

TEST_CASE("--split-name names the page files for the plant") {
  const fs::path in = scratch("cli-split-in"), out = scratch("cli-split-out");
  const fs::path issue = issue_with_pages(in, 2, {"要闻", "a/b"});
  const auto r = paperset("build " + quote(issue) + " --split --split-name '{paper}-{date:%Y%m%d}-{number}-A{page:3}-{section}' -o " +
                          quote(out / "plant"));
  CAPTURE(r.out);
  CHECK(r.exit_code == 0);
  // A '/' in a section cannot stand in a file name: it becomes '_'.
  CHECK(sorted_files(out / "plant") ==
        std::vector<std::string>{"武进日报-20240105-8873-A001-要闻.pdf", "武进日报-20240105-8873-A002-a_b.pdf"});
  for (const auto& f : files_in(out / "plant")) CHECK(contains(r.out, (out / "plant" / f).string()));
  // Tomorrow's issue with other sections: yesterday's names are earlier pages and go.
  const fs::path next = issue_with_pages(in, 1, {"体育"});
  REQUIRE(paperset("build " + quote(next) + " --split --split-name '{paper}-{date:%Y%m%d}-{number}-A{page:3}-{section}' -o " +
                   quote(out / "plant")).exit_code == 0);
  CHECK(sorted_files(out / "plant") == std::vector<std::string>{"武进日报-20240105-8873-A001-体育.pdf"});
}

TEST_CASE("the report names the paperset version and the whole command line") {
  const fs::path dir = scratch("cli-report-cmd");
  const auto r = paperset("build " + quote(kGood) + " -o " + quote(dir / "out.pdf") + " --report=" + quote(dir / "r.json") +
                          " --fail-on missing-glyph");
  CAPTURE(r.out);
  REQUIRE(r.exit_code == 0);
  const std::string json = slurp(dir / "r.json");
  CAPTURE(json);
  CHECK(JsonChecker(json).valid());
  const std::string version = lines_of(paperset_stdout("--version").out).at(0).substr(9);
  CHECK(contains(json, "\"paperset\": \"" + version + "\""));
  CHECK(contains(json, "\"--report=" + (dir / "r.json").string() + "\""));
  CHECK(contains(json, "\"--fail-on\",\n    \"missing-glyph\""));
  CHECK(contains(json, "\"" + (dir / "out.pdf").string() + "\""));
}
