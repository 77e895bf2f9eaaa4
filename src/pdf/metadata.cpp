// PDF/X identification (ISO 15930-7 §6.7 and §6.2.4): Info and XMP say the same
// (GTS_PDFXVersion, Trapped, dates, title, producer), and exactly one GTS_PDFX output
// intent carries the embedded CMYK profile. Never claim a condition whose profile is
// not the one embedded (docs/print.md "Output condition").
#include <lcms2.h>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <cctype>

#include "pdf/metadata.h"
#include "pdf/util.h"

namespace pdf {

namespace {

struct Date {
  std::string pdf;  // "D:20240105000000Z" / "D:20240105080000+08'00'"
  std::string xmp;  // "2024-01-05T00:00:00Z" / "2024-01-05T08:00:00+08:00"
};

bool digits(const std::string& s, std::size_t at, std::size_t n) {
  if (at + n > s.size()) return false;
  for (std::size_t i = at; i < at + n; ++i)
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  return true;
}

// Accepts "YYYY-MM-DDTHH:MM:SS" followed by "Z" or "±HH:MM" (the date, already
// resolved from SOURCE_DATE_EPOCH by the caller; never the clock).
Date parse_date(const std::string& iso) {
  const bool ok = iso.size() >= 20 && digits(iso, 0, 4) && iso[4] == '-' && digits(iso, 5, 2) && iso[7] == '-' &&
                  digits(iso, 8, 2) && iso[10] == 'T' && digits(iso, 11, 2) && iso[13] == ':' && digits(iso, 14, 2) &&
                  iso[16] == ':' && digits(iso, 17, 2) &&
                  ((iso.size() == 20 && iso[19] == 'Z') ||
                   (iso.size() == 25 && (iso[19] == '+' || iso[19] == '-') && digits(iso, 20, 2) && iso[22] == ':' &&
                    digits(iso, 23, 2)));
  if (!ok)
    throw base::Error({}, "PDF date '" + iso + "' is not YYYY-MM-DDTHH:MM:SS with Z or ±HH:MM",
                      "give the issue date as e.g. 2024-01-05T06:00:00Z");
  std::string pdf = "D:" + iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2) + iso.substr(11, 2) +
                    iso.substr(14, 2) + iso.substr(17, 2);
  pdf += iso[19] == 'Z' ? std::string("Z") : iso.substr(19, 3) + "'" + iso.substr(23, 2) + "'";
  return {pdf, iso};
}

std::string xml_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '"') out += "&quot;";
    else out += c;
  }
  return out;
}

// xmpMM IDs as UUIDs taken from the content digest: same input, same IDs (docs/print.md
// "Deterministic").
std::string uuid(const std::string& hex32) {
  return "uuid:" + hex32.substr(0, 8) + "-" + hex32.substr(8, 4) + "-" + hex32.substr(12, 4) + "-" +
         hex32.substr(16, 4) + "-" + hex32.substr(20, 12);
}

// The PDF/X identification in XMP. PDF/X-4 defines pdfxid:GTS_PDFXVersion (ISO 15930-7
// §6.7.2). PDF/X-1a:2001 and X-3:2002 define none: their keys are Info keys, which XMP
// mirrors in Adobe's namespace for Info keys, pdfx: (as Acrobat and InDesign write them).
std::string xmp_pdfx(const Conformance& c) {
  if (c.standard == base::PdfX::X4)
    return "   <pdfxid:GTS_PDFXVersion>" + xml_escape(c.pdfx_version) + "</pdfxid:GTS_PDFXVersion>\n";
  std::string x = "   <pdfx:GTS_PDFXVersion>" + xml_escape(c.pdfx_version) + "</pdfx:GTS_PDFXVersion>\n";
  if (!c.pdfx_conformance.empty())
    x += "   <pdfx:GTS_PDFXConformance>" + xml_escape(c.pdfx_conformance) + "</pdfx:GTS_PDFXConformance>\n";
  return x;
}

std::string xmp_packet(const std::string& title, const std::string& producer, const Date& d,
                       const std::string& digest, const Conformance& c) {
  std::string x = "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n";
  x += "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n";
  x += "  <rdf:Description rdf:about=\"\"\n    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
       "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
       "    xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\"\n"
       "    xmlns:" + std::string(c.standard == base::PdfX::X4 ? "pdfxid=\"http://www.npes.org/pdfx/ns/id/\""
                                                                  : "pdfx=\"http://ns.adobe.com/pdfx/1.3/\"") +
       ">\n";
  x += "   <dc:format>application/pdf</dc:format>\n";
  x += "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escape(title) + "</rdf:li></rdf:Alt></dc:title>\n";
  x += "   <xmp:CreateDate>" + d.xmp + "</xmp:CreateDate>\n";
  x += "   <xmp:ModifyDate>" + d.xmp + "</xmp:ModifyDate>\n";
  x += "   <xmp:MetadataDate>" + d.xmp + "</xmp:MetadataDate>\n";
  x += "   <xmp:CreatorTool>" + xml_escape(producer) + "</xmp:CreatorTool>\n";
  x += "   <pdf:Producer>" + xml_escape(producer) + "</pdf:Producer>\n";
  x += "   <pdf:Trapped>False</pdf:Trapped>\n";
  x += "   <xmpMM:DocumentID>" + uuid(digest) + "</xmpMM:DocumentID>\n";
  x += "   <xmpMM:InstanceID>" + uuid(digest) + "</xmpMM:InstanceID>\n";
  x += "   <xmpMM:VersionID>1</xmpMM:VersionID>\n";
  x += "   <xmpMM:RenditionClass>default</xmpMM:RenditionClass>\n";
  x += xmp_pdfx(c);
  x += "  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n";
  x += std::string(20, ' ') + "\n";  // a little padding so the packet can be edited in place
  x += "<?xpacket end=\"w\"?>";
  return x;
}

std::string title_of(const Options& opt) { return opt.title.empty() ? std::string("Untitled") : opt.title; }

}  // namespace

void set_pdfx_metadata(QPDF& pdf, const Options& opt, const std::string& digest) {
  const Conformance& c = opt.conformance;
  const Date d = parse_date(opt.date_iso);
  // Info holds only what XMP mirrors: facts that could disagree are not written
  // (ISO 15930-7 §6.7.2).
  auto info = QPDFObjectHandle::newDictionary();
  info.replaceKey("/Title", QPDFObjectHandle::newUnicodeString(title_of(opt)));
  info.replaceKey("/Creator", QPDFObjectHandle::newUnicodeString(opt.producer));
  info.replaceKey("/Producer", QPDFObjectHandle::newUnicodeString(opt.producer));
  info.replaceKey("/CreationDate", QPDFObjectHandle::newString(d.pdf));
  info.replaceKey("/ModDate", QPDFObjectHandle::newString(d.pdf));
  info.replaceKey("/Trapped", QPDFObjectHandle::newName("/False"));
  info.replaceKey("/GTS_PDFXVersion", QPDFObjectHandle::newString(c.pdfx_version));
  if (!c.pdfx_conformance.empty())  // "PDF/X-1a:2001" (ISO 15930-1)
    info.replaceKey("/GTS_PDFXConformance", QPDFObjectHandle::newString(c.pdfx_conformance));
  pdf.getTrailer().replaceKey("/Info", pdf.makeIndirectObject(info));

  auto xmp = QPDFObjectHandle::newStream(&pdf, xmp_packet(title_of(opt), opt.producer, d, digest, c));
  xmp.getDict().replaceKey("/Type", QPDFObjectHandle::newName("/Metadata"));
  xmp.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/XML"));
  pdf.getRoot().replaceKey("/Metadata", xmp);
}

void set_output_intent(QPDF& pdf, const Options& opt, const OutputProfile& profile) {
  auto icc = QPDFObjectHandle::newStream(&pdf, profile.flate);
  icc.getDict().replaceKey("/N", QPDFObjectHandle::newInteger(4));
  icc.getDict().replaceKey("/Filter", QPDFObjectHandle::newName("/FlateDecode"));
  const OutputCondition& oc = opt.output;
  const std::string info = oc.info.empty() ? profile.description : oc.info;
  auto intent = QPDFObjectHandle::newDictionary();
  intent.replaceKey("/Type", QPDFObjectHandle::newName("/OutputIntent"));
  intent.replaceKey("/S", QPDFObjectHandle::newName("/GTS_PDFX"));
  intent.replaceKey("/OutputConditionIdentifier",
                    QPDFObjectHandle::newUnicodeString(oc.identifier.empty() ? "Custom" : oc.identifier));
  intent.replaceKey("/OutputCondition", QPDFObjectHandle::newUnicodeString(info));
  intent.replaceKey("/Info", QPDFObjectHandle::newUnicodeString(info));
  if (!oc.registry.empty()) intent.replaceKey("/RegistryName", QPDFObjectHandle::newUnicodeString(oc.registry));
  intent.replaceKey("/DestOutputProfile", icc);
  auto intents = QPDFObjectHandle::newArray();
  intents.appendItem(pdf.makeIndirectObject(intent));
  pdf.getRoot().replaceKey("/OutputIntents", intents);  // exactly one (ISO 15930-7 §6.2.4)
}

OutputProfile read_output_profile(const std::filesystem::path& file) {
  OutputProfile p;
  p.bytes = base::read_file(file);
  cmsContext ctx = cmsCreateContext(nullptr, nullptr);
  cmsHPROFILE h = cmsOpenProfileFromMemTHR(ctx, p.bytes.data(), static_cast<cmsUInt32Number>(p.bytes.size()));
  const bool output_cmyk = h && cmsGetDeviceClass(h) == cmsSigOutputClass && cmsGetColorSpace(h) == cmsSigCmykData;
  if (h) {
    char buf[256] = {};
    cmsGetProfileInfoASCII(h, cmsInfoDescription, "en", "US", buf, sizeof buf);
    p.description = buf;
    cmsCloseProfile(h);
  }
  cmsDeleteContext(ctx);
  if (!output_cmyk)
    throw base::Error({file.string(), 0},
                      h ? "'" + file.string() + "' is not an output (printer) CMYK ICC profile"
                        : "'" + file.string() + "' is not a readable ICC profile",
                      "give --output-profile the press's CMYK output profile (device class 'prtr', colour space CMYK)");
  if (p.description.empty()) p.description = file.filename().string();
  return p;
}

OutputCondition default_output_condition(const base::Context& ctx) {
  OutputCondition oc;
  oc.profile = ctx.data_dir / "icc" / "paperset-newsprint-tr002.icc";
  // Registered reference name of the characterisation data the profile was built
  // from (ICC Characterization Data Registry; data/icc/README.md).
  oc.identifier = "CGATS TR 002";
  oc.registry = "http://www.color.org";
  oc.info = "Coldset offset on newsprint, ANSI CGATS/SNAP TR 002-2007 characterization data; "
            "profile 'paperset newsprint CGATS TR 002, TAC 240%'";
  return oc;
}

OutputCondition custom_output_condition(const std::filesystem::path& icc) {
  const OutputProfile p = read_output_profile(icc);
  return {icc, "Custom", p.description, ""};
}


}  // namespace pdf
