#include "model/xml_read.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>

namespace model::xml {

namespace {

int line_at(const std::string& bytes, size_t offset) {
  return 1 + static_cast<int>(std::count(bytes.begin(), bytes.begin() + static_cast<long>(offset), '\n'));
}

// Offset of the first byte that is not strict UTF-8 (RFC 3629 §4: no overlong forms,
// no surrogates, nothing above U+10FFFF), or npos.
size_t first_invalid_utf8(const std::string& s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      ++i;
      continue;
    }
    int n = 0;
    unsigned lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (b >= 0xC2 && b <= 0xDF) n = 1;
    else if (b == 0xE0) n = 2, lo = 0xA0;
    else if (b == 0xED) n = 2, hi = 0x9F;
    else if (b >= 0xE1 && b <= 0xEF) n = 2;
    else if (b == 0xF0) n = 3, lo = 0x90;
    else if (b == 0xF4) n = 3, hi = 0x8F;
    else if (b >= 0xF1 && b <= 0xF3) n = 3;
    else return i;
    if (i + static_cast<size_t>(n) >= s.size()) return i;  // truncated sequence
    for (int k = 1; k <= n; ++k) {
      const auto c = static_cast<unsigned char>(s[i + static_cast<size_t>(k)]);
      if (c < (k == 1 ? lo : 0x80) || c > (k == 1 ? hi : 0xBF)) return i;
    }
    i += static_cast<size_t>(n) + 1;
  }
  return std::string::npos;
}

const char* kUtf8Fix =
    "save the file as UTF-8 (a GBK / GB 18030 export converts with: iconv -f GB18030 -t UTF-8 IN > OUT)";

void check_bytes(const std::string& bytes, const std::string& file, const std::string& kind = "XML") {
  const bool blank = bytes.find_first_not_of(" \t\r\n") == std::string::npos;
  if (blank) throw base::Error({file, 1}, "the file is empty", "write the " + kind + " content, or pass the right file");
  if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF')))
    throw base::Error({file, 1}, "the file is UTF-16, not UTF-8", kUtf8Fix);
  if (const size_t nul = bytes.find('\0'); nul != std::string::npos)
    throw base::Error({file, line_at(bytes, nul)}, "the file contains NUL bytes: it is a binary file, not " + kind + " text",
                      "pass the " + kind + " text file (UTF-8), not an image, archive or word-processor file");
  if (const size_t bad = first_invalid_utf8(bytes); bad != std::string::npos) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(bytes[bad]));
    throw base::Error({file, line_at(bytes, bad)}, std::string("the file is not valid UTF-8 (byte ") + hex + ")",
                      kUtf8Fix);
  }
}

std::string describe(tinyxml2::XMLError id) {
  using namespace tinyxml2;
  switch (id) {
    case XML_ERROR_PARSING_ELEMENT: return "malformed XML: a tag is not well formed";
    case XML_ERROR_PARSING_ATTRIBUTE: return "malformed XML: an attribute is not well formed (or written twice)";
    case XML_ERROR_PARSING_TEXT: return "malformed XML: bad text (a bare '<' or '&'?)";
    case XML_ERROR_PARSING_CDATA: return "malformed XML: unterminated CDATA section";
    case XML_ERROR_PARSING_COMMENT: return "malformed XML: unterminated comment";
    case XML_ERROR_PARSING_DECLARATION: return "malformed XML: bad <?xml …?> declaration";
    case XML_ERROR_MISMATCHED_ELEMENT: return "malformed XML: closing tag does not match the open element";
    case XML_ELEMENT_DEPTH_EXCEEDED: return "malformed XML: elements nested too deeply";
    default: return "malformed XML";
  }
}

}  // namespace

void check_text_bytes(const std::string& bytes, const std::string& file, const std::string& kind) {
  check_bytes(bytes, file, kind);
  check_characters(bytes, file);  // docs/format.md §5 "Characters", as for XML
}

const XMLElement& parse(tinyxml2::XMLDocument& doc, const std::string& bytes, const std::string& file,
                        const char* root, const base::Limits& limits) {
  check_bytes(bytes, file);
  scan(bytes, file, limits);
  if (doc.Parse(bytes.data(), bytes.size()) != tinyxml2::XML_SUCCESS) {
    const int line = doc.ErrorLineNum() > 0 ? doc.ErrorLineNum() : 1;
    throw base::Error({file, line}, describe(doc.ErrorID()) + " (tinyxml2: " + doc.ErrorStr() + ")",
                      "close every element (<p>…</p> or <br/>), quote attribute values, and write & as &amp; "
                      "and < as &lt; in text");
  }
  const XMLElement* e = doc.RootElement();
  const std::string top = root ? root : e ? e->Name() : "root";  // root == nullptr: any root (copy files)
  if (!e) throw base::Error({file, 1}, "the file holds no XML element", "write a <" + top + "> element");
  if (e->Name() != top)
    throw base::Error(loc(file, *e), std::string("unknown element <") + e->Name() + "> at the top of the file",
                      "the file must hold one <" + top + "> element");
  if (const XMLElement* extra = e->NextSiblingElement())
    throw base::Error(loc(file, *extra), std::string("a second top-level element <") + extra->Name() + ">",
                      "put everything inside the one <" + top + "> element");
  return *e;
}

base::Loc loc(const std::string& file, const XMLElement& e) { return {file, e.GetLineNum()}; }

base::Loc loc(const std::string& file, const XMLElement& e, const char* attr) {
  for (const auto* a = e.FirstAttribute(); a; a = a->Next())
    if (std::string(a->Name()) == attr) return {file, a->GetLineNum()};
  return loc(file, e);
}

std::vector<const XMLElement*> children(const XMLElement& e) {
  std::vector<const XMLElement*> out;
  for (const XMLElement* c = e.FirstChildElement(); c; c = c->NextSiblingElement()) out.push_back(c);
  return out;
}

std::optional<int> to_int(const std::string& s) {
  int v = 0;
  const char* end = s.data() + s.size();
  if (s.empty() || s[0] == '+') return std::nullopt;
  const auto [p, ec] = std::from_chars(s.data(), end, v);
  if (ec != std::errc() || p != end) return std::nullopt;
  return v;
}

}  // namespace model::xml
