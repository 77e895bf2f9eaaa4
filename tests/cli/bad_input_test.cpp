// Bad input, end to end (docs/format.md "What bad input gets"): `paperset build` exits
// 1 with a message naming the file, the line where there is one, and what to do
// ("fix:"), and leaves nothing behind — not the PDF, not a half-written temporary, not
// a proofs folder. Fixtures: tests/data/bad/*.xml (the model stage's; the lines are
// the ones tests/model/issue_bad_test.cpp checks) and tests/data/cli/*.xml.
#include <doctest/doctest.h>

#include <algorithm>

#include "cli/cli_helpers.h"

using namespace clitest;

namespace {

struct Outcome {
  test::RunResult run;
  std::vector<std::string> left;  // what the failed build left in the output folder
};

// Builds `issue` into a fresh folder, with proofs asked for too, and lists what the
// build left there.
Outcome build_into_fresh_dir(const fs::path& issue, const std::string& extra = "", const std::string& env = "") {
  const fs::path dir = scratch("cli-bad");
  Outcome o;
  o.run = paperset("build " + quote(issue) + " -o " + quote(dir / "out.pdf") + " --png " + quote(dir / "proofs") +
                       " " + extra,
                   env);
  o.left = files_in(dir);
  return o;
}

// The message a user sees, as a GCC problem matcher reads it: "FILE:LINE:COL: error:
// … [code]" then "  fix: …" with something to do.
void check_message(const std::string& out, const fs::path& file, int line, const std::string& what) {
  bool found = false;
  for (const auto& d : diagnostics(out)) {
    if (d.file != file.string() || d.line != line || d.severity != "error" || !contains(d.message, what)) continue;
    found = true;
    CHECK_MESSAGE((line == 0 || d.col >= 1), "no column");
    CHECK_MESSAGE(d.fix.size() > 3, "the fix says nothing");
  }
  CHECK_MESSAGE(found, "expected an error at " << file.string() << ":" << line << " saying '" << what << "'");
}

// The diagnostic of `severity` at file:line, or none.
bool has_diag(const std::string& out, const fs::path& file, int line, const std::string& severity) {
  for (const auto& d : diagnostics(out))
    if (d.file == file.string() && d.line == line && d.severity == severity) return true;
  return false;
}

void check_nothing_left(const Outcome& o) {
  CHECK_MESSAGE(o.left.empty(), "the failed build left: " << join(o.left));
}

struct BadCase {
  const char* fixture;  // under tests/data/
  int line;             // 0: the error has no line (whole file)
  const char* what;     // part of the message
  const char* also;     // a second thing it must name (the other side of a conflict), or null
};

const BadCase kBad[] = {
    {"bad/malformed.xml", 7, "malformed XML", nullptr},
    {"bad/bare_ampersand.xml", 6, "malformed XML", nullptr},
    {"bad/unknown_element.xml", 7, "unknown element <pargraph>", nullptr},
    {"bad/unknown_attribute.xml", 5, "unknown attribute colspan", nullptr},
    {"bad/not_a_number.xml", 5, "cols=\"abc\"", nullptr},
    {"bad/number_suffix.xml", 6, "rows=\"4x\"", nullptr},
    {"bad/zero_size.xml", 5, "cols=\"0\"", nullptr},
    {"bad/negative_size.xml", 5, "rows=\"-3\"", nullptr},
    {"bad/outside_columns.xml", 9, "reaches column 10", nullptr},
    {"bad/outside_rows.xml", 9, "reaches grid line 105", nullptr},
    {"bad/overlap.xml", 9, "overlaps article 'lead'", "(line 5)"},
    {"bad/duplicate_id.xml", 9, "id 'lead' is used twice", "line 5 and line 9"},
    {"bad/unknown_layout.xml", 3, "unknown layout 'broadshet'", "broadsheet, tabloid"},
    {"bad/missing_image.xml", 9, "no-such-photo.jpg", nullptr},
    {"bad/invalid_date.xml", 4, "2024-02-30", nullptr},
    {"bad/date_format.xml", 3, "2024/01/05", nullptr},
    {"bad/empty.xml", 1, "empty", nullptr},
    {"bad/binary.xml", 3, "NUL bytes", nullptr},
    {"bad/gbk.xml", 3, "not valid UTF-8", nullptr},
    {"bad/utf16.xml", 1, "UTF-16", nullptr},
    {"bad/missing_attribute.xml", 9, "missing required attribute src", nullptr},
    {"bad/frame_missing_page.xml", 8, "names page 3", nullptr},
    // Images: the error points at the <photo> that names the file, and names the file.
    {"cli/image_text.xml", 9, "images/text.jpg", nullptr},
    {"cli/image_header_cut.xml", 9, "images/header_cut.jpg", nullptr},
    {"cli/image_truncated.xml", 9, "images/truncated.jpg", nullptr},
};

}  // namespace

TEST_CASE("every class of bad issue: exit 1, file:line, message, fix, nothing written") {
  for (const auto& c : kBad) {
    CAPTURE(std::string(c.fixture));
    const Outcome o = build_into_fresh_dir(data(c.fixture));
    CAPTURE(o.run.out);
    CHECK(o.run.exit_code == 1);
    check_message(o.run.out, data(c.fixture), c.line, c.what);
    if (c.also) CHECK(contains(o.run.out, c.also));
    check_nothing_left(o);
  }
}

TEST_CASE("the image fixtures build with a good photo in place (the image is what is wrong)") {
  const Outcome o = build_into_fresh_dir(data("cli/photo_ok.xml"));
  CAPTURE(o.run.out);
  CHECK(o.run.exit_code == 0);
  bool pdf = false;
  for (const auto& f : o.left) pdf |= f == "out.pdf";
  CHECK_MESSAGE(pdf, "left: " << join(o.left));
}

TEST_CASE("a corrupt image's message says what is wrong with it and what to do") {
  SUBCASE("a text file named .jpg is not a JPEG") {
    const Outcome o = build_into_fresh_dir(data("cli/image_text.xml"));
    CAPTURE(o.run.out);
    CHECK(contains(o.run.out, "not a JPEG"));
  }
  SUBCASE("a JPEG cut short inside its header") {
    const Outcome o = build_into_fresh_dir(data("cli/image_header_cut.xml"));
    CAPTURE(o.run.out);
    CHECK(contains(o.run.out, "truncated"));
  }
  SUBCASE("a JPEG cut short inside its image data is an error, not a silently grey photo") {
    const Outcome o = build_into_fresh_dir(data("cli/image_truncated.xml"));
    CAPTURE(o.run.out);
    CHECK(o.run.exit_code == 1);
    CHECK((contains(o.run.out, "damaged") || contains(o.run.out, "truncated") || contains(o.run.out, "cut short")));
  }
}

TEST_CASE("an issue file that does not exist") {
  const fs::path dir = scratch("cli-bad");
  const fs::path missing = dir / "no-such-issue.xml";
  const auto r = paperset("build " + quote(missing) + " -o " + quote(dir / "out.pdf"));
  CAPTURE(r.out);
  CHECK(r.exit_code == 1);
  check_message(r.out, missing, 0, "not found");
  CHECK(files_in(dir).empty());
}

TEST_CASE("overset text: an error naming the article and how many characters did not fit") {
  const fs::path issue = data("cli/overset.xml");
  const Outcome o = build_into_fresh_dir(issue);
  CAPTURE(o.run.out);
  CHECK(o.run.exit_code == 1);
  CHECK(has_diag(o.run.out, issue, 7, "error"));  // the <article> line
  CHECK(contains(o.run.out, "'crowded'"));
  // 100 characters; 11 (indented first line) + 13 fit in one column of two grid lines.
  CHECK(contains(o.run.out, "76 characters"));
  check_nothing_left(o);
}

TEST_CASE("overset with --allow-overset: a warning, and the PDF is written") {
  const fs::path issue = data("cli/overset.xml");
  const fs::path dir = scratch("cli-overset");
  const auto r = paperset("build " + quote(issue) + " -o " + quote(dir / "out.pdf") + " --allow-overset");
  CAPTURE(r.out);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "warning"));
  CHECK(contains(r.out, "'crowded'"));
  CHECK(contains(r.out, "76 characters"));
  CHECK(contains(r.out, ": error") == false);
  CHECK(fs::is_regular_file(dir / "out.pdf"));
}

TEST_CASE("a photo under 100 ppi is an error unless --allow-low-res") {
  // tests/data/good/images/forge.jpg is 32 × 24 pixels.
  const Outcome o = build_into_fresh_dir(data("good/issue.xml"));
  CAPTURE(o.run.out);
  CHECK(o.run.exit_code == 1);
  CHECK(contains(o.run.out, data("good/issue.xml").string() + ":"));
  CHECK(contains(o.run.out, "ppi"));
  CHECK(contains(o.run.out, "--allow-low-res"));
  check_nothing_left(o);
}

TEST_CASE("a missing font: exit 1 naming the font map line and the Debian package") {
  // A resource root like the source tree's, whose font map asks for a family that
  // no installed package provides.
  const fs::path root = scratch("cli-root");
  fs::copy(test::source_root() / "layouts", root / "layouts", fs::copy_options::recursive);
  fs::copy(test::source_root() / "data", root / "data", fs::copy_options::recursive);
  fs::create_directories(root / "fonts");
  std::string map = slurp(test::source_root() / "fonts/fontmap.xml");
  const std::string family = "family=\"Noto Sans CJK SC\"";
  const size_t first = map.find(family);
  REQUIRE(first != std::string::npos);
  for (size_t at = first; at != std::string::npos; at = map.find(family, at))
    map.replace(at, family.size(), "family=\"Noto Sans CJK ZZ\"");
  spit(root / "fonts/fontmap.xml", map);
  const int line = 1 + static_cast<int>(std::count(map.begin(), map.begin() + static_cast<long>(first), '\n'));

  const Outcome o = build_into_fresh_dir(data("cli/photo_ok.xml"), "", "PAPERSET_DATA=" + quote(root));
  CAPTURE(o.run.out);
  CHECK(o.run.exit_code == 1);
  check_message(o.run.out, root / "fonts/fontmap.xml", line, "Noto Sans CJK ZZ");
  CHECK(contains(o.run.out, "fonts-noto-cjk"));
  check_nothing_left(o);

  // The same root with the real font map builds: the font is what was wrong.
  fs::copy_file(test::source_root() / "fonts/fontmap.xml", root / "fonts/fontmap.xml",
                fs::copy_options::overwrite_existing);
  const Outcome good = build_into_fresh_dir(data("cli/photo_ok.xml"), "", "PAPERSET_DATA=" + quote(root));
  CAPTURE(good.run.out);
  CHECK(good.run.exit_code == 0);
}

TEST_CASE("an overset banner: an error naming it; with --allow-overset a warning and a PDF") {
  const fs::path issue = data("cli/overset_banner.xml");
  const Outcome o = build_into_fresh_dir(issue);
  CAPTURE(o.run.out);
  CHECK(o.run.exit_code == 1);
  CHECK(has_diag(o.run.out, issue, 9, "error"));  // the <banner> line
  CHECK(contains(o.run.out, "'slogan'"));
  check_nothing_left(o);

  const fs::path dir = scratch("cli-overset");
  const auto r = paperset("build " + quote(issue) + " -o " + quote(dir / "out.pdf") + " --allow-overset");
  CAPTURE(r.out);
  CHECK(r.exit_code == 0);
  CHECK(has_diag(r.out, issue, 9, "warning"));
  CHECK(contains(r.out, "'slogan'"));
  CHECK(fs::is_regular_file(dir / "out.pdf"));
}

TEST_CASE("every input error of an issue is reported, each once, in file order, with page and id") {
  const fs::path issue = data("cli/many_errors.xml");
  const Outcome o = build_into_fresh_dir(issue);
  CAPTURE(o.run.out);
  CHECK(o.run.exit_code == 1);
  check_nothing_left(o);
  struct Want {
    int line;
    const char* what;
    int page;
    const char* id;
  };
  const Want want[] = {{3, "2024-02-30", 0, ""},
                       {5, "unknown attribute colspan", 1, "lead"},
                       {8, "reaches column 10", 1, "second"},
                       {12, "unknown element <pargraph>", 1, "third"},
                       {19, "overlaps article 'fourth'", 2, "fifth"}};
  const auto ds = diagnostics(o.run.out);
  CHECK(count_severity(ds, "error") == 5);
  int last_line = 0;
  for (const auto& w : want) {
    CAPTURE(w.what);
    check_message(o.run.out, issue, w.line, w.what);
    for (const auto& d : ds) {
      if (d.line != w.line) continue;
      CHECK(d.line > last_line);  // in the order of the file
      last_line = d.line;
      CHECK(d.code == "input");
      if (w.page > 0) CHECK(contains(d.message, "page " + std::to_string(w.page) + ", '" + w.id + "': "));
    }
  }
}

TEST_CASE("collecting stops at --max-errors (default 20) and says so") {
  // 30 articles with a misspelt attribute each.
  const fs::path dir = scratch("cli-many");
  std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<issue paper=\"P\" date=\"2024-01-05\" layout=\"broadsheet\">\n"
                    "  <page number=\"1\">\n";
  for (int i = 0; i < 30; ++i)
    xml += "    <article id=\"a" + std::to_string(i) + "\" col=\"1\" cols=\"1\" row=\"" + std::to_string(1 + 3 * i) +
           "\" rows=\"2\" colour=\"red\"><p>字</p></article>\n";
  xml += "  </page>\n</issue>\n";
  spit(dir / "issue.xml", xml);
  for (const auto& [flags, errors] : std::vector<std::pair<std::string, int>>{{"", 20}, {"--max-errors 5", 5},
                                                                               {"--max-errors 100", 30}}) {
    CAPTURE(flags);
    const auto r = paperset("build " + quote(dir / "issue.xml") + " -o " + quote(dir / "out.pdf") + " " + flags);
    CAPTURE(r.out);
    CHECK(r.exit_code == 1);
    const auto ds = diagnostics(r.out);
    CHECK(count_severity(ds, "error") == errors);
    CHECK(contains(r.out, "stopped after") == (errors < 30));
    CHECK(!fs::exists(dir / "out.pdf"));
  }
}
