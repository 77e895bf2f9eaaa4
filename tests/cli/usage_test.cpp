// The command line itself: usage errors exit 2 with a message and the usage text;
// --help and --version exit 0 and print to standard output (README "Use").
#include <doctest/doctest.h>

#include <cctype>

#include "cli/cli_helpers.h"

using namespace clitest;

namespace {

const std::string kIssue = quote(data("good/issue.xml"));

// A usage error: exit 2, the reason, the usage text, and nothing written.
void check_usage_error(const std::string& args, const std::string& reason) {
  CAPTURE(args);
  const fs::path dir = scratch("cli-usage");
  std::string a = args;
  for (size_t at = a.find("@OUT@"); at != std::string::npos; at = a.find("@OUT@"))
    a.replace(at, 5, quote(dir / "out.pdf"));
  const auto r = paperset(a);
  CAPTURE(r.out);
  CHECK(r.exit_code == 2);
  CHECK(contains(r.out, reason));
  CHECK(contains(r.out, "usage:"));
  CHECK_MESSAGE(files_in(dir).empty(), "left: " << join(files_in(dir)));
}

}  // namespace

TEST_CASE("usage errors exit 2 and say what is wrong") {
  check_usage_error("", "no command");
  check_usage_error("frobnicate", "unknown command 'frobnicate'");
  check_usage_error("build " + kIssue + " -o @OUT@ --frobnicate", "unknown option '--frobnicate'");
  check_usage_error("build " + kIssue, "-o");
  check_usage_error("build -o @OUT@", "issue file");
  check_usage_error("build " + kIssue + " -o", "-o needs a value");
  check_usage_error("build " + kIssue + " -o @OUT@ --dump=bogus", "'bogus'");
  check_usage_error("build " + kIssue + " -o @OUT@ --png", "--png needs a value");
  check_usage_error("build " + kIssue + " " + kIssue + " -o @OUT@", "more than one issue file");
  check_usage_error("build " + kIssue + " -o @OUT@ --split --jobs many", "--jobs needs a positive number");
  check_usage_error("preflight", "needs a PDF file");
}

TEST_CASE("a usage error is reported before any input is read") {
  // The issue does not exist, but the option is wrong: 2, not 1.
  check_usage_error("build /no/such/issue.xml -o @OUT@ --dump=bogus", "'bogus'");
}

TEST_CASE("--help prints the usage to standard output and exits 0") {
  for (const char* flag : {"--help", "-h", "help"}) {
    CAPTURE(flag);
    const auto r = paperset_stdout(flag);
    CHECK(r.exit_code == 0);
    CHECK(contains(r.out, "paperset build ISSUE.xml -o OUT.pdf"));
    CHECK(contains(r.out, "paperset preflight FILE.pdf"));
    for (const char* opt : {"--png", "--dump=lines|pages", "--allow-overset", "--allow-low-res"})
      CHECK_MESSAGE(contains(r.out, opt), "--help does not mention " << opt);
    CHECK(contains(r.out, "exit status"));
  }
}

TEST_CASE("--version prints the version to standard output and exits 0") {
  const auto r = paperset_stdout("--version");
  CAPTURE(r.out);
  CHECK(r.exit_code == 0);
  // "paperset MAJOR.MINOR.PATCH\n"
  REQUIRE(r.out.rfind("paperset ", 0) == 0);
  const std::string v = r.out.substr(9);
  int dots = 0;
  for (size_t i = 0; i + 1 < v.size(); ++i) {
    CHECK_MESSAGE((std::isdigit(static_cast<unsigned char>(v[i])) || v[i] == '.'), "not a version: " << v);
    dots += v[i] == '.';
  }
  CHECK(dots == 2);
  CHECK(v.back() == '\n');
}
