// Golden dumps (docs/architecture.md "Seeing inside"): tests/golden/NAME.pages.txt is the
// --dump=pages of tests/data/flow/NAME.xml, tests/golden/NAME.lines.txt the --dump=lines of
// samples/NAME.xml (every line's breaks, adjustments and stretch: a change in composition
// shows here line by line). With UPDATE_GOLDEN=1 the files are rewritten; otherwise a
// difference fails and shows the first differing lines.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "flow/invariants.h"

using namespace ft;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> split_lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

// Image paths are absolute: the golden files say <root>/… so they hold on any checkout.
std::string portable(std::string dump) {
  const std::string root = test::source_root().string();
  for (size_t at = dump.find(root); at != std::string::npos; at = dump.find(root, at)) dump.replace(at, root.size(), "<root>");
  return dump;
}

std::string first_differences(const std::string& want, const std::string& got) {
  const auto a = split_lines(want), b = split_lines(got);
  std::string out;
  int shown = 0;
  for (size_t i = 0; i < std::max(a.size(), b.size()) && shown < 8; ++i) {
    const std::string x = i < a.size() ? a[i] : "<end>", y = i < b.size() ? b[i] : "<end>";
    if (x == y) continue;
    out += "line " + std::to_string(i + 1) + ":\n  golden: " + x + "\n  now:    " + y + "\n";
    ++shown;
  }
  return out;
}

std::vector<fs::path> fixtures(const fs::path& dir = data_dir()) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".xml") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

bool updating() {
  const char* env = std::getenv("UPDATE_GOLDEN");
  return env && std::string(env) == "1";
}

// Compares `got` with tests/golden/NAME, or rewrites it with UPDATE_GOLDEN=1.
void against_golden(const std::string& name, const std::string& got) {
  const fs::path golden = test::source_root() / "tests/golden" / name;
  if (updating()) {
    std::ofstream(golden, std::ios::binary) << got;
    return;
  }
  std::ifstream in(golden, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "no golden file " << golden.string() << "; run with UPDATE_GOLDEN=1");
  const std::string want((std::istreambuf_iterator<char>(in)), {});
  CHECK_MESSAGE(want == got, "differs from " << golden.string() << " (UPDATE_GOLDEN=1 rewrites it):\n"
                                             << first_differences(want, got));
}

}  // namespace

TEST_CASE("golden --dump=lines of the samples") {
  const auto files = fixtures(test::source_root() / "samples");
  REQUIRE(files.size() >= 5);
  for (const auto& f : files) {
    CAPTURE(f.string());
    auto ctx = test::context();
    const model::Issue issue = model::load_issue(f, ctx);
    std::string dump;
    flow::lay_out(issue, fonts(), ctx, default_options(), &dump);
    for (const auto& x : ctx.diag.findings()) CHECK_MESSAGE(x.severity != base::Severity::Error, base::format_finding(x));
    REQUIRE(dump.size() > 1000);
    against_golden(f.stem().string() + ".lines.txt", dump);
  }
}

TEST_CASE("golden --dump=pages of the flow fixtures") {
  const auto files = fixtures();
  REQUIRE(files.size() >= 3);
  for (const auto& f : files) {
    CAPTURE(f.string());
    const Laid l = lay_out_file(f);
    for (const auto& x : l.findings) CHECK_MESSAGE(x.severity != base::Severity::Error, base::format_finding(x));
    const Violations v = check_all(l);
    CHECK_MESSAGE(v.empty(), first(v));
    against_golden(f.stem().string() + ".pages.txt", portable(flow::dump_pages(l.doc)));
  }
}
