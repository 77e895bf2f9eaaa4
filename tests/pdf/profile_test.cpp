// The output profile: the shipped default and --output-profile validation (docs/print.md:
// the profile is replaceable; never claim a condition whose profile is not embedded).
#include <doctest/doctest.h>

#include "pdf/fixture.h"

namespace {

// Ghostscript (a declared dependency) ships a CMYK output and an RGB display profile.
std::filesystem::path ghostscript_profile(const std::string& name) {
  for (const auto& dir : std::filesystem::directory_iterator("/usr/share/ghostscript")) {
    const auto p = dir.path() / "iccprofiles" / name;
    if (std::filesystem::exists(p)) return p;
  }
  FAIL("ghostscript's " << name << " not found (apt-get install ghostscript)");
  return {};
}

}  // namespace

TEST_CASE("output profile: the default is the shipped TR 002 newsprint profile, README sha256 matches") {
  const auto oc = pdf::default_output_condition(test::context());
  CHECK(oc.profile.filename() == "paperset-newsprint-tr002.icc");
  CHECK(oc.identifier == "CGATS TR 002");
  const auto sum = test::run_shell("sha256sum '" + oc.profile.string() + "'");
  REQUIRE(sum.exit_code == 0);
  const std::string readme = base::read_file(test::source_root() / "data/icc/README.md");
  CHECK(readme.find(sum.out.substr(0, 64)) != std::string::npos);
  // It passes the same validation a user's profile must pass.
  CHECK(pdf::custom_output_condition(oc.profile).info == "paperset newsprint CGATS TR 002, TAC 240%");
}

TEST_CASE("output profile: --output-profile with a CMYK output profile is a Custom condition") {
  const auto icc = ghostscript_profile("default_cmyk.icc");
  const auto oc = pdf::custom_output_condition(icc);
  CHECK(oc.identifier == "Custom");
  CHECK(oc.registry.empty());
  CHECK(oc.info == "Artifex CMYK SWOP Profile");

  auto doc = fx::black_text_doc();
  auto opt = fx::options(doc);
  opt.output = oc;
  fx::Pdf pdf(fx::build(doc, opt)->file());
  auto oi = pdf.q.getRoot().getKey("/OutputIntents").getArrayItem(0);
  CHECK(fx::text(oi.getKey("/OutputConditionIdentifier")) == "Custom");
  CHECK(fx::text(oi.getKey("/OutputCondition")) == "Artifex CMYK SWOP Profile");
  CHECK_FALSE(oi.hasKey("/RegistryName"));
  CHECK(fx::data(oi.getKey("/DestOutputProfile")) == base::read_file(icc));
}

TEST_CASE("output profile: an RGB profile or a non-profile is refused") {
  CHECK_THROWS_WITH_AS(pdf::custom_output_condition(ghostscript_profile("default_rgb.icc")),
                       doctest::Contains("not an output (printer) CMYK ICC profile"), base::Error);
  const auto dir = test::temp_dir("profile");
  const auto junk = fx::write_temp(dir, "junk.icc", "this is not an ICC profile");
  CHECK_THROWS_WITH_AS(pdf::custom_output_condition(junk), doctest::Contains("not a readable ICC profile"),
                       base::Error);
  CHECK_THROWS_AS(pdf::custom_output_condition(dir / "missing.icc"), base::Error);
}
