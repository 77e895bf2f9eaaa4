// `paperset build --split`: one PDF per page, into a folder or beside a name stem
// (--help). Each is a one-page print-ready file whose page is the same as that page of
// the whole-issue PDF; the same input gives the same files; a failed build writes none.
// Inputs: tests/data/good/issue.xml (two pages) and samples/*.xml.
#include <doctest/doctest.h>

#include <algorithm>

#include "cli/cli_helpers.h"

using namespace clitest;

namespace {

struct Input {
  fs::path issue;
  std::string flags;
};

std::vector<Input> inputs() {
  std::vector<Input> v{{data("good/issue.xml"), "--allow-low-res"}};  // its photo is a 32 × 24 thumbnail
  std::error_code ec;
  std::vector<fs::path> s;
  for (const auto& e : fs::directory_iterator(test::source_root() / "samples", ec))
    if (e.path().extension() == ".xml") s.push_back(e.path());
  std::sort(s.begin(), s.end());
  for (const auto& p : s) v.push_back({p, ""});
  return v;
}

std::string page_text(const fs::path& pdf, int page) {
  const std::string p = std::to_string(page);
  return strip_ws(test::run_shell("pdftotext -raw -enc UTF-8 -f " + p + " -l " + p + " " + quote(pdf) + " -").out);
}

int pages_of(const fs::path& pdf) {
  for (const auto& l : lines_of(test::run_shell("pdfinfo " + quote(pdf)).out))
    if (l.rfind("Pages:", 0) == 0) return std::stoi(l.substr(6));
  return -1;
}

int page_elements(const fs::path& issue) {
  const std::string xml = slurp(issue);
  int n = 0;
  for (size_t at = xml.find("<page "); at != std::string::npos; at = xml.find("<page ", at + 1)) ++n;
  return n;
}

std::vector<std::string> sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

}  // namespace

TEST_CASE("--split into a folder: one one-page PDF/X file per page, each the same as in the whole PDF") {
  for (const auto& in : inputs()) {
    CAPTURE(in.issue.string());
    const fs::path whole = scratch("cli-split") / "whole.pdf";
    const auto w = paperset("build " + quote(in.issue) + " " + in.flags + " -o " + quote(whole));
    CAPTURE(w.out);
    CHECK(w.exit_code == 0);
    if (w.exit_code != 0) continue;
    const int n = pages_of(whole);
    REQUIRE(n >= 1);

    const fs::path dir = scratch("cli-split");
    const auto r = paperset("build " + quote(in.issue) + " " + in.flags + " --split -o " + quote(dir.string() + "/"));
    CAPTURE(r.out);
    CHECK(r.exit_code == 0);
    const auto files = files_in(dir);
    CHECK(static_cast<int>(files.size()) == n);
    std::vector<bool> matched(static_cast<size_t>(n), false);
    for (const auto& f : files) {
      CAPTURE(f);
      CHECK(fs::path(f).extension() == ".pdf");
      CHECK(contains(r.out, (dir / f).string()));  // says what it wrote
      CHECK(pages_of(dir / f) == 1);
      CHECK(contains(test::run_shell("pdfinfo " + quote(dir / f)).out, "PDF/X-4"));
      const std::string text = page_text(dir / f, 1);
      bool found = false;
      for (int k = 1; k <= n && !found; ++k)
        if (!matched[static_cast<size_t>(k - 1)] && page_text(whole, k) == text) found = matched[static_cast<size_t>(k - 1)] = true;
      CHECK_MESSAGE(found, "no page of the whole PDF has this file's text");
    }
  }
}

TEST_CASE("--split with a name stem: STEM-PAGE.pdf beside it, no whole-issue file") {
  for (const auto& in : inputs()) {
    CAPTURE(in.issue.string());
    const fs::path dir = scratch("cli-split");
    const auto r = paperset("build " + quote(in.issue) + " " + in.flags + " --split -o " + quote(dir / "issue.pdf"));
    CAPTURE(r.out);
    CHECK(r.exit_code == 0);
    if (r.exit_code != 0) continue;
    const auto files = files_in(dir);
    CHECK(static_cast<int>(files.size()) == page_elements(in.issue));
    for (const auto& f : files) {
      CAPTURE(f);
      CHECK(f.rfind("issue-", 0) == 0);
      CHECK(fs::path(f).extension() == ".pdf");
    }
  }
}

TEST_CASE("--split twice: the same files, byte for byte") {
  for (const auto& in : inputs()) {
    CAPTURE(in.issue.string());
    const fs::path a = scratch("cli-split"), b = scratch("cli-split");
    const auto ra = paperset("build " + quote(in.issue) + " " + in.flags + " --split -o " + quote(a.string() + "/"));
    const auto rb = paperset("build " + quote(in.issue) + " " + in.flags + " --split -o " + quote(b.string() + "/"));
    CAPTURE(ra.out);
    CHECK(ra.exit_code == 0);
    CHECK(rb.exit_code == 0);
    if (ra.exit_code != 0 || rb.exit_code != 0) continue;
    REQUIRE(sorted(files_in(a)) == sorted(files_in(b)));
    for (const auto& f : files_in(a)) {
      CAPTURE(f);
      CHECK(slurp(a / f) == slurp(b / f));
    }
  }
}

TEST_CASE("--split of a bad issue writes no page at all") {
  const fs::path dir = scratch("cli-split");
  const auto r = paperset("build " + quote(data("cli/overset.xml")) + " --split -o " + quote(dir.string() + "/"));
  CAPTURE(r.out);
  CHECK(r.exit_code == 1);
  CHECK_MESSAGE(files_in(dir).empty(), "left: " << join(files_in(dir)));
}
