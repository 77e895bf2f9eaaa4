// The command line itself: usage errors exit 2 with a message and the usage text;
// --help and --version exit 0 and print to standard output (README "Use").
#include <doctest/doctest.h>

#include <cctype>
#include <regex>
#include <set>

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
  check_usage_error("build " + kIssue + " -o @OUT@ --serve 0", "unknown option '--serve'");  // watch only
  check_usage_error("watch " + kIssue + " -o @OUT@ --png p --serve http", "--serve needs a positive number");
  check_usage_error("watch " + kIssue + " -o @OUT@ --png p --serve 70000", "--serve needs a positive number");
  check_usage_error("watch " + kIssue + " -o @OUT@ --png p --proof-sheet sheet.html --serve 0",
                    "keep the sheet beside the proofs");
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
    CHECK(contains(r.out, "paperset help build"));
    CHECK(contains(r.out, "exit status"));
  }
}

TEST_CASE("help for a command: `paperset help build` and `paperset build --help` say the same") {
  const auto a = paperset_stdout("help build");
  const auto b = paperset_stdout("build --help");
  const auto c = paperset_stdout("build " + kIssue + " -o x.pdf -h");  // --help anywhere wins, nothing is built
  CAPTURE(a.out);
  CHECK(a.exit_code == 0);
  CHECK(b.exit_code == 0);
  CHECK(c.exit_code == 0);
  CHECK(a.out == b.out);
  CHECK(a.out == c.out);
  for (const char* opt : {"--output", "--png", "--png-dpi", "--overlay", "--dump", "--allow-overset", "--allow-low-res",
                          "--split", "--split-name", "--jobs", "--report", "--output-profile", "--fail-on", "--werror",
                          "--quiet", "--max-errors", "--no-balance"})
    CHECK_MESSAGE(contains(a.out, opt), "build --help does not mention " << opt);
  const auto p = paperset_stdout("help preflight");
  CHECK(p.exit_code == 0);
  CHECK(p.out == paperset_stdout("preflight --help").out);
  CHECK(contains(p.out, "--json"));
  check_usage_error("help frobnicate", "no help on 'frobnicate'");
}

TEST_CASE("a usage error of a command shows that command's usage") {
  const auto r = paperset("build " + kIssue + " -o x.pdf --frobnicate");
  CHECK(r.exit_code == 2);
  CHECK(contains(r.out, "usage: paperset build"));
  CHECK(contains(r.out, "--split-name"));
}

TEST_CASE("every option takes its value as --opt value and as --opt=value") {
  // Each pair must be accepted the same way; what they do is checked elsewhere, here
  // only that both spellings parse (a bad value must fail the same way in both).
  const std::pair<const char*, const char*> pairs[] = {
      {"--png-dpi 300", "--png-dpi=300"},       {"--dump lines", "--dump=lines"},
      {"--jobs 2", "--jobs=2"},                 {"--max-errors 3", "--max-errors=3"},
      {"--fail-on underset", "--fail-on=underset"}, {"--split-name {page}", "--split-name={page}"},
  };
  for (const auto& [spaced, joined] : pairs) {
    CAPTURE(spaced);
    // -h makes the command stop after parsing: exit 0 means the options were accepted.
    CHECK(paperset_stdout("build " + kIssue + " -o x.pdf --split " + spaced + " -h").exit_code == 0);
    CHECK(paperset_stdout("build " + kIssue + " -o x.pdf --split " + joined + " -h").exit_code == 0);
  }
  check_usage_error("build " + kIssue + " -o @OUT@ --png-dpi=abc", "--png-dpi needs a positive number");
  check_usage_error("build " + kIssue + " -o @OUT@ --png-dpi abc", "--png-dpi needs a positive number");
  check_usage_error("build " + kIssue + " -o @OUT@ --split=yes", "--split takes no value");
  check_usage_error("build " + kIssue + " -o @OUT@ --fail-on=undreset", "unknown finding 'undreset'");
  check_usage_error("build " + kIssue + " -o @OUT@ --split --split-name=plain", "needs {page}");
  check_usage_error("build " + kIssue + " -o @OUT@ --split --split-name={title}{page}", "unknown field {title}");
  check_usage_error("build " + kIssue + " -o @OUT@ --split-name={page}", "add --split");
  check_usage_error("build " + kIssue + " -o - --split", "--split writes files");
  check_usage_error("build " + kIssue + " -o - --dump=pages", "cannot go with -o -");
}

TEST_CASE("--version prints the version and the libraries' versions to standard output") {
  for (const char* flag : {"--version", "version"}) {
    const auto r = paperset_stdout(flag);
    CAPTURE(r.out);
    CHECK(r.exit_code == 0);
    const auto lines = lines_of(r.out);
    REQUIRE(lines.size() >= 2);
    // "paperset MAJOR.MINOR.PATCH"
    REQUIRE(lines[0].rfind("paperset ", 0) == 0);
    const std::string v = lines[0].substr(9);
    int dots = 0;
    for (char c : v) {
      CHECK_MESSAGE((std::isdigit(static_cast<unsigned char>(c)) || c == '.'), "not a version: " << v);
      dots += c == '.';
    }
    CHECK(dots == 2);
    // Each library with a version number.
    for (const char* lib : {"HarfBuzz", "FreeType", "cairo", "libqpdf", "Little CMS", "libpng", "tinyxml2"}) {
      const size_t at = r.out.find(std::string(lib) + " ");
      CHECK_MESSAGE(at != std::string::npos, lib << " missing");
      if (at != std::string::npos)
        CHECK(std::isdigit(static_cast<unsigned char>(r.out[at + std::string(lib).size() + 1])));
    }
  }
}

TEST_CASE("--fail-on accepts every warning code the stages report") {
  // Every `warn("code"` in the sources: a nightly job must be able to fail on it.
  static const std::regex warn_call(R"re(warn\(\s*"([a-z0-9-]+)")re");
  std::set<std::string> codes;
  for (const auto& e : fs::recursive_directory_iterator(test::source_root() / "src")) {
    if (e.path().extension() != ".cpp") continue;
    const std::string text = slurp(e.path());
    for (auto it = std::sregex_iterator(text.begin(), text.end(), warn_call); it != std::sregex_iterator(); ++it)
      codes.insert((*it)[1]);
  }
  REQUIRE(codes.count("underset") == 1);
  for (const auto& c : codes) {
    if (c == "too-many-errors") continue;  // about the report itself, not the paper
    CAPTURE(c);
    CHECK(paperset_stdout("build " + kIssue + " -o x.pdf --fail-on=" + c + " -h").exit_code == 0);
  }
}

TEST_CASE("the man page, docs/cli.md and the bash completion know every option of the help") {
  const std::string man = slurp(test::source_root() / "docs/paperset.1");
  const std::string doc = slurp(test::source_root() / "docs/cli.md");
  const std::string completion = slurp(test::source_root() / "packaging/paperset.bash-completion");
  REQUIRE(!man.empty());
  REQUIRE(!completion.empty());
  static const std::regex option(R"re(--[a-z][a-z-]+)re");
  std::set<std::string> options;
  for (const char* topic : {"build", "watch", "preflight", "import"}) {
    const std::string help = paperset_stdout(std::string("help ") + topic).out;
    for (auto it = std::sregex_iterator(help.begin(), help.end(), option); it != std::sregex_iterator(); ++it)
      options.insert(it->str());
  }
  REQUIRE(options.size() > 15);
  for (const auto& o : options) {
    CAPTURE(o);
    // roff writes a '-' in an option as "\-".
    std::string roff;
    for (char c : o) roff += c == '-' ? std::string("\\-") : std::string(1, c);
    CHECK_MESSAGE(contains(man, roff), "the man page lacks " << o);
    CHECK_MESSAGE(contains(doc, o), "docs/cli.md lacks " << o);
    CHECK_MESSAGE(contains(completion, o), "the completion lacks " << o);
  }
  CHECK(test::run_shell("bash -n " + quote(test::source_root() / "packaging/paperset.bash-completion")).exit_code == 0);
}
