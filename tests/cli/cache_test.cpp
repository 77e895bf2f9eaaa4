// Incremental builds (`build --cache DIR`): on the 16-page benchmark issue, a change to
// one page lays out and draws only that page (and the pages a jump joins it to), as the
// report counts, and the result is the same bytes as a clean build of the changed issue
// — PDF, every proof, and the findings with their lines.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "cli/cli_helpers.h"

using namespace clitest;

namespace {

using Json = nlohmann::json;

// The benchmark issue, generated as bench/run.sh does.
fs::path bench_issue(const fs::path& dir) {
  const auto r = test::run_shell("python3 " + quote(test::source_root() / "bench/gen_issue.py") + " " + quote(dir));
  REQUIRE_MESSAGE(r.exit_code == 0, r.out);
  return dir / "issue.xml";
}

struct Built {
  test::RunResult run;
  Json report;
};

// Proofs at a low resolution: the check is that they are the same bytes, not how they look.
Built build(const fs::path& issue, const fs::path& out, const std::string& flags) {
  Built b;
  b.run = paperset("build " + quote(issue) + " -o " + quote(out / "out.pdf") + " --png " + quote(out / "png") +
                   " --png-dpi 24 --report " + quote(out / "report.json") + " -q " + flags);
  REQUIRE_MESSAGE(b.run.exit_code == 0, b.run.out);
  b.report = Json::parse(slurp(out / "report.json"));
  return b;
}

std::vector<int> rebuilt(const Built& b) { return b.report.at("cache").at("rebuilt").get<std::vector<int>>(); }

// The first paragraph of article `id`: its first character replaced by another.
void edit_paragraph(std::string& xml, const std::string& id, const std::string& with) {
  const size_t article = xml.find("<article id=\"" + id + "\"");
  REQUIRE(article != std::string::npos);
  const size_t p = xml.find("<p>", article);
  REQUIRE(p != std::string::npos);
  xml.replace(p + 3, 3, with);  // one Han character is 3 bytes of UTF-8
}

void same_as_clean(const fs::path& issue, const fs::path& inc, const Built& incremental) {
  const fs::path clean = scratch("cli-cache-clean");
  const Built c = build(issue, clean, "");
  CHECK_MESSAGE(slurp(inc / "out.pdf") == slurp(clean / "out.pdf"), "the PDF differs from a clean build's");
  for (int page = 1; page <= 16; ++page) {
    char name[32];
    std::snprintf(name, sizeof name, "page-%02d.png", page);
    CHECK_MESSAGE(slurp(inc / "png" / name) == slurp(clean / "png" / name), "proof ", name, " differs");
  }
  CHECK(incremental.report.at("findings") == c.report.at("findings"));
}

}  // namespace

TEST_CASE("cache: one changed page is rebuilt, and the result is a clean build's") {
  const fs::path dir = scratch("cli-cache");
  const fs::path issue = bench_issue(dir / "issue");
  const fs::path out = dir / "out", cache = dir / "cache";
  const std::string with_cache = "--cache " + quote(cache);

  const Built first = build(issue, out, with_cache);
  CHECK(rebuilt(first).size() == 16);
  const Built again = build(issue, out, with_cache);
  CHECK(rebuilt(again).empty());
  CHECK(again.report.at("cache").at("reused").size() == 16);

  std::string xml = slurp(issue);
  edit_paragraph(xml, "p3a1", "新");
  spit(issue, xml);
  const Built page3 = build(issue, out, with_cache);
  CHECK(rebuilt(page3) == std::vector<int>{3});
  same_as_clean(issue, out, page3);

  // The story of page 1 jumps to page 4: both are rebuilt. A line added on page 3 moves
  // every later page's lines, but not their content: they come from the cache with
  // their findings at the new lines.
  edit_paragraph(xml, "p1a1", "旧");
  const size_t p3a2 = xml.find("<article id=\"p3a2\"");
  xml.insert(xml.find('\n', p3a2) + 1, "\n");
  spit(issue, xml);
  const Built jumped = build(issue, out, with_cache);
  CHECK(rebuilt(jumped) == std::vector<int>{1, 3, 4});
  same_as_clean(issue, out, jumped);
}

TEST_CASE("cache: a damaged cache file is a page laid out again, not a wrong page") {
  const fs::path dir = scratch("cli-cache-damaged");
  const fs::path issue = data("sheet/proof_sheet.xml");
  const std::string flags = "--allow-overset --cache " + quote(dir / "cache");
  build(issue, dir / "out", flags);
  spit(dir / "cache" / "page-02.frames", "not a page");
  const Built b = build(issue, dir / "out", flags);
  CHECK(rebuilt(b) == std::vector<int>{2});
  const Built clean = build(issue, dir / "clean", "--allow-overset");
  CHECK(slurp(dir / "out" / "out.pdf") == slurp(dir / "clean" / "out.pdf"));
}

TEST_CASE("cache: a build from the cache prints what a clean build prints") {
  // The terminal shows the findings of cached pages as a clean build does: warnings and
  // notes in page order, the report-only statistics (article fill) still left out.
  const fs::path dir = scratch("cli-cache-terminal");
  const fs::path issue = data("sheet/proof_sheet.xml");
  const std::string out = " -o " + quote(dir / "out.pdf") + " --allow-overset";
  const auto clean = paperset("build " + quote(issue) + out);
  REQUIRE_MESSAGE(clean.exit_code == 0, clean.out);
  const std::string cached = " --cache " + quote(dir / "cache");
  REQUIRE(paperset("build " + quote(issue) + out + cached).exit_code == 0);
  const auto again = paperset("build " + quote(issue) + out + cached);
  CHECK(again.exit_code == 0);
  CHECK(again.out == clean.out);
  CHECK(clean.out.find("overset") != std::string::npos);
  CHECK(clean.out.find("grid lines (") == std::string::npos);  // no fill line
}
