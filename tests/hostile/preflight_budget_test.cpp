// Preflight fails closed within its budgets (docs/print.md "Budgets"): PDFs built here
// — forms nested 12 deep and each drawn 40 times, streams of a few KB that inflate to
// 1 GiB, an object stream that does — finish within 10 s and 1 GiB (getrusage of the
// child), with a preflight-budget error, never a pass; the same files placed as ads stop
// the build with the ad's line. Nothing here is committed: the files are made by the test.
#include <doctest/doctest.h>
#include <zlib.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "hostile/bounded.h"
#include "support/support.h"

namespace fs = std::filesystem;
using hostile::Bounded;
using hostile::deflate_run;

namespace {

// A zlib stream of `prefix` and then `mib` MiB of the byte `fill`, made in milliseconds:
// after a full flush every further MiB compresses to the same bytes (about 1 KB), so
// they are repeated and the trailer's Adler-32 is set for the whole (RFC 1950).
std::string inflating_to(int mib, char fill, const std::string& prefix = "") {
  z_stream z{};
  REQUIRE(deflateInit(&z, 9) == Z_OK);
  const std::string chunk(1 << 20, fill);
  std::string out = deflate_run(z, prefix, Z_FULL_FLUSH);
  const std::string again = deflate_run(z, chunk, Z_FULL_FLUSH);
  REQUIRE(deflate_run(z, chunk, Z_FULL_FLUSH) == again);
  for (int i = 0; i < mib; ++i) out += again;
  std::string tail = deflate_run(z, "", Z_FINISH);
  deflateEnd(&z);
  uLong sum = adler32(adler32(0, nullptr, 0), reinterpret_cast<const Bytef*>(prefix.data()), static_cast<uInt>(prefix.size()));
  const uLong one = adler32(adler32(0, nullptr, 0), reinterpret_cast<const Bytef*>(chunk.data()), 1 << 20);
  for (int i = 0; i < mib; ++i) sum = adler32_combine(sum, one, 1 << 20);
  for (int k = 0; k < 4; ++k) tail[tail.size() - 4 + static_cast<std::size_t>(k)] = static_cast<char>((sum >> (24 - 8 * k)) & 0xFF);
  return out + tail;
}

std::string zlib_of(const std::string& data) {
  z_stream z{};
  REQUIRE(deflateInit(&z, 9) == Z_OK);
  std::string out = deflate_run(z, data, Z_FINISH);
  deflateEnd(&z);
  return out;
}

std::string stream_obj(const std::string& dict, const std::string& data, const std::string& filter = "") {
  return "<< " + dict + (filter.empty() ? "" : " /Filter " + filter) + " /Length " + std::to_string(data.size()) +
         " >>\nstream\n" + data + "\nendstream";
}

// A one-page PDF (1: catalog, 2: pages, 3: contents, 4: resources, 5: the page, then
// `more`) with a classic cross-reference table. The page is 250 × 166.7 mm: the size of
// a six-column, thirty-line ad slot of the tabloid layout.
std::string pdf_of(const std::string& contents, const std::string& resources, const std::vector<std::string>& more,
                   const std::string& catalog_extra = "") {
  std::vector<std::string> objs{"<< /Type /Catalog /Pages 2 0 R " + catalog_extra + ">>", "<< /Type /Pages /Kids [5 0 R] /Count 1 >>",
                                contents, resources,
                                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 708.661 472.441] /TrimBox [0 0 708.661 "
                                "472.441] /Resources 4 0 R /Contents 3 0 R >>"};
  objs.insert(objs.end(), more.begin(), more.end());
  std::string out = "%PDF-1.6\n%\xe2\xe3\xcf\xd3\n";
  std::vector<std::size_t> at;
  for (std::size_t i = 0; i < objs.size(); ++i) {
    at.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objs[i] + "\nendobj\n";
  }
  const std::size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objs.size() + 1) + "\n0000000000 65535 f \n";
  for (auto o : at) {
    char line[24];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", o);
    out += line;
  }
  return out + "trailer\n<< /Size " + std::to_string(objs.size() + 1) + " /Root 1 0 R /ID [<00><00>] >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
}

// Forms 6 … 17, each drawing the next 40 times; the innermost fills in RGB, which the
// check must find. `rescaled`: each draw at its own scale (no two draws alike).
std::string nested_forms(bool rescaled) {
  std::vector<std::string> forms;
  const int depth = 12;
  for (int level = 0; level < depth; ++level) {
    std::string body;
    for (int i = 0; i < 40; ++i) {
      char line[96];
      const double s = rescaled ? 1 + i / 1000.0 : 1;
      std::snprintf(line, sizeof line, "q %g 0 0 %g %d %d cm /F Do Q\n", s, s, i, i);
      body += level + 1 < depth ? line : "1 0 0 rg 0 0 1 1 re f\n";
    }
    const std::string res = level + 1 < depth ? "/Resources << /XObject << /F " + std::to_string(7 + level) + " 0 R >> >>" : "";
    forms.push_back(stream_obj("/Type /XObject /Subtype /Form /BBox [0 0 10 10] " + res, body));
  }
  return pdf_of(stream_obj("", "/F0 Do"), "<< /XObject << /F0 6 0 R >> >>", forms);
}

std::string content_bomb() { return pdf_of(stream_obj("", inflating_to(1024, ' '), "/FlateDecode"), "<< >>", {}); }

// The dictionary says 100 × 100 CMYK pixels; the data inflates to 1 GiB.
std::string image_bomb() {
  return pdf_of(stream_obj("", "q 500 0 0 300 0 0 cm /Im Do Q"), "<< /XObject << /Im 6 0 R >> >>",
                {stream_obj("/Type /XObject /Subtype /Image /Width 100 /Height 100 /ColorSpace /DeviceCMYK "
                            "/BitsPerComponent 8",
                            inflating_to(1024, '\xff'), "/FlateDecode")});
}

// The page tree's root lies in an object stream (ISO 32000-1 §7.5.7) that inflates to
// 1 GiB; a cross-reference stream points into it.
std::string object_stream_bomb(bool bomb_in_xref = false) {
  const std::string head = "6 0 ";
  const std::string pages = "<< /Type /Pages /Kids [4 0 R] /Count 1 >>";
  // The stream begins with the object's number and offset, then the object; the spaces
  // after it are harmless.
  const std::string body = bomb_in_xref ? zlib_of(head + pages) : inflating_to(1024, ' ', head + pages);
  std::vector<std::string> objs{"<< /Type /Catalog /Pages 6 0 R >>", stream_obj("", "0 0 0 1 k"), "<< >>",
                                "<< /Type /Page /Parent 6 0 R /MediaBox [0 0 708.661 472.441] /Resources 3 0 R "
                                "/Contents 2 0 R >>",
                                stream_obj("/Type /ObjStm /N 1 /First " + std::to_string(head.size()), body, "/FlateDecode")};
  std::string out = "%PDF-1.6\n%\xe2\xe3\xcf\xd3\n";
  std::string rows(6, '\0');
  rows[4] = rows[5] = '\xff';
  auto row = [&](int type, std::size_t field2, int field3) {
    rows += static_cast<char>(type);
    for (int k = 3; k >= 0; --k) rows += static_cast<char>((field2 >> (8 * k)) & 0xFF);
    rows += static_cast<char>(field3);
  };
  for (std::size_t i = 0; i < objs.size(); ++i) {
    row(1, out.size(), 0);
    out += std::to_string(i + 1) + " 0 obj\n" + objs[i] + "\nendobj\n";
  }
  row(2, 5, 0);  // object 6: the first in object stream 5
  const std::size_t xref = out.size();
  row(1, xref, 0);  // object 7: the cross-reference stream
  // A bomb in the cross-reference stream: its rows, then 1 GiB of zero bytes.
  const std::string xs = bomb_in_xref ? inflating_to(1024, '\0', rows) : rows;
  out += "7 0 obj\n<< /Type /XRef /Size 8 /W [1 4 1] /Root 1 0 R /ID [<00><00>]" +
         std::string(bomb_in_xref ? " /Filter /FlateDecode" : "") + " /Length " + std::to_string(xs.size()) +
         " >>\nstream\n" + xs + "\nendstream\nendobj\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return out;
}

void check_bounds(const Bounded& b) {
  CAPTURE(b.output.substr(0, 3000));
  CAPTURE(b.seconds);
  CAPTURE(b.cpu_seconds);
  CAPTURE(b.max_rss_kb);
  CHECK_FALSE(b.timed_out);
  CHECK(b.in_time(hostile::max_seconds()));
  CHECK(b.max_rss_kb < hostile::max_rss_kb());
}

// `paperset preflight FILE`: exit 1 (does not meet), `says` among the findings.
void expect_preflight(const fs::path& pdf, const std::string& says) {
  const Bounded b = hostile::run_paperset({"preflight", pdf.string()});
  check_bounds(b);
  CAPTURE(b.output.substr(0, 3000));
  CHECK(b.exit_code == 1);
  CHECK(b.output.find(says) != std::string::npos);
  CHECK(b.output.find("does not meet it") != std::string::npos);
}

// The same file as an ad: the build stops at the ad's line, no PDF.
void expect_ad(const fs::path& pdf, const std::string& says) {
  const fs::path dir = pdf.parent_path();
  const fs::path issue = dir / (pdf.stem().string() + ".xml");
  hostile::write_file(issue, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<issue paper=\"P\" date=\"2024-01-05\" "
                             "layout=\"tabloid\">\n<page number=\"3\">\n<ad id=\"x\" src=\"" +
                                 pdf.filename().string() +
                                 "\" col=\"1\" cols=\"6\" row=\"31\" rows=\"30\"/>\n</page>\n</issue>\n");
  const fs::path out = dir / "out.pdf";
  const Bounded b = hostile::run_paperset({"build", issue.string(), "-o", out.string()});
  check_bounds(b);
  CAPTURE(b.output.substr(0, 3000));
  CHECK(b.exit_code == 1);
  CHECK(b.output.find(issue.string() + ":4:1: error: ") != std::string::npos);
  CHECK(b.output.find(says) != std::string::npos);
  CHECK_FALSE(fs::exists(out));
}

}  // namespace

TEST_CASE("forms nested 12 deep, each drawn 40 times: each form checked once per state, in well under a second") {
  const fs::path dir = hostile::scratch("pf-nested");
  hostile::write_file(dir / "nested.pdf", nested_forms(false));
  const Bounded b = hostile::run_paperset({"preflight", (dir / "nested.pdf").string()});
  check_bounds(b);
  CHECK(b.exit_code == 1);
  // The innermost form was reached, and scanned once: its 40 RGB fills are found 40
  // times, not 40^12.
  CHECK(b.output.find("page 1: content stream sets DeviceRGB colours (rg/RG) (40 times) [device-rgb]") != std::string::npos);
  CHECK(b.output.find("preflight-budget") == std::string::npos);
}

TEST_CASE("forms nested 12 deep, each draw at its own scale: the content budget runs out, a finding") {
  const fs::path dir = hostile::scratch("pf-nested-scaled");
  hostile::write_file(dir / "nested.pdf", nested_forms(true));
  expect_preflight(dir / "nested.pdf", "page 1: checking the page's content stopped after 32 MiB of decoded content");
  expect_ad(dir / "nested.pdf", "ad 'x' (" + (dir / "nested.pdf").string() + ", page 1): checking the page's content stopped");
}

TEST_CASE("a content stream of 1 MB inflating to 1 GiB is bounded") {
  const fs::path dir = hostile::scratch("pf-content-bomb");
  hostile::write_file(dir / "bomb.pdf", content_bomb());
  CHECK(fs::file_size(dir / "bomb.pdf") < (2u << 20));
  expect_preflight(dir / "bomb.pdf", "stopped after 32 MiB of decoded content");
  expect_ad(dir / "bomb.pdf", "stopped after 32 MiB of decoded content");
}

TEST_CASE("a 100 × 100 CMYK image whose data inflates to 1 GiB: not measured, not passed") {
  const fs::path dir = hostile::scratch("pf-image-bomb");
  hostile::write_file(dir / "image.pdf", image_bomb());
  expect_preflight(dir / "image.pdf", "image object 6 decodes to more samples than its size says: its total ink is not checked [preflight-budget]");
  expect_ad(dir / "image.pdf", "image object 6 decodes to more samples than its size says");
}

TEST_CASE("an object stream inflating to 1 GiB is measured before qpdf reads it whole") {
  const fs::path dir = hostile::scratch("pf-objstm-bomb");
  hostile::write_file(dir / "objstm.pdf", object_stream_bomb());
  expect_preflight(dir / "objstm.pdf", "error: the PDF is not checked: object stream 5 decodes to more than 64 MiB [preflight-budget]");
  expect_ad(dir / "objstm.pdf", "cannot be read within preflight's budgets: object stream 5 decodes to more than 64 MiB");
}

TEST_CASE("a cross-reference stream inflating to 1 GiB is measured before qpdf opens the file") {
  const fs::path dir = hostile::scratch("pf-xref-bomb");
  hostile::write_file(dir / "xref.pdf", object_stream_bomb(true));
  expect_preflight(dir / "xref.pdf", "decodes to more than 64 MiB [preflight-budget]");
  expect_ad(dir / "xref.pdf", "cannot be read within preflight's budgets: the cross-reference stream at byte");
}

TEST_CASE("an output intent whose profile is cut short is a finding, not a pass") {
  const fs::path dir = hostile::scratch("pf-cut-icc");
  std::ifstream in(test::source_root() / "data/icc/paperset-newsprint-tr002.icc", std::ios::binary);
  const std::string icc(std::istreambuf_iterator<char>(in), {});
  REQUIRE(icc.size() == 222516);
  hostile::write_file(dir / "cut.pdf",
                      pdf_of(stream_obj("", "0 0 0 1 k"), "<< >>", {stream_obj("/N 4", icc.substr(0, 1000))},
                             "/OutputIntents [<< /Type /OutputIntent /S /GTS_PDFX /OutputConditionIdentifier (CGATS "
                             "TR 002) /DestOutputProfile 6 0 R >>] "));
  expect_preflight(dir / "cut.pdf",
                   "error: the output intent's DestOutputProfile cannot be used: it is cut short: its header says 222516 "
                   "bytes, it has 1000 [output-intent]");
}
