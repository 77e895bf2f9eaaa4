// `paperset build --report FILE.json`: a build report for nightly jobs (--help). It must
// parse, say whether the build succeeded, list what was written, and carry every
// finding the build printed — for a failed build too, which is when the job needs it.
#include <doctest/doctest.h>

#include "cli/cli_helpers.h"

using namespace clitest;

namespace {

struct Reported {
  test::RunResult run;
  std::string json;
  bool exists = false;
  fs::path out_dir;
};

// Builds with the report in a folder of its own, so the output folder can be checked
// for leftovers separately.
Reported build_with_report(const fs::path& issue, const std::string& flags = "") {
  Reported r;
  r.out_dir = scratch("cli-report-out");
  const fs::path report = scratch("cli-report") / "report.json";
  r.run = paperset("build " + quote(issue) + " " + flags + " -o " + quote(r.out_dir / "out.pdf") + " --report " +
                   quote(report));
  r.exists = fs::is_regular_file(report);
  r.json = slurp(report);
  return r;
}

// The finding object (from its "{" to its "}") whose code is `code`; empty if none.
std::string finding(const std::string& json, const std::string& code) {
  const std::string key = "\"" + code + "\"";
  for (size_t at = json.find(key); at != std::string::npos; at = json.find(key, at + 1)) {
    const size_t open = json.rfind('{', at), close = json.find('}', at);
    if (open == std::string::npos || close == std::string::npos) break;
    const std::string obj = json.substr(open, close - open + 1);
    if (json_literal(obj, "code") == key) return obj;
  }
  return {};
}

// Warning lines as printed ("FILE:LINE: warning [code]: …", or "warning …" without a place).
int warning_lines(const std::string& out) {
  int n = 0;
  for (const auto& l : lines_of(out)) n += contains(l, ": warning") || l.rfind("warning", 0) == 0;
  return n;
}

}  // namespace

TEST_CASE("--report of a good build: ok, the file written, the issue's pages, every warning") {
  const fs::path issue = data("cli/photo_ok.xml");
  const Reported r = build_with_report(issue);
  CAPTURE(r.run.out);
  CAPTURE(r.json);
  REQUIRE(r.run.exit_code == 0);
  REQUIRE(r.exists);
  CHECK(JsonChecker(r.json).valid());
  CHECK(json_literal(r.json, "ok") == "true");
  CHECK(json_int(r.json, "errors") == 0);
  CHECK(json_int(r.json, "warnings") == warning_lines(r.run.out));
  CHECK(contains(r.json, "\"" + (r.out_dir / "out.pdf").string() + "\""));
  CHECK(contains(r.json, issue.string()));
  const size_t pages = r.json.find("\"pages\"");
  REQUIRE(pages != std::string::npos);
  const size_t open = r.json.find('[', pages), close = r.json.find(']', pages);
  CHECK(strip_ws(r.json.substr(open, close - open + 1)) == "[1]");  // photo_ok.xml has page 1
}

TEST_CASE("--report of an overset build: not ok, the finding with its article, page and line; no PDF") {
  const fs::path issue = data("cli/overset.xml");
  const Reported r = build_with_report(issue);
  CAPTURE(r.run.out);
  CAPTURE(r.json);
  CHECK(r.run.exit_code == 1);
  REQUIRE(r.exists);
  CHECK(JsonChecker(r.json).valid());
  CHECK(json_literal(r.json, "ok") == "false");
  CHECK(json_int(r.json, "errors") >= 1);
  const std::string f = finding(r.json, "overset");
  CAPTURE(f);
  REQUIRE(!f.empty());
  CHECK(json_literal(f, "severity") == "\"error\"");
  CHECK(json_literal(f, "article") == "\"crowded\"");
  CHECK(json_int(f, "page") == 1);
  CHECK(json_int(f, "line") == 7);  // the <article>
  CHECK(contains(f, issue.string()));
  CHECK(contains(f, "76 characters"));
  CHECK_MESSAGE(files_in(r.out_dir).empty(), "left: " << join(files_in(r.out_dir)));
}

TEST_CASE("--report of a malformed issue: not ok, the error with its file and line") {
  const fs::path issue = data("bad/malformed.xml");
  const Reported r = build_with_report(issue);
  CAPTURE(r.run.out);
  CAPTURE(r.json);
  CHECK(r.run.exit_code == 1);
  REQUIRE(r.exists);
  CHECK(JsonChecker(r.json).valid());
  CHECK(json_literal(r.json, "ok") == "false");
  CHECK(json_int(r.json, "errors") == 1);
  CHECK(contains(r.json, "\"file\": \"" + issue.string() + "\""));
  CHECK(contains(r.json, "malformed XML"));
  CHECK(json_int(r.json, "line") == 7);  // the unclosed <p>: the only finding
  CHECK_MESSAGE(files_in(r.out_dir).empty(), "left: " << join(files_in(r.out_dir)));
}

TEST_CASE("an article's fill is in the report, not on the terminal") {
  // Every build measures every article's fill; printed, that is one line per article on
  // every nightly run, burying the warnings that need action.
  const fs::path issue = data("cli/photo_ok.xml");
  const Reported r = build_with_report(issue);
  CAPTURE(r.run.out);
  REQUIRE(r.run.exit_code == 0);
  const std::string f = finding(r.json, "fill");
  CAPTURE(r.json);
  REQUIRE(!f.empty());
  CHECK(json_literal(f, "severity") == "\"note\"");
  CHECK(contains(f, "grid lines"));
  CHECK_FALSE(contains(r.run.out, "[fill]"));
}
