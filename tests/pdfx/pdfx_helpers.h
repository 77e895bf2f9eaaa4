#pragma once
// Helpers of the PDF/X standard tests: building with the paperset binary (cli_helpers.h),
// scanning every object of a file with the qpdf library, and rendering with Ghostscript.
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "cli/cli_helpers.h"

namespace pdfxtest {

using namespace clitest;

// Every place in the file that uses transparency, as "object N: /Key value" — what ISO
// 15930-1 and -3 forbid: a soft mask, constant opacity below 1, a blend mode other than
// Normal or Compatible, a transparency group.
inline void transparency_in(QPDFObjectHandle o, const std::string& where, std::vector<std::string>& out, int depth = 0) {
  if (depth > 40) return;
  if (o.isStream()) o = o.getDict();
  if (o.isArray()) {
    for (int i = 0; i < o.getArrayNItems(); ++i)
      if (!o.getArrayItem(i).isIndirect()) transparency_in(o.getArrayItem(i), where, out, depth + 1);
    return;
  }
  if (!o.isDictionary()) return;
  for (const auto& k : o.getKeys()) {
    QPDFObjectHandle v = o.getKey(k);
    const std::string what = where + ": " + k + " " + v.unparse();
    if (k == "/SMask" && !(v.isName() && v.getName() == "/None")) out.push_back(what);
    if ((k == "/CA" || k == "/ca") && v.isNumber() && v.getNumericValue() < 1) out.push_back(what);
    if (k == "/BM" && !(v.isName() && (v.getName() == "/Normal" || v.getName() == "/Compatible"))) out.push_back(what);
    if (k == "/Group" && v.isDictionary() && v.getKey("/S").isName() && v.getKey("/S").getName() == "/Transparency")
      out.push_back(what);
    if (!v.isIndirect()) transparency_in(v, where, out, depth + 1);
  }
}

struct Scan {
  std::vector<std::string> transparency;  // "object 12: /SMask 13 0 R"
  std::vector<std::string> icc;           // objects holding an [/ICCBased …] colour space
  bool object_streams = false;            // any object kept in a compressed object stream
  std::string version;                    // the header's
};

inline void icc_in(QPDFObjectHandle o, const std::string& where, std::vector<std::string>& out, int depth = 0) {
  if (depth > 40) return;
  if (o.isStream()) o = o.getDict();
  if (o.isArray() && o.getArrayNItems() > 0 && o.getArrayItem(0).isName() && o.getArrayItem(0).getName() == "/ICCBased")
    out.push_back(where);
  if (o.isArray())
    for (int i = 0; i < o.getArrayNItems(); ++i)
      if (!o.getArrayItem(i).isIndirect()) icc_in(o.getArrayItem(i), where, out, depth + 1);
  if (o.isDictionary())
    for (const auto& k : o.getKeys())
      if (!o.getKey(k).isIndirect()) icc_in(o.getKey(k), where, out, depth + 1);
}

// Every object of the file, with the qpdf library.
inline Scan scan(const std::string& bytes) {
  QPDF q;
  q.setSuppressWarnings(true);
  q.processMemoryFile("scan", bytes.data(), bytes.size());
  Scan s;
  s.version = q.getPDFVersion();
  for (const auto& [og, entry] : q.getXRefTable()) s.object_streams = s.object_streams || entry.getType() == 2;
  for (QPDFObjectHandle o : q.getAllObjects()) {
    const std::string where = "object " + std::to_string(o.getObjectID());
    transparency_in(o, where, s.transparency);
    icc_in(o, where, s.icc);
  }
  transparency_in(q.getTrailer(), "trailer", s.transparency);
  return s;
}

// One page rendered by Ghostscript, RGB samples row by row.
struct Raster {
  int width = 0, height = 0;
  std::string rgb;
  // Pixels where any channel differs from `o` by more than `tolerance` (0–255).
  long differing(const Raster& o, int tolerance) const {
    if (width != o.width || height != o.height) return -1;
    long n = 0;
    for (std::size_t i = 0; i + 2 < rgb.size(); i += 3)
      for (std::size_t c = 0; c < 3; ++c)
        if (std::abs(static_cast<int>(static_cast<unsigned char>(rgb[i + c])) -
                     static_cast<int>(static_cast<unsigned char>(o.rgb[i + c]))) > tolerance) {
          ++n;
          break;
        }
    return n;
  }
  const unsigned char* at(int x, int y) const {
    return reinterpret_cast<const unsigned char*>(rgb.data()) + (static_cast<std::size_t>(y) * width + x) * 3;
  }
};

// Binary PPM (P6, maxval 255), as gs -sDEVICE=ppmraw writes it: "P6", comment lines,
// width, height, maxval, one whitespace byte, the samples.
inline Raster read_ppm(const std::string& bytes) {
  std::size_t at = 0;
  auto field = [&]() {
    for (;;) {
      while (at < bytes.size() && std::isspace(static_cast<unsigned char>(bytes[at]))) ++at;
      if (at < bytes.size() && bytes[at] == '#') at = bytes.find('\n', at);
      else break;
    }
    const std::size_t start = at;
    while (at < bytes.size() && !std::isspace(static_cast<unsigned char>(bytes[at]))) ++at;
    return bytes.substr(start, at - start);
  };
  Raster r;
  if (field() != "P6") return {};
  r.width = std::atoi(field().c_str());
  r.height = std::atoi(field().c_str());
  if (field() != "255") return {};
  r.rgb = bytes.substr(at + 1);
  if (r.rgb.size() != static_cast<std::size_t>(r.width) * static_cast<std::size_t>(r.height) * 3) return {};
  return r;
}

// Every page of `pdf` at `dpi`, trim box only.
inline std::vector<Raster> render(const fs::path& pdf, int dpi) {
  const fs::path dir = scratch("pdfx-render");
  const auto r = test::run_shell("gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=ppmraw -dUseTrimBox -r" +
                                 std::to_string(dpi) + " -sOutputFile=" + quote(dir / "p-%03d.ppm") + " " + quote(pdf));
  REQUIRE_MESSAGE(r.exit_code == 0, r.out);
  std::vector<Raster> pages;
  for (int i = 1;; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "p-%03d.ppm", i);
    if (!fs::exists(dir / name)) return pages;
    pages.push_back(read_ppm(slurp(dir / name)));
  }
}

// The flag's file of a sample, built once per test run: samples/NAME.xml with --pdfx FLAG.
struct Built {
  fs::path pdf;
  test::RunResult run;
};

inline const Built& sample(const std::string& name, const std::string& flag) {
  static std::map<std::string, Built> built;
  const std::string key = name + " " + flag;
  if (auto it = built.find(key); it != built.end()) return it->second;
  static const fs::path dir = scratch("pdfx-samples");
  Built b;
  b.pdf = dir / (name + "-" + flag + ".pdf");
  b.run = paperset("build " + quote(test::source_root() / "samples" / (name + ".xml")) + " --pdfx " + flag + " -o " +
                   quote(b.pdf));
  return built[key] = b;
}

// The samples: every samples/*.xml.
inline std::vector<std::string> sample_names() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(test::source_root() / "samples"))
    if (e.path().extension() == ".xml") out.push_back(e.path().stem().string());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace pdfxtest
