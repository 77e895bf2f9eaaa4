// A robustness sweep (docs/architecture.md habit 7): 30 deterministic mutations of
// tests/data/good/issue.xml — byte flips, truncations, duplicated elements — fed to
// `paperset build`. Whatever the input, the binary exits 0 (built) or 1 (bad input,
// with an error message), never dies on a signal or hangs, and a failed build leaves
// nothing in the output folder. A mutation that ever crashes it belongs in
// tests/data/cli/ as a regression input.
#include <doctest/doctest.h>

#include <cstdint>
#include <cstring>

#include "cli/cli_helpers.h"

using namespace clitest;

namespace {

struct Mutation {
  std::string what;
  std::string bytes;
};

// A fixed linear congruential generator (Knuth's MMIX constants): the same 30
// mutations on every run and every machine.
class Lcg {
 public:
  std::uint64_t next() {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return state_ >> 33;
  }

 private:
  std::uint64_t state_ = 20240105;
};

// From `<tag` at `open` to the end of its element: the matching close tag, or "/>".
size_t element_end(const std::string& xml, size_t open, const std::string& tag) {
  const size_t gt = xml.find('>', open);
  if (gt != std::string::npos && xml[gt - 1] == '/') return gt + 1;
  const size_t close = xml.find("</" + tag + ">", open);
  return close == std::string::npos ? std::string::npos : close + tag.size() + 3;
}

std::vector<Mutation> mutations(const std::string& good) {
  std::vector<Mutation> out;
  Lcg rng;
  for (int i = 0; i < 10; ++i) {  // 1–3 bytes replaced by other bytes (NUL and 0xFF included)
    Mutation m{"flip", good};
    const int n = 1 + static_cast<int>(rng.next() % 3);
    for (int k = 0; k < n; ++k) {
      const size_t at = rng.next() % good.size();
      const char b = static_cast<char>(rng.next() % 256);
      m.bytes[at] = b == good[at] ? static_cast<char>(b ^ 0x20) : b;
      m.what += " @" + std::to_string(at) + "=" + std::to_string(static_cast<unsigned char>(m.bytes[at]));
    }
    out.push_back(m);
  }
  for (int k = 1; k <= 10; ++k) {  // cut at k/11 of the file, often inside a UTF-8 sequence
    const size_t len = good.size() * static_cast<size_t>(k) / 11 + static_cast<size_t>(k % 3);
    out.push_back({"truncate to " + std::to_string(len), good.substr(0, len)});
  }
  const std::pair<const char*, int> elements[] = {{"p", 2},       {"article", 1}, {"photo", 1}, {"page", 2},
                                                  {"banner", 1},  {"frame", 3},   {"caption", 1},
                                                  {"headline", 1}, {"br", 1},     {"b", 2}};
  for (const auto& [tag, nth] : elements) {  // the nth <tag> element written twice in a row
    size_t open = std::string::npos;
    for (int seen = 0; seen < nth;) {
      open = good.find(std::string("<") + tag, open + 1);
      if (open == std::string::npos) break;
      const char after = good[open + 1 + std::strlen(tag)];
      if (after == ' ' || after == '>' || after == '/') ++seen;
    }
    REQUIRE_MESSAGE(open != std::string::npos, "no " << nth << "th <" << tag << "> in the issue");
    const size_t end = element_end(good, open, tag);
    REQUIRE(end != std::string::npos);
    std::string b = good;
    b.insert(end, good.substr(open, end - open));
    out.push_back({std::string("duplicate <") + tag + "> #" + std::to_string(nth), b});
  }
  return out;
}

}  // namespace

TEST_CASE("30 mutations of a good issue: never a crash, never a PDF after a failure") {
  const std::string good = slurp(data("good/issue.xml"));
  REQUIRE(!good.empty());
  const auto all = mutations(good);
  REQUIRE(all.size() == 30);
  int built = 0, refused = 0;
  for (size_t i = 0; i < all.size(); ++i) {
    const auto& m = all[i];
    CAPTURE(i);
    CAPTURE(m.what);
    // The issue beside a copy of its images, output in a folder of its own.
    const fs::path in = scratch("cli-fuzz-in"), out = scratch("cli-fuzz-out");
    fs::copy(data("good/images"), in / "images", fs::copy_options::recursive);
    spit(in / "issue.xml", m.bytes);
    const auto r = paperset("build " + quote(in / "issue.xml") + " --allow-low-res -o " + quote(out / "out.pdf"));
    CAPTURE(r.out);
    CHECK_MESSAGE((r.exit_code == 0 || r.exit_code == 1), "exit code " << r.exit_code);
    if (r.exit_code == 0) {
      ++built;
      CHECK(slurp(out / "out.pdf").rfind("%PDF-", 0) == 0);
    } else {
      ++refused;
      CHECK(contains(r.out, "error"));
      CHECK_MESSAGE(files_in(out).empty(), "left: " << join(files_in(out)));
    }
  }
  // The sweep must exercise both sides; if every mutation failed, the fixture is broken.
  CHECK(built > 0);
  CHECK(refused > 0);
}
