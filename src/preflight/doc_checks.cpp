// Document-level PDF/X checks (ISO 15930-7 §6.7 identification and metadata, §6.2.4
// output intent; the same for ISO 15930-1 and -3, where XMP is optional): Trapped,
// dates, title in Info and XMP and that they agree; exactly one GTS_PDFX output intent
// with an embedded CMYK output profile (or, for PDF/X-1a:2001 and X-3:2002, a registered
// condition); /ID. Which standard the file claims: standard.cpp.
#include <cctype>
#include <cstdlib>
#include <map>
#include <optional>

#include "base/icc_layout.h"
#include "base/utf8.h"

#include "preflight/checks.h"
#include "preflight/streams.h"

namespace preflight {

// An output profile or an XMP packet decodes to no more than this (real ones are a few
// hundred KB; the same as the icc-size input limit).
constexpr std::uint64_t kMaxMetaBytes = 16u << 20;

std::string text_of(QPDFObjectHandle o) {
  if (o.isString()) return o.getUTF8Value();
  if (o.isName()) return o.getName().substr(1);
  return {};
}

namespace {

// XML character references and the five predefined entities (XML 1.0 §4.1, §4.6).
std::string xml_unescape(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const std::size_t semi = s[i] == '&' ? s.find(';', i) : std::string::npos;
    if (semi == std::string::npos || semi - i > 10) {
      out += s[i];
      continue;
    }
    const std::string ent = s.substr(i + 1, semi - i - 1);
    static const std::map<std::string, char> named{{"lt", '<'}, {"gt", '>'}, {"amp", '&'}, {"quot", '"'}, {"apos", '\''}};
    if (named.count(ent)) {
      out += named.at(ent);
    } else if (ent.size() > 1 && ent[0] == '#') {
      const bool hex = ent[1] == 'x' || ent[1] == 'X';
      const unsigned long cp = std::strtoul(ent.c_str() + (hex ? 2 : 1), nullptr, hex ? 16 : 10);
      base::append_utf8(out, static_cast<char32_t>(cp));
    } else {
      out += s.substr(i, semi - i + 1);
    }
    i = semi;
  }
  return out;
}

}  // namespace

// The value of an XMP property written as an element (<p>v</p>, or an rdf:Alt/rdf:li
// inside it) or as an attribute (p="v"). Enough for the simple properties PDF/X uses.
std::optional<std::string> xmp_value(const std::string& xmp, const std::string& prop) {
  std::size_t at = xmp.find("<" + prop + ">");
  if (at != std::string::npos) {
    at += prop.size() + 2;
    const std::size_t end = xmp.find("</" + prop + ">", at);
    std::string v = xmp.substr(at, end == std::string::npos ? std::string::npos : end - at);
    const std::size_t li = v.find("<rdf:li");
    if (li != std::string::npos) {
      const std::size_t gt = v.find('>', li), close = v.find("</rdf:li>", li);
      v = gt == std::string::npos || close == std::string::npos ? std::string() : v.substr(gt + 1, close - gt - 1);
    }
    return xml_unescape(v);
  }
  at = xmp.find(prop + "=\"");
  if (at == std::string::npos) return std::nullopt;
  at += prop.size() + 2;
  return xml_unescape(xmp.substr(at, xmp.find('"', at) - at));
}

namespace {

long long days_from_civil(long long y, long long m, long long d) {  // H. Hinnant's algorithm
  y -= m <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const long long yoe = y - era * 400;
  const long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

int num(const std::string& s, std::size_t at, std::size_t n, int fallback) {
  if (at + n > s.size()) return fallback;
  int v = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return fallback;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

// Seconds since the epoch (UTC) of a date given as digits yyyymmddhhmmss + zone text.
std::optional<long long> instant(const std::string& digits, const std::string& zone) {
  if (digits.size() < 4) return std::nullopt;
  const long long t = days_from_civil(num(digits, 0, 4, 0), num(digits, 4, 2, 1), num(digits, 6, 2, 1)) * 86400 +
                      num(digits, 8, 2, 0) * 3600 + num(digits, 10, 2, 0) * 60 + num(digits, 12, 2, 0);
  if (zone.empty() || zone[0] == 'Z') return t;
  const int sign = zone[0] == '-' ? -1 : 1;
  const std::string z = zone.substr(1);
  std::string zd;
  for (char c : z)
    if (std::isdigit(static_cast<unsigned char>(c))) zd += c;
  return t - sign * (num(zd, 0, 2, 0) * 3600 + num(zd, 2, 2, 0) * 60);
}

std::optional<long long> pdf_date(const std::string& s) {  // D:YYYYMMDDHHmmSSOHH'mm'
  std::string d = s.rfind("D:", 0) == 0 ? s.substr(2) : s;
  std::size_t i = 0;
  while (i < d.size() && std::isdigit(static_cast<unsigned char>(d[i]))) ++i;
  return instant(d.substr(0, i), d.substr(i));
}

std::optional<long long> xmp_date(const std::string& s) {  // YYYY-MM-DDThh:mm:ss[.s]TZD
  std::string digits;
  std::size_t i = 0;
  for (; i < s.size() && digits.size() < 14; ++i) {
    if (std::isdigit(static_cast<unsigned char>(s[i]))) digits += s[i];
    else if (s[i] == '.' ) break;
  }
  while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.')) ++i;
  return instant(digits, s.substr(i));
}

// Info as ISO 15930-1, -3 and -7 all ask: Trapped known, Title and dates present (the
// identification is standard.cpp's).
void check_info(QPDFObjectHandle info, Report& r) {
  const std::string trapped = text_of(info.getKey("/Trapped"));
  if (trapped != "True" && trapped != "False")
    r.error(code::kPdfxInfo, 0, "trapped", "Info /Trapped must be /True or /False (ISO 15930-7)");
  if (text_of(info.getKey("/Title")).empty()) r.error(code::kPdfxInfo, 0, "title", "Info has no /Title");
  for (const char* k : {"/CreationDate", "/ModDate"})
    if (!pdf_date(text_of(info.getKey(k))))
      r.error(code::kPdfxInfo, 0, k, std::string("Info has no valid ") + k);
}

// PDF/X-4 requires XMP (ISO 15930-7 §6.7.2); PDF/X-1a:2001 and X-3:2002 do not, and an
// XMP packet there need only agree with Info (check_agreement).
void check_xmp(const std::string& xmp, base::PdfX standard, Report& r) {
  if (standard != base::PdfX::X4) return;
  if (xmp.empty()) {
    r.error(code::kPdfxXmp, 0, "missing", "no XMP metadata stream in the catalog (ISO 15930-7 §6.7.2)");
    return;
  }
  for (const char* p : {"xmp:CreateDate", "xmp:ModifyDate", "pdf:Trapped", "xmpMM:DocumentID", "dc:title"})
    if (!xmp_value(xmp, p)) r.error(code::kPdfxXmp, 0, p, std::string("XMP has no ") + p);
  for (const char* p : {"xmpMM:VersionID", "xmpMM:RenditionClass"})
    if (!xmp_value(xmp, p)) r.warn(code::kPdfxXmp, 0, p, std::string("XMP has no ") + p);
}

void agree(Report& r, const std::string& what, const std::string& info, const std::optional<std::string>& xmp) {
  if (info.empty() || !xmp) return;  // a missing one is reported on its own
  if (info != *xmp)
    r.error(code::kPdfxMismatch, 0, what, "Info and XMP disagree on " + what + ": '" + info + "' vs '" + *xmp + "'");
}

void agree_date(Report& r, const std::string& what, const std::string& info, const std::optional<std::string>& xmp) {
  if (info.empty() || !xmp) return;
  if (pdf_date(info) != xmp_date(*xmp))
    r.error(code::kPdfxMismatch, 0, what, "Info and XMP disagree on " + what + ": '" + info + "' vs '" + *xmp + "'");
}

void check_agreement(QPDFObjectHandle info, const std::string& xmp, Report& r) {
  if (xmp.empty()) return;
  agree(r, "Trapped", text_of(info.getKey("/Trapped")), xmp_value(xmp, "pdf:Trapped"));
  agree(r, "Title", text_of(info.getKey("/Title")), xmp_value(xmp, "dc:title"));
  agree(r, "Producer", text_of(info.getKey("/Producer")), xmp_value(xmp, "pdf:Producer"));
  agree(r, "Creator", text_of(info.getKey("/Creator")), xmp_value(xmp, "xmp:CreatorTool"));
  agree_date(r, "CreationDate", text_of(info.getKey("/CreationDate")), xmp_value(xmp, "xmp:CreateDate"));
  agree_date(r, "ModDate", text_of(info.getKey("/ModDate")), xmp_value(xmp, "xmp:ModifyDate"));
}

// ICC.1 §7.2: bytes 12–15 device class, 16–19 colour space, 36–39 'acsp'.
void check_profile(QPDFObjectHandle icc, Report& r) {
  std::string bytes;
  if (decode_stream(icc, qpdf_dl_generalized, kMaxMetaBytes, bytes) != Decoded::Ok) {
    r.error(code::kOutputIntent, 0, "icc",
            "the output intent's DestOutputProfile cannot be decoded, or decodes to more than " +
                budget_text(kMaxMetaBytes) + ": it is not checked");
    return;
  }
  const std::string h = bytes.substr(0, 128);
  if (h.size() < 128 || h.substr(36, 4) != "acsp") {
    r.error(code::kOutputIntent, 0, "icc", "the output intent's DestOutputProfile is not an ICC profile");
    return;
  }
  if (const auto why = base::icc_layout_problem(bytes)) {  // a plant's RIP refuses a cut-short one
    r.error(code::kOutputIntent, 0, "icc", "the output intent's DestOutputProfile cannot be used: " + *why);
    return;
  }
  if (h.substr(12, 4) != "prtr")
    r.error(code::kOutputIntent, 0, "class", "the output profile is of class '" + h.substr(12, 4) + "', not an output (prtr) profile");
  if (h.substr(16, 4) != "CMYK")
    r.warn(code::kOutputIntent, 0, "cmyk", "the output profile's colour space is '" + h.substr(16, 4) + "', not CMYK");
}

// ISO 15930-1 and -3 let a file name a registered characterisation (RegistryName, and
// an OutputConditionIdentifier that is not "Custom") without embedding its profile;
// PDF/X-4 always needs the profile.
bool profile_needed(QPDFObjectHandle intent, base::PdfX standard) {
  if (standard == base::PdfX::X4) return true;
  const std::string id = text_of(intent.getKey("/OutputConditionIdentifier"));
  return text_of(intent.getKey("/RegistryName")).empty() || id.empty() || id == "Custom";
}

void check_output_intent(QPDF& pdf, base::PdfX standard, Report& r) {
  auto intents = pdf.getRoot().getKey("/OutputIntents");
  std::vector<QPDFObjectHandle> pdfx;
  for (int i = 0; intents.isArray() && i < intents.getArrayNItems(); ++i) {
    auto oi = intents.getArrayItem(i);
    if (oi.isDictionary() && is_name(oi.getKey("/S"), "/GTS_PDFX")) pdfx.push_back(oi);
  }
  if (pdfx.size() != 1) {
    r.error(code::kOutputIntent, 0, "count",
            "expected exactly one /GTS_PDFX output intent, found " + std::to_string(pdfx.size()));
    if (pdfx.empty()) return;
  }
  if (text_of(pdfx[0].getKey("/OutputConditionIdentifier")).empty())
    r.error(code::kOutputIntent, 0, "id", "the output intent has no OutputConditionIdentifier");
  auto icc = pdfx[0].getKey("/DestOutputProfile");
  if (!icc.isStream()) {
    if (profile_needed(pdfx[0], standard))
      r.error(code::kOutputIntent, 0, "profile", "the output intent has no embedded DestOutputProfile");
    return;
  }
  check_profile(icc, r);
}

}  // namespace

std::string read_xmp(QPDF& pdf) {
  auto md = pdf.getRoot().getKey("/Metadata");
  if (!md.isStream()) return {};
  std::string xmp;  // one that cannot be decoded within the budget counts as none
  decode_stream(md, qpdf_dl_generalized, kMaxMetaBytes, xmp);
  return xmp;
}

void check_document(QPDF& pdf, base::PdfX standard, Report& r) {
  if (pdf.isEncrypted()) r.error(code::kStructure, 0, "encrypted", "the PDF is encrypted (not allowed in PDF/X)");
  if (!pdf.getTrailer().getKey("/ID").isArray()) r.error(code::kStructure, 0, "id", "the trailer has no /ID");
  auto info = pdf.getTrailer().getKey("/Info");
  if (!info.isDictionary()) info = QPDFObjectHandle::newDictionary();
  const std::string xmp = read_xmp(pdf);
  check_identification(info, xmp, standard, r);
  check_info(info, r);
  check_xmp(xmp, standard, r);
  check_agreement(info, xmp, r);
  check_output_intent(pdf, standard, r);
}

}  // namespace preflight
