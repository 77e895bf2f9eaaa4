// What flow does with the composer's judgement (docs/composer.md "Loose lines"): a line
// no choice of breaks could keep within 0.10 em per gap is reported by article, quoting
// the line; a story whose lines all fit is reported nothing.
#include <doctest/doctest.h>

#include "flow/invariants.h"

using namespace ft;

namespace {

std::string story(const std::string& id, const std::string& p) {
  return "<article id=\"" + id + "\" col=\"1\" cols=\"2\" row=\"1\" rows=\"20\"><headline>简讯</headline><p>" + p +
         "</p></article>";
}

}  // namespace

TEST_CASE("a loose line is reported by article with the line's text") {
  // 2-em indent + 8 characters + a comma that may not start the next line, in a 10-em
  // column: pushing the comma in needs a full em, and nothing earlier can give it.
  const Laid l = lay_out(issue_xml("tabloid", {story("elderly", "为方便老年人使用，" + han(40))}));
  const auto f = l.found("loose-line");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == base::Severity::Warning);
  CHECK(f[0].article == "elderly");
  CHECK(f[0].page == 1);
  CAPTURE(f[0].message);
  CHECK(f[0].message.find("为方便老年人使") != std::string::npos);
  CHECK(f[0].message.find("em per gap") != std::string::npos);
  CHECK_FALSE(l.any_error());
}

TEST_CASE("no loose line, no report") {
  const Laid l = lay_out(issue_xml("tabloid", {story("plain", han(98))}));
  CHECK(l.found("loose-line").empty());
}
