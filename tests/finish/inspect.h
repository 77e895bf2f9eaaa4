#pragma once
// Reading finished PDFs back in tests (qpdf, linked through ps_finish).
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/Pl_String.hh>

#include <algorithm>
#include <fstream>
#include <functional>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace fx {

struct Pdf {
  std::string bytes;
  QPDF q;
  explicit Pdf(std::string b) : bytes(std::move(b)) {
    q.setSuppressWarnings(true);
    q.processMemoryFile("test", bytes.data(), bytes.size());
  }
  std::vector<QPDFPageObjectHelper> pages() { return QPDFPageDocumentHelper(q).getAllPages(); }
  QPDFObjectHandle info() { return q.getTrailer().getKey("/Info"); }
};

inline std::string data(QPDFObjectHandle stream, qpdf_stream_decode_level_e level = qpdf_dl_generalized) {
  auto buf = level == qpdf_dl_none ? stream.getRawStreamData() : stream.getStreamData(level);
  return std::string(reinterpret_cast<const char*>(buf->getBuffer()), buf->getSize());
}

inline std::string contents(QPDFPageObjectHelper& page) {
  std::string s;
  Pl_String sink("contents", nullptr, s);
  page.pipeContents(&sink);
  return s;
}

inline std::string text(QPDFObjectHandle o) { return o.isString() ? o.getUTF8Value() : o.isName() ? o.getName() : o.unparse(); }

inline bool is_number(const std::string& t) {
  return !t.empty() && t.find_first_not_of("0123456789.-+") == std::string::npos;
}

// An `r g b rg` / `RG` operator anywhere in a content stream (whitespace-separated tokens;
// std::regex trips GCC 12's -Wmaybe-uninitialized in the sanitizer build).
inline bool has_rgb_operator(const std::string& content) {
  std::istringstream in(content);
  std::string t;
  int numbers = 0;
  while (in >> t) {
    if ((t == "rg" || t == "RG") && numbers >= 3) return true;
    numbers = is_number(t) ? numbers + 1 : 0;
  }
  return false;
}

// Every place the name /DeviceRGB (or inline /RGB) occurs, and every rg/RG operator,
// in any object or content stream of the file.
inline int device_rgb_count(Pdf& pdf) {
  int n = 0;
  std::function<void(QPDFObjectHandle, int)> walk = [&](QPDFObjectHandle o, int depth) {
    if (depth > 20) return;
    if (o.isName() && (o.getName() == "/DeviceRGB")) ++n;
    if (o.isArray())
      for (auto& i : o.aitems()) walk(i, depth + 1);
    if (o.isDictionary())
      for (auto& [k, v] : o.ditems())
        if (!v.isIndirect()) walk(v, depth + 1);
    if (o.isStream()) walk(o.getDict(), depth + 1);
  };
  for (auto& o : pdf.q.getAllObjects()) walk(o, 0);
  for (auto& o : pdf.q.getAllObjects()) {
    if (!o.isStream()) continue;
    auto d = o.getDict();
    const bool content = (d.getKey("/Subtype").isName() && d.getKey("/Subtype").getName() == "/Form") ||
                         d.getKey("/PatternType").isInteger();
    if (content && has_rgb_operator(data(o))) ++n;
  }
  for (auto& p : pdf.pages()) {
    const std::string c = contents(p);
    if (has_rgb_operator(c) || c.find("/RGB") != std::string::npos) ++n;
  }
  return n;
}

inline std::string write_temp(const std::filesystem::path& dir, const std::string& name, const std::string& bytes) {
  const auto p = dir / name;
  std::ofstream(p, std::ios::binary) << bytes;
  return p.string();
}

}  // namespace fx
