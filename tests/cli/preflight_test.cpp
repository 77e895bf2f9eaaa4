// `paperset preflight FILE.pdf [--json]` end to end (docs/print.md "How we check it": the
// engine's own preflight checks its own output and any PDF given to it). Exit 1 when
// a check fails, 0 when none does; text and JSON reports agree. Fixtures:
// tests/data/pdf/ (broken.pdf has a planted fault of every kind, see its README).
#include <doctest/doctest.h>

#include <sstream>

#include "cli/cli_helpers.h"

using namespace clitest;

namespace {

fs::path pdf_fixture(const char* name) { return data(std::string("pdf/") + name); }

// "preflight: N errors, M warnings" → {N, M}; {-1, -1} when the summary is missing.
std::pair<int, int> summary(const std::string& out) {
  const size_t at = out.find("preflight: ");
  if (at == std::string::npos) return {-1, -1};
  std::istringstream in(out.substr(at + 11));
  int errors = -1, warnings = -1;
  std::string word;
  in >> errors >> word >> warnings;  // "N errors, M warnings"
  return {errors, warnings};
}

}  // namespace

TEST_CASE("preflight of a broken PDF: exit 1, every finding on its own line, a summary") {
  const auto r = paperset("preflight " + quote(pdf_fixture("broken.pdf")));
  CAPTURE(r.out);
  CHECK(r.exit_code == 1);
  const auto [errors, warnings] = summary(r.out);
  CHECK(errors > 0);
  // Each finding on one line, prefixed with the PDF's name: "FILE.pdf: error: … [code]".
  const auto ds = diagnostics(r.out);
  CHECK(count_severity(ds, "error") == errors);
  CHECK(count_severity(ds, "warning") == warnings);
  for (const auto& d : ds) CHECK(d.file == pdf_fixture("broken.pdf").string());
  // Planted faults (tests/data/pdf/README.md): no TrimBox on page 1, an unembedded font,
  // a 72 ppi image, no output intent.
  for (const char* code : {"[trimbox]", "[font-not-embedded]", "[image-resolution]", "[output-intent]"})
    CHECK_MESSAGE(contains(r.out, code), "not reported: " << code);
}

TEST_CASE("preflight --json: valid JSON that agrees with the text report") {
  const fs::path pdf = pdf_fixture("broken.pdf");
  const auto text = paperset("preflight " + quote(pdf));
  const auto json = paperset_stdout("preflight " + quote(pdf) + " --json");
  CAPTURE(json.out);
  CHECK(json.exit_code == 1);
  CHECK(JsonChecker(json.out).valid());
  CHECK(contains(json.out, "\"file\": \"" + pdf.string() + "\""));
  const auto [errors, warnings] = summary(text.out);
  CHECK(json_int(json.out, "errors") == errors);
  CHECK(json_int(json.out, "warnings") == warnings);
}

TEST_CASE("preflight leaves the file it checks untouched") {
  const fs::path dir = scratch("cli-preflight");
  fs::copy_file(pdf_fixture("mixed.pdf"), dir / "mixed.pdf");
  const auto r = paperset("preflight " + quote(dir / "mixed.pdf"));
  CAPTURE(r.out);
  CHECK((r.exit_code == 0 || r.exit_code == 1));
  CHECK(slurp(dir / "mixed.pdf") == slurp(pdf_fixture("mixed.pdf")));
  CHECK(files_in(dir) == std::vector<std::string>{"mixed.pdf"});
}

TEST_CASE("preflight of a file that is not there, or not a PDF: exit 1 naming it") {
  const fs::path dir = scratch("cli-preflight");
  SUBCASE("missing") {
    const fs::path missing = dir / "no-such.pdf";
    const auto r = paperset("preflight " + quote(missing));
    CAPTURE(r.out);
    CHECK(r.exit_code == 1);
    CHECK(contains(r.out, missing.string()));
    CHECK(contains(r.out, "\n  fix: "));
  }
  SUBCASE("an XML file named .pdf") {
    fs::copy_file(data("good/issue.xml"), dir / "issue.pdf");
    const auto r = paperset("preflight " + quote(dir / "issue.pdf"));
    CAPTURE(r.out);
    CHECK(r.exit_code == 1);
    CHECK(summary(r.out).first >= 1);
    CHECK(contains(r.out, "pdf-unreadable"));
  }
}

TEST_CASE("paperset's own PDF passes its own preflight") {
  // The samples are pages as printed: built without any --allow-… switch they must
  // leave the press-ready checks with no error.
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(test::source_root() / "samples", ec)) {
    if (e.path().extension() != ".xml") continue;
    CAPTURE(e.path().string());
    const fs::path dir = scratch("cli-preflight");
    const auto b = paperset("build " + quote(e.path()) + " -o " + quote(dir / "out.pdf"));
    CAPTURE(b.out);
    CHECK(b.exit_code == 0);
    if (b.exit_code != 0) continue;
    const auto r = paperset("preflight " + quote(dir / "out.pdf"));
    CAPTURE(r.out);
    CHECK(r.exit_code == 0);
    CHECK(summary(r.out).first == 0);
    const auto j = paperset_stdout("preflight " + quote(dir / "out.pdf") + " --json");
    CHECK(j.exit_code == 0);
    CHECK(JsonChecker(j.out).valid());
    CHECK(json_int(j.out, "errors") == 0);
  }
}
