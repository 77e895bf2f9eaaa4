// Every class of bad issue input gets an error naming the file, the right line and a
// fix (docs/format.md "What bad input gets"). Fixtures: tests/data/bad/*.xml.
#include <doctest/doctest.h>

#include "model/issue.h"
#include "support/support.h"

namespace {

struct BadIssue {
  const char* file;
  int line;           // where the error must point
  const char* message;
  const char* fix;
  const char* also;   // a second location the message must name (both sides of a conflict)
};

const BadIssue kCases[] = {
    {"empty.xml", 1, "the file is empty", "write the XML", nullptr},
    {"binary.xml", 3, "NUL bytes", "not an image", nullptr},
    {"gbk.xml", 3, "not valid UTF-8 (byte 0xCE)", "iconv -f GB18030 -t UTF-8", nullptr},
    {"utf16.xml", 1, "UTF-16", "save the file as UTF-8", nullptr},
    {"malformed.xml", 7, "malformed XML: closing tag does not match", "close every element", nullptr},
    {"bare_ampersand.xml", 6, "malformed XML", "write & as &amp;", nullptr},
    {"no_pages.xml", 3, "the issue has no <page>", "add <page", nullptr},
    {"unknown_element.xml", 7, "unknown element <pargraph> inside <article>", "may hold: kicker, headline", nullptr},
    {"unknown_attribute.xml", 5, "unknown attribute colspan on <article>", "takes: id, col, cols, row, rows", nullptr},
    {"missing_attribute.xml", 9, "missing required attribute src on <photo>", "add src=", nullptr},
    {"missing_page_number.xml", 4, "missing required attribute number on <page>", "add number=", nullptr},
    {"not_a_number.xml", 5, "cols=\"abc\" of <article> is not a whole number", "decimal digits", nullptr},
    {"number_suffix.xml", 6, "rows=\"4x\" of <article> is not a whole number", "decimal digits", nullptr},
    {"number_exponent.xml", 5, "col=\"1e999\" of <article> is not a whole number", "decimal digits", nullptr},
    {"zero_size.xml", 5, "cols=\"0\" of <photo> must be at least 1", "positive", nullptr},
    {"negative_size.xml", 5, "rows=\"-3\" of <banner> must be at least 1", "positive", nullptr},
    {"outside_columns.xml", 9, "photo 'forge' reaches column 10", "col + cols - 1 at most 8", nullptr},
    {"outside_rows.xml", 9, "banner reaches grid line 105", "row + rows - 1 at most 102", nullptr},
    {"overlap.xml", 9, "article 'second' (line 9) overlaps article 'lead'", "move or resize", "(line 5)"},
    {"duplicate_id.xml", 9, "id 'lead' is used twice", "its own id", "line 5 and line 9"},
    {"duplicate_page.xml", 10, "page number 1 is used twice", "its own number", "line 4 and line 10"},
    {"frame_missing_page.xml", 8, "names page 3, which the issue does not have", "add <page number=\"3\">", nullptr},
    {"frames_and_rect.xml", 5, "placed both by col/cols/row/rows and by <frame>s", "remove", nullptr},
    {"nested_photo_outside.xml", 7, "photo 'chart' is nested in article 'lead' but does not lie inside", "(line 5)",
     nullptr},
    {"unknown_layout.xml", 3, "unknown layout 'broadshet'", "broadsheet, tabloid", nullptr},
    {"missing_image.xml", 9, "no-such-photo.jpg' of photo 'forge' not found", "correct src=", nullptr},
    {"invalid_date.xml", 4, "date=\"2024-02-30\" of <issue> is not a real calendar date", "YYYY-MM-DD", nullptr},
    {"date_format.xml", 3, "date=\"2024/01/05\" of <issue> is not written YYYY-MM-DD", "e.g. date=", nullptr},
    {"no_body_text.xml", 5, "article 'lead' has no body text", "<p>", nullptr},
    {"empty_paragraph.xml", 7, "<p> has no text", "remove the empty element", nullptr},
    {"unknown_style.xml", 7, "unknown style 'fancy'", "body, byline", nullptr},
    {"head_after_body.xml", 7, "<headline> after the article's text", "move kicker, headline", nullptr},
    {"dateline_outside_p.xml", 10, "unknown element <dateline> inside <caption>", "text, b, i, br", nullptr},
};

std::string path_of(const char* file) { return (test::source_root() / "tests/data/bad" / file).string(); }

}  // namespace

TEST_CASE("bad issues: file, line, message and fix") {
  for (const auto& c : kCases) {
    CAPTURE(std::string(c.file));
    try {
      model::load_issue(path_of(c.file), test::context());
      FAIL_CHECK("no error");
    } catch (const base::Error& e) {
      CAPTURE(std::string(e.what()));
      CHECK(e.loc().file == path_of(c.file));
      CHECK(e.loc().line == c.line);
      CHECK(e.message().find(c.message) != std::string::npos);
      CHECK(!e.fix().empty());
      CHECK(e.fix().find(c.fix) != std::string::npos);
      if (c.also) CHECK(e.message().find(c.also) != std::string::npos);
      // What the CLI prints: "FILE:LINE: error: …\n  fix: …"
      const std::string shown = e.what();
      CHECK(shown.find(path_of(c.file) + ":" + std::to_string(c.line) + ": error: ") == 0);
      CHECK(shown.find("\n  fix: ") != std::string::npos);
    }
  }
}

TEST_CASE("every bad fixture is in the table") {
  size_t issues = 0;
  for (const auto& entry : std::filesystem::directory_iterator(test::source_root() / "tests/data/bad"))
    if (entry.path().extension() == ".xml" && entry.path().filename().string().rfind("layout_", 0) != 0) ++issues;
  CHECK(issues == std::size(kCases));
}

TEST_CASE("a missing issue file is an error naming it") {
  CHECK_THROWS_WITH_AS(model::load_issue("/nonexistent/issue.xml", test::context()),
                       doctest::Contains("/nonexistent/issue.xml"), base::Error);
}

TEST_CASE("real calendar dates are accepted, leap years included") {
  for (const char* d : {"2024-02-29", "2000-02-29", "2023-12-31", "1999-01-01"}) {
    CAPTURE(d);
    const std::string xml = std::string("<issue paper=\"P\" date=\"") + d +
                            "\" layout=\"broadsheet\"><page number=\"1\"><banner col=\"1\" cols=\"1\" row=\"1\" "
                            "rows=\"1\">甲</banner></page></issue>";
    CHECK(model::parse_issue(xml, "mem.xml", test::context()).date_text == d);
  }
  for (const char* d : {"2023-02-29", "1900-02-29", "2024-04-31", "2024-13-01", "2024-00-10", "2024-1-5"}) {
    CAPTURE(d);
    const std::string xml = std::string("<issue paper=\"P\" date=\"") + d +
                            "\" layout=\"broadsheet\"><page number=\"1\"/></issue>";
    CHECK_THROWS_WITH_AS(model::parse_issue(xml, "mem.xml", test::context()), doctest::Contains("date="), base::Error);
  }
}

TEST_CASE("a photo nested in its article does not overlap that article; in another, it does") {
  const std::string head = "<issue paper=\"P\" date=\"2024-01-05\" layout=\"broadsheet\"><page number=\"1\">";
  const std::string ok = head +
                         "<article id=\"a\" col=\"1\" cols=\"4\" row=\"1\" rows=\"20\"><p>甲</p>"
                         "<photo id=\"p\" src=\"images/forge.jpg\" col=\"1\" cols=\"2\" row=\"1\" rows=\"5\"/>"
                         "</article></page></issue>";
  const auto where = test::source_root() / "tests/data/good/mem.xml";
  CHECK_NOTHROW(model::parse_issue(ok, where, test::context()));
  const std::string two_photos = head +
                                 "<article id=\"a\" col=\"1\" cols=\"4\" row=\"1\" rows=\"20\"><p>甲</p>"
                                 "<photo id=\"p\" src=\"images/forge.jpg\" col=\"1\" cols=\"2\" row=\"1\" rows=\"5\"/>"
                                 "<photo id=\"q\" src=\"images/forge.jpg\" col=\"2\" cols=\"2\" row=\"3\" rows=\"5\"/>"
                                 "</article></page></issue>";
  CHECK_THROWS_WITH_AS(model::parse_issue(two_photos, where, test::context()),
                       doctest::Contains("photo 'q' (line 1) overlaps photo 'p'"), base::Error);
}

TEST_CASE("more bad inputs, in memory: line, message and fix") {
  struct Case {
    const char* body;  // inside <page number="1">, starting on line 3
    int line;
    const char* message;
    const char* fix;
  };
  const Case cases[] = {
      {"<banner col=\"1\" cols=\"99999999999\" row=\"1\" rows=\"2\">甲</banner>", 3, "cols=\"99999999999\" of <banner> is too large", "sensible size"},
      {"<banner col=\"1\" cols=\"2\" row=\"1\" rows=\"2\">甲<br>乙</br></banner>", 3, "<br> holds content", "<br/>"},
      {"<banner col=\"1\" cols=\"2\" row=\"1\" rows=\"2\">甲&nbsp;乙</banner>", 3, "'&' does not start an entity", "&#xA0;"},
      {"<banner id=\"\" col=\"1\" cols=\"2\" row=\"1\" rows=\"2\">甲</banner>", 3, "empty id on <banner>", "id=\"lead\""},
      {"<banner col=\"1\" cols=\"2\" row=\"1\" rows=\"2\" style=\"\">甲</banner>", 3, "unknown style ''", "body"},
      {"<article id=\"a\">\n<p>甲</p>\n</article>", 3, "article 'a' has no place on the page", "<frame"},
      {"<article id=\"a\">\n<p>甲</p>\n<frame page=\"2\" col=\"1\" cols=\"2\" row=\"1\" rows=\"2\"/>\n</article>", 5,
       "the first <frame> of article 'a' is on page 2", "put the first frame on page 1"},
      {"<article id=\"a\" col=\"1\" cols=\"2\" row=\"1\" rows=\"9\">\n<p>甲</p>\n乙\n</article>", 5,
       "text directly inside <article>", "put text in a text element"},
      {"<article id=\"a\" col=\"1\" cols=\"2\" row=\"1\" rows=\"9\">\n<p>甲</p>\n<frame col=\"1\" cols=\"1\" row=\"1\" "
       "rows=\"1\"><p>x</p></frame>\n</article>",
       5, "unknown element <p> inside <frame>", "holds no elements"},
      {"<article id=\"a\">\n<p>甲</p>\n<frame col=\"1\" cols=\"2\" row=\"1\" rows=\"5\"/>\n<frame col=\"2\" cols=\"2\" "
       "row=\"3\" rows=\"5\"/>\n</article>",
       6, "<frame> of article 'a' (line 6) overlaps <frame> of article 'a' (line 5)", "move or resize"},
      {"<photo id=\"p\" src=\"images/forge.jpg\" col=\"1\" cols=\"2\" row=\"1\" rows=\"5\" fit=\"stretch\"/>", 3,
       "fit=\"stretch\" of <photo> is not one of: fill, fit", "write one of"},
      {"<photo id=\"p\" src=\"images/forge.jpg\" col=\"1\" cols=\"2\" row=\"1\" rows=\"5\">\n<caption>甲</caption>\n"
       "<caption>乙</caption>\n</photo>",
       5, "photo 'p' has a second <caption> (first at line 4)", "merge them"},
      {"<photo id=\"p\" src=\"images/\" col=\"1\" cols=\"2\" row=\"1\" rows=\"5\"/>", 3, "images/' of photo 'p' is a folder, not a file", "ordinary file"},
      {"<article id=\"a\" col=\"1\" cols=\"2\" row=\"1\" rows=\"9\">\n<p>甲<p>乙</p></p>\n</article>", 4,
       "unknown element <p> inside <p>", "b, i, br, dateline"},
      {"<article id=\"a\" col=\"1\" cols=\"2\" row=\"1\" rows=\"9\">\n<p>甲<dateline>乙<dateline>丙</dateline></dateline></p>\n</article>",
       4, "unknown element <dateline> inside <p>", "text, b, i, br"},
      {"<article id=\"a\" col=\"1\" cols=\"2\" row=\"1\" rows=\"9\">\n<p>甲<b style=\"nope\">乙</b></p>\n</article>", 4,
       "unknown style 'nope'", "headline"},
      {"<article id=\"a\" col=\"1\" cols=\"2\" row=\"1\" rows=\"9\">\n<p>甲<b class=\"x\">乙</b></p>\n</article>", 4,
       "unknown attribute class on <b>", "takes: style"},
      {"<article id=\"a\" col=\"1\" cols=\"2\" row=\"1\" rows=\"9\">\n<jumphead>甲</jumphead>\n<p>乙</p>\n</article>", 4,
       "<jumphead> in article 'a', which does not jump to another page", "add a <frame page="},
      {"<article id=\"a\">\n<jumphead>甲</jumphead>\n<jumphead>乙</jumphead>\n<p>丙</p>\n<frame col=\"1\" cols=\"2\" row=\"1\" "
       "rows=\"5\"/>\n<frame page=\"2\" col=\"1\" cols=\"2\" row=\"1\" rows=\"5\"/>\n</article>",
       5, "a second <jumphead> in article 'a' (the first is at line 4)", "keep one <jumphead>"},
      {"<article id=\"a\">\n<jumphead style=\"nope\">甲</jumphead>\n<p>丙</p>\n<frame col=\"1\" cols=\"2\" row=\"1\" "
       "rows=\"5\"/>\n<frame page=\"2\" col=\"1\" cols=\"2\" row=\"1\" rows=\"5\"/>\n</article>",
       4, "unknown style 'nope'", "headline"},
      {"<article id=\"a\">\n<jumphead></jumphead>\n<p>丙</p>\n<frame col=\"1\" cols=\"2\" row=\"1\" "
       "rows=\"5\"/>\n<frame page=\"2\" col=\"1\" cols=\"2\" row=\"1\" rows=\"5\"/>\n</article>",
       4, "<jumphead> has no text", "write its text"},
  };
  const auto where = test::source_root() / "tests/data/good/mem.xml";
  for (const auto& c : cases) {
    CAPTURE(std::string(c.body));
    const std::string xml = std::string("<issue paper=\"P\" date=\"2024-01-05\" layout=\"broadsheet\">\n<page number=\"1\">\n") +
                            c.body + "\n</page>\n</issue>\n";
    try {
      model::parse_issue(xml, where, test::context());
      FAIL_CHECK("no error");
    } catch (const base::Error& e) {
      CAPTURE(std::string(e.what()));
      CHECK(e.loc().file == where.string());
      CHECK(e.loc().line == c.line);
      CHECK(e.message().find(c.message) != std::string::npos);
      CHECK(e.fix().find(c.fix) != std::string::npos);
    }
  }
}

TEST_CASE("the top of an issue file: one <issue> element") {
  const auto ctx = test::context();
  CHECK_THROWS_WITH_AS(model::parse_issue("<paper/>", "m.xml", ctx), doctest::Contains("unknown element <paper>"),
                       base::Error);
  CHECK_THROWS_WITH_AS(
      model::parse_issue("<issue paper=\"P\" date=\"2024-01-05\" layout=\"broadsheet\"><page number=\"1\"><banner "
                         "col=\"1\" cols=\"1\" row=\"1\" rows=\"1\">甲</banner></page></issue>\n<issue/>",
                         "m.xml", ctx),
      doctest::Contains("m.xml:2: error: a second top-level element <issue>"), base::Error);
  CHECK_THROWS_WITH_AS(model::parse_issue("<issue date=\"2024-01-05\" layout=\"broadsheet\"/>", "m.xml", ctx),
                       doctest::Contains("missing required attribute paper"), base::Error);
  CHECK_THROWS_WITH_AS(model::parse_issue("<issue paper=\"P\" date=\"2024-01-05\"/>", "m.xml", ctx),
                       doctest::Contains("missing required attribute layout"), base::Error);
}
