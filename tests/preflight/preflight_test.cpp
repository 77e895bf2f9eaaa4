// preflight::check on a deliberately broken PDF, on a cairo PDF (not print-ready) and on
// files pdf/ wrote (tests/data/pdf/README.md describes the fixture files).
#include <doctest/doctest.h>

#include <algorithm>

#include "pdf/fixture.h"
#include "preflight/preflight.h"

namespace {

using Findings = std::vector<base::Finding>;

Findings run(const std::string& pdf, preflight::Options opt = {}) { return preflight::check(pdf, opt); }

const base::Finding* find(const Findings& fs, const std::string& code, int page = -1) {
  for (const auto& f : fs)
    if (f.code == code && (page < 0 || f.page == page)) return &f;
  return nullptr;
}

int errors(const Findings& fs) {
  return static_cast<int>(std::count_if(fs.begin(), fs.end(), [](const auto& f) { return f.severity == base::Severity::Error; }));
}

std::string dump(const Findings& fs) { return preflight::format_text(fs); }

std::string fixture(const std::string& name) { return fx::slurp(test::source_root() / "tests/data/pdf" / name); }

}  // namespace

TEST_CASE("preflight: the broken fixture — every planted fault is found, on its page") {
  const Findings fs = run(fixture("broken.pdf"));
  INFO(dump(fs));
  // Page 1: no TrimBox/BleedBox, RGB text in an unembedded Helvetica, a 72 ppi image.
  REQUIRE(find(fs, "trimbox", 1));
  CHECK(find(fs, "trimbox", 1)->severity == base::Severity::Error);
  CHECK(find(fs, "bleedbox", 1));
  CHECK_FALSE(find(fs, "trimbox", 2));  // page 2 has its boxes
  REQUIRE(find(fs, "font-not-embedded", 1));
  CHECK(find(fs, "font-not-embedded", 1)->message.find("Helvetica") != std::string::npos);
  CHECK(find(fs, "text-rgb", 1));
  CHECK(find(fs, "device-rgb", 1));
  REQUIRE(find(fs, "image-resolution", 1));
  CHECK(find(fs, "image-resolution", 1)->severity == base::Severity::Error);
  CHECK(find(fs, "image-resolution", 1)->message.find("72 ppi") != std::string::npos);
  // Page 2: K-only black without overprint, rich black, DeviceGray black, 350 % ink, a
  // 400 % CMYK image at 150 ppi.
  CHECK(find(fs, "black-text-knockout", 2));
  CHECK(find(fs, "text-rich-black", 2));
  REQUIRE(find(fs, "text-gray", 2));
  CHECK(find(fs, "text-gray", 2)->severity == base::Severity::Error);
  REQUIRE(find(fs, "ink-limit", 2));
  int ink = 0;
  for (const auto& f : fs) ink += f.code == "ink-limit" && f.page == 2 ? 1 : 0;
  CHECK(ink == 2);  // the 350 % fill and the 400 % image
  REQUIRE(find(fs, "image-resolution", 2));
  CHECK(find(fs, "image-resolution", 2)->severity == base::Severity::Warning);
  CHECK(find(fs, "image-resolution", 2)->message.find("150 ppi") != std::string::npos);
  // The file: no PDF/X identification, no XMP, no output intent.
  CHECK(find(fs, "pdfx-info", 0));
  CHECK(find(fs, "pdfx-xmp", 0));
  CHECK(find(fs, "output-intent", 0));
}

TEST_CASE("preflight: allowing low resolution turns the 72 ppi error into a warning") {
  preflight::Options opt;
  opt.allow_low_resolution = true;
  const Findings fs = run(fixture("broken.pdf"), opt);
  REQUIRE(find(fs, "image-resolution", 1));
  CHECK(find(fs, "image-resolution", 1)->severity == base::Severity::Warning);
}

TEST_CASE("preflight: a cairo PDF is not print-ready") {
  const Findings fs = run(fixture("mixed.pdf"));
  INFO(dump(fs));
  CHECK(find(fs, "trimbox", 1));
  CHECK(find(fs, "text-rgb", 1));
  CHECK(find(fs, "device-rgb", 1));  // rg operators, the page group, images, the shading
  CHECK(find(fs, "device-rgb", 2));
  CHECK(find(fs, "cmyk-jpeg-decode", 2));  // cairo adds no /Decode to the Adobe CMYK JPEG
  CHECK(find(fs, "output-intent", 0));
  CHECK_FALSE(find(fs, "font-not-embedded"));  // cairo embeds and subsets with ToUnicode
  CHECK_FALSE(find(fs, "font-no-tounicode"));
}

TEST_CASE("preflight: a file pdf/ wrote has no findings") {
  for (const char* name : {"mixed", "black_text"}) {
    const auto doc = std::string(name) == "mixed" ? fx::mixed_doc() : fx::black_text_doc();
    const Findings fs = run(fx::written(doc));
    const std::string context = std::string(name) + "\n" + dump(fs);
    INFO(context);
    CHECK(errors(fs) == 0);
    CHECK(fs.empty());  // and no warnings either
  }
}

TEST_CASE("preflight: a stricter ink limit catches the red text and the converted photo") {
  preflight::Options opt;
  opt.ink_limit_percent = 150;
  const std::string pdf = fx::written(fx::mixed_doc());
  const Findings fs = run(pdf, opt);
  REQUIRE(find(fs, "ink-limit", 1));
  CHECK(find(fs, "ink-limit", 1)->message.find("200 %") != std::string::npos);
  CHECK(find(fs, "ink-limit", 2));  // the RGB photo, converted, measured in the file
  opt.measure_image_ink = false;  // as paperset's self-preflight runs it
  const Findings self = run(pdf, opt);
  CHECK(find(self, "ink-limit", 1));
  CHECK_FALSE(find(self, "ink-limit", 2));
}

TEST_CASE("preflight: Info and XMP that disagree are reported") {
  std::string pdf = fx::written(fx::black_text_doc());
  // Same length, so the xref stays valid: the XMP packet is stored uncompressed.
  const auto at = pdf.find("<pdf:Producer>paperset test</pdf:Producer>");
  REQUIRE(at != std::string::npos);
  pdf.replace(at + 14, 12, "someone else");
  const auto date = pdf.find("<xmp:CreateDate>2024-03-05");
  REQUIRE(date != std::string::npos);
  pdf.replace(date + 16, 10, "2024-03-06");
  const Findings fs = run(pdf);
  INFO(dump(fs));
  int mismatches = 0;
  for (const auto& f : fs) mismatches += f.code == "pdfx-mismatch" ? 1 : 0;
  CHECK(mismatches == 2);
}

TEST_CASE("preflight: an unreadable file is one error") {
  const Findings fs = run("this is not a PDF");
  REQUIRE(fs.size() == 1);
  CHECK(fs[0].code == "pdf-unreadable");
  CHECK(fs[0].severity == base::Severity::Error);
}

TEST_CASE("preflight: text and JSON reports") {
  const Findings fs = run(fixture("broken.pdf"));
  const std::string text = preflight::format_text(fs);
  CHECK(text.find("error: page 1: page has no TrimBox (the trimmed newspaper size) [trimbox]") != std::string::npos);
  CHECK(text.find("preflight: " + std::to_string(errors(fs)) + " errors, ") != std::string::npos);
  const std::string json = preflight::format_json(fs, "dir/broken \"1\".pdf");
  CHECK(json.find("\"file\": \"dir/broken \\\"1\\\".pdf\"") != std::string::npos);
  CHECK(json.find("\"errors\": " + std::to_string(errors(fs))) != std::string::npos);
  CHECK(json.find("\"code\": \"trimbox\",\n      \"page\": 1,") != std::string::npos);
  CHECK(json.find("\"severity\": \"warning\"") != std::string::npos);
  CHECK(std::count(json.begin(), json.end(), '{') == std::count(json.begin(), json.end(), '}'));
  CHECK(preflight::format_json({}) == "{\n  \"file\": \"\",\n  \"errors\": 0,\n  \"warnings\": 0,\n  \"findings\": []\n}\n");
}

TEST_CASE("preflight: scanning pages on several threads finds the same, in the same order") {
  for (const std::string& pdf : {fixture("broken.pdf"), fixture("mixed.pdf")}) {
    preflight::Options one, three;
    three.jobs = 3;
    const Findings a = run(pdf, one), b = run(pdf, three);
    CHECK(dump(a) == dump(b));
    CHECK(!a.empty());
  }
}
