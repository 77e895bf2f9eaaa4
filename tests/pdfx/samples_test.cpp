// Every sample built as PDF/X-1a:2001, PDF/X-3:2002 and PDF/X-4 (`--pdfx 1a|3|4`): what a
// plant that takes only one of them checks — its own preflight verdict, the version and
// identification pdfinfo shows, no transparency anywhere in the older two (every object
// scanned with qpdf), no ICC-based colour in X-1a — and the same pixels in Ghostscript
// whichever standard the file is written to.
#include <doctest/doctest.h>

#include <regex>

#include "pdfx/pdfx_helpers.h"

using namespace pdfxtest;

namespace {

struct Flavour {
  const char* flag;
  const char* name;        // what preflight says the file claims
  const char* version;     // pdfinfo's "PDF version"
  const char* gts_version; // Info /GTS_PDFXVersion
};

const Flavour kFlavours[] = {
    {"1a", "PDF/X-1a:2001", "1.3", "PDF/X-1:2001"},
    {"3", "PDF/X-3:2002", "1.3", "PDF/X-3:2002"},
    {"4", "PDF/X-4", "1.6", "PDF/X-4"},
};

}  // namespace

TEST_CASE("each sample, built to each standard, passes paperset's preflight for that standard") {
  for (const auto& name : sample_names())
    for (const Flavour& f : kFlavours) {
      const Built& b = sample(name, f.flag);
      INFO(name << " --pdfx " << std::string(f.flag) << "\n" << b.run.out);
      REQUIRE(b.run.exit_code == 0);
      // Checked against the standard asked for, and against the one the file claims.
      const auto asked = paperset_stdout("preflight --pdfx " + std::string(f.flag) + " " + quote(b.pdf));
      INFO(asked.out);
      CHECK(asked.exit_code == 0);
      CHECK(asked.out.find("preflight: 0 errors, 0 warnings") != std::string::npos);
      const auto claimed = paperset_stdout("preflight " + quote(b.pdf));
      CHECK(claimed.exit_code == 0);
      CHECK(claimed.out.find(b.pdf.string() + " claims " + f.name + " and meets it") != std::string::npos);
    }
}

TEST_CASE("pdfinfo shows each file's PDF version and GTS_PDFXVersion") {
  for (const auto& name : sample_names())
    for (const Flavour& f : kFlavours) {
      const Built& b = sample(name, f.flag);
      REQUIRE(b.run.exit_code == 0);
      const auto plain = test::run_shell("pdfinfo " + quote(b.pdf));
      const auto info = test::run_shell("pdfinfo -custom " + quote(b.pdf));  // the Info keys it does not know
      INFO(name << " --pdfx " << std::string(f.flag) << "\n" << plain.out << info.out);
      REQUIRE(plain.exit_code == 0);
      REQUIRE(info.exit_code == 0);
      CHECK(std::regex_search(plain.out, std::regex("PDF version: +" + std::string(f.version) + "\n")));
      CHECK(std::regex_search(plain.out, std::regex("PDF subtype: +" + std::string(f.gts_version) + "\n")));
      CHECK(info.out.find("GTS_PDFXVersion: " + std::string(f.gts_version) + "\n") != std::string::npos);
      const bool conformance = info.out.find("GTS_PDFXConformance:PDF/X-1a:2001") != std::string::npos;
      CHECK(conformance == (std::string(f.flag) == "1a"));  // only X-1a:2001 has the key (ISO 15930-1)
      CHECK(slurp(b.pdf).rfind(std::string("%PDF-") + f.version, 0) == 0);
    }
}

TEST_CASE("no transparency and no PDF 1.5 structure anywhere in a PDF/X-1a or X-3 file; no ICC colour in X-1a") {
  for (const auto& name : sample_names())
    for (const char* flag : {"1a", "3"}) {
      const Built& b = sample(name, flag);
      REQUIRE(b.run.exit_code == 0);
      const Scan s = scan(slurp(b.pdf));
      INFO(name << " --pdfx " << std::string(flag) << ": " << join(s.transparency));
      CHECK(s.transparency.empty());
      CHECK_FALSE(s.object_streams);
      CHECK(s.version == "1.3");
      if (std::string(flag) == "1a") CHECK(s.icc.empty());
    }
}

TEST_CASE("Ghostscript renders the PDF/X-1a and PDF/X-4 files of an issue to the same pixels") {
  for (const auto& name : sample_names()) {
    const Built& a = sample(name, "1a");
    const Built& four = sample(name, "4");
    REQUIRE(a.run.exit_code == 0);
    REQUIRE(four.run.exit_code == 0);
    const auto pa = render(a.pdf, 50), p4 = render(four.pdf, 50);
    INFO(name);
    REQUIRE(pa.size() == p4.size());
    REQUIRE_FALSE(pa.empty());
    for (std::size_t i = 0; i < pa.size(); ++i) {
      INFO("page " << i + 1);
      REQUIRE(pa[i].width > 0);
      // The photos are the very same bytes in both files (converted once, the same
      // way): nothing may differ, not even by a JPEG step.
      CHECK(pa[i].differing(p4[i], 0) == 0);
    }
  }
}
