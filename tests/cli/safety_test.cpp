// Safe output files (docs/cli.md "Output files"): an output never replaces an input or
// anything but a regular file; temporary files have unpredictable names and never
// follow a planted symbolic link; an interrupted build leaves no temporary file and no
// result, and one killed outright leaves a temporary file the next build removes; a
// long (244-byte) output name works; ids with control characters are printed escaped.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <fstream>

#include "cli/cli_helpers.h"

using namespace clitest;

namespace {

const fs::path kGood = data("cli/photo_ok.xml");

// photo_ok.xml copied with its photo and its layout into `dir` (the issue names the
// copied layout file, so tests may aim outputs at it without risking the real one).
fs::path own_issue(const fs::path& dir) {
  fs::create_directories(dir / "images");
  fs::copy_file(data("cli/images/photo.jpg"), dir / "images/photo.jpg");
  fs::copy_file(test::source_root() / "layouts/broadsheet.xml", dir / "layout.xml");
  std::string xml = slurp(kGood);
  const std::string from = "layout=\"broadsheet\"";
  xml.replace(xml.find(from), from.size(), "layout=\"layout.xml\"");
  spit(dir / "issue.xml", xml);
  return dir / "issue.xml";
}

bool is_pdf(const fs::path& p) { return slurp(p).rfind("%PDF-", 0) == 0; }

// Like paperset_command, without the `timeout` wrapper, so that a signal sent to the
// background job's PID reaches paperset itself.
std::string direct_command(const std::string& args) {
  const std::string c = paperset_command(args, "");
  return c.substr(c.find("env "));
}

bool has_temp(const fs::path& dir) {
  for (const auto& f : files_in(dir))
    if (fs::path(f).filename().string().rfind(".paperset-", 0) == 0) return true;
  return false;
}

}  // namespace

TEST_CASE("an output is never one of the build's inputs") {
  const fs::path dir = scratch("cli-safe");
  const fs::path issue = own_issue(dir);
  const std::string issue_bytes = slurp(issue), layout_bytes = slurp(dir / "layout.xml"),
                    photo_bytes = slurp(dir / "images/photo.jpg");
  fs::create_hard_link(issue, dir / "hardlink.xml");
  const std::pair<std::string, const char*> cases[] = {
      {"-o " + quote(issue), "issue file"},
      {"-o " + quote(dir / "hardlink.xml"), "issue file"},  // the same file under another name
      {"-o " + quote(dir / "out.pdf") + " --report " + quote(issue), "issue file"},
      {"-o " + quote(dir / "layout.xml"), "is an input"},
      {"-o " + quote(dir / "out.pdf") + " --report " + quote(dir / "layout.xml"), "is an input"},
      {"-o " + quote(dir / "images/photo.jpg"), "is an input"},
      {"-o " + quote(dir / "out.pdf") + " --png " + quote(dir / "images") + " --report " + quote(dir / "images/photo.jpg"),
       "is an input"},
  };
  for (const auto& [args, what] : cases) {
    CAPTURE(args);
    const auto r = paperset("build " + quote(issue) + " " + args);
    CAPTURE(r.out);
    CHECK(r.exit_code == 1);
    CHECK(contains(r.out, what));
    CHECK(contains(r.out, "[output]"));
    CHECK(slurp(issue) == issue_bytes);
    CHECK(slurp(dir / "layout.xml") == layout_bytes);
    CHECK(slurp(dir / "images/photo.jpg") == photo_bytes);
    CHECK_FALSE(fs::exists(dir / "out.pdf"));
  }
}

TEST_CASE("an output is never a device, a FIFO or a folder") {
  const fs::path dir = scratch("cli-safe");
  REQUIRE(::mkfifo((dir / "fifo").c_str(), 0644) == 0);
  fs::create_directories(dir / "folder");
  const std::pair<std::string, const char*> cases[] = {
      {"-o /dev/null", "character device"},
      {"-o " + quote(dir / "out.pdf") + " --report /dev/null", "character device"},
      {"-o " + quote(dir / "fifo"), "FIFO"},  // refused without opening it: no hang
      {"-o " + quote(dir / "folder"), "a folder"},
      {"-o " + quote(dir / "out.pdf") + " --png /dev/null", "character device"},
  };
  for (const auto& [args, what] : cases) {
    CAPTURE(args);
    const auto r = paperset("build " + quote(kGood) + " " + args);
    CAPTURE(r.out);
    CHECK(r.exit_code == 1);
    CHECK(contains(r.out, what));
    CHECK_FALSE(fs::exists(dir / "out.pdf"));
  }
  struct stat st {};
  REQUIRE(::stat("/dev/null", &st) == 0);
  CHECK(S_ISCHR(st.st_mode));
  CHECK(fs::is_empty(dir / "folder"));
}

TEST_CASE("temporary names are not predictable and never follow a planted symbolic link") {
  const fs::path dir = scratch("cli-safe");
  spit(dir / "victim", "precious\n");
  // Links at every name the old scheme (".NAME.part-PID") could use for the next PIDs,
  // and a link at the output itself: neither may write into the victim.
  int next = 0;
  std::ifstream("/proc/sys/kernel/ns_last_pid") >> next;
  for (int pid = next; pid < next + 300; ++pid)
    fs::create_symlink(dir / "victim", dir / (".out.pdf.part-" + std::to_string(pid)));
  fs::create_symlink(dir / "victim", dir / "out.pdf");
  const auto r = paperset("build " + quote(kGood) + " -o " + quote(dir / "out.pdf"));
  CAPTURE(r.out);
  CHECK(r.exit_code == 0);
  CHECK(slurp(dir / "victim") == "precious\n");
  CHECK_FALSE(fs::is_symlink(dir / "out.pdf"));  // the link was replaced, not followed
  CHECK(is_pdf(dir / "out.pdf"));
  CHECK_FALSE(has_temp(dir));
}

TEST_CASE("SIGTERM, SIGINT, SIGHUP while writing: no temporary file, no result; exit 128 + N") {
  const std::pair<const char*, int> signals[] = {{"TERM", 15}, {"INT", 2}, {"HUP", 1}};
  for (const auto& [sig, number] : signals) {
    CAPTURE(sig);
    const fs::path dir = scratch("cli-kill");
    const fs::path pdf = dir / "out.pdf";
    REQUIRE(paperset("build " + quote(kGood) + " -o " + quote(pdf)).exit_code == 0);  // an earlier result
    // Large proofs keep the build writing long enough to be caught at it: the signal
    // is sent as soon as a temporary file exists.
    // A shell starts background jobs with SIGINT ignored; env gives it back its default.
    const std::string script =
        "env --default-signal=INT " +
        direct_command("build " + quote(data("good/issue.xml")) + " --allow-low-res -o " + quote(pdf) + " --png " +
                       quote(dir / "proofs") + " --png-dpi 300") +
        " >/dev/null 2>&1 & p=$!; for i in $(seq 1 3000); do ls -A " + quote(dir) + " " + quote(dir / "proofs") +
        " 2>/dev/null | grep -q '^\\.paperset-' && break; sleep 0.01; done; kill -" + sig +
        " $p; wait $p; echo status=$?";
    const auto r = test::run_shell(script);
    CAPTURE(r.out);
    CHECK(contains(r.out, "status=" + std::to_string(128 + number)));
    CHECK_FALSE(has_temp(dir));
    CHECK_FALSE(fs::exists(pdf));  // interrupted is failed: no result, not even the earlier one
  }
}

TEST_CASE("SIGKILL leaves a temporary file; the next build into the folder removes it") {
  const fs::path dir = scratch("cli-kill");
  const std::string script =
      direct_command("build " + quote(data("good/issue.xml")) + " --allow-low-res -o " + quote(dir / "out.pdf") +
                     " --png " + quote(dir) + " --png-dpi 300") +
      " >/dev/null 2>&1 & p=$!; for i in $(seq 1 3000); do ls -A " + quote(dir) +
      " | grep -q '^\\.paperset-' && break; sleep 0.01; done; kill -KILL $p; wait $p; echo status=$?";
  const auto r = test::run_shell(script);
  CAPTURE(r.out);
  CHECK(contains(r.out, "status=137"));
  REQUIRE(has_temp(dir));
  const auto again = paperset("build " + quote(kGood) + " -o " + quote(dir / "out.pdf"));
  CHECK(again.exit_code == 0);
  CHECK_FALSE(has_temp(dir));
}

TEST_CASE("a 244-byte output name works; one over 255 bytes is refused up front") {
  const fs::path dir = scratch("cli-long");
  const std::string name(240, 'n');
  const auto r = paperset("build " + quote(kGood) + " -o " + quote(dir / (name + ".pdf")));
  CAPTURE(r.out);
  CHECK(r.exit_code == 0);
  CHECK(is_pdf(dir / (name + ".pdf")));
  const auto too_long = paperset("build " + quote(kGood) + " -o " + quote(dir / (std::string(252, 'n') + ".pdf")));
  CHECK(too_long.exit_code == 1);
  CHECK(contains(too_long.out, "longer than 255 bytes"));
}

// The reader refuses them (docs/format.md §5 "Characters"); the message and the report
// show the reference as written, never the characters.
TEST_CASE("control characters in ids are refused, never echoed raw in messages or the report") {
  const fs::path dir = scratch("cli-inject");
  std::string xml = slurp(kGood);
  xml.replace(xml.find("id=\"lead\""), 9, "id=\"a&#10;x&#27;[31mb\"");
  xml.replace(xml.find("id=\"forge\""), 10, "id=\"a&#10;x&#27;[31mb\"");
  fs::copy(data("cli/images"), dir / "images");
  spit(dir / "issue.xml", xml);
  const auto r = paperset("build " + quote(dir / "issue.xml") + " -o " + quote(dir / "out.pdf") + " --report " +
                          quote(dir / "r.json"));
  CAPTURE(r.out);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.out, "an attribute value of <article> holds a line break or tab (&#10;)"));
  CHECK_FALSE(contains(r.out, "\x1b"));
  for (const auto& d : diagnostics(r.out)) CHECK(d.file == (dir / "issue.xml").string());  // one line each
  const std::string json = slurp(dir / "r.json");
  CHECK(JsonChecker(json).valid());
  CHECK(contains(json, "holds a line break or tab (&#10;)"));
  CHECK_FALSE(contains(json, "\x1b"));
}
